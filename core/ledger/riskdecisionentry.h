// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Countersign {

struct Document;

// What a meeting decided about one residual risk or open item.
enum class RiskDecision { Accepted, Mitigated, NeedsAction };
QString riskDecisionName(RiskDecision decision); // "accepted", "mitigated", "needs-action"
QString riskDecisionLabel(RiskDecision decision); // "Accepted", "Mitigated", "Needs action"
std::optional<RiskDecision> riskDecisionFromName(QStringView name);

// One decision of a residual risk review, as the ledger stores it: append-only, bound to the record's
// canonical digest at the time, hash-chained like sign-offs (in a chain of its own). The review
// (RiskReview) says which items there are and which decision stands; this is only the entry.
struct RiskDecisionEntry
{
    qint64 id = 0; // 0 until stored
    QString recordPath; // RecordIdentity::legacyOf(record path)
    QString recordDigest; // canonical content digest when decided
    QString itemKey;
    QString itemText;
    RiskDecision decision = RiskDecision::Accepted;
    QString owner; // required for needs-action
    QDate due; // required for needs-action; null otherwise allowed
    QString note;
    QString recordedBy; // the person who recorded it in the meeting
    QDateTime time; // UTC, millisecond precision
    QString osUser;
    QString host;
    QString previousHash;
    QString hash;
    QString serverUser; // as SignOffEntry's: who the database server authenticated; empty in a file
    QString copiedBy; // as SignOffEntry's: who copied it onto a server; not hashed

    // A new entry for `record` (identity and digest as now) about the item `itemKey` (RiskReview's
    // key) written `itemText`; time now, OS user and host.
    static RiskDecisionEntry now(const Document &record, const QString &itemKey, const QString &itemText,
        RiskDecision decision, const QString &owner, const QDate &due, const QString &note,
        const QString &recordedBy);
    // The hash this entry should have: every field above (id and previousHash included), each with its
    // length in front, led by "risk-decision" so that no decision hashes like a sign-off; the server's
    // user only when there is one, so that entries of a ledger file keep their hashes.
    QString computeHash() const;
    // The time as stored: "2026-03-14T09:30:00.000Z".
    QString timeText() const;
    // The due date as stored: "2026-03-21", or empty when there is none.
    QString dueText() const;
    friend bool operator==(const RiskDecisionEntry &, const RiskDecisionEntry &) = default;
};

} // namespace Countersign
