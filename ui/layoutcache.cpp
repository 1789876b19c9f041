// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "layoutcache.h"

#include <QFontMetrics>
#include <QTextCharFormat>

#include <algorithm>
#include <cstdlib>

namespace Countersign {

namespace {
// Lines laid out beyond the view are kept only this far from it.
constexpr int layoutSlack = 200;
} // namespace

LayoutCache::LayoutCache(const TextBuffer &buffer)
    : m_buffer(buffer)
{
    setFont(QFont());
}

LayoutCache::~LayoutCache() = default;

void LayoutCache::setHighlight(Highlight highlight)
{
    m_highlight = std::move(highlight);
    clear();
}

void LayoutCache::setFont(const QFont &font)
{
    m_font = font;
    const QFontMetrics metrics(font);
    m_rowHeight = metrics.lineSpacing();
    m_tabStop = metrics.horizontalAdvance(u' ') * 4;
    clear();
}

void LayoutCache::setWrap(bool wrap)
{
    if (m_wrap == wrap)
        return;
    m_wrap = wrap;
    clear();
}

void LayoutCache::setWrapWidth(int width)
{
    if (m_wrapWidth == width)
        return;
    m_wrapWidth = width;
    if (m_wrap)
        clear();
}

void LayoutCache::setView(int firstLine, int rows)
{
    m_firstLine = firstLine;
    m_rows = rows;
}

void LayoutCache::setWordTint(const QColor &tint)
{
    if (tint == m_wordTint)
        return;
    m_wordTint = tint;
    clear();
}

void LayoutCache::setWordMarks(const QHash<int, LineMark> &marks)
{
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
        if (marks.value(it.key()).ranges != it->ranges)
            m_layouts.erase(it.key());
    }
    for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
        if (!m_marks.contains(it.key()) && !it->ranges.isEmpty())
            m_layouts.erase(it.key());
    }
    m_marks = marks;
}

QTextOption LayoutCache::textOption() const
{
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(m_tabStop);
    return option;
}

void LayoutCache::dropFrom(int line)
{
    std::erase_if(m_layouts, [line](const auto &entry) { return entry.first >= line; });
    m_lineFormats.removeIf([line](const auto &entry) { return entry.key() >= line; });
}

void LayoutCache::prepareLines(int first, int last)
{
    last = std::min(last, m_buffer.lineCount() - 1);
    int from = first;
    while (from <= last && m_lineFormats.contains(from))
        ++from;
    if (from > last)
        return;
    const QList<Formats> formats = m_highlight ? m_highlight(from, last) : QList<Formats>();
    for (int line = from; line <= last; ++line)
        m_lineFormats.insert(line, formats.value(line - from));
}

LayoutCache::Formats LayoutCache::lineFormats(int line)
{
    if (!m_lineFormats.contains(line))
        prepareLines(line, line);
    return m_lineFormats.value(line);
}

qreal LayoutCache::lineHeight(int line) const
{
    if (const auto found = m_layouts.find(line); found != m_layouts.end())
        return found->second->boundingRect().height();
    if (!m_wrap)
        return m_rowHeight;
    // Measured without highlighting (which the first paint waits for), as it will wrap.
    QTextLayout measure(m_buffer.line(line).toString(), m_font);
    measure.setTextOption(textOption());
    int rows = 0;
    measure.beginLayout();
    for (QTextLine textLine = measure.createLine(); textLine.isValid(); textLine = measure.createLine()) {
        textLine.setLineWidth(m_wrapWidth);
        ++rows;
    }
    measure.endLayout();
    return std::max(1, rows) * qreal(m_rowHeight);
}

QTextLayout *LayoutCache::layout(int line)
{
    if (const auto found = m_layouts.find(line); found != m_layouts.end())
        return found->second.get();
    if (m_layouts.size() > 4 * layoutSlack) {
        // Keep what is near the view.
        std::erase_if(m_layouts, [this](const auto &entry) {
            if (std::abs(entry.first - m_firstLine) <= layoutSlack)
                return false;
            m_lineFormats.remove(entry.first);
            return true;
        });
    }
    if (!m_lineFormats.contains(line))
        prepareLines(std::max(0, line - m_rows), line + m_rows);

    auto out = std::make_unique<QTextLayout>(m_buffer.line(line).toString(), m_font);
    out->setTextOption(textOption());
    Formats formats = m_lineFormats.value(line);
    if (const auto mark = m_marks.constFind(line); mark != m_marks.constEnd()) {
        for (const TextRange &range : mark->ranges) {
            QTextCharFormat format;
            format.setBackground(m_wordTint);
            formats.append({int(range.start), int(range.length), format});
        }
    }
    out->setFormats(formats);
    out->setCacheEnabled(true);
    out->beginLayout();
    qreal y = 0;
    const qreal width = m_wrap ? m_wrapWidth : 1e7;
    for (QTextLine row = out->createLine(); row.isValid(); row = out->createLine()) {
        row.setLineWidth(width);
        row.setPosition({0, y});
        y += m_rowHeight;
    }
    out->endLayout();
    return m_layouts.emplace(line, std::move(out)).first->second.get();
}

} // namespace Countersign
