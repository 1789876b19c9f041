// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

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
};

} // namespace Countersign
