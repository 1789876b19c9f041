// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "editing/textbuffer.h"

#include <QObject>

class QKeyEvent;

namespace Countersign {

class LayoutCache;

// The editing side of a TextView: the cursor, the selection's anchor and the column that vertical
// moves keep; the edits made at them (typing, deleting, the clipboard, undo and redo) and the keys
// that make them. It deals in text positions only: the view turns points into positions, scrolls and
// paints. Moves step through the LayoutCache's layouts, so that they follow graphemes, words, wrapped
// rows and the pieces of folded lines. Edits the TextBuffer it is given; both must outlive it.
//
// An edit signals textChanged (the view lays out again from the changed line), then cursorMoved (the
// cursor at the edit's end), then edited and, when it flipped, modificationChanged.
class TextControl : public QObject
{
    Q_OBJECT
public:
    TextControl(TextBuffer &buffer, LayoutCache &cache, QObject *parent = nullptr);

    TextPosition cursorPosition() const { return m_cursor; }
    TextPosition anchorPosition() const { return m_anchor; }
    bool hasSelection() const { return m_anchor != m_cursor; }
    QString selectedText() const;

    // For a new text: the cursor at the start, nothing selected, no column kept. Signals nothing.
    void reset();
    // Moves the cursor (clamped to the text), extending the selection from the anchor when `select`.
    void setCursorPosition(TextPosition position, bool select = false);
    // Selects from `anchor` to `cursor`.
    void select(TextPosition anchor, TextPosition cursor);
    // A click: as setCursorPosition(), and vertical moves start from the new column.
    void click(TextPosition position, bool extend);
    // Selects the word at `position` (the letters, digits and underscores around it).
    void selectWordAt(TextPosition position);
    // Selects the next occurrence of `text` after the cursor (wrapping around); false if none.
    bool find(const QString &text);

    // Replaces the selection (or inserts at the cursor) with `text`; consecutive typing is one undo
    // step.
    void insert(const QString &text, TextBuffer::Grouping grouping = TextBuffer::Grouping::Separate);
    // Replaces the whole text as one undoable edit; the cursor goes to the start.
    void replaceAll(const QString &text);
    // Makes the text `text` as one undoable edit that replaces only the lines from the first to the
    // last that differ, so every other line keeps its bytes and its line ending.
    void replaceChanged(const QString &text);

    // Whether `event` is a key this control takes (editing, moving or text), which a window's
    // shortcut must then not take. Text is typed without Ctrl, Alt or Meta, or with AltGr; any other
    // key with them is left to the window (Alt+V opens the View menu, and never types "v").
    bool handlesShortcut(const QKeyEvent *event) const;
    // Handles an editing or moving key and accepts it; false for any other key. Page Up and Down move
    // `pageRows` rows less one.
    bool keyPress(QKeyEvent *event, int pageRows);

public Q_SLOTS:
    void undo();
    void redo();
    void cut();
    void copy();
    void paste();
    void selectAll();

Q_SIGNALS:
    // The text changed as `change` says; the cursor is still where it was.
    void textChanged(const LineChange &change);
    void cursorMoved();
    // The user changed the text (after textChanged and cursorMoved).
    void edited();
    void modificationChanged(bool modified);
    // A page move asks the view to scroll by `rows`, so that the cursor keeps its place in view.
    void scrollRequested(int rows);

private:
    // Replaces from..to with `text` as one undoable edit.
    void replace(TextPosition from, TextPosition to, const QString &text);
    TextPosition moved(TextPosition from, int key, bool word) const;
    // The position `rows` rows below `from` (above when negative) at the column vertical moves keep,
    // through wrapped rows and folded pieces; `moved` receives the rows moved, fewer at either end.
    TextPosition verticalMove(TextPosition from, int rows, int *moved = nullptr) const;
    void erase(bool forward, bool word);
    void afterEdit(const LineChange &change, TextPosition cursor, bool wasModified);

    TextBuffer &m_buffer;
    LayoutCache &m_cache;
    TextPosition m_cursor;
    TextPosition m_anchor;
    qreal m_preferredX = -1;
};

} // namespace Countersign
