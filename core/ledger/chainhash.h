// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

namespace Countersign {

// The SHA-256 a ledger entry's hash is made of: each field in turn, with its length in UTF-8 bytes in
// front ("5:Ann R"), so that no two different lists of fields hash the same input. Sign-offs and risk
// decisions both hash this way.
class ChainHash
{
public:
    void add(const QString &field)
    {
        const QByteArray bytes = field.toUtf8();
        m_sha.addData(QByteArray::number(bytes.size()));
        m_sha.addData(QByteArrayView(":"));
        m_sha.addData(bytes);
    }
    // Lower-case hexadecimal.
    QString result() const { return QString::fromLatin1(m_sha.result().toHex()); }

private:
    QCryptographicHash m_sha{QCryptographicHash::Sha256};
};

} // namespace Countersign
