// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/difftext.h"
#include "diff/linediff.h"

#include <QByteArray>
#include <QIODevice>

namespace Countersign {

// Writes a LineDiffResult in the unified format of `diff -u`, which GNU patch applies: `---`/`+++`
// headers, `@@ -l,s +l,s @@` hunks, and "\ No newline at end of file" after a last line without
// one. Without ignore options, applying the output to the left text reproduces the right text byte
// for byte (CRs and all). Context lines are printed from the left text, as GNU diff does, so under
// ignore options the patch keeps the left side's version of lines that only differ in what is
// ignored. Nothing is written for identical texts.
class UnifiedDiff
{
public:
    struct Header
    {
        QString leftLabel; // "--- " line: file name, usually followed by a tab and a timestamp
        QString rightLabel;
    };

    // Returns false when writing to `out` fails.
    static bool write(QIODevice *out, const DiffText &left, const DiffText &right, const LineDiffResult &diff,
        int context, const Header &header);
    static QByteArray toByteArray(const DiffText &left, const DiffText &right, const LineDiffResult &diff,
        int context, const Header &header);
};

} // namespace Countersign
