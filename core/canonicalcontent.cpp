#include "canonicalcontent.h"

#include <QCryptographicHash>
#include <QList>

namespace Countersign {

namespace {

QList<QStringView> splitLines(QStringView text)
{
    QList<QStringView> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'\n' && text[i] != u'\r')
            continue;
        lines.append(text.mid(start, i - start));
        if (text[i] == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
            ++i;
        start = i + 1;
    }
    if (start < text.size())
        lines.append(text.mid(start));
    return lines;
}

QStringView withoutTrailingBlanks(QStringView line)
{
    qsizetype end = line.size();
    while (end > 0 && (line[end - 1] == u' ' || line[end - 1] == u'\t'))
        --end;
    return line.left(end);
}

} // namespace

QString CanonicalContent::canonicalText(QStringView text)
{
    if (text.startsWith(QChar(0xFEFF)))
        text = text.mid(1);
    const QList<QStringView> lines = splitLines(text);

    // Lines inside complete sign-off blocks are left out.
    QList<bool> excluded(lines.size(), false);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed() != signOffBeginMarker)
            continue;
        qsizetype end = i + 1;
        while (end < lines.size() && lines[end].trimmed() != signOffEndMarker)
            ++end;
        if (end == lines.size())
            break; // unterminated: content like any other
        for (qsizetype k = i; k <= end; ++k)
            excluded[k] = true;
        i = end;
    }

    QString out;
    out.reserve(text.size());
    qsizetype keptLength = 0; // length of `out` up to its last non-blank line
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (excluded[i])
            continue;
        const QStringView line = withoutTrailingBlanks(lines[i]);
        out += line;
        out += u'\n';
        if (!line.isEmpty())
            keptLength = out.size();
    }
    out.truncate(keptLength);
    return out;
}

QString CanonicalContent::digest(QStringView text)
{
    const QByteArray bytes = canonicalText(text).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace Countersign
