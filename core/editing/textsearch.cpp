// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "editing/textsearch.h"

#include <algorithm>
#include <limits>

namespace Countersign {

namespace {

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// How many lines are counted between two looks at the clock.
constexpr int linesPerLook = 512;

} // namespace

TextSearch::TextSearch(const QString &needle, Qt::CaseSensitivity caseSensitivity, bool wholeWords)
    : m_needle(needle)
    , m_case(caseSensitivity)
    , m_wholeWords(wholeWords)
{ }

bool TextSearch::cutsNoWord(QStringView line, qsizetype at) const
{
    const qsizetype end = at + m_needle.size();
    const bool cutsAtStart = at > 0 && isWordCharacter(line[at - 1]) && isWordCharacter(line[at]);
    const bool cutsAtEnd = end < line.size() && isWordCharacter(line[end]) && isWordCharacter(line[end - 1]);
    return !cutsAtStart && !cutsAtEnd;
}

qsizetype TextSearch::candidate(QStringView line, qsizetype from) const
{
    for (;;) {
        const qsizetype at = line.indexOf(m_needle, from, m_case);
        if (at < 0 || !m_wholeWords || cutsNoWord(line, at))
            return at;
        from = at + 1;
    }
}

QList<int> TextSearch::matchesIn(QStringView line) const
{
    QList<int> starts;
    if (isEmpty())
        return starts;
    for (qsizetype at = candidate(line, 0); at >= 0; at = candidate(line, at + m_needle.size()))
        starts.append(int(at));
    return starts;
}

int TextSearch::nextIn(QStringView line, int column) const
{
    const QList<int> starts = matchesIn(line);
    const auto found = std::lower_bound(starts.cbegin(), starts.cend(), column);
    return found == starts.cend() ? -1 : *found;
}

int TextSearch::previousIn(QStringView line, int column) const
{
    const QList<int> starts = matchesIn(line);
    const auto found = std::lower_bound(starts.cbegin(), starts.cend(), column);
    return found == starts.cbegin() ? -1 : *(found - 1);
}

std::optional<TextPosition> TextSearch::next(const TextBuffer &buffer, TextPosition from) const
{
    if (isEmpty())
        return std::nullopt;
    from = buffer.clamped(from);
    for (int line = from.line; line < buffer.lineCount(); ++line) {
        const int at = nextIn(buffer.line(line), line == from.line ? from.column : 0);
        if (at >= 0)
            return TextPosition{line, at};
    }
    return std::nullopt;
}

std::optional<TextPosition> TextSearch::previous(const TextBuffer &buffer, TextPosition before) const
{
    if (isEmpty())
        return std::nullopt;
    before = buffer.clamped(before);
    for (int line = before.line; line >= 0; --line) {
        const int at = previousIn(
            buffer.line(line), line == before.line ? before.column : std::numeric_limits<int>::max());
        if (at >= 0)
            return TextPosition{line, at};
    }
    return std::nullopt;
}

MatchCount::MatchCount(const TextBuffer &buffer, const TextSearch &search)
    : m_buffer(buffer)
    , m_search(search)
{ }

bool MatchCount::countUntil(QDeadlineTimer deadline)
{
    const int count = m_buffer.lineCount();
    while (m_nextLine < count) {
        for (const int end = std::min(count, m_nextLine + linesPerLook); m_nextLine < end; ++m_nextLine) {
            if (const qsizetype found = m_search.matchesIn(m_buffer.line(m_nextLine)).size(); found > 0) {
                m_lines.append(m_nextLine);
                m_totals.append(total() + int(found));
            }
        }
        if (deadline.hasExpired())
            break;
    }
    return isComplete();
}

int MatchCount::countBefore(TextPosition position) const
{
    const auto line = std::lower_bound(m_lines.cbegin(), m_lines.cend(), position.line);
    const qsizetype index = line - m_lines.cbegin();
    int before = index > 0 ? m_totals.at(index - 1) : 0;
    if (line != m_lines.cend() && *line == position.line) {
        const QList<int> starts = m_search.matchesIn(m_buffer.line(position.line));
        before += int(std::lower_bound(starts.cbegin(), starts.cend(), position.column) - starts.cbegin());
    }
    return before;
}

} // namespace Countersign
