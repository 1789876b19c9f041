// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/postgresledgerstore.h"

#include "ledger/sqlchain.h"

#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>

namespace Countersign {

namespace {

// Where a URI says to connect, as QPSQL takes it.
struct Endpoint
{
    QString host; // a name, an address, or a unix socket's folder (starting with /)
    int port = -1;
    QString database;
    QString user;
    QStringList options; // further libpq parameters, key='value'
};

// `uri` as a message may show it: without a password, should it hold one.
QString redacted(const QString &uri)
{
    QUrl url(uri);
    if (!url.isValid())
        return uri.contains(u'@') || uri.contains(QStringLiteral("password"))
            ? QStringLiteral("postgresql://…")
            : uri;
    url.setPassword(QString());
    QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("password"))) {
        query.removeAllQueryItems(QStringLiteral("password"));
        query.addQueryItem(QStringLiteral("password"), QStringLiteral("…"));
        url.setQuery(query);
    }
    return url.toString();
}

Error badLocation(const QString &uri, const QString &why)
{
    return Error{Error::Code::InvalidArgument, why, redacted(uri)};
}

// A libpq parameter value, quoted as a connection string wants it.
QString quoted(const QString &value)
{
    QString out = value;
    out.replace(u'\\', QStringLiteral("\\\\"));
    out.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + out + u'\'';
}

Result<Endpoint> endpointOf(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid())
        return badLocation(
            uri, QStringLiteral("is not a valid PostgreSQL connection URI: %1").arg(url.errorString()));
    if (!url.password().isEmpty())
        return badLocation(uri,
            QStringLiteral("holds a password; Countersign never stores one: put it in ~/.pgpass or the "
                           "PGPASSWORD environment variable and leave it out of the URI"));
    Endpoint out;
    out.host = url.host();
    out.port = url.port(-1);
    out.database = url.path().mid(1);
    out.user = url.userName();
    bool timeoutGiven = false;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (key == u"host")
            out.host = value;
        else if (key == u"port")
            out.port = value.toInt();
        else if (key == u"dbname")
            out.database = value;
        else if (key == u"user")
            out.user = value;
        else if (key == u"password")
            return badLocation(uri,
                QStringLiteral("holds a password; Countersign never stores one: put it in ~/.pgpass or the "
                               "PGPASSWORD environment variable and leave it out of the URI"));
        else if (key.isEmpty() || !key.front().isLetter() || value.contains(u';'))
            return badLocation(
                uri, QStringLiteral("has a parameter Countersign cannot pass on: %1").arg(key));
        else
            out.options.append(key + u'=' + quoted(value));
        timeoutGiven |= key == u"connect_timeout";
    }
    if (out.database.isEmpty())
        return badLocation(uri, QStringLiteral("names no database (postgresql://host/DATABASE)"));
    if (!timeoutGiven)
        out.options.append(
            QStringLiteral("connect_timeout=%1").arg(PostgresLedgerStore::connectTimeoutSeconds));
    return out;
}

// The SQLSTATE classes and codes the messages tell apart.
bool isConnectionLoss(const QSqlError &error)
{
    return error.type() == QSqlError::ConnectionError || error.nativeErrorCode().startsWith(u"08") ||
        error.nativeErrorCode() == u"57P01" /* admin_shutdown */ ||
        error.databaseText().contains(QStringLiteral("server closed the connection"));
}

const QString schemaMissing = QStringLiteral(
    "no such ledger: the database holds no Countersign ledger (countersign ledger init URI makes one)");

