// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/difftext.h"
#include "diff/sidebysidediff.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>

namespace Countersign {

// Renders side-by-side hunks as one self-contained HTML page (inline CSS, no scripts, no external
// resources): line numbers and text of both sides, changed rows with their word-level differences
// marked, removed and added lines shaded, a summary line on top. Safe for any text: everything is
// escaped.
class HtmlDiff
{
public:
    // Returns false when writing to `out` fails.
    static bool write(QIODevice *out, const DiffText &left, const DiffText &right,
        const QList<DiffHunk> &hunks, const QString &leftName, const QString &rightName);
    static QByteArray toByteArray(const DiffText &left, const DiffText &right, const QList<DiffHunk> &hunks,
        const QString &leftName, const QString &rightName);
};

} // namespace Countersign
