// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/sqlchain.h"

#include <QDate>
#include <QDateTime>
#include <QSqlRecord>

namespace Countersign::SqlChain {

namespace {

// The columns of the server's user (and who copied the entry) in table alias `a`.
QString serverUserColumns(ServerUsers users, QChar a)
{
    switch (users) {
    case ServerUsers::None:
        return {};
    case ServerUsers::Stored:
        return QStringLiteral(", %1.server_user").arg(a);
    case ServerUsers::Server:
        return QStringLiteral(", CASE WHEN %1.imported THEN %1.original_server_user ELSE %1.server_user END, "
                              "CASE WHEN %1.imported THEN %1.server_user ELSE '' END")
            .arg(a);
    }
    return {};
}

} // namespace

QString signOffColumns(bool signatures, ServerUsers users)
{
    return QStringLiteral(
               "s.id, r.path, s.record_kind, s.role, s.signer, s.decision, s.comment, s.signed_at, "
               "s.digest, s.os_user, s.host, s.previous_hash, s.hash, ") +
        (signatures ? QStringLiteral("s.principal, s.statement, s.signature")
                    : QStringLiteral("'', '', ''")) +
        serverUserColumns(users, u's');
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
    if (query.record().count() > 16)
        entry.serverUser = query.value(16).toString();
    if (query.record().count() > 17)
        entry.copiedBy = query.value(17).toString();
    return entry;
}

QString decisionColumns(ServerUsers users)
{
    return QStringLiteral(
               "d.id, r.path, d.record_digest, d.item_key, d.item_text, d.decision, d.owner, d.due, "
               "d.note, d.recorded_by, d.decided_at, d.os_user, d.host, d.previous_hash, d.hash") +
        serverUserColumns(users, u'd');
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
    if (query.record().count() > 15)
        entry.serverUser = query.value(15).toString();
    if (query.record().count() > 16)
        entry.copiedBy = query.value(16).toString();
    return entry;
}

namespace {

// "(a, b, c) VALUES (?, ?, ?)" for `columns` (`count` of them), on a server's ledger server_user, and
// `more`.
QString columnsAndPlaceholders(const QString &columns, int count, bool serverUser, const QStringList &more)
{
    QStringList all{columns};
    if (serverUser)
        all.append(QStringLiteral("server_user"));
    all += more;
    QStringList marks;
    for (qsizetype i = 0; i < count + (serverUser ? 1 : 0) + more.size(); ++i)
        marks.append(QStringLiteral("?"));
    return QStringLiteral("(%1) VALUES (%2)")
        .arg(all.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
}

// Inserts `entries` as they are with `insert` and `texts`, each after its record's path is stored.
template<typename Entry>
std::optional<QSqlError> insertAll(QSqlQuery &query, const Dialect &dialect, const QString &insert,
    const std::function<QStringList(const Entry &)> &texts, const QList<Entry> &entries)
{
    for (const Entry &entry : entries) {
        if (std::optional<QSqlError> sqlError =
                insertEntry(query, dialect, insert, entry.id, entry.recordPath, texts(entry)))
            return sqlError;
    }
    return std::nullopt;
}

} // namespace

std::optional<QSqlError> beginWrite(QSqlQuery &query, const Dialect &dialect)
{
    for (qsizetype i = 0; i < dialect.begin.size(); ++i) {
        if (!query.exec(dialect.begin.at(i))) {
            const QSqlError sqlError = query.lastError();
            if (i > 0)
                query.exec(QStringLiteral("ROLLBACK"));
            return sqlError;
        }
    }
    return std::nullopt;
}

std::variant<qint64, QSqlError> storeRecord(QSqlQuery &query, const Dialect &dialect, const QString &path)
{
    query.prepare(dialect.insertRecord);
    query.addBindValue(path);
    if (!query.exec())
        return query.lastError();
    query.prepare(QStringLiteral("SELECT id FROM %1record WHERE path = ?").arg(dialect.prefix));
    query.addBindValue(path);
    if (!query.exec() || !query.next())
        return query.lastError();
    return query.value(0).toLongLong();
}

std::optional<QSqlError> insertEntry(QSqlQuery &query, const Dialect &dialect, const QString &insert,
    qint64 id, const QString &recordPath, const QStringList &texts)
{
    const std::variant<qint64, QSqlError> record = storeRecord(query, dialect, recordPath);
    if (const QSqlError *sqlError = std::get_if<QSqlError>(&record))
        return *sqlError;
    query.prepare(insert);
    query.addBindValue(id);
    query.addBindValue(std::get<qint64>(record));
    for (const QString &text : texts)
        query.addBindValue(text.isNull() ? QStringLiteral("") : text);
    if (!query.exec())
        return query.lastError();
    return std::nullopt;
}

QString signOffInsert(const Dialect &dialect, const QStringList &moreColumns)
{
    return QStringLiteral("INSERT INTO %1signoff ").arg(dialect.prefix) +
        columnsAndPlaceholders(QStringLiteral("id, record_id, record_kind, role, signer, decision, comment, "
                                              "signed_at, digest, os_user, host, previous_hash, hash, "
                                              "principal, statement, signature"),
            16, dialect.serverUser, moreColumns);
}

QStringList signOffTexts(const SignOffEntry &entry, bool serverUser)
{
    QStringList out{entry.recordKind, entry.role, entry.signer, decisionName(entry.decision), entry.comment,
        entry.timeText(), entry.digest, entry.osUser, entry.host, entry.previousHash, entry.hash,
        entry.principal, entry.statement, entry.signature};
    if (serverUser)
        out.append(entry.serverUser);
    return out;
}

QString decisionInsert(const Dialect &dialect, const QStringList &moreColumns)
{
    return QStringLiteral("INSERT INTO %1risk_decision ").arg(dialect.prefix) +
        columnsAndPlaceholders(QStringLiteral("id, record_id, record_digest, item_key, item_text, decision, "
                                              "owner, due, note, recorded_by, decided_at, os_user, host, "
                                              "previous_hash, hash"),
            15, dialect.serverUser, moreColumns);
}

QStringList decisionTexts(const RiskDecisionEntry &entry, bool serverUser)
{
    QStringList out{entry.recordDigest, entry.itemKey, entry.itemText, riskDecisionName(entry.decision),
        entry.owner, entry.dueText(), entry.note, entry.recordedBy, entry.timeText(), entry.osUser,
        entry.host, entry.previousHash, entry.hash};
    if (serverUser)
        out.append(entry.serverUser);
    return out;
}

std::variant<QList<std::pair<QString, QString>>, QSqlError> adoptions(QSqlDatabase db, const Dialect &dialect)
{
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT path, identity FROM %1record WHERE identity IS NOT NULL ORDER BY id")
                .arg(dialect.prefix)))
        return query.lastError();
    QList<std::pair<QString, QString>> out;
    while (query.next())
        out.append({query.value(0).toString(), query.value(1).toString()});
    return out;
}

