// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "textrenderer.h"

#include "layoutcache.h"

#include <KSyntaxHighlighting/Theme>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>
#include <limits>

namespace Countersign {

namespace {
constexpr int gutterPadding = 6;
} // namespace

TextRenderer::TextRenderer(const TextBuffer &buffer)
    : m_buffer(buffer)
{ }

int TextRenderer::gutterWidth(const QFont &font, int lineCount)
{
    const int digits = int(QString::number(std::max(1, lineCount)).size());
    return 2 * gutterPadding + QFontMetrics(font).horizontalAdvance(u'9') * std::max(3, digits);
}

void TextRenderer::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    using KSyntaxHighlighting::Theme;
    const auto color = [&theme](
                           Theme::EditorColorRole role) { return QColor::fromRgba(theme.editorColor(role)); };
    m_currentLine = color(Theme::CurrentLine);
    m_selection = color(Theme::TextSelection);
    m_gutter = color(Theme::IconBorder);
    m_lineNumber = color(Theme::LineNumbers);
    m_currentLineNumber = color(Theme::CurrentLineNumber);
}

bool TextRenderer::setLintMarks(const QList<LintMark> &marks)
{
    QHash<int, QList<LintMark>> next;
    for (const LintMark &mark : marks)
        next[std::max(mark.line, 1) - 1].append(mark);
    for (QList<LintMark> &line : next)
        std::stable_sort(
            line.begin(), line.end(), [](const LintMark &a, const LintMark &b) { return a.error > b.error; });
    if (next == m_lint)
        return false;
    m_lint = std::move(next);
    return true;
}

QString TextRenderer::lintMessage(int line) const
{
    QStringList messages;
    for (const LintMark &mark : m_lint.value(line))
        messages.append(mark.message);
    return messages.join(u'\n');
}

QColor TextRenderer::matchBackground()
{
    return QColor(0xff, 0xe0, 0x66);
}

QString TextRenderer::foldMarker()
{
    return QStringLiteral("\u21aa"); // ↪, as a line that goes on
}

bool TextRenderer::setCurrentDifference(int first, int count)
{
    if (first == m_currentFirst && count == m_currentCount)
        return false;
    m_currentFirst = first;
    m_currentCount = count;
    return true;
}

void TextRenderer::paintCurrentDifference(QPainter &painter, const QRectF &span) const
{
    if (span.top() > span.bottom())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(currentDifferenceFrame(), 2));
    painter.setBrush(Qt::NoBrush);
    if (span.height() <= 0) // no lines on this side: a bar where the other side's lines would go
        painter.drawLine(QPointF(span.left(), span.top()), QPointF(span.right(), span.top()));
    else
        painter.drawRect(span.adjusted(1, 1, -1, -1));
    painter.restore();
}

