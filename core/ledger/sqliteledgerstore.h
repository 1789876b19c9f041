// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "ledger/ledgerstore.h"

#include <QString>

#include <memory>

class QSqlError;

namespace Countersign {

// The sign-off ledger in one SQLite file (Qt SQL's QSQLITE driver): WAL journal, a busy timeout so
// that two processes signing at once wait for each other instead of failing, foreign keys on, every
// write in a transaction (BEGIN IMMEDIATE: the writer holds the lock from reading the last hash to
// storing the new entry), prepared statements only. Triggers refuse UPDATE and DELETE of entries.
// The schema version is PRAGMA user_version, migrated forward when opened to Write, each step in a
// transaction of its own: 1 holds sign-offs; 2 adds the risk decisions of reviews (their own table and hash
// chain, append-only alike, a CHECK that needs-action names an owner and a due date); 3 adds signed sign-offs
// (principal, statement, signature) and the record identity an early entry's path was adopted by; 4 adds
// the server's user of entries copied from a server's ledger (empty for the file's own). A ledger of an
// earlier schema opened read-only or to Read is read as it is: no risk decisions before 2, no
// signatures before 3, no server's users before 4; an empty file (schema 0) reads as an empty ledger.
//
// open() never changes a file it refuses: a file that is not SQLite, a damaged one, one of a newer
// schema or an SQLite database that is not a ledger is reported and left as it was. Opened to Write, a
// missing file is created (with its folder) and an older schema migrated; opened to Read, nothing is
// created, switched or migrated, and a missing file is "no such ledger". A file the user may not write
// opens read-only. SQLite reads a WAL ledger through a shared-memory file (-shm) beside it; where that
// cannot be made (a read-only folder or mount, a full disk) and no write-ahead log is pending, the
// ledger is read as the file holds it (SQLite's immutable mode), read-only.
//
// Failures say what SQLite's result code means: "disk full" (the ledger is left as it was), "read-only",
// "locked"; "damaged" only when SQLite found the file corrupt or not a database.
class SqliteLedgerStore : public LedgerStore
{
public:
    static constexpr int schemaVersion = 4;

    static Result<std::unique_ptr<SqliteLedgerStore>> open(
        const QString &path, Access access = Access::Write);
    ~SqliteLedgerStore() override;

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
    QString location() const override { return m_path; }
    // PRAGMA data_version (changes with another connection's commit) and this connection's
    // total_changes() (with its own).
    QString revision() const override;

private:
    SqliteLedgerStore(const QString &path, const QString &connection, bool readOnly);
    Error error(const QString &what, const QString &detail) const;
    // `what` failed for `sqlError`'s reason, in words that say what it means (see the class comment).
    Error failure(const QString &what, const QSqlError &sqlError) const;
    std::optional<Error> connect(bool immutable);
    std::optional<Error> prepare(Access access);
    std::optional<Error> switchToWal();
    std::optional<Error> migrate(int version, const QStringList &statements, const QString &what);

    QString m_path;
    QString m_connection;
    bool m_readOnly = false;
    int m_version = 0; // the schema as opened (after migration); 0: an empty file, no tables
};

} // namespace Countersign