// Schema version 1: what the SQLite ledger's schema 3 holds, and the server's user of each entry.
const char *const schemaV1[] = {
    "CREATE SCHEMA countersign",
    "CREATE TABLE countersign.meta (schema_version integer NOT NULL)",
    "INSERT INTO countersign.meta (schema_version) VALUES (1)",
    "CREATE TABLE countersign.record (id bigserial PRIMARY KEY, path text NOT NULL UNIQUE, identity text)",
    "CREATE INDEX record_by_identity ON countersign.record (identity)",
    "CREATE TABLE countersign.signoff ("
    " id bigint PRIMARY KEY CHECK (id > 0),"
    " record_id bigint NOT NULL REFERENCES countersign.record (id),"
    " record_kind text NOT NULL,"
    " role text NOT NULL,"
    " signer text NOT NULL,"
    " decision text NOT NULL CHECK (decision IN ('approve', 'reject', 'withdraw')),"
    " comment text NOT NULL,"
    " signed_at text NOT NULL,"
    " digest text NOT NULL,"
    " os_user text NOT NULL,"
    " host text NOT NULL,"
    " previous_hash text NOT NULL UNIQUE," // no two entries extend the same one: no fork
    " hash text NOT NULL UNIQUE,"
    " principal text NOT NULL DEFAULT '',"
    " statement text NOT NULL DEFAULT '',"
    " signature text NOT NULL DEFAULT '',"
    " server_user text NOT NULL,"
    " imported boolean NOT NULL DEFAULT false,"
    " original_server_user text NOT NULL DEFAULT '')",
    "CREATE INDEX signoff_by_record ON countersign.signoff (record_id)",
    "CREATE TABLE countersign.risk_decision ("
    " id bigint PRIMARY KEY CHECK (id > 0),"
    " record_id bigint NOT NULL REFERENCES countersign.record (id),"
    " record_digest text NOT NULL,"
    " item_key text NOT NULL,"
    " item_text text NOT NULL,"
    " decision text NOT NULL CHECK (decision IN ('accepted', 'mitigated', 'needs-action')),"
    " owner text NOT NULL,"
    " due text NOT NULL CHECK (due = '' OR due ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),"
    " note text NOT NULL,"
    " recorded_by text NOT NULL,"
    " decided_at text NOT NULL,"
    " os_user text NOT NULL,"
    " host text NOT NULL,"
    " previous_hash text NOT NULL UNIQUE,"
    " hash text NOT NULL UNIQUE,"
    " server_user text NOT NULL,"
    " imported boolean NOT NULL DEFAULT false,"
    " original_server_user text NOT NULL DEFAULT '',"
    " CHECK (decision <> 'needs-action' OR (owner <> '' AND due <> '')))",
    "CREATE INDEX risk_decision_by_record ON countersign.risk_decision (record_id)",
    "CREATE FUNCTION countersign.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " RAISE EXCEPTION 'Countersign ledger entries are append-only (% on %)', TG_OP, TG_TABLE_NAME"
    " USING ERRCODE = 'insufficient_privilege'; END $$",
    // Every row names who wrote it. Rows copied from another ledger (ledger copy) keep their own
    // entry's server user beside it, and only ever form the start of a chain.
    "CREATE FUNCTION countersign.check_server_user() RETURNS trigger LANGUAGE plpgsql AS $$"
    " DECLARE native boolean; BEGIN"
    " IF NEW.server_user IS DISTINCT FROM session_user THEN"
    " RAISE EXCEPTION 'the entry names the server user %, but the server authenticated %',"
    " NEW.server_user, session_user USING ERRCODE = 'insufficient_privilege'; END IF;"
    " IF NEW.imported THEN"
    " EXECUTE format('SELECT EXISTS (SELECT 1 FROM countersign.%I WHERE NOT imported)', TG_TABLE_NAME)"
    " INTO native;"
    " IF native THEN RAISE EXCEPTION 'entries are copied only into a ledger that holds no entries of its own'"
    " USING ERRCODE = 'insufficient_privilege'; END IF;"
    " ELSIF NEW.original_server_user <> '' THEN"
    " RAISE EXCEPTION 'only a copied entry keeps another server user' USING ERRCODE = "
    "'insufficient_privilege';"
    " END IF; RETURN NEW; END $$",
    "CREATE FUNCTION countersign.notify_entry() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " PERFORM pg_notify('countersign_ledger', TG_TABLE_NAME || ' ' || NEW.id || ' ' || NEW.server_user);"
    " RETURN NULL; END $$",
    "CREATE FUNCTION countersign.adopt_once() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " IF OLD.identity IS NOT NULL OR NEW.id IS DISTINCT FROM OLD.id OR NEW.path IS DISTINCT FROM OLD.path"
    " THEN RAISE EXCEPTION 'a record''s path never changes and its identity is set once'"
    " USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER signoff_append_only BEFORE UPDATE OR DELETE ON countersign.signoff"
    " FOR EACH ROW EXECUTE FUNCTION countersign.refuse_change()",
    "CREATE TRIGGER signoff_no_truncate BEFORE TRUNCATE ON countersign.signoff"
    " FOR EACH STATEMENT EXECUTE FUNCTION countersign.refuse_change()",
    "CREATE TRIGGER signoff_server_user BEFORE INSERT ON countersign.signoff"
    " FOR EACH ROW EXECUTE FUNCTION countersign.check_server_user()",
    "CREATE TRIGGER signoff_notify AFTER INSERT ON countersign.signoff"
    " FOR EACH ROW EXECUTE FUNCTION countersign.notify_entry()",
    "CREATE TRIGGER risk_decision_append_only BEFORE UPDATE OR DELETE ON countersign.risk_decision"
    " FOR EACH ROW EXECUTE FUNCTION countersign.refuse_change()",
    "CREATE TRIGGER risk_decision_no_truncate BEFORE TRUNCATE ON countersign.risk_decision"
    " FOR EACH STATEMENT EXECUTE FUNCTION countersign.refuse_change()",
    "CREATE TRIGGER risk_decision_server_user BEFORE INSERT ON countersign.risk_decision"
    " FOR EACH ROW EXECUTE FUNCTION countersign.check_server_user()",
    "CREATE TRIGGER risk_decision_notify AFTER INSERT ON countersign.risk_decision"
    " FOR EACH ROW EXECUTE FUNCTION countersign.notify_entry()",
    "CREATE TRIGGER record_adopt_once BEFORE UPDATE ON countersign.record"
    " FOR EACH ROW EXECUTE FUNCTION countersign.adopt_once()",
    "CREATE TRIGGER record_no_delete BEFORE DELETE ON countersign.record"
    " FOR EACH ROW EXECUTE FUNCTION countersign.refuse_change()",
    "CREATE TRIGGER record_no_truncate BEFORE TRUNCATE ON countersign.record"
    " FOR EACH STATEMENT EXECUTE FUNCTION countersign.refuse_change()",
};

