// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "diff/linematching.h"

#include <algorithm>

namespace Countersign {

int LineMatching::matchingLine(const QList<DiffChange> &changes, DiffSide side, int line)
{
    const bool left = side == DiffSide::Left;
    // Walk the changes in order; between them the two sides run in parallel.
    int offset = 0; // other side's index minus this side's, on the stretch before the change
    for (const DiffChange &change : changes) {
        const int start = left ? change.leftStart : change.rightStart;
        const int count = left ? change.leftCount : change.rightCount;
        const int otherStart = left ? change.rightStart : change.leftStart;
        const int otherCount = left ? change.rightCount : change.leftCount;
        if (line - 1 < start)
            break;
        if (line - 1 < start + count)
            return otherStart + std::min(line - 1 - start, std::max(otherCount - 1, 0)) + 1;
        offset = (otherStart + otherCount) - (start + count);
    }
    return std::max(1, line + offset);
}

} // namespace Countersign
