// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/sqliteledgerstore.h"

#include "ledger/sqlchain.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <functional>

namespace Countersign {

namespace {

const QByteArray sqliteMagic("SQLite format 3\0", 16);

// SQLite's primary result codes that say what went wrong; an extended code keeps its primary one in
// the low byte. The QSQLITE driver reports extended codes as QSqlError::nativeErrorCode().
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoError = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADatabase = 26,
};
constexpr int sqliteWriteError = SqliteIoError | (3 << 8); // SQLITE_IOERR_WRITE
constexpr int sqliteShmSizeError = SqliteIoError | (19 << 8); // SQLITE_IOERR_SHMSIZE

int resultCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt();
}

// DiskFull: no space left (SQLITE_FULL, or an I/O error on a file system with no room left).
// WriteFailed: a write that did not complete for another reason than no space (SQLite tells no more):
// a quota, a file size limit (ulimit -f), or a failing disk.
enum class Failure { Damaged, DiskFull, WriteFailed, ReadOnly, Locked, CannotOpen, InputOutput, Other };

// What a failure of SQLite on a ledger in `folder` means.
Failure failureOf(const QSqlError &error, const QString &folder)
{
    const int code = resultCode(error);
    switch (code & 0xff) {
    case SqliteCorrupt:
    case SqliteNotADatabase:
        return Failure::Damaged;
    case SqliteFull:
        return Failure::DiskFull;
    case SqliteReadOnly:
        return Failure::ReadOnly;
    case SqliteBusy:
    case SqliteLocked:
        return Failure::Locked;
    case SqliteCantOpen:
        return Failure::CannotOpen;
    case SqliteIoError: {
        constexpr qint64 nearlyFull = 1024 * 1024;
        const QStorageInfo storage(folder);
        if (storage.isValid() && storage.bytesAvailable() < nearlyFull)
            return Failure::DiskFull;
        // Growing the shared-memory file is a one-byte write into a new block.
        return code == sqliteWriteError || code == sqliteShmSizeError ? Failure::WriteFailed
                                                                      : Failure::InputOutput;
    }
    default:
        return Failure::Other;
    }
}

// True for a failure that may only mean that SQLite could not set up the shared memory (-shm) through
// which it reads a WAL database: it could not make or grow the file beside the ledger.
bool needsSharedMemory(const QSqlError &error)
{
    switch (resultCode(error) & 0xff) {
    case SqliteReadOnly:
    case SqliteCantOpen:
    case SqliteFull:
    case SqliteIoError:
        return true;
    default:
        return false;
    }
}

