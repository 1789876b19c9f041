// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "ledger/ledgerstore.h"

#include <QString>

#include <memory>

namespace Countersign {

// The sign-off ledger in one SQLite file (Qt SQL's QSQLITE driver): WAL journal, a busy timeout so
// that two processes signing at once wait for each other instead of failing, foreign keys on, every
// write in a transaction (BEGIN IMMEDIATE: the writer holds the lock from reading the last hash to
// storing the new entry), prepared statements only. Triggers refuse UPDATE and DELETE of entries.
// The schema version is PRAGMA user_version, migrated forward on open, each step in a transaction of
// its own: 1 holds sign-offs; 2 adds the risk decisions of reviews (their own table and hash chain,
// append-only alike, a CHECK that needs-action names an owner and a due date); 3 adds signed sign-offs
// (principal, statement, signature) and the record identity an early entry's path was adopted by. A
// read-only ledger of an earlier schema is read as it is: no risk decisions before 2, no signatures
// before 3.
//
// open() never changes a file it refuses: a file that is not SQLite, a damaged one, one of a newer
// schema or an SQLite database that is not a ledger is reported and left as it was. A file the user
// may not write opens read-only. A missing file is created (with its folder).
class SqliteLedgerStore : public LedgerStore
{
public:
    static constexpr int schemaVersion = 3;

    static Result<std::unique_ptr<SqliteLedgerStore>> open(const QString &path);
    ~SqliteLedgerStore() override;

    Result<SignOffEntry> append(const SignOffEntry &entry, const AppendCheck &check = {},
        const QString &legacyIdentity = {}) override;
    Result<QList<SignOffEntry>> entries(
        const QString &identity = {}, const QString &legacyIdentity = {}) const override;
    std::optional<Error> adopt(const QString &legacyIdentity, const QString &identity) override;
    Result<LedgerHead> head() const override;
    Result<RiskDecisionEntry> appendRiskDecision(const RiskDecisionEntry &entry) override;
    Result<QList<RiskDecisionEntry>> riskDecisions(const QString &recordPath = {}) const override;
    bool isReadOnly() const override { return m_readOnly; }
    QString location() const override { return m_path; }
    // PRAGMA data_version (changes with another connection's commit) and this connection's
    // total_changes() (with its own).
    QString revision() const override;

private:
    SqliteLedgerStore(const QString &path, const QString &connection, bool readOnly);
    Error error(const QString &what, const QString &detail) const;
    std::optional<Error> prepare();
    std::optional<Error> switchToWal();
    std::optional<Error> migrate(int version, const QStringList &statements, const QString &failure);

    QString m_path;
    QString m_connection;
    bool m_readOnly = false;
    int m_version = 0; // the schema as opened (after migration)
};

} // namespace Countersign
