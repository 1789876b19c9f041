// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Countersign {

// An SSH public key as authorized_keys, allowed_signers and `ssh-add -L` write it:
// "ssh-ed25519 AAAAC3Nza... comment". `blob` is the key in SSH wire format (the base64 decoded); two
// keys are the same key when their blobs are equal.
struct SshPublicKey
{
    QString type; // "ssh-ed25519", "sk-ssh-ed25519@openssh.com", "ssh-rsa", "ecdsa-sha2-nistp256", ...
    QByteArray blob;
    QString comment;

    // "TYPE BASE64 [COMMENT]": nothing when the text is not such a key, or the blob's own type
    // differs from TYPE.
    static std::optional<SshPublicKey> fromText(QStringView text);
    // A key from its wire format: nothing when the blob does not start with a type string.
    static std::optional<SshPublicKey> fromBlob(const QByteArray &blob);
    // "TYPE BASE64", without the comment.
    QString toText() const;
    // "SHA256:" and the unpadded base64 of the blob's SHA-256, as `ssh-keygen -l` prints it.
    QString fingerprint() const;

    friend bool operator==(const SshPublicKey &a, const SshPublicKey &b) { return a.blob == b.blob; }
};

} // namespace Countersign