// One writer at a time, for both chains: a transaction-level advisory lock ("CSLG"), released by
// COMMIT or ROLLBACK, taken before the chain's head is read.
const SqlChain::Dialect postgresDialect{
    {QStringLiteral("BEGIN"), QStringLiteral("SELECT pg_advisory_xact_lock(1129532487)")},
    QStringLiteral("countersign."),
    QStringLiteral("INSERT INTO countersign.record (path) VALUES (?) ON CONFLICT (path) DO NOTHING"), true};

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("countersign-pg-ledger-%1").arg(counter++);
}

// Opens a QPSQL connection named `connection` to `uri`, with the statement timeout set.
std::optional<Error> openConnection(const QString &uri, const QString &connection)
{
    const Result<Endpoint> endpoint = endpointOf(uri);
    if (!endpoint)
        return endpoint.error();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error{Error::Code::Database,
            QStringLiteral("cannot be opened: Qt's PostgreSQL driver (QPSQL; Debian: libqt6sql6-psql) is "
                           "not installed"),
            uri};
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
    db.setHostName(endpoint->host);
    if (endpoint->port > 0)
        db.setPort(endpoint->port);
    db.setDatabaseName(endpoint->database);
    db.setUserName(endpoint->user);
    db.setConnectOptions(endpoint->options.join(u';'));
    if (!db.open())
        return Error{Error::Code::Database,
            QStringLiteral("cannot connect to the ledger server: %1")
                .arg(db.lastError().databaseText().trimmed()),
            uri};
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SET statement_timeout = %1").arg(PostgresLedgerStore::statementTimeoutMs)))
        return Error{Error::Code::Database,
            QStringLiteral("cannot be set up: %1").arg(query.lastError().databaseText().trimmed()), uri};
    return std::nullopt;
}

void closeConnection(const QString &connection)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

