// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/sourcetext.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace Countersign {

namespace {

constexpr char bom[] = "\xEF\xBB\xBF";

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode 15,
// table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all are valid.
qsizetype firstInvalidUtf8(const unsigned char *data, qsizetype size)
{
    qsizetype i = 0;
    while (i < size) {
        // ASCII fast path: 32 bytes at a time, then eight.
        while (i + 32 <= size) {
            quint64 words[4];
            std::memcpy(words, data + i, 32);
            if ((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080ULL)
                break;
            i += 32;
        }
        while (i + 8 <= size) {
            quint64 word;
            std::memcpy(&word, data + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            else if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            else if (c == 0xF4)
                high = 0x8F;
        } else {
            return i;
        }
        if (i + 1 >= size || data[i + 1] < low || data[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (i + k >= size || (data[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += length;
    }
    return -1;
}

// 1-based line of byte `offset`, counting LF, CRLF and lone CR as line endings.
int lineOfByte(const QByteArray &bytes, qsizetype offset)
{
    int line = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')))
            ++line;
    }
    return line;
}

} // namespace

std::optional<Error> SourceText::validate(const QByteArray &bytes, const QString &fileName)
{
    const qsizetype skip = bytes.startsWith(bom) ? 3 : 0;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());

    if (const void *nul = std::memchr(data, 0, size_t(bytes.size()))) {
        const qsizetype at = static_cast<const unsigned char *>(nul) - data;
        return Error{Error::Code::Binary,
            QStringLiteral("binary content (a NUL byte at byte offset %1); not a markdown document").arg(at),
            fileName, lineOfByte(bytes, at), at};
    }
    if (const qsizetype bad = firstInvalidUtf8(data + skip, bytes.size() - skip); bad >= 0) {
        const qsizetype at = bad + skip;
        return Error{Error::Code::InvalidUtf8,
            QStringLiteral("invalid UTF-8 (byte 0x%1 at byte offset %2); save the file as UTF-8")
                .arg(uint(data[at]), 2, 16, QLatin1Char('0'))
                .arg(at),
            fileName, lineOfByte(bytes, at), at};
    }
    return std::nullopt;
}

Result<SourceText> SourceText::fromUtf8(const QByteArray &bytes, const QString &fileName)
{
    if (std::optional<Error> error = validate(bytes, fileName))
        return *error;
    const bool hasBom = bytes.startsWith(bom);
    const qsizetype skip = hasBom ? 3 : 0;
    SourceText source;
    source.m_bom = hasBom;
    source.m_text = QString::fromUtf8(bytes.constData() + skip, bytes.size() - skip);
    source.indexLines();
    return source;
}

SourceText SourceText::fromText(const QString &text, bool withBom)
{
    SourceText source;
    source.m_bom = withBom;
    source.m_text = text;
    source.indexLines();
    return source;
}

void SourceText::indexLines()
{
    m_starts.clear();
    const QChar *data = m_text.constData();
    const qsizetype size = m_text.size();
    // Offsets are kept in 32 bits: files are read up to 512 MiB, editors hold less.
    Q_ASSERT(size <= qsizetype(std::numeric_limits<quint32>::max()));
    if (size == 0)
        return;
    m_starts.reserve(size / 40 + 1);
    m_starts.append(0);
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = data[i].unicode();
        if (c > u'\r' || (c != u'\n' && c != u'\r'))
            continue;
        if (c == u'\r' && i + 1 < size && data[i + 1] == u'\n')
            ++i;
        if (i + 1 < size)
            m_starts.append(quint32(i + 1));
    }
}

qsizetype SourceText::lineEnd(int line) const
{
    const qsizetype next = line < lineCount() ? qsizetype(m_starts.at(line)) : m_text.size();
    if (next > 0 && m_text.at(next - 1) == u'\n')
        return next >= 2 && m_text.at(next - 2) == u'\r' ? next - 2 : next - 1;
    if (next > 0 && m_text.at(next - 1) == u'\r')
        return next - 1;
    return next;
}

SourceText::Line SourceText::lineInfo(int line) const
{
    const qsizetype start = m_starts.at(line - 1);
    const qsizetype end = lineEnd(line);
    const qsizetype next = line < lineCount() ? qsizetype(m_starts.at(line)) : m_text.size();
    LineEnding ending = LineEnding::None;
    if (next - end == 2)
        ending = LineEnding::CrLf;
    else if (next - end == 1)
        ending = m_text.at(end) == u'\n' ? LineEnding::Lf : LineEnding::Cr;
    return Line{start, end - start, ending};
}

QStringView SourceText::lineText(int line) const
{
    if (line < 1 || line > lineCount())
        return {};
    const qsizetype start = m_starts.at(line - 1);
    return QStringView(m_text).mid(start, lineEnd(line) - start);
}

QStringView SourceText::lines(int first, int last) const
{
    if (m_starts.isEmpty() || first > last)
        return {};
    first = std::clamp(first, 1, lineCount());
    last = std::clamp(last, 1, lineCount());
    const qsizetype begin = m_starts.at(first - 1);
    const qsizetype end = last < lineCount() ? qsizetype(m_starts.at(last)) : m_text.size();
    return QStringView(m_text).mid(begin, end - begin);
}

int SourceText::lineAt(qsizetype offset) const
{
    if (m_starts.isEmpty())
        return 1;
    const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset,
        [](qsizetype value, quint32 start) { return value < qsizetype(start); });
    return int(std::max<qsizetype>(1, it - m_starts.cbegin()));
}

qsizetype SourceText::offsetAt(int line, int utf8Column) const
{
    if (line < 1 || line > lineCount())
        return line < 1 ? 0 : m_text.size();
    const QStringView text = lineText(line);
    int bytes = 1; // cmark's columns are 1-based
    qsizetype i = 0;
    while (i < text.size() && bytes < utf8Column) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size()) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3;
        }
        ++i;
    }
    return qsizetype(m_starts.at(line - 1)) + i;
}

QByteArray SourceText::toUtf8() const
{
    QByteArray out;
    out.reserve(m_text.size() + 3);
    if (m_bom)
        out.append(bom, 3);
    out.append(m_text.toUtf8());
    return out;
}

QStringView SourceText::endingText(LineEnding ending)
{
    switch (ending) {
    case LineEnding::Lf:
        return u"\n";
    case LineEnding::CrLf:
        return u"\r\n";
    case LineEnding::Cr:
        return u"\r";
    case LineEnding::None:
        break;
    }
    return {};
}

QString SourceText::lineEndingName() const
{
    bool lf = false, crlf = false, cr = false;
    const QChar *data = m_text.constData();
    const qsizetype size = m_text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] == u'\n') {
            lf = true;
        } else if (data[i] == u'\r') {
            const bool pair = i + 1 < size && data[i + 1] == u'\n';
            crlf |= pair;
            cr |= !pair;
            i += pair ? 1 : 0;
        }
    }
    const int kinds = int(lf) + int(crlf) + int(cr);
    if (kinds > 1)
        return QStringLiteral("mixed");
    if (crlf)
        return QStringLiteral("crlf");
    if (cr)
        return QStringLiteral("cr");
    return lf ? QStringLiteral("lf") : QStringLiteral("none");
}

} // namespace Countersign
