// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "editing/textbuffer.h"

#include <vector>

namespace Countersign {

// Where the editor folds lines too long to lay out whole (a pasted image in base64, a minified blob).
// A line longer than `foldLength` UTF-16 code units is shown as pieces of `foldLength` units, the last
// one shorter, each on rows of its own below the one before, with a marker in the gutter; a piece
// never starts inside a surrogate pair or on a combining mark (it then starts a few units later).
// Every other line is one piece. The editor lays out, paints and moves through pieces, so a line of
// any length costs what a line of `foldLength` does, and no row is wider than that. Folding is only
// how the text is shown: the text itself is never changed.
//
// The view counts pieces: visual line `v` is piece `index` of line `line`, visual lines numbered from
// 0 over the whole text. Only folded lines are listed (a text has few), so each mapping is a binary
// search among them and an edit costs a step for each folded line. Reads the TextBuffer it is given,
// which must outlive it; reset() after a new text and linesChanged() after each edit keep it in step.
// Lines and visual lines must be within the text.
class LineFolds
{
public:
    static constexpr int foldLength = 10000;

    struct Piece
    {
        int line = 0;
        int index = 0;
        friend bool operator==(const Piece &, const Piece &) = default;
    };

    explicit LineFolds(const TextBuffer &buffer);

    // Folds the text anew.
    void reset();
    void linesChanged(const LineChange &change);

    int visualLineCount() const { return m_lineCount + m_extra; }
    bool isFolded(int line) const { return m_buffer.lineLength(line) > foldLength; }
    int pieceCount(int line) const;
    // The visual line of the first piece of `line`; lineCount() gives visualLineCount().
    int visualLine(int line) const;
    // The visual line that shows `position`: the piece that holds its column (a column where a piece
    // starts is in that piece; the end of the line is in its last piece).
    int visualLine(TextPosition position) const;
    Piece pieceAt(int visualLine) const;
    // The columns of a piece: from its start up to, not including, its end.
    int pieceStart(int line, int index) const;
    int pieceEnd(int line, int index) const;

private:
    struct Fold
    {
        int line;
        int pieces;
        int extraBefore; // the pieces beyond the first of the folded lines before this one
    };
    Fold foldOf(int line) const;
    void sumExtras();

    const TextBuffer &m_buffer;
    std::vector<Fold> m_folds; // by line
    int m_lineCount = 1;
    int m_extra = 0; // the pieces beyond the first of all folded lines
};

} // namespace Countersign
