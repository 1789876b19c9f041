// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "record/sourcetext.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace Countersign {

// A place in a TextBuffer: 0-based line, and a 0-based column in UTF-16 code units of that line.
struct TextPosition
{
    int line = 0;
    int column = 0;
    friend bool operator==(const TextPosition &, const TextPosition &) = default;
    friend auto operator<=>(const TextPosition &, const TextPosition &) = default;
};

// What an edit did to the lines: `removed` lines from `first` on were replaced by `added` lines.
struct LineChange
{
    int first = 0;
    int removed = 0;
    int added = 0;
    friend bool operator==(const LineChange &, const LineChange &) = default;
};

// The text of an editor, as lines, over the SourceText it was loaded from. Unedited lines are views
// into that text (nothing is copied on load, however large the file); an edited line is stored on
// its own with the line ending it replaces. Saving an unedited buffer gives back the loaded bytes
// exactly; an edited one keeps every untouched line's ending, and new lines take the file's first
// ending. The buffer always has at least one line; the last has no ending (a text ending in a line
// break has an empty last line, as an editor shows it).
//
// Edits go through replace(), which records them for undo. Consecutive typing (single characters,
// no line break, each one where the last ended) is one undo step. isModified() compares the undo
// position with the one saved by setClean(), so undoing back to the saved text is unmodified.
//
// Copies are cheap (the storage is shared until one of them is edited): a copy is a snapshot that a
// worker thread may read, for example to build the text to compare, while the editor goes on.
class TextBuffer
{
public:
    TextBuffer();
    explicit TextBuffer(const SourceText &source);

    int lineCount() const { return int(m_lines.size()); }
    // The text of line `index` without its ending; valid until the next edit. Empty when out of range.
    QStringView line(int index) const;
    int lineLength(int index) const { return int(line(index).size()); }
    // The text from `from` to `to`, lines joined with "\n".
    QString text(TextPosition from, TextPosition to) const;
    QString toPlainText() const;
    TextPosition endPosition() const;
    // A position moved into the text: line within 0..lineCount()-1, column within that line.
    TextPosition clamped(TextPosition position) const;

    // The text as it would be saved: the loaded SourceText itself while no edit is applied.
    SourceText toSource() const;
    QByteArray toUtf8() const { return toSource().toUtf8(); }

    bool isModified() const { return m_undoIndex != m_cleanIndex; }
    // The current text is the saved one.
    void setClean() { m_cleanIndex = m_undoIndex; }

    enum class Grouping { Separate, Typing };
    // Replaces the text between `from` and `to` (in either order) with `text`, whose line breaks may
    // be LF, CRLF or CR. Returns the position after the inserted text; `change` receives the lines
    // affected.
    TextPosition replace(TextPosition from, TextPosition to, QStringView text, LineChange *change = nullptr,
        Grouping grouping = Grouping::Separate);

    bool canUndo() const { return m_undoIndex > 0; }
    bool canRedo() const { return m_undoIndex < int(m_history.size()); }
    // Undoes or redoes one step; returns where the cursor goes (the end of the text restored), or
    // nothing when there is no step.
    std::optional<TextPosition> undo(LineChange *change = nullptr);
    std::optional<TextPosition> redo(LineChange *change = nullptr);

    // The first occurrence of `needle` (on one line) at or after `from`, wrapping around to the
    // start; nothing when there is none.
    std::optional<TextPosition> find(
        QStringView needle, TextPosition from, Qt::CaseSensitivity cs = Qt::CaseSensitive) const;

private:
    struct AddedLine
    {
        QString text;
        SourceText::LineEnding ending = SourceText::LineEnding::None;
    };
    struct Step
    {
        TextPosition from;
        QString removed;
        QString inserted;
        bool typing = false;
    };

    TextPosition apply(TextPosition from, TextPosition to, QStringView text, LineChange *change);
    SourceText::LineEnding ending(int index) const;
    static TextPosition endOf(TextPosition from, QStringView text);

    SourceText m_base;
    // Per line: the 0-based line of m_base when >= 0, else -(index into m_added) - 1.
    QList<qint32> m_lines;
    QList<AddedLine> m_added;
    QString m_defaultEnding = QStringLiteral("\n");
    SourceText::LineEnding m_defaultKind = SourceText::LineEnding::Lf;

    QList<Step> m_history;
    int m_undoIndex = 0;
    int m_cleanIndex = 0; // -1: the saved text is no longer reachable by undo or redo
};

} // namespace Countersign
