// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "drafting/lineedits.h"

#include <algorithm>

namespace Countersign {

LineEdits::LineEdits(const SourceText &source)
    : m_source(source)
    , m_ending(QStringLiteral("\n"))
{
    for (int line = 1; line <= source.lineCount(); ++line) {
        const SourceText::LineEnding ending = source.lineInfo(line).ending;
        if (ending != SourceText::LineEnding::None) {
            m_ending = SourceText::endingText(ending).toString();
            break;
        }
    }
}

void LineEdits::replace(int first, int last, const QStringList &lines)
{
    Q_ASSERT(first >= 1 && last >= first && last <= m_source.lineCount());
    m_edits.append(Edit{first, last, lines});
}

void LineEdits::insertAfter(int line, const QStringList &lines)
{
    Q_ASSERT(line >= 0 && line <= m_source.lineCount());
    m_edits.append(Edit{line + 1, line, lines});
}

QList<LineEdits::Edit> LineEdits::sorted() const
{
    QList<Edit> edits = m_edits;
    // By position; at the same line an insertion goes before a replacement of that line.
    std::stable_sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) {
        return a.first != b.first ? a.first<b.first : (a.last < a.first)>(b.last < b.first);
    });
    return edits;
}

QString LineEdits::apply() const
{
    QString out;
    out.reserve(m_source.text().size() + 256);
    int next = 1; // the first source line not yet written
    for (const Edit &edit : sorted()) {
        out += m_source.lines(next, edit.first - 1);
        const bool insertion = edit.last < edit.first;
        if (insertion) {
            // After a last line without a line break, the break goes before the new lines instead.
            const bool afterUnterminated = edit.first > m_source.lineCount() && m_source.lineCount() > 0 &&
                m_source.lineInfo(m_source.lineCount()).ending == SourceText::LineEnding::None;
            for (qsizetype i = 0; i < edit.lines.size(); ++i) {
                if (afterUnterminated)
                    out += m_ending;
                out += edit.lines.at(i);
                if (!afterUnterminated)
                    out += m_ending;
            }
        } else {
            const QStringView lastEnding = SourceText::endingText(m_source.lineInfo(edit.last).ending);
            for (qsizetype i = 0; i < edit.lines.size(); ++i) {
                out += edit.lines.at(i);
                out += i + 1 == edit.lines.size() ? lastEnding : QStringView(m_ending);
            }
        }
        next = std::max(next, edit.last + 1);
    }
    out += m_source.lines(next, m_source.lineCount());
    return out;
}

int LineEdits::lineAfterEdits(int line) const
{
    int shift = 0;
    for (const Edit &edit : sorted()) {
        if (edit.first > line)
            break;
        const int removed = edit.last - edit.first + 1;
        if (edit.last >= line) // inside a replaced range
            return edit.first + shift;
        shift += int(edit.lines.size()) - removed;
    }
    return line + shift;
}

} // namespace Countersign
