// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "editing/textbuffer.h"

#include <QDeadlineTimer>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace Countersign {

// What a find looks for in a TextBuffer: a piece of one line, in any case or in its own, anywhere or
// only where it cuts no word (the characters on either side of it and its own first and last are not
// both letters, digits or underscores). A line's matches are counted from its start without overlaps
// ("aa" is twice in "aaaa", not three times), and every function here agrees with that count, so
// that stepping from match to match meets each one counted. An empty search matches nothing.
class TextSearch
{
public:
    TextSearch() = default;
    TextSearch(const QString &needle, Qt::CaseSensitivity caseSensitivity, bool wholeWords);

    bool isEmpty() const { return m_needle.isEmpty(); }
    QString needle() const { return m_needle; }
    int length() const { return int(m_needle.size()); }

    // Where the matches in `line` start, left to right.
    QList<int> matchesIn(QStringView line) const;
    // The start of the first match in `line` at or after `column`; -1 when there is none.
    int nextIn(QStringView line, int column) const;
    // The start of the last match in `line` before `column`; -1 when there is none.
    int previousIn(QStringView line, int column) const;

    // The first match in `buffer` at or after `from`, up to the end (no wrapping around).
    std::optional<TextPosition> next(const TextBuffer &buffer, TextPosition from) const;
    // The last match in `buffer` that starts before `before`, back to the start.
    std::optional<TextPosition> previous(const TextBuffer &buffer, TextPosition before) const;

    friend bool operator==(const TextSearch &, const TextSearch &) = default;

private:
    // The first place at or after `from` where the needle is, whole words checked, overlaps not.
    qsizetype candidate(QStringView line, qsizetype from) const;
    bool cutsNoWord(QStringView line, qsizetype at) const;

    QString m_needle;
    Qt::CaseSensitivity m_case = Qt::CaseSensitive;
    bool m_wholeWords = false;
};

// The matches of a TextSearch in a snapshot of a TextBuffer, counted a slice of lines at a time: a
// caller that must stay responsive (a window, while the user types) counts until a deadline and goes
// on later, and a text of any size is counted without holding it up. Keeps, per line with matches,
// the running total, so that the number of matches before a position is found at once.
class MatchCount
{
public:
    MatchCount() = default;
    MatchCount(const TextBuffer &buffer, const TextSearch &search);

    // Counts further lines until `deadline` or the end; true when every line is counted.
    bool countUntil(QDeadlineTimer deadline);
    bool isComplete() const { return m_nextLine >= m_buffer.lineCount(); }
    // The matches in the lines counted so far.
    int total() const { return m_totals.isEmpty() ? 0 : m_totals.last(); }
    // How many matches start before `position`; only right once the lines up to it are counted.
    int countBefore(TextPosition position) const;

private:
    TextBuffer m_buffer;
    TextSearch m_search;
    int m_nextLine = 0;
    QList<int> m_lines; // the lines with matches, in order
    QList<int> m_totals; // the matches up to and including each of m_lines
};

} // namespace Countersign
