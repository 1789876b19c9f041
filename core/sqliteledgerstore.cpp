#include "sqliteledgerstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <atomic>

namespace Countersign {

namespace {

const QByteArray sqliteMagic("SQLite format 3\0", 16);

QString columns()
{
    return QStringLiteral(
        "s.id, r.path, s.record_kind, s.role, s.signer, s.decision, s.comment, s.signed_at, "
        "s.digest, s.os_user, s.host, s.previous_hash, s.hash");
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

} // namespace

QString SqliteLedgerStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
        QStringLiteral("/countersign.sqlite");
}

namespace {
const QString settingsKey = QStringLiteral("signoff/database");
}

QString SqliteLedgerStore::configuredPath()
{
    return QSettings().value(settingsKey, defaultPath()).toString();
}

void SqliteLedgerStore::setConfiguredPath(const QString &path)
{
    QSettings().setValue(settingsKey, path);
}

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
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return error(QStringLiteral("cannot be read"), query.lastError().text());
    const int version = query.value(0).toInt();
    if (version > schemaVersion) {
        return error(
            QStringLiteral("was written by a newer Countersign (ledger schema %1; this version knows up "
                           "to %2); it was left as it is")
                .arg(version)
                .arg(schemaVersion),
            {});
    }
    if (version == 0) {
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
            return error(QStringLiteral("cannot be read"), query.lastError().text());
        if (query.value(0).toInt() > 0) {
            return error(
                QStringLiteral("is an SQLite database but not a Countersign ledger; it was left as it is"),
                {});
        }
    }
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return error(QStringLiteral("cannot be set up"), query.lastError().text());
    if (m_readOnly) {
        if (version == 0)
            return error(QStringLiteral("is empty and read-only, so no ledger can be made in it"), {});
        return std::nullopt;
    }
    // WAL lets readers go on while one process writes; FULL makes a returned commit durable.
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) ||
        !query.exec(QStringLiteral("PRAGMA synchronous = FULL")))
        return error(QStringLiteral("cannot be set up"), query.lastError().text());
    // Forward migrations, each in its own transaction, from the version found.
    if (version < 1) {
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return error(QStringLiteral("cannot be created"), query.lastError().text());
        // Another process may have created it meanwhile.
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
            const QString detail = query.lastError().text();
            query.exec(QStringLiteral("ROLLBACK"));
            return error(QStringLiteral("cannot be created"), detail);
        }
        if (query.value(0).toInt() < 1) {
            for (const char *statement : schemaV1) {
                if (!query.exec(QString::fromLatin1(statement))) {
                    const QString detail = query.lastError().text();
                    query.exec(QStringLiteral("ROLLBACK"));
                    return error(QStringLiteral("cannot be created"), detail);
                }
            }
        }
        if (!query.exec(QStringLiteral("COMMIT"))) {
            const QString detail = query.lastError().text();
            query.exec(QStringLiteral("ROLLBACK"));
            return error(QStringLiteral("cannot be created"), detail);
        }
    }
    return std::nullopt;
}

Result<SignOffEntry> SqliteLedgerStore::append(const SignOffEntry &entry)
{
    if (m_readOnly)
        return error(QStringLiteral("is read-only: the sign-off was not recorded"), {});
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    const auto fail = [&](const QString &detail) {
        query.exec(QStringLiteral("ROLLBACK"));
        return error(QStringLiteral("the sign-off could not be recorded"), detail);
    };
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return error(QStringLiteral("the sign-off could not be recorded"), query.lastError().text());

    SignOffEntry stored = entry;
    if (!query.exec(QStringLiteral("SELECT id, hash FROM signoff ORDER BY id DESC LIMIT 1")))
        return fail(query.lastError().text());
    stored.id = 1;
    stored.previousHash.clear();
    if (query.next()) {
        stored.id = query.value(0).toLongLong() + 1;
        stored.previousHash = query.value(1).toString();
    }
    stored.time = stored.time.toUTC();
    stored.hash = stored.computeHash();

    query.prepare(QStringLiteral("INSERT OR IGNORE INTO record (path) VALUES (?)"));
    query.addBindValue(stored.recordPath);
    if (!query.exec())
        return fail(query.lastError().text());
    query.prepare(QStringLiteral("SELECT id FROM record WHERE path = ?"));
    query.addBindValue(stored.recordPath);
    if (!query.exec() || !query.next())
        return fail(query.lastError().text());
    const qint64 recordId = query.value(0).toLongLong();

    query.prepare(
        QStringLiteral("INSERT INTO signoff (id, record_id, record_kind, role, signer, decision, comment, "
                       "signed_at, digest, os_user, host, previous_hash, hash) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(stored.id);
    query.addBindValue(recordId);
    // A null QString would be bound as NULL; the columns hold text, empty or not.
    for (const QString &text :
        {stored.recordKind, stored.role, stored.signer, decisionName(stored.decision), stored.comment,
            stored.timeText(), stored.digest, stored.osUser, stored.host, stored.previousHash, stored.hash})
        query.addBindValue(text.isNull() ? QStringLiteral("") : text);
    if (!query.exec())
        return fail(query.lastError().text());
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(query.lastError().text());
    return stored;
}

Result<QList<SignOffEntry>> SqliteLedgerStore::entries(const QString &recordPath) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    const QString select =
        QStringLiteral("SELECT %1 FROM signoff s JOIN record r ON r.id = s.record_id").arg(columns());
    if (recordPath.isEmpty()) {
        query.prepare(select + QStringLiteral(" ORDER BY s.id"));
    } else {
        query.prepare(select + QStringLiteral(" WHERE r.path = ? ORDER BY s.id"));
        query.addBindValue(recordPath);
    }
    if (!query.exec())
        return error(QStringLiteral("cannot be read"), query.lastError().text());
    QList<SignOffEntry> out;
    while (query.next())
        out.append(entryFrom(query));
    if (query.lastError().isValid())
        return error(QStringLiteral("cannot be read"), query.lastError().text());
    return out;
}

} // namespace Countersign
