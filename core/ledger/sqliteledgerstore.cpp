// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/sqliteledgerstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <functional>

namespace Countersign {

namespace {

const QByteArray sqliteMagic("SQLite format 3\0", 16);

// A ledger read as it is (read-only, schema before 3) has no signature columns: they read as empty.
QString columns(int version)
{
    return QStringLiteral(
               "s.id, r.path, s.record_kind, s.role, s.signer, s.decision, s.comment, s.signed_at, "
               "s.digest, s.os_user, s.host, s.previous_hash, s.hash, ") +
        (version >= 3 ? QStringLiteral("s.principal, s.statement, s.signature")
                      : QStringLiteral("'', '', ''"));
}

SignOffEntry entryFrom(const QSqlQuery &query)
{
    SignOffEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.recordPath = query.value(1).toString();
    entry.recordKind = query.value(2).toString();
    entry.role = query.value(3).toString();
    entry.signer = query.value(4).toString();
    // An unknown decision cannot be stored (CHECK constraint); read as withdraw, the chain says it.
    entry.decision = decisionFromName(query.value(5).toString()).value_or(SignOffDecision::Withdraw);
    entry.comment = query.value(6).toString();
    entry.time = QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs).toUTC();
    entry.digest = query.value(8).toString();
    entry.osUser = query.value(9).toString();
    entry.host = query.value(10).toString();
    entry.previousHash = query.value(11).toString();
    entry.hash = query.value(12).toString();
    entry.principal = query.value(13).toString();
    entry.statement = query.value(14).toString();
    entry.signature = query.value(15).toString();
    return entry;
}

// Schema version 1, created in one transaction on an empty database.
const char *const schemaV1[] = {
    "CREATE TABLE record (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE)",
    "CREATE TABLE signoff ("
    " id INTEGER PRIMARY KEY,"
    " record_id INTEGER NOT NULL REFERENCES record(id),"
    " record_kind TEXT NOT NULL,"
    " role TEXT NOT NULL,"
    " signer TEXT NOT NULL,"
    " decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject', 'withdraw')),"
    " comment TEXT NOT NULL,"
    " signed_at TEXT NOT NULL,"
    " digest TEXT NOT NULL,"
    " os_user TEXT NOT NULL,"
    " host TEXT NOT NULL,"
    " previous_hash TEXT NOT NULL,"
    " hash TEXT NOT NULL UNIQUE)",
    "CREATE INDEX signoff_by_record ON signoff(record_id)",
    "CREATE TRIGGER signoff_append_only_update BEFORE UPDATE ON signoff"
    " BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END",
    "CREATE TRIGGER signoff_append_only_delete BEFORE DELETE ON signoff"
    " BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END",
    "PRAGMA user_version = 1",
};

QString decisionColumns()
{
    return QStringLiteral(
        "d.id, r.path, d.record_digest, d.item_key, d.item_text, d.decision, d.owner, d.due, d.note, "
        "d.recorded_by, d.decided_at, d.os_user, d.host, d.previous_hash, d.hash");
}

RiskDecisionEntry decisionFrom(const QSqlQuery &query)
{
    RiskDecisionEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.recordPath = query.value(1).toString();
    entry.recordDigest = query.value(2).toString();
    entry.itemKey = query.value(3).toString();
    entry.itemText = query.value(4).toString();
    // An unknown decision cannot be stored (CHECK constraint); read as needs-action, the chain says it.
    entry.decision = riskDecisionFromName(query.value(5).toString()).value_or(RiskDecision::NeedsAction);
    entry.owner = query.value(6).toString();
    entry.due = QDate::fromString(query.value(7).toString(), Qt::ISODate);
    entry.note = query.value(8).toString();
    entry.recordedBy = query.value(9).toString();
    entry.time = QDateTime::fromString(query.value(10).toString(), Qt::ISODateWithMs).toUTC();
    entry.osUser = query.value(11).toString();
    entry.host = query.value(12).toString();
    entry.previousHash = query.value(13).toString();
    entry.hash = query.value(14).toString();
    return entry;
}

// Schema version 2: the decisions of residual risk reviews, in a hash chain of their own.
const char *const schemaV2[] = {
    "CREATE TABLE risk_decision ("
    " id INTEGER PRIMARY KEY,"
    " record_id INTEGER NOT NULL REFERENCES record(id),"
    " record_digest TEXT NOT NULL,"
    " item_key TEXT NOT NULL,"
    " item_text TEXT NOT NULL,"
    " decision TEXT NOT NULL CHECK (decision IN ('accepted', 'mitigated', 'needs-action')),"
    " owner TEXT NOT NULL,"
    " due TEXT NOT NULL CHECK (due = '' OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    " note TEXT NOT NULL,"
    " recorded_by TEXT NOT NULL,"
    " decided_at TEXT NOT NULL,"
    " os_user TEXT NOT NULL,"
    " host TEXT NOT NULL,"
    " previous_hash TEXT NOT NULL,"
    " hash TEXT NOT NULL UNIQUE,"
    " CHECK (decision <> 'needs-action' OR (owner <> '' AND due <> '')))",
    "CREATE INDEX risk_decision_by_record ON risk_decision(record_id)",
    "CREATE TRIGGER risk_decision_append_only_update BEFORE UPDATE ON risk_decision"
    " BEGIN SELECT RAISE(ABORT, 'risk decisions are append-only'); END",
    "CREATE TRIGGER risk_decision_append_only_delete BEFORE DELETE ON risk_decision"
    " BEGIN SELECT RAISE(ABORT, 'risk decisions are append-only'); END",
    "PRAGMA user_version = 2",
};

// Schema version 3: signed sign-offs (the principal, the signed statement and its armored signature,
// empty for unsigned entries and those written before), and record identities that survive a move:
// a record row stored under an absolute path is linked to the record's identity by adopt().
const char *const schemaV3[] = {
    "ALTER TABLE signoff ADD COLUMN principal TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE signoff ADD COLUMN statement TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE signoff ADD COLUMN signature TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE record ADD COLUMN identity TEXT",
    "CREATE INDEX record_by_identity ON record(identity)",
    "PRAGMA user_version = 3",
};

template<size_t N>
QStringList statementsOf(const char *const (&statements)[N])
{
    QStringList out;
    for (const char *statement : statements)
        out.append(QString::fromLatin1(statement));
    return out;
}

// What both chains share on the way in: in one BEGIN IMMEDIATE transaction (the writer holds the
// lock from reading the last hash to storing the new row), link `entry` to the last row of `table`
// (its id, previousHash and hash), store the record's path, and insert it with `insert`, bound to the
// id, the record's id and then `texts(entry)` (a null text is bound as empty text, never NULL).
// `failed` turns a database message into the Error to return; a failure rolls back. `check`, given
// the entry linked (id and previousHash set), may refuse it inside the transaction.
template<typename Entry, typename Texts, typename Failed, typename Check>
Result<Entry> appendLinked(QSqlDatabase db, Entry entry, const QString &table, const QString &insert,
    Texts texts, Failed failed, Check check)
{
    QSqlQuery query(db);
    const auto fail = [&query, &failed](const QString &detail) {
        query.exec(QStringLiteral("ROLLBACK"));
        return failed(detail);
    };
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failed(query.lastError().text());
    if (!query.exec(QStringLiteral("SELECT id, hash FROM %1 ORDER BY id DESC LIMIT 1").arg(table)))
        return fail(query.lastError().text());
    entry.id = 1;
    entry.previousHash.clear();
    if (query.next()) {
        entry.id = query.value(0).toLongLong() + 1;
        entry.previousHash = query.value(1).toString();
    }
    entry.time = entry.time.toUTC();
    if (std::optional<Error> refused = check(entry)) {
        query.exec(QStringLiteral("ROLLBACK"));
        return *refused;
    }
    entry.hash = entry.computeHash();

    query.prepare(QStringLiteral("INSERT OR IGNORE INTO record (path) VALUES (?)"));
    query.addBindValue(entry.recordPath);
    if (!query.exec())
        return fail(query.lastError().text());
    query.prepare(QStringLiteral("SELECT id FROM record WHERE path = ?"));
    query.addBindValue(entry.recordPath);
    if (!query.exec() || !query.next())
        return fail(query.lastError().text());
    const qint64 recordId = query.value(0).toLongLong();

    query.prepare(insert);
    query.addBindValue(entry.id);
    query.addBindValue(recordId);
    for (const QString &text : texts(entry))
        query.addBindValue(text.isNull() ? QStringLiteral("") : text);
    if (!query.exec())
        return fail(query.lastError().text());
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(query.lastError().text());
    return entry;
}

// Which rows of a record to read: those stored under its identity, under its legacy identity, and
// (schema 3 on) under a path adopted by the identity.
struct RecordRows
{
    QString identity; // empty: every row
    QString legacyIdentity;
    bool adopted = false;
};

// What both chains share on the way out: `columns` of the rows of `table` (`alias` in `columns`)
// joined with their record, of one record or of all, in order, each made an entry by `from`.
template<typename Entry>
Result<QList<Entry>> readLinked(QSqlDatabase db, const QString &table, const QString &alias,
    const QString &columns, const RecordRows &rows, Entry (*from)(const QSqlQuery &),
    const std::function<Error(const QString &)> &failed)
{
    QSqlQuery query(db);
    const QString select = QStringLiteral("SELECT %1 FROM %2 %3 JOIN record r ON r.id = %3.record_id")
                               .arg(columns, table, alias);
    const QString order = QStringLiteral(" ORDER BY %1.id").arg(alias);
    if (rows.identity.isEmpty()) {
        query.prepare(select + order);
    } else {
        query.prepare(select + QStringLiteral(" WHERE r.path = ? OR r.path = ?") +
            (rows.adopted ? QStringLiteral(" OR r.identity = ?") : QString()) + order);
        query.addBindValue(rows.identity);
        query.addBindValue(rows.legacyIdentity.isEmpty() ? rows.identity : rows.legacyIdentity);
        if (rows.adopted)
            query.addBindValue(rows.identity);
    }
    if (!query.exec())
        return failed(query.lastError().text());
    QList<Entry> out;
    while (query.next())
        out.append(from(query));
    if (query.lastError().isValid())
        return failed(query.lastError().text());
    return out;
}

} // namespace

