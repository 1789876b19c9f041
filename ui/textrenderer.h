// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "editing/textbuffer.h"
#include "editing/textsearch.h"
#include "textmarks.h"

#include <QColor>
#include <QHash>
#include <QPointF>
#include <QRect>

class QFont;
class QPainter;
class QTextLayout;

namespace KSyntaxHighlighting {
class Theme;
}

namespace Countersign {

class LayoutCache;

// Paints the lines of a TextView that are in view, from the LayoutCache's layouts: the current
// line's band, the diff's line tints, the matches of a find, the selection, the cursor, the linter's
// wavy underlines, and the gutter with the line numbers (and a fold marker by each piece of a folded
// line after its first). It keeps what it paints over the text (the theme's editor colours, the marked
// lines and their tint, the lint marks, the search); the view's state at the time of a paint
// (where it is scrolled, the cursor, the focus) comes with each paint as a Frame. Reads the
// TextBuffer it is given, which must outlive it; lines are 0-based.
class TextRenderer
{
public:
    struct Frame
    {
        QRect area; // the viewport's rectangle
        QColor background;
        int firstVisualLine = 0;
        int topRow = 0; // rows of the first visual line above the area
        int rows = 1; // rows of text that fit in the area
        int gutterWidth = 0;
        qreal textX = 0; // where lines start, scrolled horizontally
        TextPosition cursor;
        TextPosition anchor;
        bool showCursor = false; // focused and in the visible phase of the blink
    };

    explicit TextRenderer(const TextBuffer &buffer);

    // The width of the gutter that holds the numbers of `lineCount` lines in `font`.
    static int gutterWidth(const QFont &font, int lineCount);

    // The editor colours of `theme`: current line, selection, gutter, line numbers.
    void setTheme(const KSyntaxHighlighting::Theme &theme);
    // The diff's marks by 0-based line: their lines are tinted.
    void setLineTint(const QColor &tint) { m_lineTint = tint; }
    void setLineMarks(const QHash<int, LineMark> &marks) { m_marks = marks; }
    // The linter's findings; false when they are the ones shown already.
    bool setLintMarks(const QList<LintMark> &marks);
    // The messages on `line`, errors first, one a line; empty when it has none.
    QString lintMessage(int line) const;
    // The lines (1-based) a blocking finding is on, with what blocks there: each is marked in the
    // gutter, beside its number. False when they are the ones shown already.
    bool setBlockingLines(const QHash<int, QString> &lines);
    const QHash<int, QString> &blockingLines() const { return m_blocking; }
    // The matches of `search` are marked wherever they come into view (an empty search marks none).
    void setSearch(const TextSearch &search) { m_search = search; }
    const TextSearch &search() const { return m_search; }
    // What a match is marked with: black on yellow, as browsers and editors mark them, readable on
    // light and dark themes alike and unlike the diff's red and green and the theme's selection.
    static QColor matchBackground();

    // The difference Go showed last, 0-based lines [first, first + count) (count 0: the place between
    // lines where the other side has lines): framed across the text, so that it reads as one block.
    // `first` below 0: none. False when it is the one shown already.
    bool setCurrentDifference(int first, int count);
    // The frame's colour: the band's blue for a difference both sides changed, strong enough on light
    // and dark themes.
    static QColor currentDifferenceFrame() { return QColor(0x1f, 0x6f, 0xeb); }

    // Lays out (through `cache`) and paints the lines in the frame's area.
    void paint(QPainter &painter, LayoutCache &cache, const Frame &frame) const;
    int currentDifferenceFirst() const { return m_currentFirst; }
    int currentDifferenceCount() const { return m_currentCount; }
    // What the gutter shows by each piece of a folded line after its first.
    static QString foldMarker();

private:
    void paintCurrentDifference(QPainter &painter, const QRectF &span) const;
    void paintLintMarks(
        QPainter &painter, int line, const QTextLayout &lineLayout, QPointF origin, qreal minimumWidth) const;
    // The marker by a blocking line's number whose row starts at `y`, in the gutter's left padding.
    static QRectF blockingMarker(qreal y, int rowHeight);
    void paintBlockingMarker(QPainter &painter, int line, qreal y, int rowHeight) const;

    const TextBuffer &m_buffer;
    QHash<int, LineMark> m_marks;
    QHash<int, QList<LintMark>> m_lint;
    QHash<int, QString> m_blocking; // by 1-based line
    int m_currentFirst = -1;
    int m_currentCount = 0;
    TextSearch m_search;
    QColor m_lineTint;
    QColor m_currentLine;
    QColor m_selection;
    QColor m_gutter;
    QColor m_lineNumber;
    QColor m_currentLineNumber;
};

} // namespace Countersign
