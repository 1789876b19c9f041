// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QSet>
#include <QString>

namespace Countersign {

// Renders markdown to an HTML fragment with cmark-gfm, as GitHub reads it (tables, strikethrough,
// autolinks, task lists), for printing and previews. Safe: no raw HTML of the input reaches the
// output. HTML comments (the sign-off block markers among them, which GitHub does not show either)
// are dropped; any other raw HTML is shown as the text it is, escaped (a block as preformatted text),
// so nothing the record says is hidden and nothing of it is interpreted. Task list boxes are the
// characters ☐ and ☑ rather than form controls, which rich-text readers such as QTextDocument lack.
// Images are their description in brackets ("[image: a diagram]"), never a reference to a file that
// a reader would load.
// Never fails: any text is some markdown. Thread-safe.
class MarkdownHtml
{
public:
    static QString render(const QString &markdown);
    // As render(), with every block that shows one of the `marked` lines (1-based) given the class
    // `markedClass`, for a style sheet to tint: paragraphs, headings, code blocks, rules, table rows and
    // cells, and the items of tight lists by their first line (a loose item's paragraphs, and its
    // nested lists, are blocks of their own). Blocks that hold others (lists, quotes, tables) are not
    // marked as a whole.
    static QString render(const QString &markdown, const QSet<int> &marked, const QString &markedClass);

private:
    static QString renderWith(const QString &markdown, int cmarkOptions);
};

} // namespace Countersign