SqliteLedgerStore::SqliteLedgerStore(const QString &path, const QString &connection, bool readOnly)
    : m_path(path)
    , m_connection(connection)
    , m_readOnly(readOnly)
{ }

SqliteLedgerStore::~SqliteLedgerStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Error SqliteLedgerStore::error(const QString &what, const QString &detail) const
{
    return Error{
        Error::Code::Database, detail.isEmpty() ? what : QStringLiteral("%1: %2").arg(what, detail), m_path};
}

Result<std::unique_ptr<SqliteLedgerStore>> SqliteLedgerStore::open(const QString &path)
{
    using Code = Error::Code;
    const QFileInfo info(path);
    bool readOnly = false;
    if (info.exists()) {
        if (!info.isFile())
            return Error{Code::NotARegularFile,
                QStringLiteral("is not a regular file, so it cannot be a ledger"), path};
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{
                Code::Unreadable, QStringLiteral("cannot be read: %1").arg(file.errorString()), path};
        const QByteArray head = file.read(16);
        if (info.size() > 0 && head != sqliteMagic) {
            return Error{Code::Database,
                QStringLiteral("is not a Countersign ledger (not an SQLite database); it was left as it is"),
                path};
        }
        // A file without write permission is read-only, even to a user (root) who could write it.
        constexpr QFile::Permissions writable = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
        readOnly = !info.isWritable() || !(info.permissions() & writable);
    } else if (!QDir().mkpath(info.absolutePath())) {
        return Error{
            Code::WriteFailed, QStringLiteral("cannot create its folder %1").arg(info.absolutePath()), path};
    }

    static std::atomic<int> counter{0};
    const QString connection = QStringLiteral("countersign-ledger-%1").arg(counter++);
    std::unique_ptr<SqliteLedgerStore> store(new SqliteLedgerStore(path, connection, readOnly));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_READONLY")
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            return store->error(QStringLiteral("cannot be opened"), db.lastError().text());
    }
    if (std::optional<Error> failed = store->prepare())
        return *failed;
    return store;
}

