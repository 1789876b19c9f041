// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Exit codes that CI can trust, through the real binary: a result that could not be written to
// standard output is trouble (exit 2), and so is a check that found no cutover record, rather than
// "Aligned."
#include "signoffworkspace.h"

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
