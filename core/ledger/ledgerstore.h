// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/error.h"
#include "base/result.h"
#include "ledger/riskdecisionentry.h"
#include "ledger/signoff.h"

#include <QList>

#include <functional>
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

// The end of a ledger's sign-off chain: how many entries it holds and the hash of the last one (empty
// for an empty ledger). A signed statement names the head it extends and an export the head it was
// made from, so that a ledger cut short or put back to an older copy no longer holds that head.
struct LedgerHead
{
    qint64 count = 0;
    QString hash;
    friend bool operator==(const LedgerHead &, const LedgerHead &) = default;
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

    // What the caller means to do with the ledger, which decides what opening may do to it.
    // Write (sign, record a decision; the window): a missing ledger is created, and an older one
    // upgraded; one the user may not write opens read-only (isReadOnly(): appends are refused).
    // Read (status, review, export, verify): nothing is created, upgraded or switched; a missing
    // ledger is an Error::Code::FileNotFound, "no such ledger", naming it.
    // ReadOrEmpty: as Read, but a missing ledger reads as an empty, read-only one that is still not
    // created (the default ledger of a user who has never signed anything).
    enum class Access { Write, Read, ReadOrEmpty };

    // Opens the ledger at `location`, the one place that chooses a backend: a postgresql:// URI is a
    // ledger on a PostgreSQL server (PostgresLedgerStore), anything else the path of an SQLite file
    // (SqliteLedgerStore::open says what it accepts and refuses).
    static Result<std::unique_ptr<LedgerStore>> open(const QString &location, Access access = Access::Write);
    // The default ledger: countersign.sqlite in the user's data folder (AppDataLocation).
    static QString defaultLocation();
    // The ledger chosen in the settings (File > Sign-off Ledger), else the default one.
    static QString configuredLocation();
    static void setConfiguredLocation(const QString &location);

    // A rule to check inside append()'s write transaction, on the record's entries as they are then
    // and the head the new entry will follow: a refusal stops the append. Checked there, two
    // processes cannot both store an approval the other's would have forbidden.
    using AppendCheck =
        std::function<std::optional<Error>(const QList<SignOffEntry> &recordEntries, const LedgerHead &head)>;

    // Stores `entry` after the last one: fills its id, previousHash and hash, all in one
    // transaction, after `check` (when given) passed on the entries of the record (entry.recordPath,
    // and `legacyIdentity` as entries() reads them). A signed entry is stored only when its statement
    // is the entry's and its signature verifies; one signed on another head than the ledger's last
    // entry is refused with Error::Code::Conflict (sign again). Returns the entry as stored.
    virtual Result<SignOffEntry> append(
        const SignOffEntry &entry, const AppendCheck &check = {}, const QString &legacyIdentity = {}) = 0;
    // The entries of one record, or of the whole ledger for an empty identity, in order. A record's
    // entries are those stored under its identity, under `legacyIdentity` (the absolute path early
    // entries were stored under) and under any path adopt() linked to the identity.
    virtual Result<QList<SignOffEntry>> entries(
        const QString &identity = {}, const QString &legacyIdentity = {}) const = 0;
    // Links the entries stored under `legacyIdentity` (an absolute path) to `identity`, so that the
    // record keeps them in a clone or after a move. Does nothing on a read-only ledger, when the two
    // are equal, or when there are no such entries.
    virtual std::optional<Error> adopt(const QString &legacyIdentity, const QString &identity) = 0;
    // The end of the sign-off chain now.
    virtual Result<LedgerHead> head() const = 0;
    // Which stored record paths adopt() linked to which identity: path -> identity.
    virtual Result<QList<std::pair<QString, QString>>> adoptions() const = 0;
    // Copies a whole ledger into this one, which must hold no entry: every sign-off and risk
    // decision exactly as it is (ids, fields, hashes, signatures) and the adoptions, in one
    // transaction, so that both chains verify here as they did there. Everything or nothing.
    virtual std::optional<Error> importLedger(const QList<SignOffEntry> &signOffs,
        const QList<RiskDecisionEntry> &decisions, const QList<std::pair<QString, QString>> &adoptions) = 0;
    // Stores a risk decision after the last one, as append() does a sign-off (its own chain: id,
    // previousHash and hash count among decisions only). Committed when it returns.
    virtual Result<RiskDecisionEntry> appendRiskDecision(const RiskDecisionEntry &entry) = 0;
    // The risk decisions of one record (by path), or of the whole ledger for an empty path, in order.
    virtual Result<QList<RiskDecisionEntry>> riskDecisions(const QString &recordPath = {}) const = 0;
    virtual bool isReadOnly() const = 0;
    // A name for messages: the database file, say.
    virtual QString location() const = 0;
    // A text that changes whenever the stored ledger may have changed (a write by this or any other
    // connection); empty when the backend cannot tell. audit() checks a ledger once per revision.
    virtual QString revision() const { return {}; }

    // Walks a whole ledger's entries in order: every hash must match its fields and link to the
    // entry before, every signed entry's statement must be its own and its signature verify. The
    // first break, or nothing when the chain holds.
    static std::optional<ChainBreak> verifyChain(const QList<SignOffEntry> &entries);
    // The same walk over a whole ledger's risk decisions.
    static std::optional<ChainBreak> verifyDecisionChain(const QList<RiskDecisionEntry> &entries);
    // Whether the whole ledger holds: both chains verified, as `ledger verify` does. An Error
    // (Error::Code::Untrusted) naming the ledger and the first break when not; signing, exporting and
    // the window refuse to use such a ledger. A ledger that held at the same revision() is not walked
    // again: the window asks on every refresh.
    std::optional<Error> audit() const;

protected:
    // What every backend checks of a signed entry linked into its chain (id and previousHash set),
    // before storing it: a statement signed on another head is a Conflict, one that is not the
    // entry's or a signature that does not verify is Refused. Nothing for an unsigned entry.
    static std::optional<Error> checkSignedEntry(const SignOffEntry &linked, const QString &location);

private:
    mutable QString m_auditedRevision; // the revision() the last audit found intact
};

} // namespace Countersign
