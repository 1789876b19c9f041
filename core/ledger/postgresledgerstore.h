// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "ledger/ledgerstore.h"

#include <QString>
#include <QStringList>

#include <memory>

class QSqlError;
class QSqlDriver;

namespace Countersign {

// The sign-off ledger on a PostgreSQL server the teams already run, through Qt's QPSQL driver: one
// ledger both sides of a cutover sign into from their own machines. Its location is a connection URI
// in libpq's syntax (postgresql://[user@][host][:port]/database?param=value...; a unix socket folder
// as ?host=/path); passwords come from ~/.pgpass or PGPASSWORD, and a URI holding one is refused, so
// that none is ever stored in the settings.
//
// The tables live in the schema `countersign`, made by init() (`countersign ledger init`): the same
// two hash chains, rules and columns as the SQLite ledger's schema 3, plus the server's user of each
// entry (session_user: who the server authenticated, checked by a trigger, so that a client cannot
// write another's name; covered by the entry's hash). Triggers refuse UPDATE, DELETE and TRUNCATE of
// entries, and a record's identity is set once; the application's role needs only SELECT and INSERT
// (grants() prints what a DBA runs). A writer holds a transaction-level advisory lock from reading
// the chain's head to storing its entry, so appends from many clients never fork a chain (a UNIQUE
// link to the entry before refuses a fork even without it). Every insert notifies the channel
// notifyChannel for live updates. Connecting waits at most connectTimeoutSeconds unless the URI says
// otherwise, and every statement at most statementTimeoutMs.
class PostgresLedgerStore : public LedgerStore
{
public:
    static constexpr int schemaVersion = 1;
    static constexpr int connectTimeoutSeconds = 5;
    static constexpr int statementTimeoutMs = 15000;
    static constexpr const char *notifyChannel = "countersign_ledger";

    // Whether `location` names a PostgreSQL ledger (a postgresql:// or postgres:// URI).
    static bool isLocation(const QString &location);

    // Opens the ledger at `uri`. A database without Countersign's schema is "no such ledger" for
    // every access (a server ledger is made on purpose, by init()); a role that may not insert, or a
    // server in recovery, opens read-only.
    static Result<std::unique_ptr<PostgresLedgerStore>> open(
        const QString &uri, Access access = Access::Write);
    // Creates the schema on the database at `uri` (as a role that may create it); refused when a
    // ledger is there already.
    static std::optional<Error> init(const QString &uri);
    // The statements a DBA runs so that `role` may use the ledger: read it, append to it, nothing else.
    static QStringList grants(const QString &role);
    ~PostgresLedgerStore() override;

    Result<SignOffEntry> append(const SignOffEntry &entry, const AppendCheck &check = {},
        const QString &legacyIdentity = {}) override;
    Result<QList<SignOffEntry>> entries(
        const QString &identity = {}, const QString &legacyIdentity = {}) const override;
    std::optional<Error> adopt(const QString &legacyIdentity, const QString &identity) override;
    Result<LedgerHead> head() const override;
    Result<QList<std::pair<QString, QString>>> adoptions() const override;
    std::optional<Error> importLedger(const QList<SignOffEntry> &signOffs,
        const QList<RiskDecisionEntry> &decisions,
        const QList<std::pair<QString, QString>> &adoptions) override;
    Result<RiskDecisionEntry> appendRiskDecision(const RiskDecisionEntry &entry) override;
    Result<QList<RiskDecisionEntry>> riskDecisions(const QString &recordPath = {}) const override;
    bool isReadOnly() const override { return m_readOnly; }
    QString location() const override { return m_uri; }

    // Who the server authenticated for this connection.
    QString serverUser() const { return m_serverUser; }
    // The driver of this store's connection, to subscribe to notifyChannel (its thread's only).
    QSqlDriver *driver() const;
    // Asks the server whether the connection still holds: the error when it does not (Qt's driver
    // does not say when a connection is lost).
    std::optional<Error> ping() const;
    // Connects again after the connection was lost; the error while the server is out of reach.
    std::optional<Error> reconnect();

private:
    PostgresLedgerStore(const QString &uri, const QString &connection);
    Error failure(const QString &what, const QSqlError &sqlError) const;
    std::optional<Error> prepare(Access access);

    QString m_uri;
    QString m_connection;
    QString m_serverUser;
    bool m_readOnly = false;
};

} // namespace Countersign