// True when SQLite left entries beside the file that the file itself does not hold yet: a
// write-ahead log (-wal) or a rollback journal (-journal) that is not empty.
bool hasPendingLog(const QString &path)
{
    return QFileInfo(path + QStringLiteral("-wal")).size() > 0 ||
        QFileInfo(path + QStringLiteral("-journal")).size() > 0;
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

// Schema version 4: the server's user of entries copied from a server's ledger (`ledger copy`), which
// their hashes cover; empty for every entry written to the file itself.
const char *const schemaV4[] = {
    "ALTER TABLE signoff ADD COLUMN server_user TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE risk_decision ADD COLUMN server_user TEXT NOT NULL DEFAULT ''",
    "PRAGMA user_version = 4",
};

template<size_t N>
QStringList statementsOf(const char *const (&statements)[N])
{
    QStringList out;
    for (const char *statement : statements)
        out.append(QString::fromLatin1(statement));
    return out;
}

// A writer takes SQLite's write lock when its transaction begins (BEGIN IMMEDIATE), so it holds the
// chain from reading the last hash to storing the new row.
const SqlChain::Dialect sqliteDialect{{QStringLiteral("BEGIN IMMEDIATE")}, QString(),
    QStringLiteral("INSERT OR IGNORE INTO record (path) VALUES (?)")};

// Whether the entries of a ledger of schema `version` hold a server's user (from schema 4).
SqlChain::ServerUsers serverUsersOf(int version)
{
    return version >= 4 ? SqlChain::ServerUsers::Stored : SqlChain::ServerUsers::None;
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

Error SqliteLedgerStore::failure(const QString &what, const QSqlError &sqlError) const
{
    const QString detail = sqlError.text();
    switch (failureOf(sqlError, QFileInfo(m_path).absolutePath())) {
    case Failure::Damaged:
        return error(what, detail);
    case Failure::DiskFull:
        return error(what,
            QStringLiteral(
                "disk full; the ledger was left as it was (free some space and try again; SQLite: %1)")
                .arg(detail));
    case Failure::WriteFailed:
        return error(what,
            QStringLiteral("disk full or failing: a write did not complete (no space, a quota or file size "
                           "limit, or a disk error); the ledger was left as it was (SQLite: %1)")
                .arg(detail));
    case Failure::ReadOnly:
        return error(what,
            QStringLiteral("the ledger or its folder is read-only, and SQLite needs to write beside it (%1)")
                .arg(detail));
    case Failure::Locked:
        return error(what, QStringLiteral("another program holds the ledger locked (%1)").arg(detail));
    case Failure::CannotOpen:
    case Failure::InputOutput:
    case Failure::Other:
        break;
    }
    return error(what, detail);
}

Result<std::unique_ptr<SqliteLedgerStore>> SqliteLedgerStore::open(const QString &path, Access access)
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
    } else if (access != Access::Write) {
        // Only reading: a mistyped path must not become an empty ledger that reads as intact.
        return Error{Code::FileNotFound, QStringLiteral("no such ledger"), path};
    } else if (!QDir().mkpath(info.absolutePath())) {
        return Error{
            Code::WriteFailed, QStringLiteral("cannot create its folder %1").arg(info.absolutePath()), path};
    }

    static std::atomic<int> counter{0};
    const QString connection = QStringLiteral("countersign-ledger-%1").arg(counter++);
    std::unique_ptr<SqliteLedgerStore> store(new SqliteLedgerStore(path, connection, readOnly));
    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    if (std::optional<Error> failed = store->connect(false))
        return *failed;
    if (std::optional<Error> failed = store->prepare(access))
        return *failed;
    return store;
}

std::optional<Error> SqliteLedgerStore::connect(bool immutable)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.close();
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
    if (m_readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    if (immutable) {
        // A URI, so that SQLite reads the file without its -shm and -wal (which it cannot make here).
        QUrl uri = QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath());
        uri.setQuery(QStringLiteral("immutable=1"));
        db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        options += QStringLiteral(";QSQLITE_OPEN_URI");
    } else {
        db.setDatabaseName(m_path);
    }
    db.setConnectOptions(options);
    if (!db.open())
        return failure(QStringLiteral("cannot be opened"), db.lastError());
    return std::nullopt;
}

