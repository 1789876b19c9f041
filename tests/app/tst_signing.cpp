// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Signed sign-offs through the real binary and real keys (ssh-keygen, throwaway Ed25519 keys in a
// temporary folder): a full cycle with five keys checked by `verify` and by plain ssh-keygen, a forged
// export and a rewritten ledger caught, each reason a signature does not count, finality derived
// rather than read from the banner, truncation and rollback found with --db, one person one role
// by identity, identities that survive a clone, and names that cannot drive a terminal.
#include "ledger/sqliteledgerstore.h"
#include "signingsupport.h"
#include "signoffworkspace.h"
#include "sqlsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <future>

using TestSupport::roles;
using TestSupport::run;
using TestSupport::Run;
using TestSupport::signers;
using TestSupport::TestKey;

namespace {

const QStringList principals{QStringLiteral("ana@tessera.example"), QStringLiteral("ben@harbor.example"),
    QStringLiteral("chen@tessera.example"), QStringLiteral("dana@harbor.example"),
    QStringLiteral("eli@program.example")};

// A repository with a trust folder and the record in docs/, keys for five people, one ledger.
struct SignedWorkspace
{
    explicit SignedWorkspace(const QString &origin = QStringLiteral("https://git.example/acme/runtime.git"),
        const QStringList &options = {}, const QString &policy = {})
    {
        repo = dir.filePath(QStringLiteral("repo"));
        QDir().mkpath(repo + QStringLiteral("/docs"));
        TestSupport::makeRepository(repo, origin);
        record = repo + QStringLiteral("/docs/record.md");
        TestSupport::writeBytes(record,
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md"))));
        db = dir.filePath(QStringLiteral("ledger.sqlite"));
        keysDir = dir.filePath(QStringLiteral("keys"));
        QDir().mkpath(keysDir);
        for (int i = 0; i < 5; ++i)
            keys.append(TestSupport::makeKey(keysDir, QStringLiteral("key%1").arg(i), principals.at(i)));
        trust = TestSupport::writeTrustFolder(repo, keys, roles, options, policy);
    }
    Run signOff(int role, int key, const QString &decision = QStringLiteral("--approve"),
        const QStringList &extra = {}) const
    {
        return run(QStringList{QStringLiteral("signoff"), record, QStringLiteral("--db"), db,
                       QStringLiteral("--role"), roles.at(role), QStringLiteral("--signer"), signers.at(key),
                       decision, QStringLiteral("--key"), keys.at(key).privateKey} +
            extra);
    }
    Run command(const QString &name, const QStringList &arguments) const
    {
        return run(QStringList{name} + arguments + QStringList{QStringLiteral("--db"), db});
    }
    QString exportTo(const QString &name, const QStringList &extra = {}) const
    {
        const QString out = dir.filePath(name);
        const Run exported =
            command(QStringLiteral("export"), QStringList{record, QStringLiteral("-o"), out} + extra);
        if (exported.exitCode != 0)
            qWarning("export failed: %s", qPrintable(exported.err));
        return out;
    }
    QTemporaryDir dir;
    QString repo;
    QString record;
    QString db;
    QString keysDir;
    QString trust;
    QList<TestKey> keys;
};

int shell(const QString &script, QByteArray *out = nullptr, QByteArray *err = nullptr)
{
    return TestSupport::runTool(QStringLiteral("sh"), {QStringLiteral("-c"), script}, {}, out, err);
}

QString quoted(const QString &path)
{
    return u'\'' + QString(path).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
}

} // namespace

class TestSigning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullCycleWithFiveKeys()
    {
        SignedWorkspace w;
        for (int role = 0; role < 5; ++role) {
            const Run signed_ = w.signOff(role, role);
            QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
            QVERIFY(
                signed_.out.contains(QString(QStringLiteral("signed as ") + principals.at(role)).toUtf8()));
        }
        const Run status = w.command(QStringLiteral("status"), {w.record});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.out.contains(
            QString(QStringLiteral("signed as ") + principals.at(4) + QStringLiteral(" (SHA256:")).toUtf8()));
        const QString finalized = w.exportTo(QStringLiteral("FINAL.md"));
        const QByteArray text = TestSupport::readBytes(finalized);
        QVERIFY(text.contains("<details>"));
        QCOMPARE(text.count("```statement-"), 5);
        QVERIFY(text.contains("Record: `git.example/acme/runtime:docs/record.md`"));

