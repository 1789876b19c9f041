// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/error.h"
#include "base/result.h"
#include "ledger/riskdecisionentry.h"
#include "ledger/signoff.h"

#include <QList>

#include <memory>
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
// this interface may assume which backend it is, and only open() names one. Failures are Errors
// naming the store; a read-only store refuses append() and still reads.
class LedgerStore
{
public:
    virtual ~LedgerStore() = default;

    // Opens the ledger at `location`, the one place that chooses a backend: today every location is
    // the path of an SQLite file (SqliteLedgerStore::open says what it accepts and refuses).
    static Result<std::unique_ptr<LedgerStore>> open(const QString &location);
    // The default ledger: countersign.sqlite in the user's data folder (AppDataLocation).
    static QString defaultLocation();
    // The ledger chosen in the settings (File > Sign-off Ledger), else the default one.
    static QString configuredLocation();
    static void setConfiguredLocation(const QString &location);

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
