// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "textcontrol.h"

#include "layoutcache.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QTextLayout>

#include <algorithm>
#include <cstdlib>

namespace Countersign {

namespace {
const QList<QKeySequence::StandardKey> &editingKeys()
{
    static const QList<QKeySequence::StandardKey> keys{QKeySequence::Undo, QKeySequence::Redo,
        QKeySequence::Cut, QKeySequence::Copy, QKeySequence::Paste, QKeySequence::SelectAll,
        QKeySequence::Delete, QKeySequence::DeleteStartOfWord, QKeySequence::DeleteEndOfWord,
        QKeySequence::MoveToNextChar, QKeySequence::MoveToPreviousChar, QKeySequence::MoveToNextWord,
        QKeySequence::MoveToPreviousWord, QKeySequence::MoveToNextLine, QKeySequence::MoveToPreviousLine,
        QKeySequence::MoveToStartOfLine, QKeySequence::MoveToEndOfLine, QKeySequence::MoveToStartOfDocument,
        QKeySequence::MoveToEndOfDocument, QKeySequence::MoveToNextPage, QKeySequence::MoveToPreviousPage,
        QKeySequence::SelectNextChar, QKeySequence::SelectPreviousChar, QKeySequence::SelectNextWord,
        QKeySequence::SelectPreviousWord, QKeySequence::SelectNextLine, QKeySequence::SelectPreviousLine,
        QKeySequence::SelectStartOfLine, QKeySequence::SelectEndOfLine, QKeySequence::SelectStartOfDocument,
        QKeySequence::SelectEndOfDocument, QKeySequence::SelectNextPage, QKeySequence::SelectPreviousPage,
        QKeySequence::InsertParagraphSeparator, QKeySequence::InsertLineSeparator};
    return keys;
}

// Whether `event` types its text. Ctrl, Alt or Meta make a key a command, whatever text the platform
// attaches to it (X11 gives Alt+V the text "v"), so that it reaches the window's menus and never the
// record. The exception is AltGr, which types a layout's third characters (German AltGr+Q: "@"): X11
// reports it as the group switch, Windows as Ctrl+Alt, where the text then is another character than
// the key's own.
bool typesText(const QKeyEvent *event)
{
    const QString text = event->text();
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    const bool printable = first.isPrint() || first.category() == QChar::Other_Format ||
        first.category() == QChar::Other_PrivateUse ||
        (first.isHighSurrogate() && text.size() > 1 && text.at(1).isLowSurrogate());
    if (!printable)
        return false;
    const Qt::KeyboardModifiers commands =
        event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    if (commands == Qt::NoModifier) // alone, or with Shift, the keypad or the group switch
        return true;
    if (commands == (Qt::ControlModifier | Qt::AltModifier)) {
        const int key = event->key();
        const bool ownCharacter = key < 0x80 && text.size() == 1 && first.toUpper().unicode() == key;
        return !ownCharacter;
    }
    return false;
}
} // namespace

TextControl::TextControl(TextBuffer &buffer, LayoutCache &cache, QObject *parent)
    : QObject(parent)
    , m_buffer(buffer)
    , m_cache(cache)
{ }

QString TextControl::selectedText() const
{
    return m_buffer.text(m_anchor, m_cursor);
}

void TextControl::reset()
{
    m_cursor = m_anchor = {};
    m_preferredX = -1;
}

void TextControl::setCursorPosition(TextPosition position, bool select)
{
    m_cursor = m_buffer.clamped(position);
    if (!select)
        m_anchor = m_cursor;
    Q_EMIT cursorMoved();
}

void TextControl::select(TextPosition anchor, TextPosition cursor)
{
    m_anchor = anchor;
    setCursorPosition(cursor, true);
}

void TextControl::click(TextPosition position, bool extend)
{
    m_preferredX = -1;
    setCursorPosition(position, extend);
}

void TextControl::selectWordAt(TextPosition at)
{
    const int visual = m_cache.visualLine(at);
    const int start = m_cache.pieceStart(visual);
    QTextLayout *pieceLayout = m_cache.layout(visual);
    const int length = m_buffer.lineLength(at.line);
    int from = at.column, to = at.column;
    if (to < length && to - start < pieceLayout->text().size() &&
        !pieceLayout->isValidCursorPosition(to - start))
        to = start + pieceLayout->nextCursorPosition(to - start);
    // The word under the pointer: from the word start before it to the word end after it.
    const QStringView text = m_buffer.line(at.line);
    while (from > 0 && (text[from - 1].isLetterOrNumber() || text[from - 1] == u'_'))
        --from;
    while (to < length && (text[to].isLetterOrNumber() || text[to] == u'_'))
        ++to;
    select({at.line, from}, {at.line, to});
}

bool TextControl::find(const QString &text)
{
    const std::optional<TextPosition> found = m_buffer.find(text, std::max(m_anchor, m_cursor));
    if (!found)
        return false;
    select(*found, {found->line, found->column + int(text.size())});
    return true;
}

// Editing

void TextControl::insert(const QString &text, TextBuffer::Grouping grouping)
{
    const bool wasModified = m_buffer.isModified();
    LineChange change;
    const TextPosition end = m_buffer.replace(
        m_anchor, m_cursor, text, &change, hasSelection() ? TextBuffer::Grouping::Separate : grouping);
    afterEdit(change, end, wasModified);
}

void TextControl::replace(TextPosition from, TextPosition to, const QString &text)
{
    m_anchor = from;
    m_cursor = to;
    insert(text);
}

void TextControl::replaceAll(const QString &text)
{
    replace({0, 0}, m_buffer.endPosition(), text);
    setCursorPosition({0, 0});
}

void TextControl::replaceChanged(const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(u'\r', u'\n');
    const QStringList lines = normalized.split(u'\n');
    const int oldCount = m_buffer.lineCount();
    const int newCount = int(lines.size());
    int first = 0;
    while (first < oldCount && first < newCount && m_buffer.line(first) == lines.at(first))
        ++first;
    if (first == oldCount && first == newCount)
        return;
    int same = 0; // equal lines at the end, after `first`
    while (same < oldCount - first && same < newCount - first &&
        m_buffer.line(oldCount - 1 - same) == lines.at(newCount - 1 - same))
        ++same;
    int oldLast = oldCount - 1 - same;
    int newLast = newCount - 1 - same;
    // Whole lines on both sides: a pure insertion or removal takes in an equal neighbour.
    if (oldLast < first || newLast < first) {
        if (first > 0) {
            --first;
        } else {
            ++oldLast;
            ++newLast;
        }
    }
    replace({first, 0}, {oldLast, m_buffer.lineLength(oldLast)},
        lines.mid(first, newLast - first + 1).join(u'\n'));
}

void TextControl::erase(bool forward, bool word)
{
    if (!hasSelection()) {
        m_anchor = moved(m_cursor, forward ? Qt::Key_Right : Qt::Key_Left, word);
        if (!hasSelection())
            return;
    }
    insert(QString());
}

void TextControl::afterEdit(const LineChange &change, TextPosition cursor, bool wasModified)
{
    Q_EMIT textChanged(change);
    m_preferredX = -1;
    setCursorPosition(cursor);
    Q_EMIT edited();
    if (wasModified != m_buffer.isModified())
        Q_EMIT modificationChanged(m_buffer.isModified());
}

void TextControl::undo()
{
    const bool wasModified = m_buffer.isModified();
    LineChange change;
    if (const std::optional<TextPosition> at = m_buffer.undo(&change))
        afterEdit(change, *at, wasModified);
}

void TextControl::redo()
{
    const bool wasModified = m_buffer.isModified();
    LineChange change;
    if (const std::optional<TextPosition> at = m_buffer.redo(&change))
        afterEdit(change, *at, wasModified);
}

void TextControl::cut()
{
    if (!hasSelection())
        return;
    copy();
    insert(QString());
}

void TextControl::copy()
{
    if (hasSelection())
        QGuiApplication::clipboard()->setText(selectedText());
}

void TextControl::paste()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (!text.isEmpty())
        insert(text);
}

