// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/sshkey.h"

#include "signing/sshwire.h"

#include <QCryptographicHash>

namespace Countersign {

namespace {

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

// The next run of characters up to a space or tab, from `position` on; `position` moves past it and
// the spaces after it.
QStringView nextField(QStringView text, qsizetype &position)
{
    const qsizetype start = position;
    while (position < text.size() && !isSpace(text.at(position)))
        ++position;
    const QStringView field = text.sliced(start, position - start);
    while (position < text.size() && isSpace(text.at(position)))
        ++position;
    return field;
}

} // namespace

std::optional<SshPublicKey> SshPublicKey::fromText(QStringView text)
{
    const QStringView line = text.trimmed();
    if (line.contains(u'\n') || line.contains(u'\r'))
        return std::nullopt;
    qsizetype position = 0;
    const QStringView type = nextField(line, position);
    const QStringView base64 = nextField(line, position);
    const QStringView comment = line.sliced(position);

    if (base64.isEmpty())
        return std::nullopt;
    for (const QChar c : base64) {
        if (c.unicode() > 0x7f)
            return std::nullopt;
    }
    // Strict and canonical, as OpenSSH writes it: padded, no stray characters, no stray bits.
    const QByteArray encoded = base64.toLatin1();
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        encoded, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != encoded)
        return std::nullopt;

    std::optional<SshPublicKey> key = fromBlob(decoded.decoded);
    if (!key || key->type != type)
        return std::nullopt;
    key->comment = comment.toString();
    return key;
}

std::optional<SshPublicKey> SshPublicKey::fromBlob(const QByteArray &blob)
{
    const std::optional<QByteArrayView> type = SshWireReader(blob).readName();
    if (!type)
        return std::nullopt;
    return SshPublicKey{QString::fromLatin1(*type), blob, {}};
}

QString SshPublicKey::toText() const
{
    return type + u' ' + QString::fromLatin1(blob.toBase64());
}

QString SshPublicKey::fingerprint() const
{
    return u"SHA256:" +
        QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha256)
                .toBase64(QByteArray::OmitTrailingEquals));
}

} // namespace Countersign
