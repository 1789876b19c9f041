// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "record/document.h"

#include <QByteArray>
#include <QString>

namespace Countersign {

// Builds a Document from markdown text with cmark-gfm (GitHub's parser, with the table, strikethrough,
// autolink and task-list extensions and source positions), so a record reads exactly as GitHub
// renders it. Parsing never fails: any text is some markdown. The document keeps the source text
// unchanged; every element refers to it by line. Lists and quotes nested more than 64 deep stay in the
// text but not in the model. Thread-safe: parsers share no state.
class MarkdownParser
{
public:
    static Document parse(const SourceText &source, const QString &fileName = {});
    // The same, for a caller that still holds the UTF-8 bytes the source was decoded from (with or
    // without the byte-order mark), which saves encoding the text again.
    static Document parse(const SourceText &source, const QByteArray &utf8, const QString &fileName = {});
};

} // namespace Countersign
