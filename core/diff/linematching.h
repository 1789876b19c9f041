// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/diffchange.h"

#include <QList>

namespace Countersign {

// Which text of a two-way diff a line belongs to.
enum class DiffSide { Left, Right };

// Line arithmetic over a diff's edit script: which line of one side stands level with a line of the
// other, so that two panes can scroll in step. Pure functions; lines are 1-based, as editors and the
// diff's marks count them.
class LineMatching
{
public:
    // The line of the other side that matches `line` of `side`: the same line where the two sides are
    // equal (shifted by what the changes before it added or removed), the corresponding line inside a
    // change, or the other side's last line of a change that is shorter there (its start, when the
    // other side has no lines in the change). Never less than 1.
    static int matchingLine(const QList<DiffChange> &changes, DiffSide side, int line);
};

} // namespace Countersign
