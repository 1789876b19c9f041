// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/sidebysidediff.h"

#include <QList>
#include <QString>

namespace Countersign {

// How a line of one pane differs from the other side: tinted as changed, removed (left) or added
// (right), with the differing words marked (ranges in the line's text, as WordDiff gives them).
struct LineMark
{
    int line = 0; // 1-based
    DiffRow::Kind kind = DiffRow::Kind::Changed;
    QList<TextRange> ranges;
    friend bool operator==(const LineMark &, const LineMark &) = default;
};

// A finding of the linter on a line: the line's text is underlined with a wavy line (red for an
// error, amber for a warning) and the message is its tooltip.
struct LintMark
{
    int line = 0; // 1-based
    bool error = false;
    QString message;
    friend bool operator==(const LintMark &, const LintMark &) = default;
};

} // namespace Countersign
