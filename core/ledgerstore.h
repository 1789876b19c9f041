#pragma once

#include "error.h"
#include "result.h"
#include "riskreview.h"
#include "signoff.h"

#include <QList>

#include <optional>

namespace Countersign {

// Where a hash chain breaks: the first entry whose stored hash or link does not hold.
struct ChainBreak
{
    qint64 id = 0;
    QString reason;
    friend bool operator==(const ChainBreak &, const ChainBreak &) = default;
};

// The sign-off ledger as the rest of the program sees it: append an entry, read entries back; the
// same for the decisions of residual risk reviews. A backend (SQLite now, a shared server later)
// stores both append-only, sign-offs in one hash chain and risk decisions in another; nothing above
// this interface may assume which backend it is. Failures are Errors naming
// the store; a read-only store refuses append() and still reads.
class LedgerStore
{
public:
    virtual ~LedgerStore() = default;

    // Stores `entry` after the last one: fills its id, previousHash and hash, all in one
    // transaction. Returns the entry as stored.
    virtual Result<SignOffEntry> append(const SignOffEntry &entry) = 0;
    // The entries of one record (by path), or of the whole ledger for an empty path, in order.
    virtual Result<QList<SignOffEntry>> entries(const QString &recordPath = {}) const = 0;
    // Stores a risk decision after the last one, as append() does a sign-off (its own chain: id,
    // previousHash and hash count among decisions only). Committed when it returns.
    virtual Result<RiskDecisionEntry> appendRiskDecision(const RiskDecisionEntry &entry) = 0;
    // The risk decisions of one record (by path), or of the whole ledger for an empty path, in order.
    virtual Result<QList<RiskDecisionEntry>> riskDecisions(const QString &recordPath = {}) const = 0;
    virtual bool isReadOnly() const = 0;
    // A name for messages: the database file, say.
    virtual QString location() const = 0;

    // Walks a whole ledger's entries in order: every hash must match its fields and link to the
    // entry before. The first break, or nothing when the chain holds.
    static std::optional<ChainBreak> verifyChain(const QList<SignOffEntry> &entries);
    // The same walk over a whole ledger's risk decisions.
    static std::optional<ChainBreak> verifyDecisionChain(const QList<RiskDecisionEntry> &entries);
};

} // namespace Countersign
