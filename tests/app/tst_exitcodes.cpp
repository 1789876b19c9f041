// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Exit codes that CI can trust, through the real binary: a result that could not be written to
// standard output is trouble (exit 2), a command that only reads a ledger never creates one (a
// mistyped --db is "no such ledger"; the default ledger, never used yet, reads as empty and stays
// uncreated), and a check that found no cutover record is trouble rather than "Aligned."
#include "signoffworkspace.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::Run;
using TestSupport::run;
using TestSupport::Workspace;

namespace {

QString sample(const char *name)
{
    return TestSupport::samplePath(QString::fromLatin1(name));
}

const QString left = sample("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md");
const QString right = sample("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md");

// Every file below `dir`, to show that nothing was created there.
QStringList filesBelow(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

// An environment whose settings and data folders are empty folders below `dir`: no ledger is
// configured, and the default ledger does not exist yet.
QProcessEnvironment freshUser(const QTemporaryDir &dir)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    return environment;
}

} // namespace

class TestExitCodes : public QObject
{
    Q_OBJECT

private:
    // One ledger with a sign-off and a risk decision, and an export of the record: what the commands
    // below read. Made once: the rows only read them.
    Workspace m_signed;
    QString m_exported;

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_signed.signOff(0).exitCode, 0);
        QCOMPARE(run({QStringLiteral("review"), m_signed.record, QStringLiteral("--db"), m_signed.db,
                         QStringLiteral("--item"), QStringLiteral("1"), QStringLiteral("--decision"),
                         QStringLiteral("accepted"), QStringLiteral("--by"), QStringLiteral("Ana Ruiz")})
                     .exitCode,
            0);
        m_exported = m_signed.dir.filePath(QStringLiteral("exported.md"));
        QCOMPARE(m_signed
                     .command(QStringLiteral("export"),
                         {m_signed.record, QStringLiteral("--allow-open"), QStringLiteral("-o"), m_exported})
                     .exitCode,
            0);
    }

    // Standard output on a full disk (/dev/full): whatever the command and however little it
    // writes, the run ends with exit 2 and says so once, instead of exit 0 and an empty file.
    void failedStandardOutputIsTrouble_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString db = m_signed.db;
        const QString record = m_signed.record;
        const QString tiny = TestSupport::dataPath(QStringLiteral("input/decision-record.md"));
        QTest::newRow("show --json") << QStringList{QStringLiteral("show"), QStringLiteral("--json"), tiny};
        QTest::newRow("show --json, long output") << QStringList{
            QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("--pretty"), right};
        QTest::newRow("show") << QStringList{QStringLiteral("show"), tiny};
        QTest::newRow("lint") << QStringList{QStringLiteral("lint"), tiny};
        QTest::newRow("digest") << QStringList{QStringLiteral("digest"), tiny};
        QTest::newRow("diff") << QStringList{
            QStringLiteral("diff"), tiny, TestSupport::dataPath(QStringLiteral("input/variant-crlf.md"))};
        QTest::newRow("diff, long output") << QStringList{QStringLiteral("diff"), left, right};
        QTest::newRow("compare") << QStringList{QStringLiteral("compare"), left, right};
        QTest::newRow("check") << QStringList{
            QStringLiteral("check"), TestSupport::dataPath(QStringLiteral("cutover/clean"))};
        QTest::newRow("status") << QStringList{QStringLiteral("status"), record, QStringLiteral("--db"), db};
        QTest::newRow("review") << QStringList{QStringLiteral("review"), record, QStringLiteral("--db"), db};
        QTest::newRow("export") << QStringList{
            QStringLiteral("export"), record, QStringLiteral("--allow-open"), QStringLiteral("--db"), db};
        QTest::newRow("verify") << QStringList{
            QStringLiteral("verify"), m_exported, QStringLiteral("--db"), db};
        QTest::newRow("ledger verify")
            << QStringList{QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--db"), db};
        QTest::newRow("help") << QStringList{QStringLiteral("help")};
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
        QTest::newRow("version") << QStringList{QStringLiteral("version")};
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")};
    }

    void failedStandardOutputIsTrouble()
    {
        QFETCH(QStringList, arguments);
        // The same run to a pipe writes something, so a failure below is the output's.
        const Run written = run(arguments);
        QVERIFY(!written.out.isEmpty());
        QVERIFY2(written.exitCode == 0 || written.exitCode == 1, qPrintable(written.err));

        const Run full = TestSupport::runToFullDevice(arguments);
        QVERIFY(!full.crashed);
        QCOMPARE(full.exitCode, 2);
        QVERIFY2(full.err.endsWith(QStringLiteral("countersign: cannot write standard output: No space left "
                                                  "on device\n")),
            qPrintable(full.err));
        QCOMPARE(full.err.count(QStringLiteral("cannot write")), 1);
    }

    // A ledger named by --db that does not exist (a typo) is not created by a command that only
    // reads it: "no such ledger", exit 2, and no folder or file appears.
    void missingLedgerIsNotCreated_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("arguments");
        const QString record = m_signed.record;
        QTest::newRow("status") << QStringLiteral("status") << QStringList{record};
        QTest::newRow("review") << QStringLiteral("review") << QStringList{record};
        QTest::newRow("review --json")
            << QStringLiteral("review") << QStringList{record, QStringLiteral("--json")};
        QTest::newRow("export") << QStringLiteral("export")
                                << QStringList{record, QStringLiteral("--allow-open")};
        QTest::newRow("verify --db") << QStringLiteral("verify") << QStringList{m_exported};
        QTest::newRow("ledger verify") << QStringLiteral("ledger") << QStringList{QStringLiteral("verify")};
    }

    void missingLedgerIsNotCreated()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        const QString typo = dir.filePath(QStringLiteral("ledgr/ledger.sqlite"));
        const Run result = run(QStringList{command} + arguments + QStringList{QStringLiteral("--db"), typo});
        QVERIFY(!result.crashed);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("countersign: %1: no such ledger").arg(typo)),
            qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("ledgr"))));
    }

    // Without --db, a user who never signed anything has no ledger yet: status, review and export
    // read it as empty (every role pending) and leave it uncreated; ledger verify has nothing to
    // verify and says so. Signing still creates it.
    void defaultLedgerIsNotCreatedByReading()
    {
        QTemporaryDir dir;
        const QProcessEnvironment user = freshUser(dir);
        const QString record = m_signed.record;

        const Run status = run({QStringLiteral("status"), record}, user);
        QCOMPARE(status.exitCode, 1);
        QCOMPARE(status.out.count(": pending"), 5);
        QVERIFY2(status.err.isEmpty(), qPrintable(status.err));
        const Run review = run({QStringLiteral("review"), record}, user);
        QCOMPARE(review.exitCode, 0);
        QVERIFY(review.out.contains(" open"));
        const Run exported = run({QStringLiteral("export"), record, QStringLiteral("--allow-open")}, user);
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(exported.out.contains("**NOT FINAL: open sign-offs**"));
        QCOMPARE(filesBelow(dir.path()), QStringList());

        const Run verified = run({QStringLiteral("ledger"), QStringLiteral("verify")}, user);
        QCOMPARE(verified.exitCode, 2);
        QVERIFY2(verified.err.contains(QStringLiteral(": no such ledger")), qPrintable(verified.err));
        QVERIFY(verified.out.isEmpty());
        QCOMPARE(filesBelow(dir.path()), QStringList());

        const Run signed_ =
            run({QStringLiteral("signoff"), record, QStringLiteral("--role"), TestSupport::roles.at(0),
                    QStringLiteral("--signer"), TestSupport::signers.at(0), QStringLiteral("--approve")},
                user);
        QCOMPARE(signed_.exitCode, 0);
        QCOMPARE(filesBelow(dir.path()),
            QStringList{dir.filePath(QStringLiteral("data/Countersign/countersign/countersign.sqlite"))});
        QCOMPARE(run({QStringLiteral("ledger"), QStringLiteral("verify")}, user).exitCode, 0);
    }

    // A check that found no cutover record checked nothing: exit 2 and the folder named, in text and
    // JSON, never "Aligned."
    void checkOfNoRecordIsTrouble_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty folder") << QByteArray();
        QTest::newRow("only a README") << QByteArray("# Notes\n\nNothing to see here.\n");
    }

    void checkOfNoRecordIsTrouble()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        if (!content.isEmpty())
            QVERIFY(TestSupport::writeBytes(dir.filePath(QStringLiteral("README.md")), content));
        const Run text = run({QStringLiteral("check"), dir.path()});
        QVERIFY(!text.crashed);
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(
            text.err.contains(QStringLiteral("countersign: no cutover records found in %1").arg(dir.path())),
            qPrintable(text.err));
        QVERIFY2(!text.out.contains("Aligned"), text.out.constData());

        const Run json = run({QStringLiteral("check"), QStringLiteral("--json"), dir.path()});
        QCOMPARE(json.exitCode, 2);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(json.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(u"aligned").toBool(true), false);
        QVERIFY2(
            root.value(u"headline").toString().contains(u"no cutover records found"), json.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestExitCodes)
#include "tst_exitcodes.moc"
