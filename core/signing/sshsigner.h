// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "signing/sshkey.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

namespace Countersign {

// Signs with the signer's own key through `ssh-keygen -Y sign -n NAMESPACE -f KEY`, as git does with
// gpg.format=ssh: the private key never enters Countersign. KEY is chosen like git's user.signingKey:
// - a path to a private key file (ssh-keygen asks its passphrase on the terminal, or through
//   SSH_ASKPASS when there is none), or to a public key whose private half ssh-agent holds (a FIDO
//   security key's handle file works the same: ssh-keygen asks for the touch);
// - a literal "key::ssh-ed25519 AAAA..." (the agent's key);
// - empty: the first key `ssh-add -L` lists.
class SshSigner
{
public:
    struct Signed
    {
        QString armored; // the signature as ssh-keygen wrote it
        SshPublicKey key; // the public key that signed (read from the signature)
    };

    // The signature of `message`. Errors name the key and say what ssh-keygen said (no agent, wrong
    // passphrase, no such file, ssh-keygen missing, timed out after `timeoutMs`).
    static Result<Signed> sign(const QByteArray &message, const QString &key, const QString &nameSpace,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
        int timeoutMs = 120000);
    // The public key that `key` (as above) names, without signing: a .pub beside a private key file,
    // the literal key, or the agent's first key.
    static Result<SshPublicKey> publicKey(const QString &key,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

} // namespace Countersign
