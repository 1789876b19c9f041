// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Countersign {

// Reads the SSH wire format (RFC 4251, section 5) that keys and signatures are made of: bytes,
// big-endian uint32s and strings (a uint32 length, then that many bytes). Never reads past the end of
// its bytes: a read that would fails, and the reader stays where it was. The views it returns point
// into the bytes it was given, which must outlive them.
class SshWireReader
{
public:
    explicit SshWireReader(QByteArrayView bytes)
        : m_bytes(bytes)
    { }

    std::optional<QByteArrayView> readBytes(qsizetype count);
    std::optional<quint8> readByte();
    std::optional<quint32> readUint32();
    std::optional<QByteArrayView> readString();
    // A string that is an SSH algorithm name (RFC 4251, section 6), as keys and signatures start
    // with: 1 to 64 printable US-ASCII characters, no spaces.
    std::optional<QByteArrayView> readName();

    qsizetype remaining() const { return m_bytes.size() - m_position; }
    bool atEnd() const { return remaining() == 0; }

    // Writing the same format.
    static void appendUint32(QByteArray &out, quint32 value);
    static void appendString(QByteArray &out, QByteArrayView bytes);

private:
    QByteArrayView m_bytes;
    qsizetype m_position = 0;
};

} // namespace Countersign
