#include "jsonwriter.h"

namespace Countersign {

JsonWriter::JsonWriter(QByteArray *out)
    : m_out(out)
{ }

void JsonWriter::newline()
{
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
}

void JsonWriter::key(QStringView name)
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().isObject && !m_afterKey);
    if (!m_levels.last().empty)
        m_out->append(',');
    m_levels.last().empty = false;
    newline();
    writeString(name);
    m_out->append(": ");
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    beforeValue();
    writeString(text);
}

void JsonWriter::writeString(QStringView text)
{
    m_out->append('"');
    qsizetype plainStart = 0;
    const QByteArray utf8 = text.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out->append(utf8.constData() + plainStart, i - plainStart);
        plainStart = i + 1;
        switch (c) {
        case '"':
            m_out->append("\\\"");
            break;
        case '\\':
            m_out->append("\\\\");
            break;
        case '\n':
            m_out->append("\\n");
            break;
        case '\r':
            m_out->append("\\r");
            break;
        case '\t':
            m_out->append("\\t");
            break;
        default: {
            static const char hex[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            m_out->append(escaped, 6);
            break;
        }
        }
    }
    m_out->append(utf8.constData() + plainStart, utf8.size() - plainStart);
    m_out->append('"');
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