std::optional<Error> SqliteLedgerStore::prepare()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    // Read before anything is written: a file this version must not touch stays as it is.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next())
        return error(QStringLiteral("is damaged or not an SQLite database"), query.lastError().text());
    if (const QString check = query.value(0).toString(); check != u"ok")
        return error(QStringLiteral("is damaged"), check);
    // The version and whether anything else is in the file, read in one snapshot: another process
    // creating the ledger at this moment commits its tables and its version together.
    if (!query.exec(QStringLiteral("BEGIN")) || !query.exec(QStringLiteral("PRAGMA user_version")) ||
        !query.next()) {
        const QString detail = query.lastError().text();
        query.exec(QStringLiteral("ROLLBACK"));
        return error(QStringLiteral("cannot be read"), detail);
    }
    const int version = query.value(0).toInt();
    int objects = 0;
    if (version == 0) {
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
            const QString detail = query.lastError().text();
            query.exec(QStringLiteral("ROLLBACK"));
            return error(QStringLiteral("cannot be read"), detail);
        }
        objects = query.value(0).toInt();
    }
    query.finish();
    query.exec(QStringLiteral("ROLLBACK")); // only read: nothing to keep
    if (version > schemaVersion) {
        return error(
            QStringLiteral("was written by a newer Countersign (ledger schema %1; this version knows up "
                           "to %2); it was left as it is")
                .arg(version)
                .arg(schemaVersion),
            {});
    }
    if (version == 0 && objects > 0) {
        return error(
            QStringLiteral("is an SQLite database but not a Countersign ledger; it was left as it is"), {});
    }
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return error(QStringLiteral("cannot be set up"), query.lastError().text());
    if (m_readOnly) {
        if (version == 0)
            return error(QStringLiteral("is empty and read-only, so no ledger can be made in it"), {});
        m_version = version;
        return std::nullopt;
    }
    // WAL lets readers go on while one process writes; FULL makes a returned commit durable.
    if (std::optional<Error> failed = switchToWal())
        return failed;
    if (!query.exec(QStringLiteral("PRAGMA synchronous = FULL")))
        return error(QStringLiteral("cannot be set up"), query.lastError().text());
    // Forward migrations, each in its own transaction, from the version found.
    if (version < 1) {
        if (std::optional<Error> failed =
                migrate(1, statementsOf(schemaV1), QStringLiteral("cannot be created")))
            return failed;
    }
    if (version < 2) {
        if (std::optional<Error> failed = migrate(2, statementsOf(schemaV2),
                QStringLiteral("cannot be upgraded to ledger schema 2 (risk decisions)")))
            return failed;
    }
    if (version < 3) {
        if (std::optional<Error> failed = migrate(3, statementsOf(schemaV3),
                QStringLiteral("cannot be upgraded to ledger schema 3 (signed sign-offs)")))
            return failed;
    }
    m_version = schemaVersion;
    return std::nullopt;
}

