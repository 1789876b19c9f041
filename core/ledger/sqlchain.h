// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// What the SQL backends of the ledger (SQLite, PostgreSQL) share: appending an entry to one of the
// hash chains inside a write transaction that holds the chain from reading its last hash to storing
// the new entry, and reading a chain's entries back, of one record or all. The backends differ in how
// they open that transaction, how a record's path is stored once, and where the tables are: a
// SqlDialect says it. Internal to core/ledger.
#include "base/error.h"
#include "base/result.h"
#include "ledger/ledgerstore.h"
#include "ledger/riskdecisionentry.h"
#include "ledger/signoff.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <variant>

namespace Countersign::SqlChain {

struct Dialect
{
    // Statements that open the write transaction and make this writer the chain's only one until it
    // ends ("BEGIN IMMEDIATE" for SQLite; BEGIN and an advisory lock for PostgreSQL).
    QStringList begin;
    // Put before every table name: "" (SQLite), "countersign." (PostgreSQL's schema).
    QString prefix;
    // Stores a record's path (bound to it) unless it is stored already.
    QString insertRecord;
    // Whether entries hold the server's user (a server's ledger) as their last column.
    bool serverUser = false;
};

// The INSERT of a sign-off into `dialect`'s table, and the texts appendLinked() binds to it after
// the id and the record's id.
QString signOffInsert(const Dialect &dialect, const QStringList &moreColumns = {});
QStringList signOffTexts(const SignOffEntry &entry, bool serverUser);
// The same for risk decisions.
QString decisionInsert(const Dialect &dialect, const QStringList &moreColumns = {});
QStringList decisionTexts(const RiskDecisionEntry &entry, bool serverUser);

// The stored record paths adopt() linked to an identity: path -> identity.
std::variant<QList<std::pair<QString, QString>>, QSqlError> adoptions(
    QSqlDatabase db, const Dialect &dialect);

// What a backend binds to copy one entry as it is (importLedger): its texts after the id and the
// record's id, for the INSERT the backend gives.
struct ImportRows
{
    QString signOffInsert;
    std::function<QStringList(const SignOffEntry &)> signOffTexts;
    QString decisionInsert;
    std::function<QStringList(const RiskDecisionEntry &)> decisionTexts;
};

// Copies whole chains and adoptions into the empty ledger behind `db`, in one write transaction:
// nothing when it succeeded, else why (a ledger holding entries is refused as Refused). `failed`
// turns the driver's error into an Error.
std::optional<Error> importLedger(QSqlDatabase db, const Dialect &dialect, const ImportRows &rows,
    const QList<SignOffEntry> &signOffs, const QList<RiskDecisionEntry> &decisions,
    const QList<std::pair<QString, QString>> &adoptions,
    const std::function<Error(const QSqlError &)> &failed, const QString &location);

// The end of the sign-off chain; the driver's error when it cannot be read.
std::variant<LedgerHead, QSqlError> head(QSqlDatabase db, const Dialect &dialect);
// Links the entries stored under `legacyIdentity` to `identity` (once: only a record without one);
// the driver's error when that fails.
std::optional<QSqlError> adopt(
    QSqlDatabase db, const Dialect &dialect, const QString &legacyIdentity, const QString &identity);

// Where a table keeps the server's user of its entries: nowhere (a ledger file before schema 4), in
// server_user as copied (a ledger file from schema 4: empty but for entries copied from a server), or
// as a server's ledger keeps it (its own user, or for a copied entry the one it was hashed with, and
// who copied it).
enum class ServerUsers { None, Stored, Server };

// The columns a sign-off is read from (alias s, its record r), in the order entryFrom() reads them.
// A ledger file before schema 3 has no signature columns (they read as empty).
QString signOffColumns(bool signatures, ServerUsers users);
SignOffEntry entryFrom(const QSqlQuery &query);
// The same for risk decisions (alias d).
QString decisionColumns(ServerUsers users);
RiskDecisionEntry decisionFrom(const QSqlQuery &query);

// Opens the write transaction (`dialect.begin`); the error, after rolling back, when it cannot.
std::optional<QSqlError> beginWrite(QSqlQuery &query, const Dialect &dialect);
// Stores a record's path unless it is stored already; its row's id.
std::variant<qint64, QSqlError> storeRecord(QSqlQuery &query, const Dialect &dialect, const QString &path);
// Stores the record's path, then runs `insert` bound to `id`, the record's id and `texts` (a null
// text bound as empty text, never NULL).
std::optional<QSqlError> insertEntry(QSqlQuery &query, const Dialect &dialect, const QString &insert,
    qint64 id, const QString &recordPath, const QStringList &texts);

// In one write transaction: link `entry` to the last row of `table` (its id, previousHash and hash,
// the time in UTC), store the record's path, and insert the entry with `insert`, bound to the id,
// the record's id and then `texts(entry)` (a null text is bound as empty text, never NULL). `failed`
// turns the driver's error into the Error to return; a failure rolls back. `check`, given the entry
// linked (id and previousHash set, hash not yet), may refuse it inside the transaction, or complete
// it (PostgreSQL sets the server's user there) before it is hashed.
template<typename Entry, typename Texts, typename Failed, typename Check>
Result<Entry> appendLinked(QSqlDatabase db, const Dialect &dialect, Entry entry, const QString &table,
    const QString &insert, Texts texts, Failed failed, Check check)
{
    QSqlQuery query(db);
    const auto fail = [&query, &failed](const QSqlError &sqlError) {
        query.exec(QStringLiteral("ROLLBACK"));
        return failed(sqlError);
    };
    if (std::optional<QSqlError> sqlError = beginWrite(query, dialect))
        return failed(*sqlError);
    if (!query.exec(
            QStringLiteral("SELECT id, hash FROM %1%2 ORDER BY id DESC LIMIT 1").arg(dialect.prefix, table)))
        return fail(query.lastError());
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

    if (std::optional<QSqlError> sqlError =
            insertEntry(query, dialect, insert, entry.id, entry.recordPath, texts(entry)))
        return fail(*sqlError);
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(query.lastError());
    return entry;
}

// Which rows of a record to read: those stored under its identity, under its legacy identity, and
// (where records have identities) under a path adopted by the identity.
struct RecordRows
{
    QString identity; // empty: every row
    QString legacyIdentity;
    bool adopted = false;
};

// `columns` of the rows of `table` (`alias` in `columns`) joined with their record, of one record or
// of all, in order, each made an entry by `from`.
template<typename Entry>
Result<QList<Entry>> readLinked(QSqlDatabase db, const Dialect &dialect, const QString &table,
    const QString &alias, const QString &columns, const RecordRows &rows, Entry (*from)(const QSqlQuery &),
    const std::function<Error(const QSqlError &)> &failed)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString select = QStringLiteral("SELECT %1 FROM %2%3 %4 JOIN %2record r ON r.id = %4.record_id")
                               .arg(columns, dialect.prefix, table, alias);
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
        return failed(query.lastError());
    QList<Entry> out;
    while (query.next())
        out.append(from(query));
    if (query.lastError().isValid())
        return failed(query.lastError());
    return out;
}

} // namespace Countersign::SqlChain
