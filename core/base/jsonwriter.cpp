// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "base/jsonwriter.h"

#include <QIODevice>

namespace Countersign {

JsonWriter::JsonWriter(QByteArray *out, Style style, QIODevice *sink)
    : m_out(out)
    , m_sink(sink)
    , m_style(style)
{ }

bool JsonWriter::flush()
{
    if (!m_sink || m_out->isEmpty())
        return !m_failed;
    // After a failed write the rest is dropped: the output is broken either way.
    if (!m_failed && m_sink->write(*m_out) != m_out->size())
        m_failed = true;
    m_out->clear(); // keeps the capacity for the next chunk
    return !m_failed;
}

void JsonWriter::flushIfLarge()
{
    if (m_sink && m_out->size() > (1 << 20))
        flush();
}

void JsonWriter::newline()
{
    if (m_style == Style::Compact)
        return;
    m_out->append('\n');
    m_out->append(m_levels.size() * 2, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.isEmpty())
        return;
    Q_ASSERT(!m_levels.last().isObject);
    if (!m_levels.last().empty)
        m_out->append(',');
    m_levels.last().empty = false;
    newline();
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out->append('{');
    m_levels.append({true, true});
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out->append('[');
    m_levels.append({false, true});
}

void JsonWriter::endObject()
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject);
    const bool empty = m_levels.takeLast().empty;
    if (!empty)
        newline();
    m_out->append('}');
    if (m_levels.isEmpty())
        m_out->append('\n');
    flushIfLarge();
}

void JsonWriter::endArray()
{
    Q_ASSERT(!m_levels.isEmpty() && !m_levels.last().isObject);
    const bool empty = m_levels.takeLast().empty;
    if (!empty)
        newline();
    m_out->append(']');
    if (m_levels.isEmpty())
        m_out->append('\n');
    flushIfLarge();
}

void JsonWriter::key(QStringView name)
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject && !m_afterKey);
    if (!m_levels.last().empty)
        m_out->append(',');
    m_levels.last().empty = false;
    newline();
    writeString(name);
    m_out->append(m_style == Style::Compact ? ":" : ": ");
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    beforeValue();
    writeString(text);
}

// Escapes and encodes in one pass straight into the output: no temporary UTF-8 copy per string.
void JsonWriter::writeString(QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    const qsizetype start = m_out->size();
    m_out->resize(start + 2 + text.size() * 6); // worst case: every unit escaped as \u00XX
    char *out = m_out->data() + start;
    *out++ = '"';
    const char16_t *units = text.utf16();
    for (qsizetype i = 0, n = text.size(); i < n; ++i) {
        const char16_t c = units[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *out++ = char(c);
                continue;
            }
            *out++ = '\\';
            switch (c) {
            case u'"':
                *out++ = '"';
                break;
            case u'\\':
                *out++ = '\\';
                break;
            case u'\n':
                *out++ = 'n';
                break;
            case u'\r':
                *out++ = 'r';
                break;
            case u'\t':
                *out++ = 't';
                break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hex[c >> 4];
                *out++ = hex[c & 15];
                break;
            }
        } else if (c < 0x800) {
            *out++ = char(0xC0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(units[i + 1])) {
            const char32_t code = QChar::surrogateToUcs4(c, units[++i]);
            *out++ = char(0xF0 | (code >> 18));
            *out++ = char(0x80 | ((code >> 12) & 0x3F));
            *out++ = char(0x80 | ((code >> 6) & 0x3F));
            *out++ = char(0x80 | (code & 0x3F));
        } else {
            // A lone surrogate cannot come from decoded UTF-8; write U+FFFD rather than invalid UTF-8.
            const char16_t unit = QChar::isSurrogate(c) ? char16_t(0xFFFD) : c;
            *out++ = char(0xE0 | (unit >> 12));
            *out++ = char(0x80 | ((unit >> 6) & 0x3F));
            *out++ = char(0x80 | (unit & 0x3F));
        }
    }
    *out++ = '"';
    m_out->resize(out - m_out->constData());
}

void JsonWriter::value(qint64 number)
{
    beforeValue();
    m_out->append(QByteArray::number(number));
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    m_out->append(flag ? "true" : "false");
}

void JsonWriter::null()
{
    beforeValue();
    m_out->append("null");
}

} // namespace Countersign