void TextRenderer::paint(QPainter &painter, LayoutCache &cache, const Frame &frame) const
{
    const QRect &area = frame.area;
    painter.fillRect(area, frame.background);
    const TextPosition selectionStart = std::min(frame.anchor, frame.cursor);
    const TextPosition selectionEnd = std::max(frame.anchor, frame.cursor);
    const bool hasSelection = frame.anchor != frame.cursor;
    const int rowHeight = cache.rowHeight();
    const int gutterWidth = frame.gutterWidth;
    const qreal lintMinimum = QFontMetrics(cache.font()).horizontalAdvance(u'x') * 2;
    const LineFolds &folds = cache.folds();
    const int first = frame.firstVisualLine;
    const int visualCount = cache.visualLineCount();
    cache.prepareLines(
        folds.pieceAt(first).line, folds.pieceAt(std::min(first + frame.rows, visualCount - 1)).line);

    struct Number
    {
        LineFolds::Piece piece;
        qreal y;
    };
    QList<Number> numbers;
    QTextCharFormat matchFormat;
    matchFormat.setBackground(matchBackground());
    matchFormat.setForeground(QColor(Qt::black));
    // The matches of the line being painted, found once for all of its pieces.
    int matchedLine = -1;
    QList<int> matches;
    qreal y = -frame.topRow * qreal(rowHeight);
    // Where the current difference's lines in view begin and end (none: top below bottom).
    qreal frameTop = std::numeric_limits<qreal>::max();
    qreal frameBottom = std::numeric_limits<qreal>::lowest();
    painter.setClipRect(QRect(gutterWidth, 0, area.width() - gutterWidth, area.height()));
    for (int visual = first; visual < visualCount && y < area.height(); ++visual) {
        const LineFolds::Piece piece = folds.pieceAt(visual);
        const int line = piece.line;
        const int start = folds.pieceStart(line, piece.index);
        const int end = folds.pieceEnd(line, piece.index);
        const bool lastPiece = end == m_buffer.lineLength(line);
        QTextLayout *lineLayout = cache.layout(visual);
        const qreal height = std::max<qreal>(rowHeight, lineLayout->lineCount() * qreal(rowHeight));
        const QRectF band(gutterWidth, y, area.width() - gutterWidth, height);
        if (line == frame.cursor.line && !hasSelection)
            painter.fillRect(band, m_currentLine);
        if (m_marks.contains(line))
            painter.fillRect(band, m_lineTint);
        QList<QTextLayout::FormatRange> selections;
        if (!m_search.isEmpty()) {
            if (line != matchedLine) {
                matches = m_search.matchesIn(m_buffer.line(line));
                matchedLine = line;
            }
            // Those in this piece, cut at its edges; a long line has many pieces and few are in view.
            const int length = m_search.length();
            for (auto match = std::lower_bound(matches.cbegin(), matches.cend(), start - length + 1);
                match != matches.cend() && *match < end; ++match) {
                const int from = std::max(*match, start) - start;
                const int to = std::min(*match + length, end) - start;
                selections.append({from, to - from, matchFormat});
            }
        }
        // The selection after the matches: the one selected shows as selected.
        if (hasSelection && line >= selectionStart.line && line <= selectionEnd.line) {
            // The selection in the line (its line break too, when it goes on), then in this piece.
            const int lineFrom = line == selectionStart.line ? selectionStart.column : 0;
            const int lineTo =
                line == selectionEnd.line ? selectionEnd.column : m_buffer.lineLength(line) + 1;
            const int from = std::clamp(lineFrom - start, 0, end - start);
            const int to = std::clamp(lineTo - start, 0, end - start + (lastPiece ? 1 : 0));
            if (to > from) {
                QTextCharFormat format;
                format.setBackground(m_selection);
                selections.append({from, to - from, format});
            }
        }
        const QPointF origin(frame.textX, y);
        lineLayout->draw(&painter, origin, selections);
        if (piece.index == 0)
            paintLintMarks(painter, line, *lineLayout, origin, lintMinimum);
        if (line == frame.cursor.line && frame.showCursor && folds.visualLine(frame.cursor) == visual)
            lineLayout->drawCursor(&painter, origin, frame.cursor.column - start, 2);
        numbers.append({piece, y});
        if (m_currentFirst >= 0 && line >= m_currentFirst &&
            (line < m_currentFirst + m_currentCount || (m_currentCount == 0 && line == m_currentFirst))) {
            frameTop = std::min(frameTop, y);
            frameBottom = std::max(frameBottom, m_currentCount == 0 ? y : y + height);
        }
        y += height;
    }
    paintCurrentDifference(
        painter, QRectF(gutterWidth, frameTop, area.width() - gutterWidth, frameBottom - frameTop));
    painter.setClipping(false);
    painter.fillRect(QRect(0, 0, gutterWidth, area.height()), m_gutter);
    for (const Number &number : numbers) {
        painter.setPen(number.piece.line == frame.cursor.line ? m_currentLineNumber : m_lineNumber);
        painter.drawText(QRectF(0, number.y, gutterWidth - gutterPadding, rowHeight), Qt::AlignRight,
            number.piece.index == 0 ? QString::number(number.piece.line + 1) : foldMarker());
        if (number.piece.index == 0)
            paintBlockingMarker(painter, number.piece.line, number.y, rowHeight);
    }
}

bool TextRenderer::setBlockingLines(const QHash<int, QString> &lines)
{
    if (lines == m_blocking)
        return false;
    m_blocking = lines;
    return true;
}

QRectF TextRenderer::blockingMarker(qreal y, int rowHeight)
{
    // Left of the widest number, in the padding that is always there.
    return {1, y + 2, gutterPadding - 2, qreal(std::max(2, rowHeight - 4))};
}

void TextRenderer::paintBlockingMarker(QPainter &painter, int line, qreal y, int rowHeight) const
{
    if (!m_blocking.contains(line + 1))
        return;
    // The banner's red on a light gutter, a lighter one on a dark gutter: it stands out on both.
    const QColor red = m_gutter.lightness() < 128 ? QColor(0xf8, 0x51, 0x49) : QColor(0xd1, 0x24, 0x2f);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(red);
    painter.drawRoundedRect(blockingMarker(y, rowHeight), 1.5, 1.5);
    painter.restore();
}

void TextRenderer::paintLintMarks(
    QPainter &painter, int line, const QTextLayout &lineLayout, QPointF origin, qreal minimumWidth) const
{
    const auto found = m_lint.constFind(line);
    if (found == m_lint.constEnd())
        return;
    const bool error =
        std::any_of(found->cbegin(), found->cend(), [](const LintMark &mark) { return mark.error; });
    const QStringView text = m_buffer.line(line);
    int start = 0;
    while (start < text.size() && text.at(start).isSpace())
        ++start;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(error ? QColor(0xe5, 0x39, 0x35) : QColor(0xd8, 0x9b, 0x00), 1.2));
    for (int i = 0; i < lineLayout.lineCount(); ++i) {
        const QTextLine row = lineLayout.lineAt(i);
        const int from = std::max(start, row.textStart());
        const int to = row.textStart() + row.textLength();
        if (from >= to && i > 0)
            continue;
        const qreal x0 = origin.x() + row.cursorToX(std::min(from, to));
        const qreal x1 = std::max(origin.x() + row.cursorToX(to), x0 + minimumWidth);
        const qreal y = origin.y() + row.y() + row.ascent() + 2;
        // A wave of 2 px amplitude and 4 px period, as spelling checkers draw it.
        QPainterPath wave({x0, y});
        for (qreal x = x0; x < x1; x += 2)
            wave.lineTo(x + 2, int((x - x0) / 2) % 2 == 0 ? y + 2 : y);
        painter.drawPath(wave);
    }
    painter.restore();
}

} // namespace Countersign