QString quotedIdentifier(const QString &name)
{
    QString out = name;
    out.replace(u'"', QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

} // namespace

bool PostgresLedgerStore::isLocation(const QString &location)
{
    return location.startsWith(QStringLiteral("postgresql://")) ||
        location.startsWith(QStringLiteral("postgres://"));
}

PostgresLedgerStore::PostgresLedgerStore(const QString &uri, const QString &connection)
    : m_uri(uri)
    , m_connection(connection)
{ }

PostgresLedgerStore::~PostgresLedgerStore()
{
    closeConnection(m_connection);
}

QSqlDriver *PostgresLedgerStore::driver() const
{
    return QSqlDatabase::database(m_connection, false).driver();
}

std::optional<Error> PostgresLedgerStore::ping() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (query.exec(QStringLiteral("SELECT 1")) && query.next())
        return std::nullopt;
    return failure(QStringLiteral("is out of reach"), query.lastError());
}

std::optional<Error> PostgresLedgerStore::reconnect()
{
    closeConnection(m_connection);
    return openConnection(m_uri, m_connection);
}

Error PostgresLedgerStore::failure(const QString &what, const QSqlError &sqlError) const
{
    const QString detail =
        sqlError.databaseText().trimmed().isEmpty() ? sqlError.text() : sqlError.databaseText().trimmed();
    QString why = detail;
    if (isConnectionLoss(sqlError))
        why = QStringLiteral("the connection to the ledger server was lost (%1); nothing was recorded")
                  .arg(detail);
    else if (sqlError.nativeErrorCode() == u"57014")
        why = QStringLiteral("the ledger server did not answer within %1 s (%2)")
                  .arg(statementTimeoutMs / 1000)
                  .arg(detail);
    else if (sqlError.nativeErrorCode() == u"42501")
        why = QStringLiteral("the server refuses it: %1").arg(detail);
    else if (sqlError.nativeErrorCode() == u"25006")
        why = QStringLiteral("the ledger server is read-only (%1)").arg(detail);
    return Error{Error::Code::Database, QStringLiteral("%1: %2").arg(what, why), m_uri};
}

Result<std::unique_ptr<PostgresLedgerStore>> PostgresLedgerStore::open(const QString &uri, Access access)
{
    const QString connection = nextConnectionName();
    std::unique_ptr<PostgresLedgerStore> store(new PostgresLedgerStore(uri, connection));
    if (std::optional<Error> failed = openConnection(uri, connection))
        return *failed;
    if (std::optional<Error> failed = store->prepare(access))
        return *failed;
    return store;
}

std::optional<Error> PostgresLedgerStore::prepare(Access access)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(
            QStringLiteral("SELECT session_user, to_regclass('countersign.meta') IS NOT NULL, "
                           "pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on'")) ||
        !query.next())
        return failure(QStringLiteral("cannot be read"), query.lastError());
    m_serverUser = query.value(0).toString();
    const bool hasLedger = query.value(1).toBool();
    const bool serverReadOnly = query.value(2).toBool();
    if (!hasLedger)
        return Error{Error::Code::FileNotFound, schemaMissing, m_uri};
    if (!query.exec(QStringLiteral("SELECT schema_version FROM countersign.meta")) || !query.next())
        return failure(QStringLiteral("cannot be read"), query.lastError());
    const int version = query.value(0).toInt();
    if (version > schemaVersion)
        return Error{Error::Code::Database,
            QStringLiteral("was written by a newer Countersign (server ledger schema %1; this version knows "
                           "up to %2); it was left as it is")
                .arg(version)
                .arg(schemaVersion),
            m_uri};
    if (!query.exec(QStringLiteral("SELECT has_table_privilege('countersign.signoff', 'INSERT') AND "
                                   "has_table_privilege('countersign.risk_decision', 'INSERT')")) ||
        !query.next())
        return failure(QStringLiteral("cannot be read"), query.lastError());
    m_readOnly = serverReadOnly || !query.value(0).toBool() || access != Access::Write;
    return std::nullopt;
}

