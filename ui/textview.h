// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "editing/textbuffer.h"
#include "layoutcache.h"
#include "textcontrol.h"
#include "textmarks.h"
#include "textrenderer.h"

#include <QAbstractScrollArea>
#include <QBasicTimer>
#include <QColor>
#include <QTextLayout>
#include <QTimer>

#include <memory>

class QHelpEvent;

namespace KSyntaxHighlighting {
class Theme;
}

namespace Countersign {

class LineHighlighter;

// A text editor for records of any size. It lays out, highlights and paints only the lines in view
// (QPlainTextEdit builds a block per line up front, which takes seconds for a million lines), over a
// TextBuffer that keeps unedited lines as views into the loaded text. Highlighting is exact for
// lines near those already seen and otherwise assumed, then corrected in short idle slices.
//
// A line too long to lay out whole (over LineFolds::foldLength characters: a pasted image in base64, a
// minified blob) is shown folded into pieces of that length, one under the other, with a marker in the
// gutter; it is not highlighted, and its differing words are marked as the diff gives them. The text
// itself is never changed, and selecting, copying, moving, finding and editing work across pieces.
//
// The vertical scroll bar counts rows: with word wrap a line (or piece) takes as many rows as it needs,
// and a line taller than the view can be scrolled through row by row. The rows of lines not laid out
// yet are estimated from their length, and made exact as they come into view. The horizontal scroll
// bar reaches the end of the widest row laid out. Positions are 0-based (TextPosition); line marks
// are 1-based, as the diff gives them. Editing: typing, Backspace/Delete (with Ctrl: a word), Enter, the
// clipboard, undo and redo, the usual cursor keys with Shift to select, mouse selection (double click: a
// word).
//
// The widget assembles three parts and keeps the geometry between them (scrolling, the gutter, which
// lines are in view, points to positions): a LayoutCache of the laid-out lines, a TextRenderer that
// paints them, and a TextControl that owns the cursor and selection and makes the edits.
class TextView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TextView(QWidget *parent = nullptr);
    ~TextView() override;

    // Shows `source`, unmodified, with an empty undo history and the cursor at the start.
    void setSource(const SourceText &source);
    // Trades texts with `other` (Swap Panes): each view takes the other's text with its undo history,
    // its saved state, cursor, selection and first line in view. Marks of every kind are cleared
    // (they belonged to the other text); neither view's text is edited.
    void swapText(TextView &other);
    const TextBuffer &buffer() const { return m_buffer; }
    QString toPlainText() const { return m_buffer.toPlainText(); }
    int lineCount() const { return m_buffer.lineCount(); }
    bool isModified() const { return m_buffer.isModified(); }
    // The current text is the saved one.
    void setClean();
    // Replaces the whole text as one undoable edit.
    void replaceAll(const QString &text) { m_control.replaceAll(text); }
    // Makes the text `text` as one undoable edit that replaces only the lines from the first to the
    // last that differ, so every other line keeps its bytes and its line ending.
    void replaceChanged(const QString &text) { m_control.replaceChanged(text); }

    void setWordWrap(bool wrap);
    bool wordWrap() const { return m_cache.wrap(); }
    void setTheme(const KSyntaxHighlighting::Theme &theme);
    // The theme to take when highlighting starts, unless setTheme() comes first; an unknown name
    // falls back to the palette's theme.
    void setThemeName(const QString &name);
    bool isHighlighted() const;
    QString themeName() const;
    // The diff's marks: whole lines tinted with `lineTint`, their differing words with `wordTint`.
    void setLineMarks(const QList<LineMark> &marks, const QColor &lineTint, const QColor &wordTint);

    // The linter's findings, shown as wavy underlines with the messages as tooltips. Painted over
    // the laid-out lines, so setting them lays nothing out again.
    void setLintMarks(const QList<LintMark> &marks);
    // The messages of `line` (1-based), errors first, one a line; empty when it has none.
    QString lintMessage(int line) const;
    // The lines (1-based) that blocking findings are on, with what blocks there: a red marker in the
    // gutter beside each number, the text its tooltip. Painted over the gutter, so setting them lays
    // nothing out again; a new text clears them.
    void setBlockingLines(const QHash<int, QString> &lines);
    // The difference Go showed last, framed: 0-based lines [first, first + count); first below 0
    // for none (TextRenderer::setCurrentDifference).
    void setCurrentDifference(int first, int count);
    std::pair<int, int> currentDifference() const
    {
        return {m_renderer.currentDifferenceFirst(), m_renderer.currentDifferenceCount()};
    }
    const QHash<int, QString> &blockingLines() const { return m_renderer.blockingLines(); }
    TextPosition cursorPosition() const { return m_control.cursorPosition(); }
    // Moves the cursor (extending the selection from the anchor when `select`) and scrolls it into
    // view.
    void setCursorPosition(TextPosition position, bool select = false)
    {
        m_control.setCursorPosition(position, select);
    }
    // Where the selection starts from: the cursor is at its other end (they are equal without one).
    TextPosition anchorPosition() const { return m_control.anchorPosition(); }
    // Selects from `anchor` to `cursor` and scrolls the cursor into view.
    void select(TextPosition anchor, TextPosition cursor) { m_control.select(anchor, cursor); }
    bool hasSelection() const { return m_control.hasSelection(); }
    QString selectedText() const { return m_control.selectedText(); }
    // Selects the next occurrence of `text` after the cursor (wrapping around); false if none.
    bool find(const QString &text) { return m_control.find(text); }
    // Marks the matches of `search` in the lines in view (the find bar's); an empty one marks none.
    void setSearch(const TextSearch &search);

