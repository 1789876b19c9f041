// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/error.h"
#include "ledger/signoff.h"
#include "record/document.h"
#include "record/recordfacts.h"
#include "signing/recordtrust.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace Countersign {

enum class RoleState { Pending, Approved, Rejected, Stale };
QString roleStateName(RoleState state); // "pending", "approved", "rejected", "stale"

// One named role of a record and where its sign-off stands. `latest` is the entry that decides the
// state (none while the role was never signed) and `standing` what its signature is worth; `ignored`
// is a later entry that does not count (an invalid signature, an unsigned entry where signatures are
// required), shown with `ignoredStanding`'s reason.
struct RoleSignOff
{
    QString role;
    QString holder;
    int line = 0;
    RoleState state = RoleState::Pending;
    std::optional<SignOffEntry> latest;
    EntryStanding standing;
    std::optional<SignOffEntry> ignored;
    EntryStanding ignoredStanding;
    friend bool operator==(const RoleSignOff &, const RoleSignOff &) = default;
};

// Every role of a record, the record's current digest, and what stands in the way of finalizing.
struct SignOffStatus
{
    QString digest;
    QList<RoleSignOff> roles;
    QStringList problems; // rule violations found in the ledger (one person approving two roles)
    // Every role approved on the current content, no problem, and at least one role.
    bool isFinal() const;
    // The roles not approved on the current content, with their state: "Joint decision log owner
    // (pending)".
    QStringList openRoles() const;
    friend bool operator==(const SignOffStatus &, const SignOffStatus &) = default;
};

// The sign-off rules of a record:
// - the roles are those of its Ownership section; each must sign off;
// - only entries that count decide (RecordTrust::assess: a valid signature, or an unsigned entry
//   where the record's trust policy allows them); the others are shown, never counted;
// - a role's latest counting entry decides its state: approve on the current digest -> approved,
//   approve on another digest -> stale (shown, not counted), reject -> rejected (until the same role
//   approves again), withdraw -> pending;
// - reject and withdraw need a comment; names and comments hold no control characters, and a
//   signer's name is a person's, not one of the record's roles or holders;
// - one person may not approve two roles of the same record unless the Ownership section allows it
//   explicitly, with an item such as "- Several roles per signer: allowed". Signed approvals are one
//   person when they share a principal or a key; otherwise names are compared as PersonName does
//   (NFKC, case, invisible characters, confusable letters, initials).
class SignOffRules
{
public:
    static QList<FactField> roles(const RecordFacts &facts);
    static bool allowsSeveralRoles(const RecordFacts &facts);
    // `trust` defaults to none: no trust folder, so unsigned sign-offs count.
    static SignOffStatus evaluate(
        const Document &record, const QList<SignOffEntry> &entries, const RecordTrust &trust = {});
    // Whether `entry` may be added to the record's `entries`: a refusal (Error::Code::Refused) says
    // why. A signed entry must stand valid under `trust`; an unsigned one is refused where the policy
    // requires signatures.
    static std::optional<Error> check(const Document &record, const QList<SignOffEntry> &entries,
        const SignOffEntry &entry, const RecordTrust &trust = {});
    // The holder the record names for `role`, empty when it names no such role.
    static QString holderOf(const RecordFacts &facts, const QString &role);
};

} // namespace Countersign
