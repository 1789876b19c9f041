// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/error.h"

#include <QString>

#include <optional>

namespace Countersign {

// A printable handout of a finalized record (FinalizedRecord::build's markdown: the record, its
// Sign-off table and digest footer, and the NOT FINAL banner of an export with open sign-offs): the
// markdown rendered by MarkdownHtml into a QTextDocument with a print stylesheet, laid out on A4
// pages, each page with a footer naming the record's file, "page N of M" and the content digest. The
// NOT FINAL banner is drawn as a red box, and every page of such a handout says NOT FINAL in its
// footer, so that no page can pass for final on its own. Any GFM table is drawn across the page with
// borders, columns as wide as what they hold needs (no word broken unless the longest words alone
// are wider than the page), and a shaded header row that repeats on each page a long table runs onto.
// No heading ends a page, and a table that fits on a page starts on a new one rather than being
// split.
//
// Needs a QGuiApplication (fonts); no widget and no display (the offscreen platform will do).
class PdfHandout
{
public:
    // Writes the handout of `finalized` to `output` atomically (QSaveFile: the complete PDF or no
    // change). `recordFileName` is the exported record, named in the page footers. The Error names
    // `output` and why it could not be written.
    [[nodiscard]] static std::optional<Error> write(
        const QString &output, const QString &finalized, const QString &recordFileName);
};

} // namespace Countersign
