// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QColor>

// The colours of differences, the same in the panes and in the findings panel. All are translucent:
// laid over a light or a dark base they tint it and leave its text readable (tst_findingsmodel
// checks the contrast of the blocking rows' text).
namespace Countersign::DiffColors {

// What only the left side says: a changed line, and stronger, its words that differ.
inline constexpr QColor leftLine(248, 81, 73, 45);
inline constexpr QColor leftWords(248, 81, 73, 130);
// What only the right side says.
inline constexpr QColor rightLine(46, 160, 67, 45);
inline constexpr QColor rightWords(46, 160, 67, 130);
// The whole row of a blocking finding.
inline constexpr QColor blockingRow(209, 36, 47, 56);

} // namespace Countersign::DiffColors
