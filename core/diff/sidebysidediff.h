// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/difftext.h"
#include "diff/linediff.h"
#include "diff/worddiff.h"

#include <QFuture>
#include <QList>

#include <optional>

namespace Countersign {

// One row of a side-by-side view. Lines are 1-based; 0 means the side has no line in this row.
struct DiffRow
{
    enum class Kind {
        Context, // the same line on both sides (or equal under the diff's options)
        Changed, // a left line replaced by a similar right line; the ranges mark what differs
        Removed, // a left line with no right counterpart
        Added, // a right line with no left counterpart
    };
    Kind kind = Kind::Context;
    int leftLine = 0;
    int rightLine = 0;
    QList<TextRange> leftRanges; // Changed rows: in DiffText::lineText(leftLine - 1)
    QList<TextRange> rightRanges;
    friend bool operator==(const DiffRow &, const DiffRow &) = default;
};

// A hunk of the side-by-side view: its line ranges (as HunkRange) and its rows in order.
struct DiffHunk
{
    HunkRange range;
    QList<DiffRow> rows;
    friend bool operator==(const DiffHunk &, const DiffHunk &) = default;
};

// Lays a LineDiffResult out as aligned rows for a side-by-side view. Inside a change, each removed
// line is paired with the next added line that is similar enough (a shared start and end of at least
// half the longer line), so an inserted field does not shift every later pair; then a run of
// unpaired removed lines shares rows with the run of added lines right after it (a rewritten
// passage). Paired lines are Changed rows carrying their word-level differences (the whole lines
// when they keep no word in common), the rest Removed or Added rows. Nothing when `cancel` is
// cancelled.
class SideBySideDiff
{
public:
    enum class Words { Highlight, Skip };
    static std::optional<QList<DiffHunk>> build(const DiffText &left, const DiffText &right,
        const LineDiffResult &diff, int context, Words words = Words::Highlight,
        const std::optional<QFuture<void>> &cancel = std::nullopt);
};

} // namespace Countersign
