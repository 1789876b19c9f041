// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/diffchange.h"
#include "diff/difftext.h"

#include <QFuture>
#include <QList>

#include <optional>

namespace Countersign {

// What two lines may differ in and still count as equal.
struct DiffOptions
{
    enum class Whitespace {
        Exact, // every byte counts
        IgnoreChanges, // runs of spaces, tabs and CRs count as one space; trailing ones and the line end
                       // don't count
        IgnoreAll, // spaces, tabs and CRs don't count at all
    };
    Whitespace whitespace = Whitespace::Exact;
    bool ignoreBlankLines = false; // changes that only add or remove blank lines don't count
    bool ignoreCase = false;

    friend bool operator==(const DiffOptions &, const DiffOptions &) = default;
};

// A hunk: the lines a group of nearby changes spans, with their context (0-based, counts may be 0),
// and the changes of LineDiffResult::changes it holds.
struct HunkRange
{
    int leftStart = 0;
    int leftCount = 0;
    int rightStart = 0;
    int rightCount = 0;
    int firstChange = 0;
    int changeCount = 0;
    friend bool operator==(const HunkRange &, const HunkRange &) = default;
};

// The edit script turning one text into the other, line by line. Line indexes are 0-based.
struct LineDiffResult
{
    QList<DiffChange> changes;
    int leftLineCount = 0;
    int rightLineCount = 0;
    bool cancelled = false; // the diff was abandoned; `changes` is empty

    // True when no change counts under the options the diff ran with.
    bool isIdentical() const
    {
        return std::none_of(
            changes.cbegin(), changes.cend(), [](const DiffChange &change) { return !change.ignorable; });
    }
    // The changes grouped into hunks with `context` lines around them (a negative context: one
    // hunk over the whole texts). Changes closer than twice the context share a hunk; a group made
    // only of ignorable changes is left out, and context never reaches into another change.
    QList<HunkRange> hunks(int context) const;
    friend bool operator==(const LineDiffResult &, const LineDiffResult &) = default;
};

// The line diff: lines are compared by content under DiffOptions, interned to integers (a hash
// table sized to the lines, with the bytes compared on every hash hit), the common head and tail set
// aside, and the rest handed to SequenceDiff. Cancellable through `cancel`, checked as the engine
// runs: a cancelled diff returns with `cancelled` set.
class LineDiff
{
public:
    static LineDiffResult compute(const DiffText &left, const DiffText &right,
        const DiffOptions &options = {}, const std::optional<QFuture<void>> &cancel = std::nullopt);
    // True when the line is empty or only spaces, tabs and CRs: what ignoreBlankLines ignores.
    static bool isBlank(QByteArrayView line);
};

} // namespace Countersign
