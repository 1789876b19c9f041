// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "diff/difftext.h"

#include <bit>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Countersign {

DiffText::DiffText(QByteArray bytes)
    : m_bytes(std::move(bytes))
{
    splitLines();
}

DiffText::DiffText(const LargeBytes &bytes)
    : m_storage(bytes)
    , m_bytes(bytes.bytes())
{
    splitLines();
}

void DiffText::splitLines()
{
    const char *data = m_bytes.constData();
    const qsizetype size = m_bytes.size();
    Q_ASSERT(size <= qsizetype(std::numeric_limits<quint32>::max()));
    m_starts.reserve(size_t(size / 32 + 2));
    qsizetype at = 0;
#if defined(__SSE2__)
    // Thirty-two bytes at a time: one bit a byte where it is a '\n', read off lowest first.
    const __m128i newline = _mm_set1_epi8('\n');
    while (at + 32 <= size) {
        const auto *chunk = reinterpret_cast<const __m128i *>(data + at);
        quint32 found = quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(chunk), newline))) |
            quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(chunk + 1), newline))) << 16;
        while (found) {
            m_starts.push_back(quint32(at + std::countr_zero(found) + 1));
            found &= found - 1;
        }
        at += 32;
    }
#endif
    // Eight bytes at a time (the rest, or every byte without SSE2): a byte of (word ^ newlines) is
    // zero where the word holds a '\n', and the high bit of each byte of `found` says exactly which
    // (no borrows between bytes).
    constexpr quint64 lows = 0x7F7F7F7F7F7F7F7FULL, newlines = 0x0101010101010101ULL * '\n';
    while (at + 8 <= size) {
        quint64 word;
        std::memcpy(&word, data + at, 8);
        const quint64 x = word ^ newlines;
        quint64 found = ~(((x & lows) + lows) | x | lows);
        while (found) {
            const int byte = std::countr_zero(found) / 8;
            m_starts.push_back(quint32(at + byte + 1));
            found &= found - 1;
        }
        at += 8;
    }
    for (; at < size; ++at) {
        if (data[at] == '\n')
            m_starts.push_back(quint32(at + 1));
    }
    if (m_starts.back() != quint32(size))
        m_starts.push_back(quint32(size));
}

QByteArrayView DiffText::lineContent(int index) const
{
    QByteArrayView text = line(index);
    if (text.endsWith('\n'))
        text.chop(1);
    return text;
}

QString DiffText::lineText(int index) const
{
    QByteArrayView text = lineContent(index);
    if (text.endsWith('\r'))
        text.chop(1);
    return QString::fromUtf8(text);
}

} // namespace Countersign
