// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "ledger/signoff.h"
#include "signing/trustfolder.h"

#include <QString>

#include <optional>

namespace Countersign {

enum class SignatureStanding { Unsigned, Valid, Invalid };
QString signatureStandingName(SignatureStanding standing); // "unsigned", "signed", "invalid"

// What one ledger entry's signature is worth for a record: unsigned, signed and valid (the statement
// is the entry's, the signature verifies, the key is allowed for the principal at the statement's
// time, the principal may sign the role), or invalid with the reason. `counts` says whether the entry
// may decide its role's state: a valid signature, or an unsigned entry where the policy allows them.
struct EntryStanding
{
    SignatureStanding standing = SignatureStanding::Unsigned;
    bool counts = false;
    QString reason; // why it is invalid or does not count; a note for a valid one checked without trust
    QString principal;
    QString fingerprint; // of the signing key, "SHA256:..."
    QString holder; // as the signed statement names it
    friend bool operator==(const EntryStanding &, const EntryStanding &) = default;
};

// Everything that decides whose sign-offs count for one record: its identity in the ledger (and the
// one it had before identities survived a move), and its team's trust folder. Without a trust folder
// unsigned sign-offs count, as they always did; with one they count only where its policy says so.
struct RecordTrust
{
    QString identity;
    QString legacyIdentity;
    std::optional<TrustFolder> folder;

    // The trust for the record at `filePath`: its trust folder found upward from it (an Error when
    // that folder is broken), its identities. `signers`, when not empty, is the trust folder to use
    // instead (`verify --signers DIR`: the `.countersign` folder or the folder holding it).
    static Result<RecordTrust> of(const QString &filePath, const QString &signers = {});

    bool unsignedCounts() const { return !folder || folder->unsignedAllowed(); }
    // `entry`'s standing for a role held by `holder` (as the record names it now).
    EntryStanding assess(const SignOffEntry &entry, const QString &holder) const;
    // Whether a signed entry holds together on its own, without asking who may sign: its statement
    // parses and is the entry's, and the signature verifies over it in Countersign's namespace. The
    // reason when not; nothing for a sound or an unsigned entry.
    static std::optional<QString> integrityProblem(const SignOffEntry &entry);
};

} // namespace Countersign