void TextControl::selectAll()
{
    select({0, 0}, m_buffer.endPosition());
}

// Keys

bool TextControl::handlesShortcut(const QKeyEvent *event) const
{
    for (const QKeySequence::StandardKey key : editingKeys()) {
        if (event->matches(key))
            return true;
    }
    return typesText(event);
}

bool TextControl::keyPress(QKeyEvent *event, int pageRows)
{
    struct Move
    {
        QKeySequence::StandardKey move;
        QKeySequence::StandardKey select;
        int kind;
    };
    enum {
        CharNext,
        CharPrevious,
        WordNext,
        WordPrevious,
        LineDown,
        LineUp,
        Home,
        End,
        Start,
        Finish,
        PageDown,
        PageUp
    };
    static const Move moves[] = {{QKeySequence::MoveToNextChar, QKeySequence::SelectNextChar, CharNext},
        {QKeySequence::MoveToPreviousChar, QKeySequence::SelectPreviousChar, CharPrevious},
        {QKeySequence::MoveToNextWord, QKeySequence::SelectNextWord, WordNext},
        {QKeySequence::MoveToPreviousWord, QKeySequence::SelectPreviousWord, WordPrevious},
        {QKeySequence::MoveToNextLine, QKeySequence::SelectNextLine, LineDown},
        {QKeySequence::MoveToPreviousLine, QKeySequence::SelectPreviousLine, LineUp},
        {QKeySequence::MoveToStartOfLine, QKeySequence::SelectStartOfLine, Home},
        {QKeySequence::MoveToEndOfLine, QKeySequence::SelectEndOfLine, End},
        {QKeySequence::MoveToStartOfDocument, QKeySequence::SelectStartOfDocument, Start},
        {QKeySequence::MoveToEndOfDocument, QKeySequence::SelectEndOfDocument, Finish},
        {QKeySequence::MoveToNextPage, QKeySequence::SelectNextPage, PageDown},
        {QKeySequence::MoveToPreviousPage, QKeySequence::SelectPreviousPage, PageUp}};
    for (const Move &move : moves) {
        const bool select = event->matches(move.select);
        if (!select && !event->matches(move.move))
            continue;
        TextPosition to = m_cursor;
        const bool vertical =
            move.kind == LineDown || move.kind == LineUp || move.kind == PageDown || move.kind == PageUp;
        if (vertical && m_preferredX < 0) {
            const int visual = m_cache.visualLine(m_cursor);
            const int column = m_cursor.column - m_cache.pieceStart(visual);
            const QTextLine row = m_cache.layout(visual)->lineForTextPosition(column);
            m_preferredX = row.isValid() ? row.cursorToX(column) : 0;
        }
        switch (move.kind) {
        case CharNext:
        case WordNext:
            to = !select && hasSelection() && move.kind == CharNext
                ? std::max(m_anchor, m_cursor)
                : moved(m_cursor, Qt::Key_Right, move.kind == WordNext);
            break;
        case CharPrevious:
        case WordPrevious:
            to = !select && hasSelection() && move.kind == CharPrevious
                ? std::min(m_anchor, m_cursor)
                : moved(m_cursor, Qt::Key_Left, move.kind == WordPrevious);
            break;
        case LineDown:
            to = verticalMove(m_cursor, 1);
            break;
        case LineUp:
            to = verticalMove(m_cursor, -1);
            break;
        case PageDown: {
            int moved = 0;
            to = verticalMove(m_cursor, pageRows - 1, &moved);
            Q_EMIT scrollRequested(moved);
            break;
        }
        case PageUp: {
            int moved = 0;
            to = verticalMove(m_cursor, -(pageRows - 1), &moved);
            Q_EMIT scrollRequested(moved);
            break;
        }
        case Home: {
            // First to the text after the indentation, then to the very start.
            const QStringView text = m_buffer.line(m_cursor.line);
            int indent = 0;
            while (indent < text.size() && text[indent].isSpace())
                ++indent;
            to = {m_cursor.line, m_cursor.column == indent ? 0 : indent};
            break;
        }
        case End:
            to = {m_cursor.line, m_buffer.lineLength(m_cursor.line)};
            break;
        case Start:
            to = {0, 0};
            break;
        case Finish:
            to = m_buffer.endPosition();
            break;
        }
        const qreal preferred = m_preferredX;
        setCursorPosition(to, select);
        if (vertical)
            m_preferredX = preferred;
        event->accept();
        return true;
    }

    if (event->matches(QKeySequence::Undo))
        undo();
    else if (event->matches(QKeySequence::Redo))
        redo();
    else if (event->matches(QKeySequence::Cut))
        cut();
    else if (event->matches(QKeySequence::Copy))
        copy();
    else if (event->matches(QKeySequence::Paste))
        paste();
    else if (event->matches(QKeySequence::SelectAll))
        selectAll();
    else if (event->matches(QKeySequence::InsertParagraphSeparator) ||
        event->matches(QKeySequence::InsertLineSeparator))
        insert(QStringLiteral("\n"));
    else if (event->matches(QKeySequence::Delete))
        erase(true, false);
    else if (event->matches(QKeySequence::DeleteEndOfWord))
        erase(true, true);
    else if (event->matches(QKeySequence::DeleteStartOfWord))
        erase(false, true);
    else if (event->key() == Qt::Key_Backspace && !(event->modifiers() & ~Qt::ShiftModifier))
        erase(false, false);
    else if (typesText(event))
        insert(event->text(), TextBuffer::Grouping::Typing);
    else
        return false;
    event->accept();
    return true;
}