// Two processes opening a new ledger at once both switch it to WAL, and SQLite settles that by
// failing one at once (SQLITE_BUSY without calling the busy handler: both hold a read lock, and
// waiting could deadlock). The loser then waits for the winner's write to end, as BEGIN IMMEDIATE
// does through the busy timeout, and asks again: the file is WAL by then, or the switch is its own.
std::optional<Error> SqliteLedgerStore::switchToWal()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    constexpr int attempts = 4; // each one after another process's switch ended
    for (int attempt = 1;; ++attempt) {
        if (query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return std::nullopt;
        const QString detail = query.lastError().text();
        const bool busy = (query.lastError().nativeErrorCode().toInt() & 0xff) == 5; // SQLITE_BUSY
        if (attempt == attempts || !busy || !query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return error(QStringLiteral("cannot be set up"), detail);
        query.exec(QStringLiteral("COMMIT"));
    }
}

// Runs `statements` (which end by setting user_version to `version`) in one BEGIN IMMEDIATE
// transaction, unless another process brought the schema there meanwhile. Everything or nothing.
std::optional<Error> SqliteLedgerStore::migrate(
    int version, const QStringList &statements, const QString &failure)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    const auto fail = [&] {
        const QString detail = query.lastError().text();
        query.exec(QStringLiteral("ROLLBACK"));
        return error(failure, detail);
    };
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return error(failure, query.lastError().text());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return fail();
    if (query.value(0).toInt() < version) {
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return fail();
        }
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail();
    return std::nullopt;
}

