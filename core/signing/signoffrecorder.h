// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "ledger/signoff.h"
#include "signing/recordtrust.h"
#include "signing/sshsigner.h"

#include <functional>

namespace Countersign {

class LedgerStore;
struct Document;

// Records one sign-off the way the window and the command line both do: checked against the rules,
// signed (when a signer is given) on the ledger's current head, and appended in one write transaction
// that checks the rules again on the record's entries as they are then, so that two processes cannot
// both store approvals the other's would have forbidden.
class SignOffRecorder
{
public:
    // Signs a statement's bytes: SshSigner::sign with the chosen key, in the window through a
    // passphrase prompt.
    using Sign = std::function<Result<SshSigner::Signed>(const QByteArray &statement)>;

    // Stores `entry` (SignOffEntry::now) for `record`. With `sign`, `entry.principal` must be set: the
    // statement is made on the ledger's head and signed; when another sign-off lands while signing,
    // the statement is made and signed again (at most three times). A refusal is
    // Error::Code::Refused; a ledger that fails its audit is never written (Error::Code::Untrusted).
    static Result<SignOffEntry> record(LedgerStore &ledger, const Document &record, const RecordTrust &trust,
        SignOffEntry entry, const Sign &sign = {});

    // The principal `key` signs `role` (held by `holder`) as: `requested` when given (it must be
    // listed for the key in the trust folder, if there is one); else the one principal the trust
    // folder lists for the key that may sign the role; without a trust folder, the key's comment.
    static Result<QString> principalFor(const RecordTrust &trust, const SshPublicKey &key,
        const QString &role, const QString &holder, const QString &requested = {});
};

} // namespace Countersign
