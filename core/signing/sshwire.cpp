// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/sshwire.h"

#include <algorithm>

namespace Countersign {

std::optional<QByteArrayView> SshWireReader::readBytes(qsizetype count)
{
    if (count < 0 || count > remaining())
        return std::nullopt;
    const QByteArrayView bytes = m_bytes.sliced(m_position, count);
    m_position += count;
    return bytes;
}

std::optional<quint8> SshWireReader::readByte()
{
    const std::optional<QByteArrayView> bytes = readBytes(1);
    if (!bytes)
        return std::nullopt;
    return quint8(bytes->at(0));
}

std::optional<quint32> SshWireReader::readUint32()
{
    const std::optional<QByteArrayView> bytes = readBytes(4);
    if (!bytes)
        return std::nullopt;
    quint32 value = 0;
    for (const char byte : *bytes)
        value = (value << 8) | quint8(byte);
    return value;
}

std::optional<QByteArrayView> SshWireReader::readString()
{
    const qsizetype start = m_position;
    const std::optional<quint32> length = readUint32();
    if (!length || quint64(*length) > quint64(remaining())) {
        m_position = start;
        return std::nullopt;
    }
    return readBytes(qsizetype(*length));
}

std::optional<QByteArrayView> SshWireReader::readName()
{
    const qsizetype start = m_position;
    const std::optional<QByteArrayView> name = readString();
    const auto isNameCharacter = [](char c) { return c > ' ' && c <= '~'; };
    if (!name || name->isEmpty() || name->size() > 64 ||
        !std::all_of(name->begin(), name->end(), isNameCharacter)) {
        m_position = start;
        return std::nullopt;
    }
    return name;
}

void SshWireReader::appendUint32(QByteArray &out, quint32 value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xff));
}

void SshWireReader::appendString(QByteArray &out, QByteArrayView bytes)
{
    appendUint32(out, quint32(bytes.size()));
    out.append(bytes);
}

} // namespace Countersign
