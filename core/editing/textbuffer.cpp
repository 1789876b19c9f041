// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "editing/textbuffer.h"

#include <algorithm>

namespace Countersign {

namespace {

// Splits `text` at LF, CRLF and CR.
QList<QStringView> splitLines(QStringView text)
{
    QList<QStringView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c != u'\n' && c != u'\r')
            continue;
        parts.append(text.mid(start, i - start));
        if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
            ++i;
        start = i + 1;
    }
    parts.append(text.mid(start));
    return parts;
}

} // namespace

TextBuffer::TextBuffer()
    : TextBuffer(SourceText())
{ }

TextBuffer::TextBuffer(const SourceText &source)
    : m_base(source)
{
    const int count = source.lineCount();
    m_lines.resize(count);
    for (int i = 0; i < count; ++i)
        m_lines[i] = i;
    for (int i = 0; i < count; ++i) {
        const SourceText::LineEnding first = source.lineInfo(i + 1).ending;
        if (first != SourceText::LineEnding::None) {
            m_defaultKind = first;
            m_defaultEnding = SourceText::endingText(first).toString();
            break;
        }
    }
    // A text that ends with a line break (or is empty) has an empty last line in an editor.
    if (count == 0 || source.lineInfo(count).ending != SourceText::LineEnding::None) {
        m_added.append(AddedLine{});
        m_lines.append(-1);
    }
}

QStringView TextBuffer::line(int index) const
{
    if (index < 0 || index >= lineCount())
        return {};
    const qint32 ref = m_lines.at(index);
    return ref >= 0 ? m_base.lineText(ref + 1) : QStringView(m_added.at(-ref - 1).text);
}

SourceText::LineEnding TextBuffer::ending(int index) const
{
    const qint32 ref = m_lines.at(index);
    const SourceText::LineEnding own =
        ref >= 0 ? m_base.lineInfo(ref + 1).ending : m_added.at(-ref - 1).ending;
    // A line that was the last one and has lines after it now needs an ending.
    return own == SourceText::LineEnding::None ? m_defaultKind : own;
}

TextPosition TextBuffer::endPosition() const
{
    return {lineCount() - 1, lineLength(lineCount() - 1)};
}

TextPosition TextBuffer::clamped(TextPosition position) const
{
    position.line = std::clamp(position.line, 0, lineCount() - 1);
    position.column = std::clamp(position.column, 0, lineLength(position.line));
    return position;
}

QString TextBuffer::text(TextPosition from, TextPosition to) const
{
    from = clamped(from);
    to = clamped(to);
    if (to < from)
        std::swap(from, to);
    if (from.line == to.line)
        return line(from.line).mid(from.column, to.column - from.column).toString();
    QString out = line(from.line).mid(from.column).toString();
    for (int i = from.line + 1; i < to.line; ++i) {
        out += u'\n';
        out += line(i);
    }
    out += u'\n';
    out += line(to.line).left(to.column);
    return out;
}

QString TextBuffer::toPlainText() const
{
    return text({0, 0}, endPosition());
}

SourceText TextBuffer::toSource() const
{
    // Only with every edit undone is the text the loaded one: after a save, unmodified is not that.
    if (m_undoIndex == 0)
        return m_base;
    qsizetype size = 0;
    for (int i = 0; i < lineCount(); ++i)
        size += line(i).size() + 2;
    QString out;
    out.reserve(size);
    const int last = lineCount() - 1;
    for (int i = 0; i < last; ++i) {
        out += line(i);
        out += SourceText::endingText(ending(i));
    }
    out += line(last);
    return SourceText::fromText(out, m_base.hasBom());
}

TextPosition TextBuffer::endOf(TextPosition from, QStringView text)
{
    const QList<QStringView> parts = splitLines(text);
    if (parts.size() == 1)
        return {from.line, from.column + int(text.size())};
    return {from.line + int(parts.size()) - 1, int(parts.last().size())};
}

TextPosition TextBuffer::apply(TextPosition from, TextPosition to, QStringView text, LineChange *change)
{
    const QList<QStringView> parts = splitLines(text);
    const QString head = line(from.line).left(from.column).toString();
    const QString tail = line(to.line).mid(to.column).toString();
    const qint32 lastRef = m_lines.at(to.line);
    const SourceText::LineEnding lastEnding =
        lastRef >= 0 ? m_base.lineInfo(lastRef + 1).ending : m_added.at(-lastRef - 1).ending;

    QList<qint32> refs;
    refs.reserve(parts.size());
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const bool first = i == 0, last = i + 1 == parts.size();
        QString content;
        if (first)
            content += head;
        content += parts.at(i);
        if (last)
            content += tail;
        m_added.append({content, last ? lastEnding : m_defaultKind});
        refs.append(-qint32(m_added.size()));
    }
    const int removed = to.line - from.line + 1;
    m_lines.remove(from.line, removed);
    m_lines.insert(from.line, refs.size(), 0);
    std::copy(refs.cbegin(), refs.cend(), m_lines.begin() + from.line);
    if (change)
        *change = {from.line, removed, int(refs.size())};
    return endOf(from, text);
}

TextPosition TextBuffer::replace(
    TextPosition from, TextPosition to, QStringView text, LineChange *change, Grouping grouping)
{
    from = clamped(from);
    to = clamped(to);
    if (to < from)
        std::swap(from, to);
    QString inserted = text.toString();
    // Stored with "\n" breaks, so that undo and redo compute the same positions.
    inserted.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    inserted.replace(u'\r', u'\n');
    Step step{from, this->text(from, to), inserted, grouping == Grouping::Typing};
    const TextPosition end = apply(from, to, inserted, change);

    m_history.resize(m_undoIndex);
    if (m_cleanIndex > m_undoIndex)
        m_cleanIndex = -1;
    const bool typingRun = step.typing && step.removed.isEmpty() && !inserted.contains(u'\n');
    if (typingRun && m_undoIndex > 0 && m_cleanIndex != m_undoIndex) {
        Step &previous = m_history[m_undoIndex - 1];
        if (previous.typing && previous.removed.isEmpty() &&
            endOf(previous.from, previous.inserted) == from) {
            previous.inserted += inserted;
            return end;
        }
    }
    step.typing = typingRun;
    m_history.append(step);
    ++m_undoIndex;
    return end;
}

std::optional<TextPosition> TextBuffer::undo(LineChange *change)
{
    if (!canUndo())
        return std::nullopt;
    const Step &step = m_history.at(--m_undoIndex);
    return apply(step.from, endOf(step.from, step.inserted), step.removed, change);
}

std::optional<TextPosition> TextBuffer::redo(LineChange *change)
{
    if (!canRedo())
        return std::nullopt;
    const Step &step = m_history.at(m_undoIndex++);
    return apply(step.from, endOf(step.from, step.removed), step.inserted, change);
}

std::optional<TextPosition> TextBuffer::find(
    QStringView needle, TextPosition from, Qt::CaseSensitivity cs) const
{
    if (needle.isEmpty())
        return std::nullopt;
    from = clamped(from);
    const int count = lineCount();
    for (int step = 0; step <= count; ++step) {
        const int index = (from.line + step) % count;
        const qsizetype start = step == 0 ? from.column : 0;
        const qsizetype found = line(index).indexOf(needle, start, cs);
        // The wrapped-around start line is searched again only before the starting column.
        if (found >= 0 && (step < count || found < from.column))
            return TextPosition{index, int(found)};
    }
    return std::nullopt;
}

} // namespace Countersign