Result<SignOffEntry> SqliteLedgerStore::append(
    const SignOffEntry &entry, const AppendCheck &check, const QString &legacyIdentity)
{
    if (m_readOnly)
        return error(QStringLiteral("is read-only: the sign-off was not recorded"), {});
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const auto failed = [this](const QString &detail) {
        return error(QStringLiteral("the sign-off could not be recorded"), detail);
    };
    return appendLinked(
        db, entry, QStringLiteral("signoff"),
        QStringLiteral("INSERT INTO signoff (id, record_id, record_kind, role, signer, decision, comment, "
                       "signed_at, digest, os_user, host, previous_hash, hash, principal, statement, "
                       "signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        [](const SignOffEntry &stored) {
            return QStringList{stored.recordKind, stored.role, stored.signer, decisionName(stored.decision),
                stored.comment, stored.timeText(), stored.digest, stored.osUser, stored.host,
                stored.previousHash, stored.hash, stored.principal, stored.statement, stored.signature};
        },
        failed,
        [&](const SignOffEntry &linked) -> std::optional<Error> {
            if (std::optional<Error> refused = checkSignedEntry(linked, m_path))
                return refused;
            if (!check)
                return std::nullopt;
            const Result<QList<SignOffEntry>> current =
                readLinked<SignOffEntry>(db, QStringLiteral("signoff"), QStringLiteral("s"),
                    columns(m_version), {linked.recordPath, legacyIdentity, true}, entryFrom, failed);
            if (!current)
                return current.error();
            return check(current.value(), LedgerHead{linked.id - 1, linked.previousHash});
        });
}

Result<QList<SignOffEntry>> SqliteLedgerStore::entries(
    const QString &identity, const QString &legacyIdentity) const
{
    return readLinked<SignOffEntry>(QSqlDatabase::database(m_connection, false), QStringLiteral("signoff"),
        QStringLiteral("s"), columns(m_version), {identity, legacyIdentity, m_version >= 3}, entryFrom,
        [this](const QString &detail) { return error(QStringLiteral("cannot be read"), detail); });
}

std::optional<Error> SqliteLedgerStore::adopt(const QString &legacyIdentity, const QString &identity)
{
    if (m_readOnly || legacyIdentity == identity || legacyIdentity.isEmpty() || identity.isEmpty())
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("UPDATE record SET identity = ? WHERE path = ? AND identity IS NULL"));
    query.addBindValue(identity);
    query.addBindValue(legacyIdentity);
    if (!query.exec())
        return error(QStringLiteral("cannot link the record's earlier entries to its identity"),
            query.lastError().text());
    return std::nullopt;
}

QString SqliteLedgerStore::revision() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("SELECT total_changes()")) || !query.next())
        return {};
    const QString own = query.value(0).toString();
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return {};
    return query.value(0).toString() + u':' + own;
}

Result<LedgerHead> SqliteLedgerStore::head() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("SELECT id, hash FROM signoff ORDER BY id DESC LIMIT 1")))
        return error(QStringLiteral("cannot be read"), query.lastError().text());
    if (!query.next())
        return LedgerHead{};
    return LedgerHead{query.value(0).toLongLong(), query.value(1).toString()};
}

Result<RiskDecisionEntry> SqliteLedgerStore::appendRiskDecision(const RiskDecisionEntry &entry)
{
    if (m_readOnly)
        return error(QStringLiteral("is read-only: the risk decision was not recorded"), {});
    return appendLinked(
        QSqlDatabase::database(m_connection, false), entry, QStringLiteral("risk_decision"),
        QStringLiteral("INSERT INTO risk_decision (id, record_id, record_digest, item_key, item_text, "
                       "decision, owner, due, note, recorded_by, decided_at, os_user, host, previous_hash, "
                       "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        [](const RiskDecisionEntry &stored) {
            return QStringList{stored.recordDigest, stored.itemKey, stored.itemText,
                riskDecisionName(stored.decision), stored.owner, stored.dueText(), stored.note,
                stored.recordedBy, stored.timeText(), stored.osUser, stored.host, stored.previousHash,
                stored.hash};
        },
        [this](const QString &detail) {
            return error(QStringLiteral("the risk decision could not be recorded"), detail);
        },
        [](const RiskDecisionEntry &) { return std::optional<Error>(); });
}

Result<QList<RiskDecisionEntry>> SqliteLedgerStore::riskDecisions(const QString &recordPath) const
{
    // A read-only ledger of schema 1 was never upgraded: it has no decisions to read.
    if (m_version < 2)
        return QList<RiskDecisionEntry>();
    return readLinked<RiskDecisionEntry>(QSqlDatabase::database(m_connection, false),
        QStringLiteral("risk_decision"), QStringLiteral("d"), decisionColumns(),
        RecordRows{recordPath, {}, false}, decisionFrom,
        [this](const QString &detail) { return error(QStringLiteral("cannot be read"), detail); });
}

} // namespace Countersign
