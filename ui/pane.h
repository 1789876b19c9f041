// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <array>

namespace Countersign {

// The two panes of the window: the producer's record on the left, the consumer's on the right. Code
// that works on one pane names it with this instead of an index, and finds the other with other().
enum class Pane { Left, Right };

constexpr Pane other(Pane pane)
{
    return pane == Pane::Left ? Pane::Right : Pane::Left;
}

// Both panes, left first: `for (Pane pane : bothPanes)`.
inline constexpr std::array<Pane, 2> bothPanes{Pane::Left, Pane::Right};

} // namespace Countersign
