// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace Countersign {

// The exact text of one document: decoded from strict UTF-8, with an optional byte-order mark
// remembered, and a table of its lines. Lines end in LF, CRLF or a lone CR, the same three endings
// CommonMark (and so cmark-gfm's source positions) counts. toUtf8() gives back the bytes fromUtf8()
// was given, byte for byte: the model built over this text never rewrites what it does not edit.
class SourceText
{
public:
    enum class LineEnding : quint8 { None, Lf, CrLf, Cr };

    struct Line
    {
        qsizetype start = 0; // offset of the line's first character in text()
        qsizetype length = 0; // without the line ending
        LineEnding ending = LineEnding::None;
        friend bool operator==(const Line &, const Line &) = default;
    };

    SourceText() = default;

    // Decodes `bytes`. Fails with Error::Binary when they contain a NUL byte and Error::InvalidUtf8
    // (with the line and byte offset of the first bad byte) when they are not valid UTF-8; `fileName`
    // only goes into the error.
    static Result<SourceText> fromUtf8(const QByteArray &bytes, const QString &fileName = {});
    // The check fromUtf8() makes, without decoding: the Error it would fail with, if any.
    static std::optional<Error> validate(const QByteArray &bytes, const QString &fileName = {});
    // Wraps text that is already decoded (an editor's buffer, say).
    static SourceText fromText(const QString &text, bool withBom = false);

    const QString &text() const { return m_text; }
    bool hasBom() const { return m_bom; }
    int lineCount() const { return int(m_starts.size()); }

    // 1-based line access; line must be within 1..lineCount().
    Line lineInfo(int line) const;
    // The text of a 1-based line without its ending; empty for a line outside 1..lineCount().
    QStringView lineText(int line) const;
    // Lines first..last with their line endings, as they stand in the text.
    QStringView lines(int first, int last) const;
    // The 1-based line holding text offset `offset` (the last line for offsets at the end).
    int lineAt(qsizetype offset) const;
    // Converts cmark's 1-based byte column on `line` into an offset in text().
    qsizetype offsetAt(int line, int utf8Column) const;

    // The encoded document: the byte-order mark if there was one, then the text as UTF-8.
    QByteArray toUtf8() const;
    // "lf", "crlf", "cr", "mixed", or "none" for a single unterminated line.
    QString lineEndingName() const;
    // The characters of a line ending: "\n", "\r\n", "\r", or nothing for None.
    static QStringView endingText(LineEnding ending);

    friend bool operator==(const SourceText &, const SourceText &) = default;

private:
    void indexLines();
    // Where a 1-based line's text ends, before its line ending.
    qsizetype lineEnd(int line) const;

    QString m_text;
    // The offset of each line's first character: four bytes a line, so that a file of blank lines
    // costs no more than four times its size. Lengths and endings are read from the text.
    QList<quint32> m_starts;
    bool m_bom = false;
};

} // namespace Countersign
