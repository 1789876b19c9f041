// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>
#include <QStringView>

namespace Countersign {

// How alike two short texts (headings, list items) are by the words they share, for matching what
// was renamed or reworded between two records, and for telling whether a text mentions something.
class WordSimilarity
{
public:
    // The similarity (Dice coefficient over significant words) at which two headings or items are
    // taken for the same one.
    static constexpr double threshold = 0.6;

    // Lower-cased words of a text without punctuation at their ends, stop words ("the", "of", ...)
    // and plural "s", each once.
    static QStringList significantWords(QStringView text);
    // 0 (nothing shared) to 1 (the same significant words).
    static double similarity(QStringView a, QStringView b);
    static double similarity(const QStringList &wordsA, const QStringList &wordsB);
};

} // namespace Countersign
