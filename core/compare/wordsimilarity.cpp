// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/wordsimilarity.h"

#include <algorithm>

namespace Countersign {

QStringList WordSimilarity::significantWords(QStringView text)
{
    static const QStringList stopWords = {QStringLiteral("a"), QStringLiteral("an"), QStringLiteral("and"),
        QStringLiteral("are"), QStringLiteral("as"), QStringLiteral("at"), QStringLiteral("be"),
        QStringLiteral("by"), QStringLiteral("for"), QStringLiteral("from"), QStringLiteral("in"),
        QStringLiteral("is"), QStringLiteral("it"), QStringLiteral("of"), QStringLiteral("on"),
        QStringLiteral("or"), QStringLiteral("the"), QStringLiteral("to"), QStringLiteral("with"),
        QStringLiteral("after"), QStringLiteral("before"), QStringLiteral("during"), QStringLiteral("up")};
    QStringList words;
    // The words are the runs between white space (what simplified() and a split on ' ' gave), each
    // without the punctuation around it. Every stop word is at most six letters long.
    for (qsizetype at = 0, size = text.size(); at < size;) {
        while (at < size && text[at].isSpace())
            ++at;
        qsizetype begin = at;
        while (at < size && !text[at].isSpace())
            ++at;
        qsizetype end = at;
        while (begin < end && !text[begin].isLetterOrNumber())
            ++begin;
        while (end > begin && !text[end - 1].isLetterOrNumber())
            --end;
        if (begin == end)
            continue;
        const QStringView token = text.sliced(begin, end - begin);
        QString word;
        if (std::all_of(token.begin(), token.end(), [](QChar c) { return c.unicode() < 0x80; })) {
            // ASCII (most words of a record) folds by itself, without Unicode's tables.
            word.resize(token.size());
            QChar *out = word.data();
            for (const QChar c : token)
                *out++ = (c >= u'A' && c <= u'Z') ? QChar(c.unicode() + (u'a' - u'A')) : c;
        } else {
            word = token.toString().toCaseFolded();
        }
        if (word.size() <= 6 && stopWords.contains(word))
            continue;
        if (word.size() > 3 && word.endsWith(u's') && !word.endsWith(QStringLiteral("ss")))
            word.chop(1);
        if (!words.contains(word))
            words.append(word);
    }
    return words;
}

double WordSimilarity::similarity(QStringView a, QStringView b)
{
    return similarity(significantWords(a), significantWords(b));
}

double WordSimilarity::similarity(const QStringList &wordsA, const QStringList &wordsB)
{
    if (wordsA.isEmpty() || wordsB.isEmpty())
        return 0;
    qsizetype shared = 0;
    for (const QString &word : wordsA) {
        if (wordsB.contains(word))
            ++shared;
    }
    return 2.0 * double(shared) / double(wordsA.size() + wordsB.size());
}

} // namespace Countersign