    // The first line in view, and scrolling so that `line` is the first (0-based).
    int firstVisibleLine() const;
    void scrollToLine(int line);
    // Where the first row in view starts, and scrolling so that the row that shows `position` is the
    // first in view (as far as the end of the text allows).
    TextPosition firstVisiblePosition() const;
    void scrollToPosition(TextPosition position);
    // Scrolls `line` into the middle of the view.
    void centerOnLine(int line);
    // The vertical extent of `line` in viewport coordinates: exact for lines in view, estimated
    // from their length for the others.
    std::pair<qreal, qreal> lineSpan(int line) const;
    // The highlighting of the lines in view is exact (not assumed from a nearby state).
    bool isHighlightExact() const { return m_highlightExact; }
    // The highlighting of `line` as it is painted (highlighting it if needed).
    QList<QTextLayout::FormatRange> lineFormats(int line) const;
    // The formats the text of `line` is drawn with (of its first piece): its highlighting in the
    // colours it reads in on what is under it (LayoutCache::setColors), and its differing words' tint.
    QList<QTextLayout::FormatRange> drawnFormats(int line) const;
    // How many lines are laid out now: those in view and a few near them, whatever the text's size.
    int laidOutLineCount() const { return m_cache.layoutCount(); }

public Q_SLOTS:
    void undo() { m_control.undo(); }
    void redo() { m_control.redo(); }
    void cut() { m_control.cut(); }
    void copy() { m_control.copy(); }
    void paste() { m_control.paste(); }
    void selectAll() { m_control.selectAll(); }

Q_SIGNALS:
    // The user changed the text (typing, paste, undo...), not a load.
    void textEdited();
    void modificationChanged(bool modified);
    void cursorMoved();
    // What is in view changed: scrolled, resized, wrapped, edited.
    void viewChanged();
    // The text moved up or down in the view (by the user, by a move of the cursor, or by a call).
    void scrolled();
    // Another text is shown (setSource()): not an edit.
    void loaded();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void timerEvent(QTimerEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;

private:
    // The highlighting of lines first..last for the cache: flags assumed states for correction.
    QList<LayoutCache::Formats> highlight(int first, int last);
    void showNewBuffer();
    void updateGeometryInfo();
    // Sets the scroll bars' ranges from the rows and widths known now, and the vertical one's value
    // from the first row in view (moved up when the text now ends above the view's bottom).
    void updateScrollBars();
    // Makes row `row` of visual line `visualLine` the first in view (as far as the end allows),
    // telling the cache the wrap width and where the view is.
    void setTop(int visualLine, int row);
    // Makes the rows of the last view's worth of lines exact (when wrapping): the scroll bar's end
    // shows the text's end, and the scroll bar is there exactly when the text does not fit.
    void measureEnd();
    void scrollByRows(int rows);
    // Once laying out made rows exact, the scroll bar follows.
    void followRows();
    int textLeft() const;
    int textWidth() const;
    int wrapWidth() const;
    int visibleRows() const;
    int maximumTopRow() const;
    int lastVisibleVisualLine() const;
    int lastVisibleLine() const;
    // The top of `visualLine` in viewport coordinates: exact for the lines in view.
    qreal visualLineTop(int visualLine) const;
    TextPosition positionAt(const QPoint &point) const;
    // Shows what blocks on the line whose gutter `help` points at; false when it blocks nothing there.
    bool showBlockingToolTip(const QHelpEvent &help);
    void ensureCursorVisible();
    void cursorChanged();
    void textChanged(const LineChange &change);
    void startBlinking();
    void ensureHighlighting() const;
    // Highlights the text once the Markdown definition has loaded (asks once).
    void highlightWhenLoaded();

    TextBuffer m_buffer;
    QString m_themeName;
    std::unique_ptr<LineHighlighter> m_highlighter;
    // Laid out on demand, from const queries too.
    mutable LayoutCache m_cache;
    TextRenderer m_renderer;
    TextControl m_control;
    bool m_cursorVisible = true;
    QBasicTimer m_blink;
    QTimer m_catchUp;
    mutable bool m_highlightExact = true;
    bool m_waitingForDefinition = false;
    int m_maxColumns = 0; // of the longest line, or of a folded line's pieces
    int m_gutterWidth = 0;
    // The first row in view: row m_topRow of visual line m_topLine. The vertical scroll bar's value is
    // the row's number, which changes when lines above it are laid out.
    int m_topLine = 0;
    int m_topRow = 0;
    bool m_settingScrollBar = false;
};

} // namespace Countersign