std::optional<Error> importLedger(QSqlDatabase db, const Dialect &dialect, const ImportRows &rows,
    const QList<SignOffEntry> &signOffs, const QList<RiskDecisionEntry> &decisions,
    const QList<std::pair<QString, QString>> &adoptions,
    const std::function<Error(const QSqlError &)> &failed, const QString &location)
{
    QSqlQuery query(db);
    const auto fail = [&](const QSqlError &sqlError) {
        query.exec(QStringLiteral("ROLLBACK"));
        return failed(sqlError);
    };
    if (std::optional<QSqlError> sqlError = beginWrite(query, dialect))
        return failed(*sqlError);
    if (!query.exec(
            QStringLiteral("SELECT (SELECT count(*) FROM %1signoff) + (SELECT count(*) FROM %1risk_decision)")
                .arg(dialect.prefix)) ||
        !query.next())
        return fail(query.lastError());
    if (query.value(0).toLongLong() > 0) {
        query.exec(QStringLiteral("ROLLBACK"));
        return Error{Error::Code::Refused,
            QStringLiteral(
                "holds entries already; a ledger is copied only into an empty one (nothing was copied)"),
            location};
    }
    if (std::optional<QSqlError> sqlError =
            insertAll(query, dialect, rows.signOffInsert, rows.signOffTexts, signOffs))
        return fail(*sqlError);
    if (std::optional<QSqlError> sqlError =
            insertAll(query, dialect, rows.decisionInsert, rows.decisionTexts, decisions))
        return fail(*sqlError);
    for (const auto &[path, identity] : adoptions) {
        const std::variant<qint64, QSqlError> record = storeRecord(query, dialect, path);
        if (const QSqlError *sqlError = std::get_if<QSqlError>(&record))
            return fail(*sqlError);
        if (std::optional<QSqlError> sqlError = adopt(db, dialect, path, identity))
            return fail(*sqlError);
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(query.lastError());
    return std::nullopt;
}

std::variant<LedgerHead, QSqlError> head(QSqlDatabase db, const Dialect &dialect)
{
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT id, hash FROM %1signoff ORDER BY id DESC LIMIT 1").arg(dialect.prefix)))
        return query.lastError();
    if (!query.next())
        return LedgerHead{};
    return LedgerHead{query.value(0).toLongLong(), query.value(1).toString()};
}

std::optional<QSqlError> adopt(
    QSqlDatabase db, const Dialect &dialect, const QString &legacyIdentity, const QString &identity)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE %1record SET identity = ? WHERE path = ? AND identity IS NULL")
            .arg(dialect.prefix));
    query.addBindValue(identity);
    query.addBindValue(legacyIdentity);
    if (!query.exec())
        return query.lastError();
    return std::nullopt;
}

} // namespace Countersign::SqlChain
