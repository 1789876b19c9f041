// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "editing/textbuffer.h"
#include "linefolds.h"
#include "rowindex.h"
#include "textmarks.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QTextLayout>
#include <QTextOption>

#include <functional>
#include <memory>
#include <unordered_map>
#include <utility>

namespace Countersign {

// The laid-out lines of a TextView, and where they stand. The view shows visual lines: each line of
// the text, except that a line too long to lay out whole is folded into pieces (LineFolds), each a
// visual line of its own. There is one QTextLayout per visual line in or near the view, its formats
// being the line's highlighting and the diff's word tints (a folded line is not highlighted, and its
// tints are cut to each piece). Visual lines are laid out on demand (layout()) and dropped when what
// they depend on changes: the text from an edited line on (linesChanged()), the font, wrapping, the
// wrap width, a line's word marks. The highlighting of a line is kept with it and asked of the
// highlight function (a page either side at once) only for lines not seen since they were dropped;
// without a function lines are laid out plain.
//
// The rows of every visual line are kept too (RowIndex), for the vertical scroll bar, which counts
// rows: one each without wrapping; with wrapping, exact for lines laid out or measured and otherwise
// estimated from their length and the font's average character width.
//
// The number of layouts stays bounded whatever the text's size: once more than a few pages, or more
// than about a hundred folded pieces' worth of characters, are laid out, those far from the view's
// first visual line (setView()) are dropped. A pointer from layout() is valid until the next call that
// lays out or drops lines. Reads the TextBuffer it is given, which must outlive it; reset() after a
// new text and linesChanged() after each edit keep it in step. Lines and visual lines are 0-based and
// must be within the text.
class LayoutCache
{
public:
    using Formats = QList<QTextLayout::FormatRange>;
    // The highlighting of lines first..last (inclusive, within the text), one list per line. The
    // function may drop lines (clear()) before it returns, as a theme set on first use does.
    using Highlight = std::function<QList<Formats>(int first, int last)>;

    explicit LayoutCache(const TextBuffer &buffer);
    ~LayoutCache();
    LayoutCache(const LayoutCache &) = delete;
    LayoutCache &operator=(const LayoutCache &) = delete;

    void setHighlight(Highlight highlight);
    void setFont(const QFont &font);
    const QFont &font() const { return m_font; }
    // The height of one row of text: the font's line spacing.
    int rowHeight() const { return m_rowHeight; }
    void setWrap(bool wrap);
    bool wrap() const { return m_wrap; }
    // The width wrapped lines take; without wrapping, lines are laid out on one row each.
    void setWrapWidth(int width);
    int wrapWidth() const { return m_wrapWidth; }
    // Where the view is (its first visual line): layouts far from it are the ones dropped, and a line
    // laid out is highlighted with `rows` lines either side (views walk lines up as well as down).
    void setView(int firstVisualLine, int rows);
    // The diff's marks by 0-based line, whose word ranges are tinted: only lines whose ranges
    // changed are laid out again (a keystroke changes a few).
    void setWordMarks(const QHash<int, LineMark> &marks);
    // What text is drawn on: the base (with the text's own colour, the theme's), and the tints of a
    // changed line and of its differing words over it. Every colour of a line's text is made to read
    // at 4.5:1 (WCAG AA) on the strongest of what is under it (Appearance::readable): the base, or on
    // a changed line its word tint over its line tint. A change lays every line out again.
    void setColors(const QColor &base, const QColor &text);
    void setTints(const QColor &lineTint, const QColor &wordTint);

    // A new text: folds it, estimates its rows, forgets every layout and all highlighting.
    void reset();
    // The text changed as `change` says: the changed lines are folded and their rows estimated again,
    // and the layouts and highlighting from the first changed line on are forgotten.
    void linesChanged(const LineChange &change);

    const LineFolds &folds() const { return m_folds; }
    int visualLineCount() const { return m_folds.visualLineCount(); }
    // The visual line that shows `position`, and where its piece starts in the line.
    int visualLine(TextPosition position) const { return m_folds.visualLine(position); }
    int pieceStart(int visualLine) const;
    // The position at `column` of visual line `visualLine` (a column of its layout).
    TextPosition position(int visualLine, int column) const;

    // The rows of every visual line, and where they start.
    const RowIndex &rows() const { return m_rows; }
    // The rows of `visualLine`, exact: laid out or measured (see lineHeight()) if they were not.
    int exactRows(int visualLine) { return qRound(lineHeight(visualLine) / m_rowHeight); }
    // Whether the rows of some visual line changed since the last call (the scroll range follows).
    bool takeRowsChanged() { return std::exchange(m_rowsChanged, false); }
    // The width of the widest row laid out without wrapping since the text, font or wrapping last
    // changed.
    qreal widestRow() const { return m_widest; }

    QTextOption textOption() const;
    QTextLayout *layout(int visualLine);
    // The height of `visualLine`: its layout's, or measured without laying it out for good.
    qreal lineHeight(int visualLine);
    // The highlighting of `line` as it is laid out (highlighting it if needed; none when folded).
    Formats lineFormats(int line);
    // Highlights the lines first..last not highlighted yet, in one go.
    void prepareLines(int first, int last);
    // Forgets the layouts and highlighting of lines from `line` on.
    void dropFrom(int line);
    void clear() { dropFrom(0); }
    int layoutCount() const { return int(m_layouts.size()); }

private:
    // The rows lines first..end-1 would take, estimated from their lengths, one per visual line.
    std::vector<int> estimatedRows(int first, int end) const;
    int estimatedRows(int length) const;
    // Estimates every visual line's rows again (the font, wrapping or the wrap width changed).
    void estimateAll();
    void dropLayouts(const std::function<bool(int visualLine)> &drop);
    void recordRows(int visualLine, int rows);

    const TextBuffer &m_buffer;
    LineFolds m_folds;
    RowIndex m_rows;
    Highlight m_highlight;
    QFont m_font;
    int m_rowHeight = 1;
    qreal m_charWidth = 1; // the font's average character width, for estimates
    int m_tabStop = 0;
    bool m_wrap = true;
    int m_wrapWidth = 40;
    int m_firstVisualLine = 0;
    int m_viewRows = 1;
    QHash<int, LineMark> m_marks;
    // The colour `color` is drawn in on `under`.
    QColor readable(const QColor &color, const QColor &under);
    void dropAllLayouts();

    QColor m_base;
    QColor m_text;
    QColor m_lineTint;
    QColor m_wordTint;
    QHash<std::pair<QRgb, QRgb>, QRgb> m_readable; // (colour, under) to the colour drawn
    std::unordered_map<int, std::unique_ptr<QTextLayout>> m_layouts;
    qsizetype m_laidOutLength = 0; // the characters of all layouts
    QHash<int, Formats> m_lineFormats;
    bool m_rowsChanged = false;
    qreal m_widest = 0;
};

} // namespace Countersign
