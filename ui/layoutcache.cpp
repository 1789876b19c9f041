// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "layoutcache.h"

#include "appearance.h"

#include <QFontMetrics>
#include <QFontMetricsF>
#include <QTextCharFormat>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace Countersign {

namespace {
// Lines laid out beyond the view are kept only this far from it.
constexpr int layoutSlack = 200;
// Laid-out characters kept at most, beyond those near the view: a hundred folded pieces.
constexpr qsizetype laidOutBudget = 100 * qsizetype(LineFolds::foldLength);
} // namespace

LayoutCache::LayoutCache(const TextBuffer &buffer)
    : m_buffer(buffer)
    , m_folds(buffer)
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
    m_charWidth = std::max<qreal>(1, QFontMetricsF(font).horizontalAdvance(u'x'));
    m_tabStop = metrics.horizontalAdvance(u' ') * 4;
    clear();
    estimateAll();
}

void LayoutCache::setWrap(bool wrap)
{
    if (m_wrap == wrap)
        return;
    m_wrap = wrap;
    clear();
    estimateAll();
}

void LayoutCache::setWrapWidth(int width)
{
    if (m_wrapWidth == width)
        return;
    m_wrapWidth = width;
    if (m_wrap) {
        clear();
        estimateAll();
    }
}

void LayoutCache::setView(int firstVisualLine, int rows)
{
    m_firstVisualLine = firstVisualLine;
    m_viewRows = rows;
}

void LayoutCache::setColors(const QColor &base, const QColor &text)
{
    if (base == m_base && text == m_text)
        return;
    m_base = base;
    m_text = text;
    dropAllLayouts();
}

void LayoutCache::setTints(const QColor &lineTint, const QColor &wordTint)
{
    if (lineTint == m_lineTint && wordTint == m_wordTint)
        return;
    m_lineTint = lineTint;
    m_wordTint = wordTint;
    dropAllLayouts();
}

void LayoutCache::dropAllLayouts()
{
    m_readable.clear();
    dropLayouts([](int) { return true; });
}

QColor LayoutCache::readable(const QColor &color, const QColor &under)
{
    const std::pair key{color.rgba(), under.rgba()};
    if (const auto found = m_readable.constFind(key); found != m_readable.constEnd())
        return QColor::fromRgba(*found);
    const QColor shown = Appearance::readable(color, under);
    m_readable.insert(key, shown.rgba());
    return shown;
}

void LayoutCache::setWordMarks(const QHash<int, LineMark> &marks)
{
    const auto dropLine = [this](int line) {
        if (line < 0 || line >= m_buffer.lineCount())
            return;
        const int first = m_folds.visualLine(line);
        const int end = first + m_folds.pieceCount(line);
        dropLayouts([first, end](int visual) { return visual >= first && visual < end; });
    };
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
        if (marks.value(it.key()).ranges != it->ranges)
            dropLine(it.key());
    }
    for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
        if (!m_marks.contains(it.key()) && !it->ranges.isEmpty())
            dropLine(it.key());
    }
    m_marks = marks;
}

void LayoutCache::reset()
{
    m_folds.reset();
    clear();
    m_widest = 0;
    estimateAll();
}

void LayoutCache::linesChanged(const LineChange &change)
{
    // The folds still describe the text before the edit: where its changed lines were shown.
    const int first = m_folds.visualLine(change.first);
    const int oldEnd = m_folds.visualLine(change.first + change.removed);
    m_folds.linesChanged(change);
    m_rows.replace(first, oldEnd - first, estimatedRows(change.first, change.first + change.added));
    m_rowsChanged = true;
    // Lines before the edit look as they did; those after it may be highlighted differently.
    dropFrom(change.first);
}

int LayoutCache::pieceStart(int visualLine) const
{
    const LineFolds::Piece piece = m_folds.pieceAt(visualLine);
    return m_folds.pieceStart(piece.line, piece.index);
}

TextPosition LayoutCache::position(int visualLine, int column) const
{
    const LineFolds::Piece piece = m_folds.pieceAt(visualLine);
    return {piece.line, m_folds.pieceStart(piece.line, piece.index) + column};
}

int LayoutCache::estimatedRows(int length) const
{
    if (!m_wrap || length == 0)
        return 1;
    return std::max(1, int(std::ceil(length * m_charWidth / std::max(1, m_wrapWidth))));
}

std::vector<int> LayoutCache::estimatedRows(int first, int end) const
{
    std::vector<int> out;
    out.reserve(size_t(std::max(0, end - first)));
    for (int line = first; line < end; ++line) {
        const int pieces = m_folds.pieceCount(line);
        if (pieces == 1) {
            out.push_back(estimatedRows(m_buffer.lineLength(line)));
            continue;
        }
        for (int index = 0; index < pieces; ++index)
            out.push_back(estimatedRows(m_folds.pieceEnd(line, index) - m_folds.pieceStart(line, index)));
    }
    return out;
}

void LayoutCache::estimateAll()
{
    if (m_wrap)
        m_rows.reset(estimatedRows(0, m_buffer.lineCount()), false);
    else
        m_rows.reset(std::vector<int>(size_t(m_folds.visualLineCount()), 1), true);
    m_rowsChanged = true;
}