std::optional<Error> SqliteLedgerStore::prepare(Access access)
{
    // The first read failed: the file is damaged only when SQLite says so.
    const auto openFailure = [this](const QSqlError &sqlError) {
        const Failure kind = failureOf(sqlError, QFileInfo(m_path).absolutePath());
        if (kind == Failure::Damaged || kind == Failure::Other)
            return error(QStringLiteral("is damaged or not an SQLite database"), sqlError.text());
        return failure(QStringLiteral("cannot be opened"), sqlError);
    };
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    // Read before anything is written: a file this version must not touch stays as it is.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next()) {
        const QSqlError first = query.lastError();
        // SQLite could not set up its shared memory beside the file (a read-only folder or mount, a
        // full disk). With no write-ahead log waiting to be read, the file alone holds the whole
        // ledger: read it as it is, read-only. Not for a writer that may write the file, which is
        // told why instead.
        const bool onlyReading = m_readOnly || access != Access::Write;
        if (!onlyReading || !needsSharedMemory(first))
            return openFailure(first);
        if (hasPendingLog(m_path)) {
            return error(QStringLiteral("cannot be read: its write-ahead log (%1-wal) holds entries that "
                                        "SQLite can bring in only where it may write beside the ledger")
                             .arg(QFileInfo(m_path).fileName()),
                first.text());
        }
        query = QSqlQuery();
        m_readOnly = true;
        if (std::optional<Error> failed = connect(true))
            return failed;
        query = QSqlQuery(QSqlDatabase::database(m_connection, false));
        if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next())
            return openFailure(query.lastError());
    }
    if (const QString check = query.value(0).toString(); check != u"ok")
        return error(QStringLiteral("is damaged"), check);
    // The version and whether anything else is in the file, read in one snapshot: another process
    // creating the ledger at this moment commits its tables and its version together.
    if (!query.exec(QStringLiteral("BEGIN")) || !query.exec(QStringLiteral("PRAGMA user_version")) ||
        !query.next()) {
        const QSqlError sqlError = query.lastError();
        query.exec(QStringLiteral("ROLLBACK"));
        return failure(QStringLiteral("cannot be read"), sqlError);
    }
    const int version = query.value(0).toInt();
    int objects = 0;
    if (version == 0) {
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
            const QSqlError sqlError = query.lastError();
            query.exec(QStringLiteral("ROLLBACK"));
            return failure(QStringLiteral("cannot be read"), sqlError);
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
        return failure(QStringLiteral("cannot be set up"), query.lastError());
    if (m_readOnly && access == Access::Write && version == 0)
        return error(QStringLiteral("is empty and read-only, so no ledger can be made in it"), {});
    if (m_readOnly || access != Access::Write) {
        // Read as it is: an earlier schema without what later ones add, an empty file as no entries.
        m_version = version;
        if (!m_readOnly && !query.exec(QStringLiteral("PRAGMA synchronous = FULL")))
            return failure(QStringLiteral("cannot be set up"), query.lastError());
        return std::nullopt;
    }
    // WAL lets readers go on while one process writes; FULL makes a returned commit durable.
    if (std::optional<Error> failed = switchToWal())
        return failed;
    if (!query.exec(QStringLiteral("PRAGMA synchronous = FULL")))
        return failure(QStringLiteral("cannot be set up"), query.lastError());
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
    if (version < 4) {
        if (std::optional<Error> failed = migrate(4, statementsOf(schemaV4),
                QStringLiteral("cannot be upgraded to ledger schema 4 (entries copied from a server)")))
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
        const QSqlError sqlError = query.lastError();
        const bool busy = (resultCode(sqlError) & 0xff) == SqliteBusy;
        if (attempt == attempts || !busy || !query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return failure(QStringLiteral("cannot be set up"), sqlError);
        query.exec(QStringLiteral("COMMIT"));
    }
}

// Runs `statements` (which end by setting user_version to `version`) in one BEGIN IMMEDIATE
// transaction, unless another process brought the schema there meanwhile. Everything or nothing.
std::optional<Error> SqliteLedgerStore::migrate(
    int version, const QStringList &statements, const QString &what)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    const auto fail = [&] {
        const QSqlError sqlError = query.lastError();
        query.exec(QStringLiteral("ROLLBACK"));
        return failure(what, sqlError);
    };
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failure(what, query.lastError());
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
    const auto failed = [this](const QSqlError &sqlError) {
        return failure(QStringLiteral("the sign-off could not be recorded"), sqlError);
    };
    return SqlChain::appendLinked(
        db, sqliteDialect, entry, QStringLiteral("signoff"), SqlChain::signOffInsert(sqliteDialect),
        [](const SignOffEntry &stored) { return SqlChain::signOffTexts(stored, false); }, failed,
        [&](const SignOffEntry &linked) -> std::optional<Error> {
            if (std::optional<Error> refused = checkSignedEntry(linked, m_path))
                return refused;
            if (!check)
                return std::nullopt;
            const Result<QList<SignOffEntry>> current =
                SqlChain::readLinked<SignOffEntry>(db, sqliteDialect, QStringLiteral("signoff"),
                    QStringLiteral("s"), SqlChain::signOffColumns(m_version >= 3, serverUsersOf(m_version)),
                    {linked.recordPath, legacyIdentity, true}, SqlChain::entryFrom, failed);
            if (!current)
                return current.error();
            return check(current.value(), LedgerHead{linked.id - 1, linked.previousHash});
        });
}

Result<QList<SignOffEntry>> SqliteLedgerStore::entries(
    const QString &identity, const QString &legacyIdentity) const
{
    if (m_version < 1) // an empty file, read as it is
        return QList<SignOffEntry>();
    return SqlChain::readLinked<SignOffEntry>(QSqlDatabase::database(m_connection, false), sqliteDialect,
        QStringLiteral("signoff"), QStringLiteral("s"),
        SqlChain::signOffColumns(m_version >= 3, serverUsersOf(m_version)),
        {identity, legacyIdentity, m_version >= 3}, SqlChain::entryFrom,
        [this](const QSqlError &sqlError) { return failure(QStringLiteral("cannot be read"), sqlError); });
}

