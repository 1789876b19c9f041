// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "linehighlighter.h"

#include "linefolds.h"

#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Theme>
#include <QElapsedTimer>

#include <algorithm>

namespace Countersign {

namespace {
// How far below the exact states a line may be and still be highlighted exactly at once, and how
// many lines above it an assumed state starts (enough for a Markdown block to settle).
constexpr int exactReach = 1500;
constexpr int warmUp = 100;
} // namespace

LineHighlighter::LineHighlighter()
{
    reset(1);
}

void LineHighlighter::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    AbstractHighlighter::setTheme(theme);
    m_formats.clear();
}

void LineHighlighter::reset(int lineCount)
{
    m_states.assign(static_cast<size_t>(lineCount) + 1, KSyntaxHighlighting::State());
    m_valid = 0;
    m_computed = 0;
    m_checkFrom = 0;
}

void LineHighlighter::linesChanged(const LineChange &change)
{
    const int shift = change.added - change.removed;
    const int editEnd = change.first + change.removed; // the old line after the edit
    if (m_valid > change.first)
        m_checkFrom = change.first + change.added;
    else if (m_checkFrom > editEnd)
        m_checkFrom += shift;
    else
        m_checkFrom = std::max(m_checkFrom, change.first + change.added);
    m_computed = m_computed > editEnd ? m_computed + shift : std::min(m_computed, change.first);
    m_valid = std::min(m_valid, change.first);
    // The states after the edited lines, index first+1 .. first+removed, are replaced.
    const auto at = m_states.begin() + change.first + 1;
    if (shift > 0)
        m_states.insert(at, static_cast<size_t>(shift), KSyntaxHighlighting::State());
    else if (shift < 0)
        m_states.erase(at, at - shift);
}

KSyntaxHighlighting::State LineHighlighter::step(QStringView text, const KSyntaxHighlighting::State &state)
{
    if (text.size() > LineFolds::foldLength)
        return state;
    return highlightLine(text, state);
}

void LineHighlighter::extend(const TextBuffer &buffer)
{
    const int index = m_valid;
    const KSyntaxHighlighting::State next = step(buffer.line(index), m_states[index]);
    const int after = index + 1;
    if (after >= m_checkFrom && after <= m_computed && next == m_states[after]) {
        m_valid = m_computed;
        return;
    }
    m_states[after] = next;
    m_valid = after;
    m_computed = std::max(m_computed, after);
}

QList<LineHighlighter::Formats> LineHighlighter::highlight(
    const TextBuffer &buffer, int first, int last, bool *exact)
{
    QList<Formats> out;
    if (!definition().isValid() || !theme().isValid() || first > last)
        return out;
    out.resize(last - first + 1);
    if (first <= m_valid + exactReach) {
        while (m_valid < first)
            extend(buffer);
        for (int line = first; line <= last; ++line) {
            m_collect = &out[line - first];
            if (line < m_valid) {
                // Known state: highlight again for the formats only.
                step(buffer.line(line), m_states[line]);
            } else {
                extend(buffer);
            }
        }
        m_collect = nullptr;
        *exact = true;
        return out;
    }
    KSyntaxHighlighting::State state;
    for (int line = std::max(0, first - warmUp); line <= last; ++line) {
        m_collect = line >= first ? &out[line - first] : nullptr;
        state = step(buffer.line(line), state);
    }
    m_collect = nullptr;
    *exact = false;
    return out;
}

bool LineHighlighter::catchUp(const TextBuffer &buffer, int target, int budgetMs)
{
    target = std::min(target, buffer.lineCount() - 1);
    QElapsedTimer timer;
    timer.start();
    while (m_valid < target) {
        for (int i = 0; i < 64 && m_valid < target; ++i)
            extend(buffer);
        if (timer.elapsed() >= budgetMs)
            break;
    }
    return m_valid >= target;
}

void LineHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (!m_collect || length <= 0 || format.isDefaultTextStyle(theme()))
        return;
    m_collect->append({offset, length, charFormat(format)});
}

QTextCharFormat LineHighlighter::charFormat(const KSyntaxHighlighting::Format &format)
{
    if (const auto found = m_formats.constFind(format.id()); found != m_formats.constEnd())
        return *found;
    const KSyntaxHighlighting::Theme &theme = this->theme();
    QTextCharFormat out;
    if (format.hasTextColor(theme))
        out.setForeground(format.textColor(theme));
    if (format.hasBackgroundColor(theme))
        out.setBackground(format.backgroundColor(theme));
    if (format.isBold(theme))
        out.setFontWeight(QFont::Bold);
    if (format.isItalic(theme))
        out.setFontItalic(true);
    if (format.isUnderline(theme))
        out.setFontUnderline(true);
    if (format.isStrikeThrough(theme))
        out.setFontStrikeOut(true);
    m_formats.insert(format.id(), out);
    return out;
}

} // namespace Countersign