TextPosition TextControl::verticalMove(TextPosition from, int rows, int *moved) const
{
    int visual = m_cache.visualLine(from);
    const int column = from.column - m_cache.pieceStart(visual);
    const QTextLine row = m_cache.layout(visual)->lineForTextPosition(column);
    const qreal x = m_preferredX >= 0 ? m_preferredX : row.cursorToX(column);
    int rowIndex = row.isValid() ? row.lineNumber() : 0;
    const int lastVisual = m_cache.visualLineCount() - 1;
    int step = 0;
    for (; step < std::abs(rows); ++step) {
        if (rows > 0) {
            if (rowIndex + 1 < m_cache.layout(visual)->lineCount()) {
                ++rowIndex;
            } else if (visual < lastVisual) {
                ++visual;
                rowIndex = 0;
            } else {
                break;
            }
        } else {
            if (rowIndex > 0) {
                --rowIndex;
            } else if (visual > 0) {
                --visual;
                rowIndex = m_cache.layout(visual)->lineCount() - 1;
            } else {
                break;
            }
        }
    }
    if (moved)
        *moved = rows > 0 ? step : -step;
    if (step < std::abs(rows)) // past the first or last row: to the start or end of the text
        return rows > 0 ? m_buffer.endPosition() : TextPosition{0, 0};
    return m_cache.position(visual, m_cache.layout(visual)->lineAt(rowIndex).xToCursor(x));
}

TextPosition TextControl::moved(TextPosition from, int key, bool word) const
{
    const QTextLayout::CursorMode mode = word ? QTextLayout::SkipWords : QTextLayout::SkipCharacters;
    if (key == Qt::Key_Right) {
        if (from.column >= m_buffer.lineLength(from.line))
            return from.line + 1 < m_buffer.lineCount() ? TextPosition{from.line + 1, 0} : from;
        const int visual = m_cache.visualLine(from);
        const int start = m_cache.pieceStart(visual);
        return {from.line, start + m_cache.layout(visual)->nextCursorPosition(from.column - start, mode)};
    }
    if (from.column == 0)
        return from.line > 0 ? TextPosition{from.line - 1, m_buffer.lineLength(from.line - 1)} : from;
    // A column where a piece starts is moved from in the piece before, at its end.
    const int visual = m_cache.visualLine({from.line, from.column - 1});
    const int start = m_cache.pieceStart(visual);
    return {from.line, start + m_cache.layout(visual)->previousCursorPosition(from.column - start, mode)};
}

} // namespace Countersign
