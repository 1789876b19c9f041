// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The ledger on a PostgreSQL server (the test's own, PgServer): made by `ledger init` and only by it,
// the same two chains as a ledger file with the server's user in each entry, and what the server
// enforces against a client: the application's role (and even the owner) cannot UPDATE, DELETE or
// TRUNCATE an entry, no entry names another server user than the connection's, a role without INSERT
// reads read-only; URIs holding a password are refused. Both backends' shared behaviour is tested
// data-driven in tst_ledger and tst_ledgerconcurrency.
#include "ledger/postgresledgerstore.h"
#include "ledgersupport.h"
#include "pgserver.h"

#include <QTest>

using namespace Countersign;
using TestSupport::decisionFor;
using TestSupport::entryFor;
using TestSupport::PgServer;

class TestPostgresLedger : public QObject
{
    Q_OBJECT

private:
    PgServer m_server;
    int m_databases = 0;

    // A new, empty database on the server; its URI for `user`.
    QString newDatabase(const QString &user = QString::fromLatin1(PgServer::superuser))
    {
        return m_server.newDatabase(QStringLiteral("db_%1").arg(++m_databases), user);
    }

    QString databaseOf(const QString &uri) const { return QUrl(uri).path().mid(1); }

    // A ledger made by init() on a new database, and its URI for the superuser.
    QString newLedger()
    {
        const QString uri = newDatabase();
        if (const std::optional<Error> failed = PostgresLedgerStore::init(uri))
            qFatal("ledger init failed: %s", qPrintable(failed->toString()));
        return uri;
    }