        // verify, offline, with the trust folder found from the file (copied next to the repo's) and given.
        Run verified = run({QStringLiteral("verify"), finalized, QStringLiteral("--signers"), w.trust});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err + QString::fromUtf8(verified.out)));
        QVERIFY(verified.out.contains("valid and final"));
        QVERIFY(verified.out.contains("5 sign-off rows (5 signed)"));
        const QString inRepo = w.repo + QStringLiteral("/docs/FINAL.md");
        QVERIFY(QFile::copy(finalized, inRepo));
        verified = run({QStringLiteral("verify"), inRepo});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY(!verified.err.contains(QLatin1StringView("no trust folder")));
        verified = run({QStringLiteral("verify"), inRepo, QStringLiteral("--db"), w.db});
        QCOMPARE(verified.exitCode, 0);

        // What the README tells a third party to run: the digest with sed and sha256sum, each
        // statement with awk and ssh-keygen -Y verify.
        QByteArray digest;
        QCOMPARE(shell(QStringLiteral("sed '/^<!-- countersign:signoff-begin -->$/,/^<!-- "
                                      "countersign:signoff-end -->$/d' %1 | sha256sum")
                           .arg(quoted(finalized)),
                     &digest),
            0);
        QVERIFY(text.contains(QByteArray(
            QByteArray("Content digest (SHA-256 of the canonical content): `") + digest.left(64) + "`")));
        for (int n = 1; n <= 5; ++n) {
            const QString statement = w.dir.filePath(QStringLiteral("s%1").arg(n));
            QCOMPARE(shell(QStringLiteral("awk '/^```statement-%1$/{f=1;next} /^```$/{f=0} f' %2 > %3 && "
                                          "awk '/^```signature-%1$/{f=1;next} /^```$/{f=0} f' %2 > %3.sig")
                             .arg(n)
                             .arg(quoted(finalized), quoted(statement))),
                0);
            const QString principal = QString::fromUtf8(TestSupport::readBytes(statement))
                                          .section(QStringLiteral("principal: "), 1)
                                          .section(u'\n', 0, 0);
            QByteArray out;
            QByteArray err;
            const int verdict = shell(QStringLiteral("ssh-keygen -Y verify -f %1/allowed_signers -I %2 -n "
                                                     "countersign-signoff -s %3.sig < %3")
                                          .arg(quoted(w.trust), quoted(principal), quoted(statement)),
                &out, &err);
            QVERIFY2(verdict == 0, err.constData());
            QVERIFY(out.contains(
                QByteArray(QByteArray("Good \"countersign-signoff\" signature for ") + principal.toUtf8())));
        }
    }

    // The forgery the issue starts from: commit_sha changed, the digest recomputed with `countersign
    // digest` and patched into the table and the footer. It must fail, naming the row.
    void forgedExportFails()
    {
        SignedWorkspace w;
        for (int role = 0; role < 5; ++role)
            QCOMPARE(w.signOff(role, role).exitCode, 0);
        const QString finalized = w.exportTo(QStringLiteral("FINAL.md"));
        QByteArray bytes = TestSupport::readBytes(finalized);
        const QByteArray before =
            QRegularExpression(QStringLiteral("Content digest \\(SHA-256 of the canonical "
                                              "content\\): `([0-9a-f]{64})`"))
                .match(QString::fromUtf8(bytes))
                .captured(1)
                .toUtf8();
        QVERIFY(!before.isEmpty());
        bytes.replace("3f9c2a7d5e8b1c4f6a0d9e2b7c5a8f1e3d6b9c0a", "0000000000000000000000000000000000000000");
        QVERIFY(TestSupport::writeBytes(finalized, bytes));
        const Run digest = run({QStringLiteral("digest"), finalized});
        const QByteArray after = digest.out.left(64);
        QVERIFY(after != before);
        // The table and the footer patched, the signed statements left as they are.
        QByteArray patched;
        for (QByteArray line : bytes.split('\n')) {
            if (line.startsWith("| ") || line.startsWith("Content digest"))
                line.replace(line.startsWith("| ") ? before.left(12) : before,
                    line.startsWith("| ") ? after.left(12) : after);
            patched += line + '\n';
        }
        patched.chop(1);
        QVERIFY(TestSupport::writeBytes(finalized, patched));
        Run verified = run({QStringLiteral("verify"), finalized, QStringLiteral("--signers"), w.trust});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.err.contains(QLatin1StringView("tampered")), qPrintable(verified.err));
        QVERIFY(verified.err.contains(QStringLiteral("the sign-off of \"%1\"").arg(roles.at(0))));
        QVERIFY2(verified.err.contains(
                     QStringLiteral("the row's digest is \"%1\", its signed statement says \"%2\"")
                         .arg(QString::fromLatin1(after.left(12)), QString::fromLatin1(before.left(12)))),
            qPrintable(verified.err));
        // The statements patched too: their signatures no longer hold.
        patched.replace(before, after);
        QVERIFY(TestSupport::writeBytes(finalized, patched));
        verified = run({QStringLiteral("verify"), finalized, QStringLiteral("--signers"), w.trust});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(
            verified.err.contains(QStringLiteral("the sign-off of \"%1\": the signature of statement 1 does "
                                                 "not hold: bad signature")
                    .arg(roles.at(0))),
            qPrintable(verified.err));
    }

    // A signer whose roles-file grant is for a holder's name signs another role, claiming to be its
    // holder: the statement verifies and the row matches it, but the record names another holder.
    void signerCannotChooseTheHolder()
    {
        SignedWorkspace w;
        const TestKey mallory = TestSupport::makeKey(
            w.keysDir, QStringLiteral("mallory"), QStringLiteral("mallory@elsewhere.example"));
        const QString desk = QStringLiteral("Mallory Desk Lead");
        TestSupport::writeText(w.trust + QStringLiteral("/allowed_signers"),
            QString::fromUtf8(TestSupport::readBytes(w.trust + QStringLiteral("/allowed_signers"))) +
                mallory.principal + u' ' + mallory.publicText + u'\n');
        TestSupport::writeText(w.trust + QStringLiteral("/roles"),
            QString::fromUtf8(TestSupport::readBytes(w.trust + QStringLiteral("/roles"))) + desk +
                QStringLiteral(" = ") + mallory.principal + u'\n');
        for (int role = 0; role < 5; ++role)
            QCOMPARE(w.signOff(role, role).exitCode, 0);
        const QString finalized = w.exportTo(QStringLiteral("FINAL.md"));
        QCOMPARE(
            run({QStringLiteral("verify"), finalized, QStringLiteral("--signers"), w.trust}).exitCode, 0);

        // Ben's statement rewritten as Mallory's, signed by her key; the row patched to match it.
        QString text = QString::fromUtf8(TestSupport::readBytes(finalized));
        const QRegularExpressionMatch row =
            QRegularExpression(QStringLiteral("^\\| %1 \\| ([^|]+) \\|.*statement (\\d+) \\(([^)]+)\\)")
                                   .arg(QRegularExpression::escape(roles.at(1))),
                QRegularExpression::MultilineOption)
                .match(text);
        QVERIFY(row.hasMatch());
        const QString holder = row.captured(1).trimmed();
        const QString number = row.captured(2);
        const QString fence = QStringLiteral("```statement-%1\n").arg(number);
        const qsizetype start = text.indexOf(fence) + fence.size();
        const qsizetype end = text.indexOf(QStringLiteral("```\n"), start);
        QVERIFY(start >= fence.size() && end > start);
        QString statement = text.mid(start, end - start);
        QVERIFY(statement.contains(QStringLiteral("holder: ") + holder + u'\n'));
        statement.replace(
            QStringLiteral("holder: ") + holder + u'\n', QStringLiteral("holder: ") + desk + u'\n');
        statement.replace(QStringLiteral("principal: ") + principals.at(1) + u'\n',
            QStringLiteral("principal: ") + mallory.principal + u'\n');
        text.replace(start, end - start, statement);
        const QString signatureFence = QStringLiteral("```signature-%1\n").arg(number);
        const qsizetype signatureStart = text.indexOf(signatureFence) + signatureFence.size();
        const qsizetype signatureEnd = text.indexOf(QStringLiteral("```\n"), signatureStart);
        QVERIFY(signatureStart >= signatureFence.size() && signatureEnd > signatureStart);
        text.replace(signatureStart, signatureEnd - signatureStart,
            QString::fromUtf8(
                TestSupport::sshSign(mallory, statement.toUtf8(), QStringLiteral("countersign-signoff"))
                    .trimmed()) +
                u'\n');
        const QString rowText = row.captured(0);
        text.replace(rowText,
            QString(rowText)
                .replace(QStringLiteral("| ") + holder + QStringLiteral(" |"),
                    QStringLiteral("| ") + desk + QStringLiteral(" |"))
                .replace(row.captured(3), mallory.principal));
        QVERIFY(TestSupport::writeBytes(finalized, text.toUtf8()));

        const Run verified = run({QStringLiteral("verify"), finalized, QStringLiteral("--signers"), w.trust});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(
            verified.err.contains(QStringLiteral("its signed statement names the holder \"%1\", the record "
                                                 "names \"%2\"")
                    .arg(desk, holder)),
            qPrintable(verified.err));
    }

    // A row rewritten in the database with every hash after it recomputed: the chain holds, the
    // signature does not.
    void rewrittenLedgerRowFails()
    {
        SignedWorkspace w;
        for (int role = 0; role < 3; ++role)
            QCOMPARE(w.signOff(role, role).exitCode, 0);
        QCOMPARE(
            w.signOff(3, 3, QStringLiteral("--reject"), {QStringLiteral("--comment"), QStringLiteral("no")})
                .exitCode,
            0);
        {
            auto store = Countersign::SqliteLedgerStore::open(w.db);
            QVERIFY(store);
            QList<Countersign::SignOffEntry> entries = store.value()->entries().value();
            store.value().reset();
            // The rejection made an approval, its chain rebuilt.
            entries[3].decision = Countersign::SignOffDecision::Approve;
            entries[3].comment.clear();
            entries[3].hash = entries[3].computeHash();
            QVERIFY(TestSupport::execSql(w.db,
                {QStringLiteral("DROP TRIGGER signoff_append_only_update"),
                    QStringLiteral(
                        "UPDATE signoff SET decision = 'approve', comment = '', hash = '%1' WHERE id = 4")
                        .arg(entries[3].hash)}));
        }
        const Run verified = w.command(QStringLiteral("ledger"), {QStringLiteral("verify")});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.err.contains(QLatin1StringView("entry 4: its signature does not hold")),
            qPrintable(verified.err));
        // Never used silently: no signing, no export; status shows it untrusted.
        const Run signed_ = w.signOff(4, 4);
        QCOMPARE(signed_.exitCode, 2);
        QVERIFY(signed_.err.contains(QLatin1StringView("fails its check")));
        const Run exported = w.command(QStringLiteral("export"), {w.record, QStringLiteral("--allow-open")});
        QCOMPARE(exported.exitCode, 2);
        QVERIFY(exported.err.contains(QLatin1StringView("fails its check")));
        const Run status = w.command(QStringLiteral("status"), {w.record});
        QCOMPARE(status.exitCode, 1);
        QVERIFY(status.out.contains("UNTRUSTED LEDGER"));
    }

    void refusalsWithTheirReasons_data()
    {
        QTest::addColumn<QString>("option"); // allowed_signers options for key 0
        QTest::addColumn<QString>("revoke"); // "plain" or "krl" to revoke key 0
        QTest::addColumn<int>("role"); // the role key 0 signs
        QTest::addColumn<QString>("reason");
        QTest::newRow("expired key") << QStringLiteral("valid-before=\"20200101\"") << QString() << 0
                                     << QStringLiteral("expired");
        QTest::newRow("not yet valid") << QStringLiteral("valid-after=\"29990101\"") << QString() << 0
                                       << QStringLiteral("not valid before");
        QTest::newRow("wrong namespace")
            << QStringLiteral("namespaces=\"git\"") << QString() << 0 << QStringLiteral("namespace");
        QTest::newRow("revoked key, plain list")
            << QString() << QStringLiteral("plain") << 0 << QStringLiteral("revoked");
        QTest::newRow("revoked key, KRL")
            << QString() << QStringLiteral("krl") << 0 << QStringLiteral("revoked");
        QTest::newRow("principal not allowed for the role")
            << QString() << QString() << 1 << QStringLiteral("may sign");
    }
    void refusalsWithTheirReasons()
    {
        QFETCH(QString, option);
        QFETCH(QString, revoke);
        QFETCH(int, role);
        QFETCH(QString, reason);
        SignedWorkspace w(QStringLiteral("https://git.example/acme/runtime.git"), {option});
        if (revoke == u"plain") {
            TestSupport::writeText(
                w.trust + QStringLiteral("/revoked_keys"), w.keys.at(0).publicText + u'\n');
        } else if (revoke == u"krl") {
            QCOMPARE(TestSupport::runTool(QStringLiteral("ssh-keygen"),
                         {QStringLiteral("-q"), QStringLiteral("-k"), QStringLiteral("-f"),
                             w.trust + QStringLiteral("/revoked_keys"), w.keys.at(0).publicKey}),
                0);
        }
        const Run signed_ = w.signOff(role, 0);
        QCOMPARE(signed_.exitCode, 1);
        QVERIFY2(signed_.err.contains(QLatin1StringView("refused")) && signed_.err.contains(reason),
            qPrintable(signed_.err));
        const Run status = w.command(QStringLiteral("status"), {w.record});
        QVERIFY(!status.out.contains("approved —"));
    }

    void unknownKeyRefused()
    {
        SignedWorkspace w;
        const TestKey stranger =
            TestSupport::makeKey(w.keysDir, QStringLiteral("stranger"), QStringLiteral("x@y.z"));
        const Run signed_ = run({QStringLiteral("signoff"), w.record, QStringLiteral("--db"), w.db,
            QStringLiteral("--role"), roles.at(0), QStringLiteral("--signer"), QStringLiteral("Xavier"),
            QStringLiteral("--approve"), QStringLiteral("--key"), stranger.privateKey});
        QCOMPARE(signed_.exitCode, 1);
        QVERIFY2(signed_.err.contains(QLatin1StringView("not in allowed_signers")), qPrintable(signed_.err));
    }

    // One key may sign one role of a record, even when the roles file lets its principal sign two.
    void onePersonTwoRolesByKey()
    {
        SignedWorkspace w;
        TestSupport::writeText(w.trust + QStringLiteral("/roles"),
            QStringLiteral("%1 = %2\n%3 = %2\n").arg(roles.at(0), principals.at(0), roles.at(1)));
        QCOMPARE(w.signOff(0, 0).exitCode, 0);
        const Run second = run({QStringLiteral("signoff"), w.record, QStringLiteral("--db"), w.db,
            QStringLiteral("--role"), roles.at(1), QStringLiteral("--signer"), QStringLiteral("Someone Else"),
            QStringLiteral("--approve"), QStringLiteral("--key"), w.keys.at(0).privateKey});
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(QLatin1StringView("one person may sign only one role")),
            qPrintable(second.err));
    }

    void unsignedDoesNotCountWhereSignaturesAreRequired()
    {
        SignedWorkspace w;
        // An unsigned entry made before the trust folder existed: shown, not counted.
        const QString trust = w.trust;
        QVERIFY(QDir(trust).rename(trust, trust + QStringLiteral(".off")));
        const Run early =
            run({QStringLiteral("signoff"), w.record, QStringLiteral("--db"), w.db, QStringLiteral("--role"),
                roles.at(0), QStringLiteral("--signer"), signers.at(0), QStringLiteral("--approve")});
        QCOMPARE(early.exitCode, 0);
        QVERIFY(early.out.contains("unsigned"));
        QVERIFY(QDir(trust).rename(trust + QStringLiteral(".off"), trust));
        const Run status = w.command(QStringLiteral("status"), {w.record});
        QVERIFY2(status.out.contains("not counted") && status.out.contains("requires signatures"),
            status.out.constData());
        QVERIFY(!status.out.contains(": approved"));
        const Run again = run({QStringLiteral("signoff"), w.record, QStringLiteral("--db"), w.db,
            QStringLiteral("--role"), roles.at(0), QStringLiteral("--signer"), signers.at(0),
            QStringLiteral("--approve"), QStringLiteral("--unsigned")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QLatin1StringView("requires signed sign-offs")));
        // Where the policy allows unsigned sign-offs, they count.
        TestSupport::writeText(
            trust + QStringLiteral("/policy"), QStringLiteral("unsigned-sign-offs = allowed\n"));
        QVERIFY(w.command(QStringLiteral("status"), {w.record}).out.contains(": approved"));
    }

    // The same record in a clone at another path keeps its sign-offs, and so does a ledger written
    // when records were known by their absolute path.
    void clonedRecordKeepsItsSignOffs()
    {
        SignedWorkspace w;
        QCOMPARE(w.signOff(0, 0).exitCode, 0);
        QCOMPARE(TestSupport::runTool(QStringLiteral("git"),
                     {QStringLiteral("-C"), w.repo, QStringLiteral("-c"), QStringLiteral("user.name=t"),
                         QStringLiteral("-c"), QStringLiteral("user.email=t@t"), QStringLiteral("add"),
                         QStringLiteral(".")}),
            0);
        QCOMPARE(TestSupport::runTool(QStringLiteral("git"),
                     {QStringLiteral("-C"), w.repo, QStringLiteral("-c"), QStringLiteral("user.name=t"),
                         QStringLiteral("-c"), QStringLiteral("user.email=t@t"), QStringLiteral("commit"),
                         QStringLiteral("-qm"), QStringLiteral("record")}),
            0);
        const QString clone = w.dir.filePath(QStringLiteral("elsewhere/clone"));
        QCOMPARE(TestSupport::runTool(
                     QStringLiteral("git"), {QStringLiteral("clone"), QStringLiteral("-q"), w.repo, clone}),
            0);
        // A clone's origin is the folder it came from: set it to the team's remote, as a real clone has.
        QCOMPARE(TestSupport::runTool(QStringLiteral("git"),
                     {QStringLiteral("-C"), clone, QStringLiteral("remote"), QStringLiteral("set-url"),
                         QStringLiteral("origin"), QStringLiteral("git@git.example:acme/runtime.git")}),
            0);
        const Run status = run({QStringLiteral("status"), clone + QStringLiteral("/docs/record.md"),
            QStringLiteral("--db"), w.db});
        QVERIFY2(status.out.contains(QByteArray(
                     roles.at(0).toUtf8() + QByteArray(" (Tessera Runtime On-Call Lead): approved"))),
            status.out.constData());
    }

    void legacyEntriesKeepCounting()
    {
        TestSupport::Workspace plain; // no repository, no trust folder
        QCOMPARE(plain.signOff(0).exitCode, 0);
        // The same ledger written as before identities: entries under the absolute path.
        {
            auto store = Countersign::SqliteLedgerStore::open(plain.db);
            QCOMPARE(store.value()->entries().value().constFirst().recordPath,
                QFileInfo(plain.record).canonicalFilePath());
        }
        // The folder becomes a repository with a remote: the record's identity changes, its entries stay.
        TestSupport::makeRepository(plain.dir.path(), QStringLiteral("https://git.example/acme/legacy"));
        const Run status = plain.command(QStringLiteral("status"), {plain.record});
        QVERIFY2(status.out.contains(": approved"), status.out.constData());
        // And after the move of the checkout, through the link status made.
        const QString moved = plain.dir.filePath(QStringLiteral("moved"));
        QDir().mkpath(moved);
        TestSupport::makeRepository(moved, QStringLiteral("https://git.example/acme/legacy"));
        QVERIFY(QFile::copy(plain.record, moved + QStringLiteral("/record.md")));
        const Run again = run({QStringLiteral("status"), moved + QStringLiteral("/record.md"),
            QStringLiteral("--db"), plain.db});
        QVERIFY2(again.out.contains(": approved"), again.out.constData());
    }

    // Removing the NOT FINAL banner does not make an open export final.
    void finalityIsVerified()
    {
        SignedWorkspace w;
        QCOMPARE(w.signOff(0, 0).exitCode, 0);
        QCOMPARE(w.signOff(1, 1, QStringLiteral("--reject"),
                      {QStringLiteral("--comment"), QStringLiteral("rollback untested")})
                     .exitCode,
            0);
        const QString open = w.exportTo(QStringLiteral("OPEN.md"), {QStringLiteral("--allow-open")});
        QByteArray bytes = TestSupport::readBytes(open);
        QVERIFY(bytes.startsWith("<!-- countersign:signoff-begin -->\n> **NOT FINAL"));
        bytes = bytes.mid(bytes.indexOf("<!-- countersign:signoff-end -->\n") + 33);
        QVERIFY(TestSupport::writeBytes(open, bytes));
        const Run verified = run({QStringLiteral("verify"), open, QStringLiteral("--signers"), w.trust});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.out.contains("NOT FINAL"), verified.out.constData());
        QVERIFY(verified.out.contains(
            QByteArray(roles.at(2).toUtf8() + QByteArray(" has no counting approval"))));
        // Deleting the rows of the open roles does not help either.
        QByteArray rowless;
        for (const QByteArray &line : bytes.split('\n')) {
            if (!line.startsWith(QByteArray(QByteArray("| ") + roles.at(1).toUtf8())) &&
                !line.startsWith(QByteArray(QByteArray("| ") + roles.at(2).toUtf8())))
                rowless += line + '\n';
        }
        rowless.chop(1);
        QVERIFY(TestSupport::writeBytes(open, rowless));
        const Run again = run({QStringLiteral("verify"), open, QStringLiteral("--signers"), w.trust});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1StringView("statement 2 belongs to no sign-off row")),
            qPrintable(again.err));
        // And without the rejected row's statement: still NOT FINAL, the role has no row.
        const qsizetype cut = rowless.indexOf("```statement-2");
        rowless.remove(cut, rowless.indexOf("</details>") - cut);
        QVERIFY(TestSupport::writeBytes(open, rowless));
        const Run third = run({QStringLiteral("verify"), open, QStringLiteral("--signers"), w.trust});
        QCOMPARE(third.exitCode, 1);
        QVERIFY2(
            third.out.contains("no sign-off row"), QByteArray(third.out + third.err.toUtf8()).constData());
    }

    // The export records the head it was made from: a ledger cut short (the last rejection deleted)
    // or put back to an older copy no longer holds it; a rejection after the export ends finality.
    void truncationAndRollbackDetected()
    {
        SignedWorkspace w;
        for (int role = 0; role < 4; ++role)
            QCOMPARE(w.signOff(role, role).exitCode, 0);
        const QString older = w.dir.filePath(QStringLiteral("older.sqlite"));
        QVERIFY(QFile::copy(w.db, older));
        QCOMPARE(w.signOff(4, 4).exitCode, 0);
        const QString finalized = w.exportTo(QStringLiteral("FINAL.md"));
        QCOMPARE(run({QStringLiteral("verify"), finalized, QStringLiteral("--signers"), w.trust,
                         QStringLiteral("--db"), w.db})
                     .exitCode,
            0);
        // A rejection after the export.
        QCOMPARE(w.signOff(4, 4, QStringLiteral("--reject"),
                      {QStringLiteral("--comment"), QStringLiteral("log gap")})
                     .exitCode,
            0);
        Run verified = run({QStringLiteral("verify"), finalized, QStringLiteral("--signers"), w.trust,
            QStringLiteral("--db"), w.db});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.out.contains("no longer final since") && verified.out.contains("rejected by"),
            verified.out.constData());
        // An export that includes the rejection, then the rejection deleted with one SQL line.
        const QString open = w.exportTo(QStringLiteral("OPEN.md"), {QStringLiteral("--allow-open")});
        QVERIFY(TestSupport::execSql(w.db,
            {QStringLiteral("DROP TRIGGER signoff_append_only_delete"),
                QStringLiteral("DELETE FROM signoff WHERE id = 6")}));
        QCOMPARE(
            w.command(QStringLiteral("ledger"), {QStringLiteral("verify")}).exitCode, 0); // the chain holds
        verified = run({QStringLiteral("verify"), open, QStringLiteral("--signers"), w.trust,
            QStringLiteral("--db"), w.db});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(
            verified.err.contains(QLatin1StringView("no longer holds the head")), qPrintable(verified.err));
        // The older copy put back.
        verified = run({QStringLiteral("verify"), finalized, QStringLiteral("--signers"), w.trust,
            QStringLiteral("--db"), older});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(
            verified.err.contains(QLatin1StringView("no longer holds the head")), qPrintable(verified.err));
    }

    // trust init and trust add write files ssh-keygen reads, and sign-offs follow them.
    void trustInitAndAdd()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("repo"));
        TestSupport::makeRepository(repo, QStringLiteral("https://git.example/acme/runtime"));
        const QString record = repo + QStringLiteral("/record.md");
        TestSupport::writeBytes(record,
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md"))));
        const TestKey ana = TestSupport::makeKey(dir.path(), QStringLiteral("ana"), principals.at(0));
        const TestKey ben = TestSupport::makeKey(dir.path(), QStringLiteral("ben"), principals.at(1));
        Run init = run({QStringLiteral("trust"), QStringLiteral("init"), repo, QStringLiteral("--principal"),
            principals.at(0), QStringLiteral("--key"), ana.publicKey});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(init.out.contains("SHA256:"));
        // A second init keeps what is there.
        QCOMPARE(run({QStringLiteral("trust"), QStringLiteral("init"), repo, QStringLiteral("--principal"),
                         principals.at(0), QStringLiteral("--key"), ana.publicKey})
                     .exitCode,
            2);
        const QString folder = repo + QStringLiteral("/.countersign");
        for (const auto &[principal, key, role] : {std::tuple{principals.at(0), ana.publicKey, roles.at(0)},
                 std::tuple{principals.at(1), ben.publicText, roles.at(1)}}) {
            const Run added = run({QStringLiteral("trust"), QStringLiteral("add"), principal, key,
                QStringLiteral("--role"), role, QStringLiteral("--dir"), repo});
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        const QString db = dir.filePath(QStringLiteral("ledger.sqlite"));
        for (int i = 0; i < 2; ++i) {
            const Run signed_ = run({QStringLiteral("signoff"), record, QStringLiteral("--db"), db,
                QStringLiteral("--role"), roles.at(i), QStringLiteral("--signer"), signers.at(i),
                QStringLiteral("--approve"), QStringLiteral("--key"), (i == 0 ? ana : ben).privateKey});
            QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
        }
        // ssh-keygen reads the allowed_signers file trust wrote.
        QByteArray found;
        const QByteArray signature =
            TestSupport::sshSign(ben, QByteArray("message\n"), QStringLiteral("countersign-signoff"));
        TestSupport::writeText(dir.filePath(QStringLiteral("m.sig")), QString::fromUtf8(signature));
        QCOMPARE(TestSupport::runTool(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-Y"), QStringLiteral("find-principals"), QStringLiteral("-f"),
                         folder + QStringLiteral("/allowed_signers"), QStringLiteral("-s"),
                         dir.filePath(QStringLiteral("m.sig"))},
                     {}, &found),
            0);
        QCOMPARE(found.trimmed(), principals.at(1).toUtf8());
        const Run status = run({QStringLiteral("status"), record, QStringLiteral("--db"), db});
        QCOMPARE(status.out.count(": approved"), 2);
    }

    // Unsigned sign-offs without a trust folder: five spellings of one person approve one role only.
    void onePersonFiveSpellings()
    {
        TestSupport::Workspace w;
        const QStringList spellings{QStringLiteral("Ana Ruiz"), QStringLiteral("Ana\u200bRuiz"),
            QStringLiteral("\u0410na Ruiz"), QStringLiteral("A. Ruiz"), QStringLiteral("Release Manager")};
        for (int i = 0; i < 5; ++i) {
            const Run signed_ = run(
                {QStringLiteral("signoff"), w.record, QStringLiteral("--db"), w.db, QStringLiteral("--role"),
                    roles.at(i), QStringLiteral("--signer"), spellings.at(i), QStringLiteral("--approve")});
            QCOMPARE(signed_.exitCode, i == 0 ? 0 : 1);
        }
        const Run status = w.command(QStringLiteral("status"), {w.record});
        QCOMPARE(status.out.count(": approved"), 1);
    }

    // Two processes approving two roles as one signer at once: the rule is checked inside the write,
    // so never both are stored.
    void concurrentApprovalsByOneSigner()
    {
        for (int trial = 0; trial < 8; ++trial) {
            TestSupport::Workspace w;
            const auto approve = [&w](int role) {
                return run({QStringLiteral("signoff"), w.record, QStringLiteral("--db"), w.db,
                    QStringLiteral("--role"), roles.at(role), QStringLiteral("--signer"),
                    QStringLiteral("Ana Ruiz"), QStringLiteral("--approve")});
            };
            std::future<Run> first = std::async(std::launch::async, approve, 0);
            std::future<Run> second = std::async(std::launch::async, approve, 1);
            const int stored = (first.get().exitCode == 0) + (second.get().exitCode == 0);
            QCOMPARE(stored, 1);
        }
    }

    // Control characters never reach the terminal raw, and never enter the ledger through signoff.
    void namesCannotDriveTheTerminal()
    {
        TestSupport::Workspace w;
        const QString escape = QStringLiteral("Ana \x1b[32mapproved\x1b[0m");
        const Run refused =
            run({QStringLiteral("signoff"), w.record, QStringLiteral("--db"), w.db, QStringLiteral("--role"),
                roles.at(0), QStringLiteral("--signer"), escape, QStringLiteral("--approve")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(!refused.err.contains(QChar(0x1b)));
        // An entry with one, stored around the rules: printed escaped.
        {
            auto store = Countersign::SqliteLedgerStore::open(w.db);
            Countersign::SignOffEntry entry;
            entry.recordPath = QFileInfo(w.record).canonicalFilePath();
            entry.recordKind = QStringLiteral("decision-record");
            entry.role = roles.at(0);
            entry.signer = escape;
            entry.decision = Countersign::SignOffDecision::Reject;
            entry.comment = QStringLiteral("\x1b]0;owned\x07");
            entry.time = QDateTime::currentDateTimeUtc();
            entry.digest = QStringLiteral("d");
            QVERIFY(store.value()->append(entry));
        }
        const Run status = w.command(QStringLiteral("status"), {w.record});
        QVERIFY(!status.out.contains('\x1b'));
        QVERIFY(!status.out.contains('\x07'));
        QVERIFY(status.out.contains("\\u{1b}[32mapproved"));
    }
};

QTEST_GUILESS_MAIN(TestSigning)
#include "tst_signing.moc"