std::optional<Error> PostgresLedgerStore::init(const QString &uri)
{
    const QString connection = nextConnectionName();
    const auto done = qScopeGuard([&connection] { closeConnection(connection); });
    if (std::optional<Error> failed = openConnection(uri, connection))
        return failed;
    QSqlQuery query(QSqlDatabase::database(connection, false));
    const auto fail = [&](const QString &what) {
        const QSqlError sqlError = query.lastError();
        query.exec(QStringLiteral("ROLLBACK"));
        return Error{Error::Code::Database,
            QStringLiteral("%1: %2").arg(what, sqlError.databaseText().trimmed()), uri};
    };
    if (!query.exec(QStringLiteral("BEGIN")) ||
        !query.exec(QStringLiteral("SELECT to_regnamespace('countersign') IS NOT NULL")) || !query.next())
        return fail(QStringLiteral("cannot be read"));
    if (query.value(0).toBool()) {
        query.exec(QStringLiteral("ROLLBACK"));
        return Error{Error::Code::Refused,
            QStringLiteral("holds a Countersign ledger already (schema countersign); it was left as it is"),
            uri};
    }
    for (const char *statement : schemaV1) {
        if (!query.exec(QString::fromLatin1(statement)))
            return fail(QStringLiteral("the ledger could not be created"));
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(QStringLiteral("the ledger could not be created"));
    return std::nullopt;
}

QStringList PostgresLedgerStore::grants(const QString &role)
{
    const QString who = quotedIdentifier(role);
    return {QStringLiteral("GRANT USAGE ON SCHEMA countersign TO %1;").arg(who),
        QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA countersign TO %1;").arg(who),
        QStringLiteral(
            "GRANT INSERT ON countersign.record, countersign.signoff, countersign.risk_decision TO %1;")
            .arg(who),
        QStringLiteral("GRANT UPDATE (identity) ON countersign.record TO %1;").arg(who),
        QStringLiteral("GRANT USAGE ON SEQUENCE countersign.record_id_seq TO %1;").arg(who)};
}

Result<SignOffEntry> PostgresLedgerStore::append(
    const SignOffEntry &entry, const AppendCheck &check, const QString &legacyIdentity)
{
    if (m_readOnly)
        return Error{
            Error::Code::Database, QStringLiteral("is read-only: the sign-off was not recorded"), m_uri};
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const auto failed = [this](const QSqlError &sqlError) {
        return failure(QStringLiteral("the sign-off could not be recorded"), sqlError);
    };
    return SqlChain::appendLinked(
        db, postgresDialect, entry, QStringLiteral("signoff"), SqlChain::signOffInsert(postgresDialect),
        [](const SignOffEntry &stored) { return SqlChain::signOffTexts(stored, true); }, failed,
        [&](SignOffEntry &linked) -> std::optional<Error> {
            linked.serverUser = m_serverUser;
            if (std::optional<Error> refused = checkSignedEntry(linked, m_uri))
                return refused;
            if (!check)
                return std::nullopt;
            const Result<QList<SignOffEntry>> current =
                SqlChain::readLinked<SignOffEntry>(db, postgresDialect, QStringLiteral("signoff"),
                    QStringLiteral("s"), SqlChain::signOffColumns(true, SqlChain::ServerUsers::Server),
                    {linked.recordPath, legacyIdentity, true}, SqlChain::entryFrom, failed);
            if (!current)
                return current.error();
            return check(current.value(), LedgerHead{linked.id - 1, linked.previousHash});
        });
}

Result<QList<SignOffEntry>> PostgresLedgerStore::entries(
    const QString &identity, const QString &legacyIdentity) const
{
    return SqlChain::readLinked<SignOffEntry>(QSqlDatabase::database(m_connection, false), postgresDialect,
        QStringLiteral("signoff"), QStringLiteral("s"),
        SqlChain::signOffColumns(true, SqlChain::ServerUsers::Server), {identity, legacyIdentity, true},
        SqlChain::entryFrom,
        [this](const QSqlError &sqlError) { return failure(QStringLiteral("cannot be read"), sqlError); });
}

std::optional<Error> PostgresLedgerStore::adopt(const QString &legacyIdentity, const QString &identity)
{
    if (m_readOnly || legacyIdentity == identity || legacyIdentity.isEmpty() || identity.isEmpty())
        return std::nullopt;
    if (const std::optional<QSqlError> failed = SqlChain::adopt(
            QSqlDatabase::database(m_connection, false), postgresDialect, legacyIdentity, identity))
        return failure(QStringLiteral("cannot link the record's earlier entries to its identity"), *failed);
    return std::nullopt;
}

Result<LedgerHead> PostgresLedgerStore::head() const
{
    std::variant<LedgerHead, QSqlError> read =
        SqlChain::head(QSqlDatabase::database(m_connection, false), postgresDialect);
    if (const QSqlError *failed = std::get_if<QSqlError>(&read))
        return failure(QStringLiteral("cannot be read"), *failed);
    return std::get<LedgerHead>(read);
}

Result<QList<std::pair<QString, QString>>> PostgresLedgerStore::adoptions() const
{
    std::variant<QList<std::pair<QString, QString>>, QSqlError> read =
        SqlChain::adoptions(QSqlDatabase::database(m_connection, false), postgresDialect);
    if (const QSqlError *failed = std::get_if<QSqlError>(&read))
        return failure(QStringLiteral("cannot be read"), *failed);
    return std::get<QList<std::pair<QString, QString>>>(read);
}

std::optional<Error> PostgresLedgerStore::importLedger(const QList<SignOffEntry> &signOffs,
    const QList<RiskDecisionEntry> &decisions, const QList<std::pair<QString, QString>> &adoptions)
{
    if (m_readOnly)
        return Error{Error::Code::Database, QStringLiteral("is read-only: nothing was copied"), m_uri};
    // Each copied row names who copied it (the server checks that), marked as copied, and keeps the
    // server user its entry was hashed with.
    const QStringList copied{QStringLiteral("imported"), QStringLiteral("original_server_user")};
    const SqlChain::ImportRows rows{SqlChain::signOffInsert(postgresDialect, copied),
        [this](const SignOffEntry &entry) {
            return SqlChain::signOffTexts(entry, false)
                << m_serverUser << QStringLiteral("true") << entry.serverUser;
        },
        SqlChain::decisionInsert(postgresDialect, copied),
        [this](const RiskDecisionEntry &entry) {
            return SqlChain::decisionTexts(entry, false)
                << m_serverUser << QStringLiteral("true") << entry.serverUser;
        }};
    return SqlChain::importLedger(
        QSqlDatabase::database(m_connection, false), postgresDialect, rows, signOffs, decisions, adoptions,
        [this](const QSqlError &sqlError) {
            return failure(QStringLiteral("the copy could not be stored"), sqlError);
        },
        m_uri);
}

Result<RiskDecisionEntry> PostgresLedgerStore::appendRiskDecision(const RiskDecisionEntry &entry)
{
    if (m_readOnly)
        return Error{
            Error::Code::Database, QStringLiteral("is read-only: the risk decision was not recorded"), m_uri};
    return SqlChain::appendLinked(
        QSqlDatabase::database(m_connection, false), postgresDialect, entry, QStringLiteral("risk_decision"),
        SqlChain::decisionInsert(postgresDialect),
        [](const RiskDecisionEntry &stored) { return SqlChain::decisionTexts(stored, true); },
        [this](const QSqlError &sqlError) {
            return failure(QStringLiteral("the risk decision could not be recorded"), sqlError);
        },
        [this](RiskDecisionEntry &linked) {
            linked.serverUser = m_serverUser;
            return std::optional<Error>();
        });
}

Result<QList<RiskDecisionEntry>> PostgresLedgerStore::riskDecisions(const QString &recordPath) const
{
    return SqlChain::readLinked<RiskDecisionEntry>(QSqlDatabase::database(m_connection, false),
        postgresDialect, QStringLiteral("risk_decision"), QStringLiteral("d"),
        SqlChain::decisionColumns(SqlChain::ServerUsers::Server), SqlChain::RecordRows{recordPath, {}, false},
        SqlChain::decisionFrom,
        [this](const QSqlError &sqlError) { return failure(QStringLiteral("cannot be read"), sqlError); });
}

} // namespace Countersign
