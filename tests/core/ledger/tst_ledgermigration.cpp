// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The migration of a schema 1 ledger to schema 2 (risk decisions): done on open in one transaction,
// nothing changed when it fails, and a read-only schema 1 ledger read as it is.
#include "ledger/sqliteledgerstore.h"
#include "ledgersupport.h"
#include "sqlsupport.h"
#include "testsupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using TestSupport::decisionFor;
using TestSupport::entryFor;
using TestSupport::openStore;

namespace {

// The schema of the first released ledger (version 1), as it created it: for migration tests.
const QStringList schemaVersion1{
    QStringLiteral("CREATE TABLE record (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE)"),
    QStringLiteral(
        "CREATE TABLE signoff (id INTEGER PRIMARY KEY, record_id INTEGER NOT NULL REFERENCES record(id),"
        " record_kind TEXT NOT NULL, role TEXT NOT NULL, signer TEXT NOT NULL,"
        " decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject', 'withdraw')),"
        " comment TEXT NOT NULL, signed_at TEXT NOT NULL, digest TEXT NOT NULL, os_user TEXT NOT NULL,"
        " host TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)"),
    QStringLiteral("CREATE INDEX signoff_by_record ON signoff(record_id)"),
    QStringLiteral("CREATE TRIGGER signoff_append_only_update BEFORE UPDATE ON signoff"
                   " BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END"),
    QStringLiteral("CREATE TRIGGER signoff_append_only_delete BEFORE DELETE ON signoff"
                   " BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END"),
    QStringLiteral("PRAGMA user_version = 1"),
};

// A schema 1 ledger holding `count` chained sign-offs, written by SQL as version 1 wrote them; the
// entries as they were stored.
QList<SignOffEntry> writeVersion1Ledger(const QString &path, int count)
{
    QStringList statements = schemaVersion1;
    QList<SignOffEntry> stored;
    for (int i = 1; i <= count; ++i) {
        SignOffEntry entry = entryFor(QStringLiteral("/records/%1.md").arg(i % 2),
            QStringLiteral("Role %1").arg(i), QStringLiteral("Signer %1").arg(i),
            i % 3 ? SignOffDecision::Approve : SignOffDecision::Reject);
        entry.id = i;
        entry.previousHash = stored.isEmpty() ? QString() : stored.last().hash;
        entry.hash = entry.computeHash();
        statements.append(
            QStringLiteral("INSERT OR IGNORE INTO record (path) VALUES ('%1')").arg(entry.recordPath));
        statements.append(
            QStringLiteral("INSERT INTO signoff VALUES (%1, (SELECT id FROM record WHERE path = '%2'), "
                           "'%3', '%4', '%5', '%6', '%7', '%8', '%9', '%10', '%11', '%12', '%13')")
                .arg(entry.id)
                .arg(entry.recordPath, entry.recordKind, entry.role, entry.signer,
                    decisionName(entry.decision), entry.comment, entry.timeText(), entry.digest)
                .arg(entry.osUser, entry.host, entry.previousHash, entry.hash));
        stored.append(entry);
    }
    if (!TestSupport::execSql(path, statements))
        qFatal("cannot write the schema 1 ledger");
    return stored;
}

int userVersion(const QString &path)
{
    const QString connection = QStringLiteral("test-user-version");
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery query(db);
        if (db.open() && query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
            version = query.value(0).toInt();
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return version;
}

} // namespace

class TestLedgerMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A ledger written by schema 1 is upgraded on open, in one transaction: every sign-off is kept
    // as it was (the chain still holds), and decisions can be recorded.
    void version1LedgerIsMigrated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        const QList<SignOffEntry> before = writeVersion1Ledger(path, 12);
        QCOMPARE(userVersion(path), 1);
        {
            auto store = openStore(path);
            QCOMPARE(userVersion(path), SqliteLedgerStore::schemaVersion);
            QCOMPARE(store->entries().value(), before);
            QCOMPARE(store->riskDecisions()->size(), 0);
            QVERIFY(store->appendRiskDecision(decisionFor(
                QStringLiteral("/records/1.md"), QStringLiteral("Queue drain"), QStringLiteral("Ann"))));
            QCOMPARE(store
                         ->append(entryFor(
                             QStringLiteral("/records/1.md"), QStringLiteral("R"), QStringLiteral("Zed")))
                         ->id,
                13);
        }
        auto store = openStore(path); // opening again changes nothing
        QCOMPARE(userVersion(path), SqliteLedgerStore::schemaVersion);
        const Result<QList<SignOffEntry>> after = store->entries();
        QCOMPARE(after->size(), 13);
        QCOMPARE(after->mid(0, 12), before);
        QCOMPARE(LedgerStore::verifyChain(*after), std::nullopt);
        QCOMPARE(store->riskDecisions()->size(), 1);
        // The new table refuses changes like the old one.
        store.reset();
        QVERIFY(!TestSupport::execSql(path, {QStringLiteral("DELETE FROM risk_decision")}));
    }

    // A migration that fails leaves the ledger at schema 1 with everything in it.
    void failedMigrationChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        const QList<SignOffEntry> before = writeVersion1Ledger(path, 3);
        // Something of that name is in the way: CREATE TABLE risk_decision fails mid-migration.
        QVERIFY(TestSupport::execSql(
            path, {QStringLiteral("CREATE INDEX risk_decision_by_record ON signoff(role)")}));
        const Result<std::unique_ptr<SqliteLedgerStore>> store = SqliteLedgerStore::open(path);
        QVERIFY(!store);
        QCOMPARE(store.error().file, path);
        QVERIFY2(store.error().message.contains(QStringLiteral("cannot be upgraded to ledger schema 2")),
            qPrintable(store.error().toString()));
        QCOMPARE(userVersion(path), 1);
        QVERIFY(!TestSupport::execSql(path, {QStringLiteral("SELECT count(*) FROM risk_decision")}));
        // Made possible again, it migrates with all sign-offs.
        QVERIFY(TestSupport::execSql(path, {QStringLiteral("DROP INDEX risk_decision_by_record")}));
        QCOMPARE(openStore(path)->entries().value(), before);
    }

    // Opened only to read, a ledger of schema 1 the user may write is read as it is too: upgrading
    // it is left to the first write.
    void readingDoesNotUpgrade()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        const QList<SignOffEntry> before = writeVersion1Ledger(path, 3);
        const QByteArray bytes = TestSupport::readBytes(path);
        {
            const Result<std::unique_ptr<LedgerStore>> store =
                LedgerStore::open(path, LedgerStore::Access::Read);
            QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
            QCOMPARE(store.value()->entries().value(), before);
            QCOMPARE(store.value()->riskDecisions()->size(), 0);
            QVERIFY(!store.value()->audit());
        }
        QCOMPARE(TestSupport::readBytes(path), bytes);
        QCOMPARE(userVersion(path), 1);
        QCOMPARE(openStore(path)->entries().value(), before);
        QCOMPARE(userVersion(path), SqliteLedgerStore::schemaVersion);
    }

    // A read-only ledger of schema 1 is read as it is: sign-offs, no decisions, nothing written.
    void readOnlyVersion1LedgerIsReadAsItIs()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        const QList<SignOffEntry> before = writeVersion1Ledger(path, 4);
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray bytes = TestSupport::readBytes(path);
        auto store = openStore(path);
        QVERIFY(store->isReadOnly());
        QCOMPARE(store->entries().value(), before);
        QCOMPARE(store->riskDecisions()->size(), 0);
        const Result<RiskDecisionEntry> refused = store->appendRiskDecision(
            decisionFor(QStringLiteral("/a.md"), QStringLiteral("Queue drain"), QStringLiteral("Ann")));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(
            QStringLiteral("read-only: the risk decision was not recorded")));
        store.reset();
        QCOMPARE(TestSupport::readBytes(path), bytes);
        QCOMPARE(userVersion(path), 1);
    }
};

QTEST_GUILESS_MAIN(TestLedgerMigration)

#include "tst_ledgermigration.moc"
