// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "record/document.h"

#include <QByteArray>
#include <QString>

namespace Countersign {

// Builds a Document from markdown text with cmark-gfm (GitHub's parser, with the table, strikethrough,
// autolink and task-list extensions and source positions), so a record reads exactly as GitHub
// renders it. Any text is some markdown, but not every shape is read: cmark's memory for the tree is
// bounded by budget() (a million one-word list items, a table of thousands of columns exceed it), and
// such a document, or one the system refuses memory for, keeps its text with an empty model and
// Document::structureError saying why. A large document is parsed in pieces, cut before headings
// where the result is the same as for the whole, so that cmark's tree holds one piece at a time. The document
// keeps the source text unchanged; every element refers to it by line. Lists and quotes nested more than 64
// deep stay in the text but not in the model. Thread-safe: parsers share no state.
class MarkdownParser
{
public:
    // The most a parse of `size` bytes of markdown may hold, line table, model and cmark's tree of
    // the piece being read together: budgetPerByte times the size plus budgetBase.
    static constexpr qsizetype budgetPerByte = 12;
    static constexpr qsizetype budgetBase = 16 * 1024 * 1024;
    static constexpr qsizetype budget(qsizetype size) { return budgetPerByte * size + budgetBase; }

    static Document parse(const SourceText &source, const QString &fileName = {});
    // The same, for a caller that still holds the UTF-8 bytes the source was decoded from (with or
    // without the byte-order mark), which saves encoding the text again.
    static Document parse(const SourceText &source, const QByteArray &utf8, const QString &fileName = {},
        qsizetype pieceSize = defaultPieceSize);
    // Pieces are at least this long: a document under twice the size is parsed whole.
    static constexpr qsizetype defaultPieceSize = 256 * 1024;

    // The record at `path`, read with DocumentLoader::readFile() and parsed; an Error names the file.
    static Result<Document> parseFile(const QString &path);
    // The first `maxBytes` of the file, up to its last whole line, parsed: enough to tell its title,
    // kind and header without reading a large file. The whole file when it is no larger.
    static Result<Document> parseFileHead(const QString &path, qint64 maxBytes);
};

} // namespace Countersign
