// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The sign-off commands through the real binary: signoff, status, export, verify and ledger verify
// over one ledger file, their refusals and exit codes, tampering found, and bad ledgers reported by
// name and left untouched.
#include "signoffworkspace.h"
#include "sqlsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::roles;
using TestSupport::run;
using TestSupport::signers;
using TestSupport::Workspace;

class TestSignOff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signExportVerify()
    {
        Workspace w;
        for (int role = 0; role < 5; ++role) {
            const TestSupport::Run signed_ = w.signOff(role);
            QCOMPARE(signed_.exitCode, 0);
            QVERIFY(signed_.out.contains(QStringLiteral("approved by %1, unsigned (ledger entry %2")
                    .arg(signers.at(role))
                    .arg(role + 1)
                    .toUtf8()));
            if (role < 4) {
                const TestSupport::Run status = w.command(QStringLiteral("status"), {w.record});
                QCOMPARE(status.exitCode, 1);
                QVERIFY(status.out.contains("Not final: "));
            }
        }
        const TestSupport::Run status = w.command(QStringLiteral("status"), {w.record});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.out.contains("Final: every role approved this content."));

        const QString finalized = w.dir.filePath(QStringLiteral("final.md"));
        QCOMPARE(
            w.command(QStringLiteral("export"), {w.record, QStringLiteral("-o"), finalized}).exitCode, 0);
        TestSupport::Run verified = w.command(QStringLiteral("verify"), {finalized});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY(verified.out.contains("valid and final: content digest"));
        QCOMPARE(run({QStringLiteral("verify"), finalized}).exitCode, 0); // without the ledger too

        // To stdout when no file is named: the same bytes but for the export time.
        const TestSupport::Run toStdout = w.command(QStringLiteral("export"), {w.record});
        QCOMPARE(toStdout.exitCode, 0);
        QVERIFY(toStdout.out.startsWith("# Runtime Cutover Decision Record\n"));

        // One character of the exported file changed: tampered, said what differs.
        QByteArray bytes = TestSupport::readBytes(finalized);
        bytes.replace("v2.1.0", "v2.1.1");
        QVERIFY(TestSupport::writeBytes(finalized, bytes));
        verified = run({QStringLiteral("verify"), finalized});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY(verified.err.contains(QStringLiteral("tampered")));
        QVERIFY(verified.err.contains(QStringLiteral("the content was changed after export")));
    }

    void refusals()
    {
        Workspace w;
        QCOMPARE(w.signOff(0).exitCode, 0);
        // The same person for a second role.
        TestSupport::Run twice = run({QStringLiteral("signoff"), w.record, QStringLiteral("--db"), w.db,
            QStringLiteral("--role"), roles.at(1), QStringLiteral("--signer"), QStringLiteral("ana ruiz"),
            QStringLiteral("--approve")});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY(twice.err.contains(QStringLiteral("already approved")));
        // A rejection without a comment, then with one.
        QCOMPARE(w.signOff(1, QStringLiteral("--reject")).exitCode, 1);
        QCOMPARE(w.signOff(1, QStringLiteral("--reject"),
                      {QStringLiteral("--comment"), QStringLiteral("no rollback drill")})
                     .exitCode,
            0);
        const TestSupport::Run status = w.command(QStringLiteral("status"), {w.record});
        QVERIFY(
            status.out.contains("Harbor incident commander role (Harbor Platform On-Call Lead): rejected"));
        QVERIFY(status.out.contains("\"no rollback drill\""));
        // An unknown role; a missing signer (usage).
        const TestSupport::Run unknown = run({QStringLiteral("signoff"), w.record, QStringLiteral("--db"),
            w.db, QStringLiteral("--role"), QStringLiteral("Mascot"), QStringLiteral("--signer"),
            QStringLiteral("Zed"), QStringLiteral("--approve")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("names no role \"Mascot\"")));
        QCOMPARE(run({QStringLiteral("signoff"), w.record, QStringLiteral("--role"), roles.at(0),
                         QStringLiteral("--approve")})
                     .exitCode,
            2);
        // Export is refused while roles are open; --allow-open exports with the banner.
        const TestSupport::Run refused = w.command(QStringLiteral("export"), {w.record});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(QStringLiteral("is not final")));
        const TestSupport::Run open =
            w.command(QStringLiteral("export"), {w.record, QStringLiteral("--allow-open")});
        QCOMPARE(open.exitCode, 0);
        QVERIFY(open.out.contains("**NOT FINAL: open sign-offs**"));
    }

    // Editing the record after sign-off makes the approvals stale.
    void editsMakeApprovalsStale()
    {
        Workspace w;
        for (int role = 0; role < 5; ++role)
            QCOMPARE(w.signOff(role).exitCode, 0);
        QByteArray bytes = TestSupport::readBytes(w.record);
        bytes.replace("api.v4", "api.v5");
        QVERIFY(TestSupport::writeBytes(w.record, bytes));
        const TestSupport::Run status = w.command(QStringLiteral("status"), {w.record});
        QCOMPARE(status.exitCode, 1);
        QCOMPARE(status.out.count(": stale — "), 5);
        QCOMPARE(w.command(QStringLiteral("export"), {w.record}).exitCode, 1);
    }

    void tamperedLedgerNamesTheEntry()
    {
        Workspace w;
        for (int role = 0; role < 3; ++role)
            QCOMPARE(w.signOff(role).exitCode, 0);
        TestSupport::Run verified =
            run({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--db"), w.db});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY(verified.out.contains("sign-offs: 3 (0 signed, every signature verifies), risk decisions: 0; "
                                      "both hash chains are intact."));
        const QString finalized = w.dir.filePath(QStringLiteral("open.md"));
        QCOMPARE(w.command(QStringLiteral("export"),
                      {w.record, QStringLiteral("--allow-open"), QStringLiteral("-o"), finalized})
                     .exitCode,
            0);

        QVERIFY(TestSupport::execSql(w.db,
            {QStringLiteral("DROP TRIGGER signoff_append_only_update"),
                QStringLiteral("UPDATE signoff SET signer = 'Mallory' WHERE id = 2")}));
        verified = run({QStringLiteral("ledger"), QStringLiteral("verify"), QStringLiteral("--db"), w.db});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.err.contains(QStringLiteral("tampered: entry 2")), qPrintable(verified.err));
        // The exported row of entry 2 no longer matches the ledger.
        const TestSupport::Run checked = w.command(QStringLiteral("verify"), {finalized});
        QCOMPARE(checked.exitCode, 1);
        QVERIFY(checked.err.contains(QStringLiteral("fails its check")));
        QVERIFY(checked.err.contains(QStringLiteral("by Ben Okafor")));
        QVERIFY(checked.err.contains(QStringLiteral("is not in the ledger")));
    }

    // Without --db, the ledger chosen in the window's settings is used.
    void settingsNameTheLedger()
    {
        Workspace w;
        QCOMPARE(w.signOff(0).exitCode, 0);
        const QString config = w.dir.filePath(QStringLiteral("config"));
        QVERIFY(QDir().mkpath(config + QStringLiteral("/Countersign")));
        QVERIFY(TestSupport::writeBytes(config + QStringLiteral("/Countersign/countersign.conf"),
            QStringLiteral("[signoff]\ndatabase=%1\n").arg(w.db).toUtf8()));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        const TestSupport::Run status = run({QStringLiteral("status"), w.record}, environment);
        QVERIFY(status.out.contains(QStringLiteral("approved — %1").arg(signers.at(0)).toUtf8()));
    }

    void badLedgers_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("not sqlite") << QByteArray("text") << QStringLiteral("not an SQLite database");
        QTest::newRow("truncated") << QByteArray("truncated") << QStringLiteral("damaged");
        QTest::newRow("newer schema") << QByteArray("newer") << QStringLiteral("newer Countersign");
        QTest::newRow("read-only") << QByteArray("readonly") << QStringLiteral("read-only");
    }

    void badLedgers()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QString, message);
        Workspace w;
        if (kind == "text") {
            QVERIFY(TestSupport::writeBytes(w.db, "id,signer\n1,Ann\n"));
        } else {
            for (int i = 0; i < 80; ++i)
                QCOMPARE(w.signOff(i % 2, QStringLiteral("--withdraw"),
                              {QStringLiteral("--comment"), QStringLiteral("later")})
                             .exitCode,
                    0);
            if (kind == "newer") {
                QVERIFY(TestSupport::execSql(w.db, {QStringLiteral("PRAGMA user_version = 7")}));
            } else if (kind == "truncated") {
                const QByteArray bytes = TestSupport::readBytes(w.db);
                QVERIFY(TestSupport::writeBytes(w.db, bytes.left(bytes.size() / 2)));
            } else {
                QVERIFY(QFile::setPermissions(w.db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
            }
        }
        const QByteArray before = TestSupport::readBytes(w.db);
        const TestSupport::Run signed_ = w.signOff(2);
        QCOMPARE(signed_.exitCode, 2);
        QVERIFY2(signed_.err.contains(w.db) && signed_.err.contains(message), qPrintable(signed_.err));
        QVERIFY(!signed_.crashed);
        QCOMPARE(TestSupport::readBytes(w.db), before);
        // A read-only ledger still answers: the status is read.
        if (kind == "readonly") {
            const TestSupport::Run status = w.command(QStringLiteral("status"), {w.record});
            QCOMPARE(status.exitCode, 1);
            QVERIFY(status.out.contains("pending"));
            QCOMPARE(TestSupport::readBytes(w.db), before);
        }
    }
};

QTEST_GUILESS_MAIN(TestSignOff)
#include "tst_signoff.moc"
