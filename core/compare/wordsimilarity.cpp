// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/wordsimilarity.h"

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
    const QString simple = text.toString().simplified();
    for (const QStringView token : QStringView(simple).tokenize(u' ', Qt::SkipEmptyParts)) {
        qsizetype begin = 0;
        qsizetype end = token.size();
        while (begin < end && !token.at(begin).isLetterOrNumber())
            ++begin;
        while (end > begin && !token.at(end - 1).isLetterOrNumber())
            --end;
        if (begin == end)
            continue;
        QString word = token.mid(begin, end - begin).toString().toCaseFolded();
        if (stopWords.contains(word))
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
