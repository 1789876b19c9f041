// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/recordtrust.h"

#include "signing/recordidentity.h"
#include "signing/signoffstatement.h"
#include "signing/sshsignature.h"

#include <QDir>
#include <QFileInfo>

namespace Countersign {

QString signatureStandingName(SignatureStanding standing)
{
    switch (standing) {
    case SignatureStanding::Unsigned:
        return QStringLiteral("unsigned");
    case SignatureStanding::Valid:
        return QStringLiteral("signed");
    case SignatureStanding::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

Result<RecordTrust> RecordTrust::of(const QString &filePath, const QString &signers)
{
    RecordTrust trust;
    if (!signers.isEmpty()) {
        const QString folder = QFileInfo(signers).fileName() == TrustFolder::folderName
            ? signers
            : QDir(signers).filePath(TrustFolder::folderName.toString());
        Result<TrustFolder> loaded = TrustFolder::load(QFileInfo::exists(folder) ? folder : signers);
        if (!loaded)
            return loaded.error();
        trust.folder = std::move(loaded).value();
    } else {
        Result<std::optional<TrustFolder>> found = TrustFolder::find(filePath);
        if (!found)
            return found.error();
        trust.folder = std::move(found).value();
    }
    trust.identity = RecordIdentity::of(filePath, trust.folder ? trust.folder->repositoryName() : QString());
    trust.legacyIdentity = RecordIdentity::legacyOf(filePath);
    return trust;
}

std::optional<QString> RecordTrust::integrityProblem(const SignOffEntry &entry)
{
    if (entry.statement.isEmpty() && entry.signature.isEmpty() && entry.principal.isEmpty())
        return std::nullopt;
    if (entry.statement.isEmpty() || entry.signature.isEmpty())
        return QStringLiteral("a signed entry without its %1")
            .arg(entry.statement.isEmpty() ? QStringLiteral("statement") : QStringLiteral("signature"));
    const Result<SignOffStatement::Fields> fields = SignOffStatement::parse(entry.statement);
    if (!fields)
        return QStringLiteral("its statement %1").arg(fields.error().message);
    if (std::optional<QString> differs = SignOffStatement::mismatch(fields.value(), entry))
        return differs;
    const SignatureCheck check = SshSignatureVerifier::verify(
        entry.statement.toUtf8(), entry.signature, SignOffStatement::nameSpace.toString());
    if (!check.valid)
        return check.reason;
    return std::nullopt;
}

EntryStanding RecordTrust::assess(const SignOffEntry &entry, const QString &holder) const
{
    EntryStanding out;
    if (entry.statement.isEmpty() && entry.signature.isEmpty() && entry.principal.isEmpty()) {
        out.counts = unsignedCounts();
        if (!out.counts)
            out.reason = QStringLiteral("unsigned, and the trust folder requires signatures");
        return out;
    }
    out.standing = SignatureStanding::Invalid;
    out.principal = entry.principal;
    if (std::optional<QString> problem = integrityProblem(entry)) {
        out.reason = *problem;
        return out;
    }
    const Result<SshSignature> signature = SshSignature::parse(entry.signature);
    out.fingerprint = signature ? signature->key.fingerprint() : QString();
    out.holder = SignOffStatement::parse(entry.statement).value().holder;
    if (!holder.isEmpty() && out.holder != holder) {
        out.reason = QStringLiteral("signed for the holder \"%1\", but the record names \"%2\"")
                         .arg(out.holder, holder);
        return out;
    }
    if (folder) {
        if (std::optional<QString> refused = folder->refusal(
                entry.principal, signature->key, entry.time, SignOffStatement::nameSpace.toString())) {
            out.reason = *refused;
            return out;
        }
        if (!folder->mayHoldRole(entry.principal, entry.role, out.holder)) {
            out.reason = QStringLiteral("principal %1 is not allowed to sign the role \"%2\"")
                             .arg(entry.principal, entry.role);
            return out;
        }
    } else {
        out.reason = QStringLiteral("no trust folder: the key was not checked against allowed signers");
    }
    out.standing = SignatureStanding::Valid;
    out.counts = true;
    return out;
}

} // namespace Countersign
