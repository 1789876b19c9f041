// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QtGlobal>

namespace Countersign {

// One change of an edit script: `leftCount` elements of the left sequence starting at `leftStart`
// are replaced by `rightCount` elements of the right one starting at `rightStart` (0-based; a count
// of 0 is a pure insertion or deletion, whose start is where the other side's elements go). The
// changes of a script are ordered and never overlap or touch.
struct DiffChange
{
    int leftStart = 0;
    int leftCount = 0;
    int rightStart = 0;
    int rightCount = 0;
    // Set by the line diff when the options say to ignore this change (blank lines only, with
    // ignoreBlankLines): it still belongs to the script, so a patch stays exact, but does not make
    // the texts differ.
    bool ignorable = false;

    int leftEnd() const { return leftStart + leftCount; }
    int rightEnd() const { return rightStart + rightCount; }
    friend bool operator==(const DiffChange &, const DiffChange &) = default;
};

} // namespace Countersign
