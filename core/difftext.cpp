#include "difftext.h"

#include <cstring>

namespace Countersign {

DiffText::DiffText(QByteArray bytes)
    : m_bytes(std::move(bytes))
{
    const char *data = m_bytes.constData();
    const qsizetype size = m_bytes.size();
    m_starts.reserve(size_t(size / 32 + 2));
    qsizetype at = 0;
    while (at < size) {
        const void *newline = std::memchr(data + at, '\n', size_t(size - at));
        at = newline ? static_cast<const char *>(newline) - data + 1 : size;
        m_starts.push_back(at);
    }
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