std::optional<Error> SqliteLedgerStore::adopt(const QString &legacyIdentity, const QString &identity)
{
    if (m_readOnly || m_version < 3 || legacyIdentity == identity || legacyIdentity.isEmpty() ||
        identity.isEmpty())
        return std::nullopt;
    if (const std::optional<QSqlError> failed = SqlChain::adopt(
            QSqlDatabase::database(m_connection, false), sqliteDialect, legacyIdentity, identity))
        return failure(QStringLiteral("cannot link the record's earlier entries to its identity"), *failed);
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
    if (m_version < 1) // an empty file, read as it is
        return LedgerHead{};
    std::variant<LedgerHead, QSqlError> read =
        SqlChain::head(QSqlDatabase::database(m_connection, false), sqliteDialect);
    if (const QSqlError *failed = std::get_if<QSqlError>(&read))
        return failure(QStringLiteral("cannot be read"), *failed);
    return std::get<LedgerHead>(read);
}

Result<QList<std::pair<QString, QString>>> SqliteLedgerStore::adoptions() const
{
    if (m_version < 3) // no identities before schema 3
        return QList<std::pair<QString, QString>>();
    std::variant<QList<std::pair<QString, QString>>, QSqlError> read =
        SqlChain::adoptions(QSqlDatabase::database(m_connection, false), sqliteDialect);
    if (const QSqlError *failed = std::get_if<QSqlError>(&read))
        return failure(QStringLiteral("cannot be read"), *failed);
    return std::get<QList<std::pair<QString, QString>>>(read);
}

std::optional<Error> SqliteLedgerStore::importLedger(const QList<SignOffEntry> &signOffs,
    const QList<RiskDecisionEntry> &decisions, const QList<std::pair<QString, QString>> &adoptions)
{
    if (m_readOnly)
        return error(QStringLiteral("is read-only: nothing was copied"), {});
    // A copy keeps each entry's server's user (a copy of a server's ledger), which its hash covers.
    SqlChain::Dialect copying = sqliteDialect;
    copying.serverUser = true;
    const SqlChain::ImportRows rows{SqlChain::signOffInsert(copying),
        [](const SignOffEntry &entry) { return SqlChain::signOffTexts(entry, true); },
        SqlChain::decisionInsert(copying),
        [](const RiskDecisionEntry &entry) { return SqlChain::decisionTexts(entry, true); }};
    return SqlChain::importLedger(
        QSqlDatabase::database(m_connection, false), sqliteDialect, rows, signOffs, decisions, adoptions,
        [this](const QSqlError &sqlError) {
            return failure(QStringLiteral("the copy could not be stored"), sqlError);
        },
        m_path);
}

Result<RiskDecisionEntry> SqliteLedgerStore::appendRiskDecision(const RiskDecisionEntry &entry)
{
    if (m_readOnly)
        return error(QStringLiteral("is read-only: the risk decision was not recorded"), {});
    return SqlChain::appendLinked(
        QSqlDatabase::database(m_connection, false), sqliteDialect, entry, QStringLiteral("risk_decision"),
        SqlChain::decisionInsert(sqliteDialect),
        [](const RiskDecisionEntry &stored) { return SqlChain::decisionTexts(stored, false); },
        [this](const QSqlError &sqlError) {
            return failure(QStringLiteral("the risk decision could not be recorded"), sqlError);
        },
        [](const RiskDecisionEntry &) { return std::optional<Error>(); });
}

Result<QList<RiskDecisionEntry>> SqliteLedgerStore::riskDecisions(const QString &recordPath) const
{
    // A ledger of schema 1 read as it is was never upgraded: it has no decisions to read.
    if (m_version < 2)
        return QList<RiskDecisionEntry>();
    return SqlChain::readLinked<RiskDecisionEntry>(QSqlDatabase::database(m_connection, false), sqliteDialect,
        QStringLiteral("risk_decision"), QStringLiteral("d"),
        SqlChain::decisionColumns(serverUsersOf(m_version)), SqlChain::RecordRows{recordPath, {}, false},
        SqlChain::decisionFrom,
        [this](const QSqlError &sqlError) { return failure(QStringLiteral("cannot be read"), sqlError); });
}

} // namespace Countersign
