// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/error.h"
#include "base/result.h"
#include "ledger/riskdecisionentry.h"
#include "record/document.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Countersign {

class LedgerStore;

// One thing a review walks: a residual risk of the record, or an open item of one of its checkpoint
// packets. `key` identifies it across edits and records: its text normalized (whitespace collapsed,
// case folded, list numbering and trailing punctuation dropped), prefixed by "risk:" or "open:".
struct ReviewItem
{
    enum class Source { ResidualRisk, OpenItem };
    Source source = Source::ResidualRisk;
    QString key;
    QString text; // plain text as written
    QString origin; // the file it comes from (absolute path; the record's own path for its risks)
    int line = 0;
    bool carriedOver = false; // the previous record of the same pair lists it too
    friend bool operator==(const ReviewItem &, const ReviewItem &) = default;
};
QString reviewSourceName(ReviewItem::Source source); // "residual-risk", "open-item"

// An item with the decision that stands for it: the latest entry for its key, if any.
struct ReviewedItem
{
    ReviewItem item;
    std::optional<RiskDecisionEntry> latest;
    bool decidedOnEarlierVersion = false; // latest->recordDigest differs from the record's digest now
    friend bool operator==(const ReviewedItem &, const ReviewedItem &) = default;
};

struct RiskSummary
{
    int accepted = 0;
    int mitigated = 0;
    int needsAction = 0;
    int open = 0; // no decision yet
    int carriedOver = 0;
    int total() const { return accepted + mitigated + needsAction + open; }
    friend bool operator==(const RiskSummary &, const RiskSummary &) = default;
};

// The residual risk review of a record (a meeting walks the residual risks one by one):
// - the items are the record's Residual Risks, then the Open Items of the checkpoint packets its
//   Decision Inputs name (resolved next to the record, then against each folder above it, where a
//   team's repository or the folder holding both teams' checkouts is; an absolute path from another
//   machine by its tails against the same folders; last by file name in the record's folder). Texts
//   such as "None" are not items. The same text twice gets a key of its own: "risk:... #2";
// - an item the previous record of the same pair (same kind and side, same folder, the latest earlier
//   date, from the file name or the Updated header as CutoverCheck dates) also lists, as a residual
//   risk or an open item, is carried over;
// - an item's latest decision stands, whatever digest it was made on (a wording fix does not undo a
//   meeting); one made on another digest is flagged;
// - needs-action requires an owner and a due date.
class RiskReview
{
public:
    // An item's key: "risk:" or "open:" and its normalized text.
    static QString keyOf(ReviewItem::Source source, QStringView text);
    // The checkpoint packets a record's Decision Inputs name that exist, as absolute paths (canonical,
    // each once); inputs of other kinds (the other side's mirror, an addendum) are left out.
    static QStringList checkpointPaths(const Document &record, const QString &recordPath);
    static QList<ReviewItem> items(
        const Document &record, const QString &recordPath, const QList<Document> &checkpoints);
    // How much of a file previousRecordCandidates() reads to learn its kind and date.
    static constexpr qint64 headBytes = 64 * 1024;
    // The files next to `recordPath` that may be the previous record of the same pair, latest first,
    // chosen by name, kind and date before any is read whole: a file whose name carries a date not
    // before the record's is not read at all, another only its first headBytes (title, header).
    static QStringList previousRecordCandidates(const Document &record, const QString &recordPath);
    // The previous record of the same pair, if one is found next to `recordPath`.
    static std::optional<QString> previousRecordPath(const Document &record, const QString &recordPath);
    static void markCarriedOver(QList<ReviewItem> &items, const Document &previous);
    // Reads the checkpoints and the previous record from disk (unreadable ones are skipped and named
    // in `warnings`, as are inputs found nowhere) and returns the items.
    static QList<ReviewItem> load(
        const Document &record, const QString &recordPath, QStringList *warnings = nullptr);
    // `entries` are the record's decisions in ledger order (LedgerStore::riskDecisions(record)).
    static QList<ReviewedItem> evaluate(
        const QList<ReviewItem> &items, const QList<RiskDecisionEntry> &entries, const QString &digest);
    // The review of `record` (loaded from its file) as `ledger` has it: load()'s items with the
    // decisions that stand for them; an Error when the ledger cannot be read.
    static Result<QList<ReviewedItem>> reviewed(
        const Document &record, const LedgerStore &ledger, QStringList *warnings = nullptr);
    static RiskSummary summarize(const QList<ReviewedItem> &reviewed);
    // "4 items: 1 accepted, 1 mitigated, 1 needs action, 1 open; 1 carried over from the previous
    // record; 1 decided on an earlier version of the record." (the last two only when there are some)
    static QString summaryText(const QList<ReviewedItem> &reviewed);
    // A refusal (Error::Code::Refused) when `entry` breaks a rule (needs-action without owner or due;
    // no item key; no name of who recorded it).
    static std::optional<Error> check(const RiskDecisionEntry &entry);
};

} // namespace Countersign
