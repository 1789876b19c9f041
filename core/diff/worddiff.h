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
//
// What two lines share at their start and end is never diffed. Where what lies between (on either
// side) is longer than maxComparedLength, it is marked whole instead of diffed word by word: the
// diff of words can cost the product of their numbers, and such lines are blobs (a pasted image in
// base64, minified data), not sentences. So any two lines are compared in time linear in their length.
class WordDiff
{
public:
    static constexpr qsizetype maxComparedLength = 10000;

    static WordDiffResult compare(QStringView left, QStringView right);
    static QList<TextRange> tokenize(QStringView text);

private:
    static void tokenizeInto(QStringView text, QList<TextRange> &tokens);
    static void diffTokens(QStringView left, const QList<TextRange> &leftTokens, QStringView right,
        const QList<TextRange> &rightTokens, WordDiffResult &out);
};

} // namespace Countersign
