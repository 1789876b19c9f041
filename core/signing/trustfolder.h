// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "signing/sshkey.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Countersign {

// One line of an allowed_signers file, in ssh-keygen's format (ssh-keygen(1), ALLOWED SIGNERS):
// comma-separated principal patterns ("*" and "?" wildcards, "!" negation), options
// (namespaces="a,b", valid-after="YYYYMMDD[HHMM[SS]][Z]", valid-before=..., cert-authority), a key.
struct AllowedSigner
{
    QStringList principals; // patterns as written
    SshPublicKey key;
    QStringList namespaces; // patterns; empty: any
    std::optional<QDateTime> validAfter; // UTC
    std::optional<QDateTime> validBefore; // UTC
    bool certAuthority = false;
    int line = 0;
};

// One line of the roles file: a role (as a record's Ownership section names it) or a role holder,
// and the principal patterns that may sign for it.
struct RoleGrant
{
    QString roleOrHolder;
    QStringList principals;
    int line = 0;
};

// A team's trust folder, `.countersign/` in its repository next to its records:
// - allowed_signers: exactly ssh-keygen's format, so `ssh-keygen -Y verify -f allowed_signers` reads it;
// - revoked_keys (optional): a KRL (ssh-keygen -k) or a plain list of public keys, one a line;
// - roles: "ROLE OR HOLDER = principal, principal" lines ('#' comments), who may sign which role;
// - policy (optional): "unsigned-sign-offs = allowed|refused" (refused when not set),
//   "repository = NAME" (the name records of this repository are known by in the ledger).
// Files that exist but cannot be read or parsed are Errors naming the file and line.
class TrustFolder
{
public:
    static constexpr QStringView folderName = u".countersign";
    static constexpr QStringView allowedSignersFile = u"allowed_signers";
    static constexpr QStringView revokedKeysFile = u"revoked_keys";
    static constexpr QStringView rolesFile = u"roles";
    static constexpr QStringView policyFile = u"policy";

    // The trust folder that governs `filePath`, found like .editorconfig: `.countersign/` in the
    // file's folder, then in each folder above it up to the repository root (the first folder with a
    // .git entry), never above it; outside a repository, up to the filesystem root. Nothing when there
    // is none; an Error when one is found but is broken.
    static Result<std::optional<TrustFolder>> find(const QString &filePath);
    // The trust folder at `folder` (a `.countersign` folder): an Error when it has no allowed_signers
    // file, or a file is broken.
    static Result<TrustFolder> load(const QString &folder);

    QString path() const { return m_path; }
    const QList<AllowedSigner> &signers() const { return m_signers; }
    const QList<RoleGrant> &grants() const { return m_grants; }
    bool unsignedAllowed() const { return m_unsignedAllowed; }
    QString repositoryName() const { return m_repository; } // empty when the policy names none

    // Why `key` may not sign as `principal` at `time` in `nameSpace`, nothing when it may: "revoked
    // key", "unknown key" (no line has it), "key not allowed for PRINCIPAL", "key not valid before
    // ...", "key expired on ...", "namespace ... not allowed for this key". As in ssh-keygen, the key
    // may sign when any line that matches principal and key allows it; when none does, the first such
    // line says why.
    std::optional<QString> refusal(const QString &principal, const SshPublicKey &key, const QDateTime &time,
        const QString &nameSpace) const;
    bool isRevoked(const SshPublicKey &key) const;
    // The principals `key` is listed for (patterns without wildcards only), in file order.
    QStringList principalsOf(const SshPublicKey &key) const;
    // Whether `principal` may sign `role`, held by `holder`: a grant for the role or for the holder
    // (compared as TextKeys::normalizedKey) with a pattern matching the principal.
    bool mayHoldRole(const QString &principal, const QString &role, const QString &holder) const;

    // Creates `.countersign/` in `directory` with an allowed_signers file listing `key` for
    // `principal`, a roles file with its format explained and no grants, and a policy file with
    // unsigned sign-offs refused. Refused when the folder already has an allowed_signers file.
    static std::optional<Error> init(
        const QString &directory, const QString &principal, const SshPublicKey &key);
    // Appends `principal key` to the folder's allowed_signers (unless that exact pair is there) and,
    // for each of `roles`, the principal to that role's line of the roles file (a new line when the
    // role has none). The files keep every other line and comment as they were.
    static std::optional<Error> add(
        const QString &folder, const QString &principal, const SshPublicKey &key, const QStringList &roles);

private:
    QString m_path;
    QList<AllowedSigner> m_signers;
    QList<SshPublicKey> m_revoked; // plain list
    QString m_krlPath; // a KRL file, asked through ssh-keygen -Q
    QList<RoleGrant> m_grants;
    bool m_unsignedAllowed = false;
    QString m_repository;
};

} // namespace Countersign
