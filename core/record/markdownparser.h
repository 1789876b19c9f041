// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "record/document.h"

#include <QByteArray>
#include <QString>

namespace Countersign {

// Builds a Document from markdown text with cmark-gfm (GitHub's parser, with the table, strikethrough,
// autolink and task-list extensions and source positions), so a record reads exactly as GitHub
// renders it. Any text is some markdown, but not every shape is read: cmark's memory for the tree is
// bounded by budget() (a million one-word list items, a table of thousands of columns exceed it), and
// such a document, or one the system refuses memory for, keeps its text with an empty model and
// Document::structureError saying why. The document keeps the source text unchanged; every element
// refers to it by line. Lists and quotes nested more than 64 deep stay in the text but not in the
// model. Thread-safe: parsers share no state.
class MarkdownParser
{
public:
    // The most cmark may hold while parsing `size` bytes of markdown: budgetPerByte times the size
    // plus budgetBase. The model built from the tree is smaller than the tree.
    static constexpr qsizetype budgetPerByte = 24;
    static constexpr qsizetype budgetBase = 16 * 1024 * 1024;
    static constexpr qsizetype budget(qsizetype size) { return budgetPerByte * size + budgetBase; }

    static Document parse(const SourceText &source, const QString &fileName = {});
    // The same, for a caller that still holds the UTF-8 bytes the source was decoded from (with or
    // without the byte-order mark), which saves encoding the text again.
    static Document parse(const SourceText &source, const QByteArray &utf8, const QString &fileName = {});
};

} // namespace Countersign
