// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/signoffrecorder.h"

#include "ledger/ledgerstore.h"
#include "ledger/signoffrules.h"
#include "record/document.h"
#include "record/recordfacts.h"
#include "signing/signoffstatement.h"

namespace Countersign {

Result<SignOffEntry> SignOffRecorder::record(LedgerStore &ledger, const Document &record,
    const RecordTrust &trust, SignOffEntry entry, const Sign &sign)
{
    if (std::optional<Error> untrusted = ledger.audit())
        return *untrusted;
    if (std::optional<Error> failed = ledger.adopt(trust.legacyIdentity, trust.identity))
        return *failed;
    const QString holder = SignOffRules::holderOf(RecordFacts::extract(record), entry.role);
    const LedgerStore::AppendCheck check = [&](const QList<SignOffEntry> &current, const LedgerHead &) {
        return SignOffRules::check(record, current, entry, trust);
    };
    constexpr int attempts = 3;
    for (int attempt = 1;; ++attempt) {
        if (sign) {
            const Result<LedgerHead> head = ledger.head();
            if (!head)
                return head.error();
            entry.previousHash = head->hash;
            entry.statement = SignOffStatement::text(entry, holder);
            const Result<SshSigner::Signed> signature = sign(entry.statement.toUtf8());
            if (!signature)
                return signature.error();
            entry.signature = signature->armored;
        }
        // The rules once before the write too, so that a refusal names the record, not the ledger.
        const Result<QList<SignOffEntry>> current = ledger.entries(trust.identity, trust.legacyIdentity);
        if (!current)
            return current.error();
        if (std::optional<Error> refused = SignOffRules::check(record, current.value(), entry, trust))
            return *refused;
        Result<SignOffEntry> stored = ledger.append(entry, check, trust.legacyIdentity);
        if (stored || stored.error().code != Error::Code::Conflict || !sign || attempt == attempts)
            return stored;
    }
}

Result<QString> SignOffRecorder::principalFor(const RecordTrust &trust, const SshPublicKey &key,
    const QString &role, const QString &holder, const QString &requested)
{
    const auto refuse = [&trust](const QString &why) {
        return Error{Error::Code::Refused, why, trust.folder ? trust.folder->path() : QString()};
    };
    if (!trust.folder) {
        const QString principal = requested.isEmpty() ? key.comment.trimmed() : requested;
        if (principal.isEmpty() || principal.contains(u' '))
            return refuse(
                QStringLiteral("no principal for the key %1: give one (--principal)").arg(key.fingerprint()));
        return principal;
    }
    const QStringList listed = trust.folder->principalsOf(key);
    if (!requested.isEmpty()) {
        if (!listed.contains(requested))
            return refuse(QStringLiteral("the key %1 is not listed for %2 in allowed_signers")
                    .arg(key.fingerprint(), requested));
        return requested;
    }
    QStringList may;
    for (const QString &principal : listed) {
        if (trust.folder->mayHoldRole(principal, role, holder))
            may.append(principal);
    }
    if (may.size() == 1)
        return may.constFirst();
    if (listed.isEmpty())
        return refuse(QStringLiteral("the key %1 is not in allowed_signers").arg(key.fingerprint()));
    if (may.isEmpty())
        return refuse(QStringLiteral("none of the key's principals (%1) may sign the role \"%2\"")
                .arg(listed.join(QStringLiteral(", ")), role));
    return refuse(QStringLiteral("the key %1 is listed for several principals that may sign \"%2\" (%3): "
                                 "choose one (--principal)")
            .arg(key.fingerprint(), role, may.join(QStringLiteral(", "))));
}

} // namespace Countersign
