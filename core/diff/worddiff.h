// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QStringView>

namespace Countersign {

// A span of a line's text, in UTF-16 code units (QString indexes).
struct TextRange
{
    int start = 0;
    int length = 0;
    int end() const { return start + length; }
    friend bool operator==(const TextRange &, const TextRange &) = default;
};

// The parts of two paired lines that differ, in ascending order, adjacent parts merged.
struct WordDiffResult
{
    QList<TextRange> left;
    QList<TextRange> right;
    friend bool operator==(const WordDiffResult &, const WordDiffResult &) = default;
};

// The word-level diff inside a changed line: both lines are cut into tokens (runs of letters, digits
// and underscores; runs of whitespace; any other single character), the tokens diffed with
// SequenceDiff, and where one token stands against one other token of the same kind, only the
// characters between their common start and end are marked. So `7e48...b922` -> `7e48...b923` marks
// one character, and `v0.4.0` -> `v0.5.0` marks the `4` and the `5`.
class WordDiff
{
public:
    static WordDiffResult compare(QStringView left, QStringView right);
    static QList<TextRange> tokenize(QStringView text);

private:
    static void tokenizeInto(QStringView text, QList<TextRange> &tokens);
    static void diffTokens(QStringView left, const QList<TextRange> &leftTokens, QStringView right,
        const QList<TextRange> &rightTokens, WordDiffResult &out);
};

} // namespace Countersign
