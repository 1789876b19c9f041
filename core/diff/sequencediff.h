// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/diffchange.h"

#include <QFuture>
#include <QList>

#include <optional>
#include <span>

namespace Countersign {

// The difference engine under the line and word diffs: Myers' O(ND) algorithm in linear space
// (divide and conquer on the middle snake) over sequences of interned ids, equal ids meaning equal
// elements.
//
// Before the search, elements that the other side lacks altogether are set aside as changed (they
// cannot be common), and in Fast mode so are elements with many matches that sit among such
// unmatched ones; this keeps ordinary edits of long files near linear. Fast mode also bounds the
// search: once a split costs more than about sqrt(N) steps, the engine cuts at the furthest-reaching
// path (or at a long run of matches) instead of insisting on the minimum. Inputs made of a handful of
// repeated lines therefore stay near O(N sqrt N) instead of O(N^2), at the price of an edit script
// that can be a little longer than the shortest; it is always a valid script. Minimal mode finds a
// shortest script, for short inputs such as the words of a line.
//
// Changes are then slid along runs of equal elements to one canonical place (as low as they go),
// so that equivalent scripts print alike.
class SequenceDiff
{
public:
    enum class Mode { Fast, Minimal };

    // Every id in `left` and `right` must be below `idCount`. Returns the edit script, or nothing
    // when `cancel` was cancelled while the engine ran.
    static std::optional<QList<DiffChange>> diff(std::span<const quint32> left,
        std::span<const quint32> right, quint32 idCount, Mode mode = Mode::Fast,
        const std::optional<QFuture<void>> &cancel = std::nullopt);
};

} // namespace Countersign