    bool asUser(
        const QString &user, const QString &uri, const QStringList &statements, QString *why = nullptr)
    {
        return m_server.exec(user, databaseOf(uri), statements, why);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const std::optional<QString> missing = PgServer::unavailable())
            QSKIP(qPrintable(*missing));
        QString why;
        QVERIFY2(m_server.start(&why), qPrintable(why));
    }

    // A database without the schema is no ledger, to every access; init makes it once.
    void initMakesTheLedgerOnce()
    {
        const QString uri = newDatabase();
        for (const LedgerStore::Access access : {LedgerStore::Access::Write, LedgerStore::Access::Read}) {
            const Result<std::unique_ptr<LedgerStore>> missing = LedgerStore::open(uri, access);
            QVERIFY(!missing);
            QCOMPARE(missing.error().code, Error::Code::FileNotFound);
            QVERIFY2(missing.error().message.contains(QStringLiteral("ledger init")),
                qPrintable(missing.error().message));
            QCOMPARE(missing.error().file, uri);
        }
        QCOMPARE(PostgresLedgerStore::init(uri), std::nullopt);
        const std::optional<Error> again = PostgresLedgerStore::init(uri);
        QVERIFY(again);
        QCOMPARE(again->code, Error::Code::Refused);
        QVERIFY(again->message.contains(QStringLiteral("already")));
        const Result<std::unique_ptr<LedgerStore>> store = LedgerStore::open(uri);
        QVERIFY2(store, store ? "" : qPrintable(store.error().toString()));
        QVERIFY(!store.value()->isReadOnly());
        QCOMPARE(store.value()->location(), uri);
        QCOMPARE(store.value()->entries()->size(), 0);
    }

    // Each entry holds the user the server authenticated, and its hash covers it.
    void entriesCarryTheServerUser()
    {
        const QString uri = newLedger();
        auto store = TestSupport::openLedger(uri);
        const Result<SignOffEntry> first =
            store->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("Role A"), QStringLiteral("Ann")));
        QVERIFY2(first, first ? "" : qPrintable(first.error().toString()));
        QCOMPARE(first->serverUser, QString::fromLatin1(PgServer::superuser));
        QVERIFY(store->append(
            entryFor(QStringLiteral("/b.md"), QStringLiteral("Role B"), QStringLiteral("Bob"))));
        QVERIFY(store->appendRiskDecision(decisionFor(QStringLiteral("/a.md"), QStringLiteral("Rollback"),
            QStringLiteral("Ann"), RiskDecision::NeedsAction)));

        auto reopened = TestSupport::openLedger(uri);
        const QList<SignOffEntry> entries = *reopened->entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1).previousHash, entries.at(0).hash);
        QCOMPARE(entries.at(0), first.value());
        QCOMPARE(LedgerStore::verifyChain(entries), std::nullopt);
        SignOffEntry otherUser = entries.at(0);
        otherUser.serverUser = QStringLiteral("mallory");
        QVERIFY(otherUser.computeHash() != entries.at(0).hash);
        const QList<RiskDecisionEntry> decisions = *reopened->riskDecisions();
        QCOMPARE(decisions.size(), 1);
        QCOMPARE(decisions.first().serverUser, QString::fromLatin1(PgServer::superuser));
        QCOMPARE(decisions.first().owner, QStringLiteral("Dana Levi"));
        QCOMPARE(LedgerStore::verifyDecisionChain(decisions), std::nullopt);
        QCOMPARE(reopened->head()->count, 2);
        QCOMPARE(reopened->entries(QStringLiteral("/b.md"))->size(), 1);
        QCOMPARE(reopened->audit(), std::nullopt);
    }

    // The application's role, granted what grants() prints, appends and reads, and nothing else: the
    // server refuses it UPDATE, DELETE and TRUNCATE of entries, and refuses them to the owner too.
    void applicationRoleOnlyAppends()
    {
        const QString uri = newLedger();
        QString why;
        QVERIFY2(asUser(QString::fromLatin1(PgServer::superuser), uri,
                     QStringList{QStringLiteral("CREATE ROLE app LOGIN")} +
                         PostgresLedgerStore::grants(QStringLiteral("app")),
                     &why),
            qPrintable(why));
        const QString appUri = m_server.uri(QStringLiteral("app"), databaseOf(uri));
        {
            auto store = TestSupport::openLedger(appUri);
            QVERIFY(!store->isReadOnly());
            const Result<SignOffEntry> stored = store->append(
                entryFor(QStringLiteral("/a.md"), QStringLiteral("Role A"), QStringLiteral("Ann")));
            QVERIFY2(stored, stored ? "" : qPrintable(stored.error().toString()));
            QCOMPARE(stored->serverUser, QStringLiteral("app"));
            QVERIFY(store->appendRiskDecision(
                decisionFor(QStringLiteral("/a.md"), QStringLiteral("Rollback"), QStringLiteral("Ann"))));
            QCOMPARE(store->adopt(QStringLiteral("/a.md"), QStringLiteral("repo:a.md")), std::nullopt);
        }
        const QStringList changes{QStringLiteral("UPDATE countersign.signoff SET signer = 'Mallory'"),
            QStringLiteral("DELETE FROM countersign.signoff"), QStringLiteral("TRUNCATE countersign.signoff"),
            QStringLiteral("UPDATE countersign.risk_decision SET owner = 'Mallory'"),
            QStringLiteral("DELETE FROM countersign.risk_decision"),
            QStringLiteral("UPDATE countersign.record SET path = '/b.md'"),
            QStringLiteral("UPDATE countersign.record SET identity = 'repo:other.md'"),
            QStringLiteral("DELETE FROM countersign.record"),
            QStringLiteral("ALTER TABLE countersign.signoff DISABLE TRIGGER USER"),
            QStringLiteral("DROP TABLE countersign.signoff")};
        for (const QString &change : changes) {
            QVERIFY2(!asUser(QStringLiteral("app"), uri, {change}, &why), qPrintable(change));
            QVERIFY2(why.contains(QStringLiteral("permission denied")) ||
                    why.contains(QStringLiteral("append-only")) || why.contains(QStringLiteral("set once")) ||
                    why.contains(QStringLiteral("must be owner")),
                qPrintable(why));
        }
        // The owner is held by the triggers.
        for (const QString &change : changes.mid(0, 8))
            QVERIFY2(!asUser(QString::fromLatin1(PgServer::superuser), uri, {change}), qPrintable(change));
        auto store = TestSupport::openLedger(uri);
        QCOMPARE(store->entries()->first().signer, QStringLiteral("Ann"));
        QCOMPARE(store->entries(QStringLiteral("repo:a.md"))->size(), 1);
        QCOMPARE(store->riskDecisions()->size(), 1);
        QCOMPARE(store->audit(), std::nullopt);
    }

    // A client cannot store an entry under another server user than its own: the server checks.
    void serverUserCannotBeForged()
    {
        const QString uri = newLedger();
        QString why;
        QVERIFY2(asUser(QString::fromLatin1(PgServer::superuser), uri,
                     QStringList{QStringLiteral("CREATE ROLE writer LOGIN")} +
                         PostgresLedgerStore::grants(QStringLiteral("writer")),
                     &why),
            qPrintable(why));
        const QString insert = QStringLiteral(
            "INSERT INTO countersign.signoff (id, record_id, record_kind, role, signer, decision, comment, "
            "signed_at, digest, os_user, host, previous_hash, hash, server_user) VALUES (1, %1, "
            "'decision-record', 'R', 'Ann', 'approve', '', '2026-03-14T09:30:00.000Z', 'd1', 'u', 'h', '', "
            "'x', "
            "'%2')");
        const QString record = QStringLiteral("INSERT INTO countersign.record (path) VALUES ('/a.md')");
        QVERIFY2(asUser(QStringLiteral("writer"), uri, {record}, &why), qPrintable(why));
        QVERIFY(!asUser(QStringLiteral("writer"), uri,
            {insert.arg(QStringLiteral("1"), QStringLiteral("postgres"))}, &why));
        QVERIFY2(why.contains(QStringLiteral("the server authenticated writer")), qPrintable(why));
        // Its own name is taken (the chain then says whether the rest holds).
        QVERIFY2(asUser(QStringLiteral("writer"), uri,
                     {insert.arg(QStringLiteral("1"), QStringLiteral("writer"))}, &why),
            qPrintable(why));
    }

    // Copied entries keep the server user they were hashed with, but always say who copied them (the
    // server checks it), and only ever start a chain: once the ledger holds entries of its own, no
    // copied row is taken, whoever writes it.
    void copiedEntriesNameWhoCopiedThem()
    {
        const QString uri = newLedger();
        QString why;
        QVERIFY2(asUser(QString::fromLatin1(PgServer::superuser), uri,
                     QStringList{QStringLiteral("CREATE ROLE copier LOGIN")} +
                         PostgresLedgerStore::grants(QStringLiteral("copier")),
                     &why),
            qPrintable(why));
        SignOffEntry claimed = entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"));
        claimed.id = 1;
        claimed.serverUser = QStringLiteral("alice");
        claimed.hash = claimed.computeHash();
        auto copier = TestSupport::openLedger(m_server.uri(QStringLiteral("copier"), databaseOf(uri)));
        QCOMPARE(copier->importLedger({claimed}, {}, {}), std::nullopt);
        const SignOffEntry stored = copier->entries()->first();
        QCOMPARE(stored.serverUser, QStringLiteral("alice"));
        QCOMPARE(stored.copiedBy, QStringLiteral("copier"));
        QCOMPARE(LedgerStore::verifyChain({stored}), std::nullopt);
        // An entry of its own, then a copied row: refused by the server, also as plain SQL.
        QVERIFY(
            copier->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("S"), QStringLiteral("Bob"))));
        QVERIFY(!asUser(QStringLiteral("copier"), uri,
            {QStringLiteral(
                "INSERT INTO countersign.signoff (id, record_id, record_kind, role, signer, decision, "
                "comment, signed_at, digest, os_user, host, previous_hash, hash, server_user, imported, "
                "original_server_user) SELECT 9, id, 'k', 'R', 'M', 'approve', '', 't', 'd', 'u', 'h', "
                "'p9', 'h9', 'copier', true, 'alice' FROM countersign.record LIMIT 1")},
            &why));
        QVERIFY2(why.contains(QStringLiteral("holds no entries of its own")), qPrintable(why));
    }

    // A role that may only read opens the ledger read-only: it reads, and appends are refused.
    void readOnlyRoleReads()
    {
        const QString uri = newLedger();
        QVERIFY(TestSupport::openLedger(uri)->append(
            entryFor(QStringLiteral("/a.md"), QStringLiteral("R"), QStringLiteral("Ann"))));
        QString why;
        QVERIFY2(asUser(QString::fromLatin1(PgServer::superuser), uri,
                     {QStringLiteral("CREATE ROLE auditor LOGIN"),
                         QStringLiteral("GRANT USAGE ON SCHEMA countersign TO auditor"),
                         QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA countersign TO auditor")},
                     &why),
            qPrintable(why));
        auto store = TestSupport::openLedger(m_server.uri(QStringLiteral("auditor"), databaseOf(uri)));
        QVERIFY(store->isReadOnly());
        QCOMPARE(store->entries()->size(), 1);
        const Result<SignOffEntry> refused =
            store->append(entryFor(QStringLiteral("/a.md"), QStringLiteral("S"), QStringLiteral("Bob")));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("read-only")));
    }

    // Whoever runs the server can still rewrite rows with its triggers off: the chain names the entry.
    void tamperingOnTheServerBreaksTheChain()
    {
        const QString uri = newLedger();
        auto store = TestSupport::openLedger(uri);
        for (const char *name : {"Ann", "Bob", "Cy"})
            QVERIFY(store->append(
                entryFor(QStringLiteral("/a.md"), QString::fromLatin1(name), QString::fromLatin1(name))));
        QVERIFY(asUser(QString::fromLatin1(PgServer::superuser), uri,
            {QStringLiteral("SET session_replication_role = replica"),
                QStringLiteral("UPDATE countersign.signoff SET signer = 'Mallory' WHERE id = 2")}));
        const std::optional<ChainBreak> broken = LedgerStore::verifyChain(*store->entries());
        QVERIFY(broken);
        QCOMPARE(broken->id, 2);
        const std::optional<Error> audit = store->audit();
        QVERIFY(audit);
        QCOMPARE(audit->code, Error::Code::Untrusted);
    }

    // A password never goes into a ledger location (it would end up in the settings); an unreachable
    // server is a clear error naming the ledger.
    void locationsThatCannotBeUsed_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("message");
        QTest::newRow("password in the URI")
            << QStringLiteral("postgresql://ann:secret@db.example.org/ledger") << QStringLiteral("~/.pgpass");
        QTest::newRow("password parameter")
            << QStringLiteral("postgresql://db.example.org/ledger?password=secret")
            << QStringLiteral("PGPASSWORD");
        QTest::newRow("no database") << QStringLiteral("postgresql://db.example.org")
                                     << QStringLiteral("names no database");
        QTest::newRow("no server there")
            << QStringLiteral("postgresql:///ledger?host=/nonexistent-socket-folder")
            << QStringLiteral("cannot connect to the ledger server");
    }

    void locationsThatCannotBeUsed()
    {
        QFETCH(QString, uri);
        QFETCH(QString, message);
        const Result<std::unique_ptr<LedgerStore>> store = LedgerStore::open(uri);
        QVERIFY(!store);
        QVERIFY2(store.error().message.contains(message), qPrintable(store.error().toString()));
        QVERIFY(!store.error().file.isEmpty());
        QVERIFY2(!store.error().toString().contains(QStringLiteral("secret")),
            qPrintable(store.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestPostgresLedger)
#include "tst_postgresledger.moc"