QTextOption LayoutCache::textOption() const
{
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(m_tabStop);
    return option;
}

void LayoutCache::dropLayouts(const std::function<bool(int visualLine)> &drop)
{
    for (auto it = m_layouts.begin(); it != m_layouts.end();) {
        if (drop(it->first)) {
            m_laidOutLength -= it->second->text().size();
            it = m_layouts.erase(it);
        } else {
            ++it;
        }
    }
}

void LayoutCache::dropFrom(int line)
{
    if (line <= 0) {
        m_layouts.clear();
        m_laidOutLength = 0;
    } else {
        const int first = m_folds.visualLine(std::min(line, m_buffer.lineCount()));
        dropLayouts([first](int visual) { return visual >= first; });
    }
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
    if (m_folds.isFolded(line))
        return {};
    if (!m_lineFormats.contains(line))
        prepareLines(line, line);
    return m_lineFormats.value(line);
}

void LayoutCache::recordRows(int visualLine, int rows)
{
    if (m_rows.setRows(visualLine, rows))
        m_rowsChanged = true;
}

qreal LayoutCache::lineHeight(int visualLine)
{
    if (const auto found = m_layouts.find(visualLine); found != m_layouts.end())
        return found->second->lineCount() * qreal(m_rowHeight);
    if (!m_wrap)
        return m_rowHeight;
    if (m_rows.isExact(visualLine))
        return m_rows.rows(visualLine) * qreal(m_rowHeight);
    // Measured without highlighting (which the first paint waits for), as it will wrap.
    const LineFolds::Piece piece = m_folds.pieceAt(visualLine);
    const int start = m_folds.pieceStart(piece.line, piece.index);
    const int end = m_folds.pieceEnd(piece.line, piece.index);
    QTextLayout measure(m_buffer.line(piece.line).sliced(start, end - start).toString(), m_font);
    measure.setTextOption(textOption());
    int rows = 0;
    measure.beginLayout();
    for (QTextLine textLine = measure.createLine(); textLine.isValid(); textLine = measure.createLine()) {
        textLine.setLineWidth(m_wrapWidth);
        ++rows;
    }
    measure.endLayout();
    recordRows(visualLine, std::max(1, rows));
    return std::max(1, rows) * qreal(m_rowHeight);
}

QTextLayout *LayoutCache::layout(int visualLine)
{
    if (const auto found = m_layouts.find(visualLine); found != m_layouts.end())
        return found->second.get();
    if (m_layouts.size() > 4 * layoutSlack || m_laidOutLength > laidOutBudget) {
        // Keep what is near the view; of long pieces, what is in it and a page either side.
        const int first = m_firstVisualLine;
        dropLayouts([first](int visual) { return std::abs(visual - first) > layoutSlack; });
        if (m_laidOutLength > laidOutBudget) {
            const int rows = m_viewRows;
            dropLayouts(
                [first, rows](int visual) { return visual < first - rows || visual > first + 2 * rows; });
        }
    }
    const LineFolds::Piece piece = m_folds.pieceAt(visualLine);
    const int line = piece.line;
    const bool folded = m_folds.isFolded(line);
    if (!folded && !m_lineFormats.contains(line))
        prepareLines(std::max(0, line - m_viewRows), line + m_viewRows);
    const int start = m_folds.pieceStart(line, piece.index);
    const int end = m_folds.pieceEnd(line, piece.index);

    auto out =
        std::make_unique<QTextLayout>(m_buffer.line(line).sliced(start, end - start).toString(), m_font);
    out->setTextOption(textOption());
    const auto mark = m_marks.constFind(line);
    Formats formats;
    if (m_text.isValid() && m_base.isValid()) {
        // The text reads on what is under it: a changed line's tints or the base.
        const QColor under = mark == m_marks.constEnd()
            ? m_base
            : Appearance::over(m_wordTint, Appearance::over(m_lineTint, m_base));
        QTextCharFormat normal;
        normal.setForeground(readable(m_text, under));
        formats.append({0, end - start, normal});
        if (!folded) {
            for (QTextLayout::FormatRange range : m_lineFormats.value(line)) {
                if (range.format.hasProperty(QTextFormat::ForegroundBrush))
                    range.format.setForeground(readable(range.format.foreground().color(), under));
                formats.append(range);
            }
        }
    } else if (!folded) {
        formats = m_lineFormats.value(line);
    }
    if (mark != m_marks.constEnd()) {
        for (const TextRange &range : mark->ranges) {
            const int from = std::max(range.start, start);
            const int to = std::min(range.end(), end);
            if (from >= to)
                continue;
            QTextCharFormat format;
            format.setBackground(m_wordTint);
            formats.append({from - start, to - from, format});
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
        if (!m_wrap)
            m_widest = std::max(m_widest, row.naturalTextWidth());
    }
    out->endLayout();
    recordRows(visualLine, std::max(1, out->lineCount()));
    m_laidOutLength += end - start;
    return m_layouts.emplace(visualLine, std::move(out)).first->second.get();
}

} // namespace Countersign
