// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "signing/sshkey.h"

#include <QByteArray>
#include <QString>

namespace Countersign {

// An SSH signature as `ssh-keygen -Y sign` writes it (OpenSSH's PROTOCOL.sshsig): the armored text
// "-----BEGIN SSH SIGNATURE-----" ... "-----END SSH SIGNATURE-----" around the base64 of the blob
// MAGIC "SSHSIG", version 1, the signer's public key, the namespace, a reserved string, the hash
// algorithm ("sha512" or "sha256") and the signature itself.
struct SshSignature
{
    SshPublicKey key; // the key that made the signature, as the signature carries it
    QString nameSpace;
    QString hashAlgorithm;
    // The signature string: its type, the raw signature (and for sk keys, flags and counter).
    QByteArray signature;

    // An Error (InvalidArgument) saying what is wrong when the text is not an SSH signature.
    static Result<SshSignature> parse(QStringView armored);
};

// What checking one signature found. `valid` only when the signature is well formed, made in the
// namespace asked for, and verifies over the message with its own key; `reason` says why not
// ("bad signature", "wrong namespace \"git\"", "not an SSH signature: ...", "unsupported key type ...").
// Whether the key may sign is the trust folder's question, not this one's.
struct SignatureCheck
{
    bool valid = false;
    QString reason;
    SshPublicKey key; // the signing key, when the signature could be read
};

// Verifies SSH signatures. Ed25519 and sk-ssh-ed25519 (FIDO security keys) in process with OpenSSL 3;
// other key types (RSA, ECDSA) through `ssh-keygen -Y check-novalidate`, which checks the signature
// without asking whether the key is allowed.
class SshSignatureVerifier
{
public:
    static SignatureCheck verify(const QByteArray &message, const QString &armored, const QString &nameSpace);
};

} // namespace Countersign
