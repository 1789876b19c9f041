// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/textkeys.h"

namespace Countersign::TextKeys {

Qualified splitQualifiers(QStringView text)
{
    Qualified result;
    QStringView rest = text.trimmed();
    while (rest.endsWith(u')')) {
        // Find the matching opening parenthesis of the trailing group.
        int depth = 0;
        qsizetype open = -1;
        for (qsizetype i = rest.size() - 1; i >= 0; --i) {
            if (rest[i] == u')')
                ++depth;
            else if (rest[i] == u'(' && --depth == 0) {
                open = i;
                break;
            }
        }
        if (open <= 0)
            break;
        result.qualifiers.prepend(rest.mid(open + 1, rest.size() - open - 2).trimmed().toString());
        rest = rest.left(open).trimmed();
    }
    result.base = rest.toString();
    return result;
}

QString normalizedKey(QStringView text)
{
    const QString base = splitQualifiers(text).base;
    QString key;
    key.reserve(base.size());
    bool pendingSpace = false;
    for (const QChar c : base) {
        if (c.isLetterOrNumber()) {
            if (pendingSpace && !key.isEmpty())
                key += u' ';
            pendingSpace = false;
            key += c.toLower();
        } else if (c == u'\'' || c == u'\u2019') {
            // "Producer's" and "Producers" should meet.
        } else {
            pendingSpace = true;
        }
    }
    return key;
}

StatusToken statusToken(QStringView boldText)
{
    StatusToken token;
    token.text = boldText.trimmed().toString();
    const Qualified qualified = splitQualifiers(token.text);
    token.word = qualified.base;
    token.qualifier = qualified.qualifiers.join(u"; ");
    return token;
}

QStringList knownStatusWords()
{
    return {QStringLiteral("GO"), QStringLiteral("NO-GO"), QStringLiteral("PASS"), QStringLiteral("WARN"),
        QStringLiteral("FAIL"), QStringLiteral("SKIP"), QStringLiteral("N/A"), QStringLiteral("Open"),
        QStringLiteral("Closed"), QStringLiteral("Complete"), QStringLiteral("Completed"),
        QStringLiteral("Active"), QStringLiteral("Pending"), QStringLiteral("Blocked"),
        QStringLiteral("In Progress"), QStringLiteral("Done"), QStringLiteral("Approved"),
        QStringLiteral("Rejected"), QStringLiteral("Accepted"), QStringLiteral("Mitigated"),
        QStringLiteral("Needs Action"), QStringLiteral("Not Started"), QStringLiteral("Deferred"),
        QStringLiteral("Cancelled"), QStringLiteral("Superseded"), QStringLiteral("Withdrawn"),
        QStringLiteral("Planned")};
}

bool isKnownStatusWord(QStringView word)
{
    static const QStringList known = knownStatusWords();
    const QStringView trimmed = word.trimmed();
    for (const QString &candidate : known) {
        if (trimmed.compare(candidate, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace Countersign::TextKeys
