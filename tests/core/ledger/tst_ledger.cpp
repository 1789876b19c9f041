// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The sign-off ledger: SQLite store (append-only, hash chains of sign-offs and of risk decisions,
// schema checks, bad files left as they are) and the sign-off rules. The reliability tests (a killed
// writer, two writers at once) are in tst_ledgerconcurrency, the schema 1 migration in
// tst_ledgermigration.
#include "ledger/signoffrules.h"
#include "ledger/sqliteledgerstore.h"
#include "ledgerbackends.h"
#include "ledgersupport.h"
#include "record/markdownparser.h"
#include "sqlsupport.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using TestSupport::decisionFor;
using TestSupport::entryFor;
using TestSupport::LedgerBackends;
using TestSupport::openStore;

class TestLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendsAndReadsBack_data() { LedgerBackends::addRows(); }
    void appendsAndReadsBack()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString path;
        LEDGER_FOR_ROW(m_backends, backend, dir, path);
        {
            auto store = TestSupport::openLedger(path);
            QVERIFY(!store->isReadOnly());
            const Result<SignOffEntry> first = store->append(
                entryFor(QStringLiteral("/a.md"), QStringLiteral("Role A"), QStringLiteral("Ann")));
            QVERIFY(first);
            QCOMPARE(first->id, 1);
            QVERIFY(first->previousHash.isEmpty());
            QCOMPARE(first->hash, first->computeHash());
            QVERIFY(store->append(
                entryFor(QStringLiteral("/b.md"), QStringLiteral("Role B"), QStringLiteral("Bob"))));
            const Result<SignOffEntry> third = store->append(entryFor(QStringLiteral("/a.md"),
                QStringLiteral("Role B"), QStringLiteral("Bob"), SignOffDecision::Reject));
            QVERIFY(third);
            QCOMPARE(third->id, 3);
        }
        // Read back after reopening: exactly what was stored, chained.
        auto store = TestSupport::openLedger(path);
        const Result<QList<SignOffEntry>> all = store->entries();
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(1).previousHash, all->at(0).hash);
        QCOMPARE(all->at(2).comment, QStringLiteral("not yet"));
        QCOMPARE(all->at(2).time, QDateTime(QDate(2026, 3, 14), QTime(9, 30), QTimeZone::UTC));
        QCOMPARE(LedgerStore::verifyChain(*all), std::nullopt);
        const Result<QList<SignOffEntry>> ofA = store->entries(QStringLiteral("/a.md"));
        QCOMPARE(ofA->size(), 2);
        QCOMPARE(ofA->at(1).decision, SignOffDecision::Reject);
    }

    void entriesCannotBeChangedOrDeleted_data() { LedgerBackends::addRows(); }
    void entriesCannotBeChangedOrDeleted()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString path;
        LEDGER_FOR_ROW(m_backends, backend, dir, path);
        QVERIFY(TestSupport::openLedger(path)->append(
            entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
        QVERIFY(!m_backends.exec(backend, path, {QStringLiteral("UPDATE signoff SET signer = 'Mallory'")}));
        QVERIFY(!m_backends.exec(backend, path, {QStringLiteral("DELETE FROM signoff")}));
        QCOMPARE(TestSupport::openLedger(path)->entries()->first().signer, QStringLiteral("Ann"));
    }

    // Someone who drops the triggers and edits a row: the chain names the entry.
    void tamperingBreaksTheChain_data() { LedgerBackends::addRows(); }
    void tamperingBreaksTheChain()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString path;
        LEDGER_FOR_ROW(m_backends, backend, dir, path);
        {
            auto store = TestSupport::openLedger(path);
            for (const char *name : {"Ann", "Bob", "Cy", "Di"})
                QVERIFY(store->append(
                    entryFor(QStringLiteral("/a.md"), QString::fromLatin1(name), QString::fromLatin1(name))));
        }
        QVERIFY(m_backends.tamper(
            backend, path, {QStringLiteral("UPDATE signoff SET signer = 'Mallory' WHERE id = 3")}));
        const std::optional<ChainBreak> broken =
            LedgerStore::verifyChain(*TestSupport::openLedger(path)->entries());
        QVERIFY(broken);
        QCOMPARE(broken->id, 3);
        // Rewriting the hash too does not help: the next entry's link breaks.
        QVERIFY(m_backends.tamper(backend, path, {QStringLiteral("DELETE FROM signoff WHERE id = 2")}));
        QCOMPARE(LedgerStore::verifyChain(*TestSupport::openLedger(path)->entries())->id, 3);
    }

    // audit() remembers a ledger it found intact, but never past a write: its own append and another
    // connection's rewrite are both checked again.
    void auditSeesEveryLaterWrite_data() { LedgerBackends::addRows(); }
    void auditSeesEveryLaterWrite()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString path;
        LEDGER_FOR_ROW(m_backends, backend, dir, path);
        auto store = TestSupport::openLedger(path);
        QVERIFY(store->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
        QCOMPARE(store->audit(), std::nullopt);
        // A ledger file tells its revision; a server's ledger cannot (whoever runs the server can
        // rewrite rows unseen), so it is walked on every audit.
        const bool hasRevisions = backend == LedgerBackends::sqlite;
        const QString audited = store->revision();
        QCOMPARE(audited.isEmpty(), !hasRevisions);
        QCOMPARE(store->revision(), audited);
        QVERIFY(store->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("S"), QStringLiteral("Bob"))));
        QVERIFY(store->revision() != audited || !hasRevisions);
        QCOMPARE(store->audit(), std::nullopt);
        const QString before = store->revision();
        QVERIFY(m_backends.tamper(
            backend, path, {QStringLiteral("UPDATE signoff SET signer = 'Mallory' WHERE id = 1")}));
        QVERIFY(store->revision() != before || !hasRevisions);
        const std::optional<Error> found = store->audit();
        QVERIFY(found);
        QCOMPARE(found->code, Error::Code::Untrusted);
        // Still untrusted when asked again: a failed audit is not remembered as intact.
        QVERIFY(store->audit());
    }

    void badFilesAreLeftAsTheyAre_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("text file") << QByteArray("text") << QStringLiteral("not an SQLite database");
        QTest::newRow("truncated") << QByteArray("truncated") << QStringLiteral("damaged");
        QTest::newRow("newer schema")
            << QByteArray("newer")
            << QStringLiteral("newer Countersign (ledger schema 99; this version knows up to 4)");
        QTest::newRow("next schema")
            << QByteArray("next")
            << QStringLiteral("newer Countersign (ledger schema 5; this version knows up to 4)");
        QTest::newRow("other database")
            << QByteArray("foreign") << QStringLiteral("not a Countersign ledger");
    }

    void badFilesAreLeftAsTheyAre()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        if (kind == "text") {
            QVERIFY(TestSupport::writeBytes(path, "# Not a database\n"));
        } else if (kind == "foreign") {
            QVERIFY(TestSupport::execSql(path, {QStringLiteral("CREATE TABLE notes (text TEXT)")}));
        } else {
            {
                auto store = openStore(path);
                for (int i = 0; i < 200; ++i)
                    QVERIFY(store->append(
                        entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
            }
            if (kind == "newer" || kind == "next") {
                QVERIFY(TestSupport::execSql(path,
                    {kind == "newer" ? QStringLiteral("PRAGMA user_version = 99")
                                     : QStringLiteral("PRAGMA user_version = 5")}));
            } else {
                const QByteArray bytes = TestSupport::readBytes(path);
                QVERIFY(bytes.size() > 8192);
                QVERIFY(TestSupport::writeBytes(path, bytes.left(bytes.size() / 2)));
            }
        }
        const QByteArray before = TestSupport::readBytes(path);
        const Result<std::unique_ptr<SqliteLedgerStore>> store = SqliteLedgerStore::open(path);
        QVERIFY(!store);
        QCOMPARE(store.error().file, path);
        QVERIFY2(store.error().message.contains(message), qPrintable(store.error().toString()));
        QCOMPARE(TestSupport::readBytes(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void readOnlyFileReadsButRefusesToSign()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        QVERIFY(openStore(path)->append(
            entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray before = TestSupport::readBytes(path);
        auto store = openStore(path);
        QVERIFY(store->isReadOnly());
        QCOMPARE(store->entries()->size(), 1);
        const Result<SignOffEntry> refused =
            store->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Bob")));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("read-only")));
        store.reset();
        QCOMPARE(TestSupport::readBytes(path), before);
    }

    // Opened only to read, a ledger is never created: a missing one is "no such ledger" (its folder
    // not made either), or, where the caller allows it, an empty ledger that stays uncreated; an
    // empty file reads as an empty ledger and stays empty.
    void readingCreatesNothing()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("sub/ledger.sqlite"));
        const Result<std::unique_ptr<LedgerStore>> refused =
            LedgerStore::open(missing, LedgerStore::Access::Read);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::FileNotFound);
        QCOMPARE(refused.error().toString(), missing + QStringLiteral(": no such ledger"));
        const Result<std::unique_ptr<LedgerStore>> empty =
            LedgerStore::open(missing, LedgerStore::Access::ReadOrEmpty);
        QVERIFY(empty);
        QVERIFY(empty.value()->isReadOnly());
        QCOMPARE(empty.value()->entries()->size(), 0);
        QCOMPARE(empty.value()->riskDecisions()->size(), 0);
        QCOMPARE(empty.value()->head().value(), LedgerHead{});
        QVERIFY(!empty.value()->audit());
        QVERIFY(!empty.value()->append(
            entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("sub"))));

        const QString blank = dir.filePath(QStringLiteral("blank.sqlite"));
        QVERIFY(TestSupport::writeBytes(blank, {}));
        const Result<std::unique_ptr<LedgerStore>> read = LedgerStore::open(blank, LedgerStore::Access::Read);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
        QCOMPARE(read.value()->entries()->size(), 0);
        QCOMPARE(read.value()->head().value(), LedgerHead{});
        QVERIFY(!read.value()->audit());
        QCOMPARE(QFileInfo(blank).size(), 0);
    }

    // The states of the sample record's five roles as entries arrive, and the rules' refusals.
    void rolesFollowTheirLatestEntry()
    {
        const Document record =
            TestSupport::load(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        const QString digest = SignOffRules::evaluate(record, {}).digest;
        const QString path = record.fileName;
        QList<SignOffEntry> entries;
        SignOffStatus status = SignOffRules::evaluate(record, entries);
        QCOMPARE(status.roles.size(), 5);
        QCOMPARE(status.roles.at(0).role, QStringLiteral("Tessera incident commander role"));
        QCOMPARE(status.roles.at(0).holder, QStringLiteral("Tessera Runtime On-Call Lead"));
        QVERIFY(!status.isFinal());
        QCOMPARE(status.openRoles().size(), 5);

        const QStringList signers{QStringLiteral("Ann"), QStringLiteral("Bob"), QStringLiteral("Cy"),
            QStringLiteral("Di"), QStringLiteral("Ed")};
        for (int i = 0; i < 5; ++i) {
            const SignOffEntry entry =
                entryFor(path, status.roles.at(i).role, signers.at(i), SignOffDecision::Approve, digest);
            QCOMPARE(SignOffRules::check(record, entries, entry), std::nullopt);
            entries.append(entry);
        }
        status = SignOffRules::evaluate(record, entries);
        QVERIFY(status.isFinal());

        // A rejection blocks until the same role approves again; a withdrawal makes it pending.
        entries.append(
            entryFor(path, status.roles.at(1).role, QStringLiteral("Bob"), SignOffDecision::Reject, digest));
        entries.append(
            entryFor(path, status.roles.at(2).role, QStringLiteral("Cy"), SignOffDecision::Withdraw, digest));
        status = SignOffRules::evaluate(record, entries);
        QCOMPARE(status.roles.at(1).state, RoleState::Rejected);
        QCOMPARE(status.roles.at(2).state, RoleState::Pending);
        QVERIFY(!status.isFinal());
        entries.append(
            entryFor(path, status.roles.at(1).role, QStringLiteral("Bob"), SignOffDecision::Approve, digest));
        entries.append(
            entryFor(path, status.roles.at(2).role, QStringLiteral("Cy"), SignOffDecision::Approve, digest));
        QVERIFY(SignOffRules::evaluate(record, entries).isFinal());

        // Approvals of other content are stale: shown, not counted.
        entries.append(entryFor(path, status.roles.at(3).role, QStringLiteral("Di"), SignOffDecision::Approve,
            QStringLiteral("old")));
        status = SignOffRules::evaluate(record, entries);
        QCOMPARE(status.roles.at(3).state, RoleState::Stale);
        QCOMPARE(status.openRoles(), QStringList{status.roles.at(3).role + QStringLiteral(" (stale)")});

        // Refusals: a second role for the same person, a rejection without a comment, an unknown role.
        SignOffEntry twice = entryFor(
            path, status.roles.at(4).role, QStringLiteral(" ann "), SignOffDecision::Approve, digest);
        std::optional<Error> refused = SignOffRules::check(record, entries, twice);
        QVERIFY(refused);
        QCOMPARE(refused->code, Error::Code::Refused);
        QVERIFY(refused->message.contains(QStringLiteral("already approved")));
        SignOffEntry bare =
            entryFor(path, status.roles.at(4).role, QStringLiteral("Ed"), SignOffDecision::Reject, digest);
        bare.comment.clear();
        QVERIFY(
            SignOffRules::check(record, entries, bare)->message.contains(QStringLiteral("needs a comment")));
        QVERIFY(SignOffRules::check(
            record, entries, entryFor(path, QStringLiteral("Mascot"), QStringLiteral("Ed")))
                ->message.contains(QStringLiteral("names no role")));
    }

    // A record that allows one person to sign several roles says so in its Ownership section.
    void severalRolesWhenAllowed()
    {
        QByteArray text =
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        text.replace("## Ownership (Named Roles)\n",
            "## Ownership (Named Roles)\n- Several roles per signer: allowed\n");
        const Result<SourceText> source = SourceText::fromUtf8(text);
        const Document record = MarkdownParser::parse(source.value(), QStringLiteral("allowed.md"));
        const SignOffStatus status = SignOffRules::evaluate(record, {});
        QCOMPARE(status.roles.size(), 5); // the permission is not a role
        QList<SignOffEntry> entries;
        for (const RoleSignOff &role : status.roles) {
            const SignOffEntry entry = entryFor(
                record.fileName, role.role, QStringLiteral("Ann"), SignOffDecision::Approve, status.digest);
            QCOMPARE(SignOffRules::check(record, entries, entry), std::nullopt);
            entries.append(entry);
        }
        QVERIFY(SignOffRules::evaluate(record, entries).isFinal());
    }

    // Risk decisions: stored in a chain of their own, read back per record, dates and empty fields
    // as they were.
    void decisionsAppendAndReadBack_data() { LedgerBackends::addRows(); }
    void decisionsAppendAndReadBack()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString path;
        LEDGER_FOR_ROW(m_backends, backend, dir, path);
        {
            auto store = TestSupport::openLedger(path);
            const Result<RiskDecisionEntry> first = store->appendRiskDecision(
                decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"), QStringLiteral("Ann")));
            QVERIFY(first);
            QCOMPARE(first->id, 1);
            QVERIFY(first->previousHash.isEmpty());
            QCOMPARE(first->hash, first->computeHash());
            // A sign-off in between takes its own id 1; the next decision is 2.
            QCOMPARE(
                store->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann")))
                    ->id,
                1);
            QCOMPARE(
                store
                    ->appendRiskDecision(decisionFor(QStringLiteral("/b.md"),
                        QStringLiteral("Schema lead time"), QStringLiteral("Bob"), RiskDecision::NeedsAction))
                    ->id,
                2);
            QCOMPARE(store
                         ->appendRiskDecision(decisionFor(QStringLiteral("/a.md"),
                             QStringLiteral("Queue drain"), QStringLiteral("Cy"), RiskDecision::Mitigated))
                         ->id,
                3);
        }
        auto store = TestSupport::openLedger(path);
        const Result<QList<RiskDecisionEntry>> all = store->riskDecisions();
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(LedgerStore::verifyDecisionChain(*all), std::nullopt);
        QCOMPARE(all->at(1).previousHash, all->at(0).hash);
        const RiskDecisionEntry &second = all->at(1);
        QCOMPARE(second.recordPath, QStringLiteral("/b.md"));
        QCOMPARE(second.decision, RiskDecision::NeedsAction);
        QCOMPARE(second.owner, QStringLiteral("Dana Levi"));
        QCOMPARE(second.due, QDate(2026, 3, 21));
        QCOMPARE(second.note, QStringLiteral("drill before the next window"));
        QCOMPARE(second.time, QDateTime(QDate(2026, 3, 14), QTime(9, 45), QTimeZone::UTC));
        RiskDecisionEntry expected =
            decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"), QStringLiteral("Ann"));
        expected.id = 1;
        if (backend == LedgerBackends::postgresql)
            expected.serverUser = QString::fromLatin1(TestSupport::PgServer::superuser);
        expected.hash = expected.computeHash();
        QVERIFY(all->at(0) == expected); // every field as it was given
        QVERIFY(!all->at(0).due.isValid());
        const Result<QList<RiskDecisionEntry>> ofA = store->riskDecisions(QStringLiteral("/a.md"));
        QCOMPARE(ofA->size(), 2);
        QCOMPARE(ofA->at(1).decision, RiskDecision::Mitigated);
        QCOMPARE(store->riskDecisions(QStringLiteral("/none.md"))->size(), 0);
        QCOMPARE(store->entries()->size(), 1);
    }

    void decisionsCannotBeChangedOrDeleted_data() { LedgerBackends::addRows(); }
    void decisionsCannotBeChangedOrDeleted()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString path;
        LEDGER_FOR_ROW(m_backends, backend, dir, path);
        QVERIFY(TestSupport::openLedger(path)->appendRiskDecision(
            decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"), QStringLiteral("Ann"))));
        QVERIFY(!m_backends.exec(
            backend, path, {QStringLiteral("UPDATE risk_decision SET decision = 'mitigated'")}));
        QVERIFY(!m_backends.exec(backend, path, {QStringLiteral("DELETE FROM risk_decision")}));
        QCOMPARE(TestSupport::openLedger(path)->riskDecisions()->first().decision, RiskDecision::Accepted);
    }

    // The database holds the rules too: a decision it does not know, needs-action without an owner
    // or a due date, a due date that is no date; a refused append leaves nothing behind.
    void decisionRulesHeldByTheDatabase_data() { LedgerBackends::addRows(); }
    void decisionRulesHeldByTheDatabase()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString path;
        LEDGER_FOR_ROW(m_backends, backend, dir, path);
        auto store = TestSupport::openLedger(path);
        RiskDecisionEntry bare = decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"),
            QStringLiteral("Ann"), RiskDecision::NeedsAction);
        bare.owner.clear();
        const Result<RiskDecisionEntry> refused = store->appendRiskDecision(bare);
        QVERIFY(!refused);
        QCOMPARE(refused.error().file, path);
        QVERIFY2(refused.error().message.contains(QStringLiteral("the risk decision could not be recorded")),
            qPrintable(refused.error().toString()));
        QCOMPARE(store->riskDecisions()->size(), 0);
        QCOMPARE(store
                     ->appendRiskDecision(decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"),
                         QStringLiteral("Ann"), RiskDecision::NeedsAction))
                     ->id,
            1);
        store.reset();
        // A server's ledger also stores who the server authenticated.
        const bool server = backend == LedgerBackends::postgresql;
        const QString insert = QStringLiteral("INSERT INTO risk_decision (id, record_id, record_digest, "
                                              "item_key, item_text, decision, owner, due,"
                                              " note, recorded_by, decided_at, os_user, host, previous_hash, "
                                              "hash") +
            (server ? QStringLiteral(", server_user") : QString()) +
            QStringLiteral(") VALUES (1%4, (SELECT min(id) FROM record), 'd', 'k', 't', '%1', '%2', '%3', "
                           "'', 'Ann', 'now', 'u', 'h', 'p%4', 'x%4'") +
            (server ? QStringLiteral(", session_user") : QString()) + u')';
        QString why;
        QVERIFY2(m_backends.exec(backend, path,
                     {insert.arg(QStringLiteral("accepted"), QString(), QString()).arg(1)}, &why),
            qPrintable(why));
        QVERIFY(!m_backends.exec(
            backend, path, {insert.arg(QStringLiteral("ignored"), QString(), QString()).arg(2)}));
        QVERIFY(!m_backends.exec(backend, path,
            {insert.arg(QStringLiteral("needs-action"), QStringLiteral("Dana"), QString()).arg(3)}));
        QVERIFY(!m_backends.exec(backend, path,
            {insert.arg(QStringLiteral("needs-action"), QString(), QStringLiteral("2026-03-21")).arg(4)}));
        QVERIFY(!m_backends.exec(backend, path,
            {insert.arg(QStringLiteral("accepted"), QString(), QStringLiteral("next week")).arg(5)}));
        QVERIFY(m_backends.exec(backend, path,
            {insert.arg(QStringLiteral("needs-action"), QStringLiteral("Dana"), QStringLiteral("2026-03-21"))
                    .arg(6)}));
    }

    // Someone who drops the triggers and edits a decision: the decision chain names it; the sign-off
    // chain is not affected.
    void decisionTamperingBreaksTheChain_data() { LedgerBackends::addRows(); }
    void decisionTamperingBreaksTheChain()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString path;
        LEDGER_FOR_ROW(m_backends, backend, dir, path);
        {
            auto store = TestSupport::openLedger(path);
            QVERIFY(
                store->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
            for (const char *name : {"Ann", "Bob", "Cy"})
                QVERIFY(store->appendRiskDecision(decisionFor(QStringLiteral("/a.md"),
                    QString::fromLatin1(name), QString::fromLatin1(name), RiskDecision::NeedsAction)));
        }
        QVERIFY(m_backends.tamper(
            backend, path, {QStringLiteral("UPDATE risk_decision SET due = '2027-01-01' WHERE id = 2")}));
        auto store = TestSupport::openLedger(path);
        const std::optional<ChainBreak> broken = LedgerStore::verifyDecisionChain(*store->riskDecisions());
        QVERIFY(broken);
        QCOMPARE(broken->id, 2);
        QVERIFY(broken->reason.contains(QStringLiteral("changed after it was recorded")));
        QCOMPARE(LedgerStore::verifyChain(*store->entries()), std::nullopt);
        store.reset();
        // Deleting one: the next decision's link breaks.
        QVERIFY(m_backends.tamper(backend, path, {QStringLiteral("DELETE FROM risk_decision WHERE id = 2")}));
        QCOMPARE(LedgerStore::verifyDecisionChain(*TestSupport::openLedger(path)->riskDecisions())->id, 3);
    }

private:
    LedgerBackends m_backends;
};

QTEST_GUILESS_MAIN(TestLedger)

#include "tst_ledger.moc"
