// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/error.h"
#include "ledger/signoff.h"
#include "record/document.h"
#include "record/recordfacts.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace Countersign {

enum class RoleState { Pending, Approved, Rejected, Stale };
QString roleStateName(RoleState state); // "pending", "approved", "rejected", "stale"

// One named role of a record and where its sign-off stands. `latest` is the entry that decides the
// state (none while the role was never signed).
struct RoleSignOff
{
    QString role;
    QString holder;
    int line = 0;
    RoleState state = RoleState::Pending;
    std::optional<SignOffEntry> latest;
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
// - a role's latest entry decides its state: approve on the current digest -> approved, approve on
//   another digest -> stale (shown, not counted), reject -> rejected (until the same role approves
//   again), withdraw -> pending;
// - reject and withdraw need a comment;
// - one person may not approve two roles of the same record unless the Ownership section allows it
//   explicitly, with an item such as "- Several roles per signer: allowed".
class SignOffRules
{
public:
    static QList<FactField> roles(const RecordFacts &facts);
    static bool allowsSeveralRoles(const RecordFacts &facts);
    static SignOffStatus evaluate(const Document &record, const QList<SignOffEntry> &entries);
    // Whether `entry` may be added to the record's `entries`: a refusal (Error::Code::Refused) says
    // why.
    static std::optional<Error> check(
        const Document &record, const QList<SignOffEntry> &entries, const SignOffEntry &entry);
};

} // namespace Countersign
