// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QColor>

#include <algorithm>
#include <cmath>

// WCAG 2's measure of how readable text is on a background, for the tests of the window's colours.
namespace TestSupport {

// The relative luminance of an opaque colour.
inline double luminance(const QColor &color)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
        0.0722 * channel(color.blueF());
}

// The contrast ratio of two opaque colours: 1 (none) to 21 (black on white). Text needs 4.5 (AA).
inline double contrast(const QColor &a, const QColor &b)
{
    const double first = luminance(a);
    const double second = luminance(b);
    return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

} // namespace TestSupport
