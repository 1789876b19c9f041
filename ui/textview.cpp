#include "textview.h"

#include "highlighting.h"
#include "linehighlighter.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QInputMethodEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyleHints>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace Countersign {

namespace {
constexpr int gutterPadding = 6;
constexpr int textPadding = 4;
// Lines laid out beyond the view are kept only this far from it.
constexpr int layoutSlack = 200;

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
} // namespace

TextView::TextView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_highlighter(std::make_unique<LineHighlighter>())
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled);
    setAcceptDrops(true);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(false);
    m_highlighter->reset(m_buffer.lineCount());
    // Exact highlighting catches up in slices short enough never to be felt while typing.
    m_catchUp.setInterval(0);
    connect(&m_catchUp, &QTimer::timeout, this, [this] {
        if (m_highlighter->catchUp(m_buffer, lastVisibleLine(), 4)) {
            m_catchUp.stop();
            m_highlightExact = true;
            dropLayouts();
            viewport()->update();
        }
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TextView::viewChanged);
    updateGeometryInfo();
}

void TextView::ensureHighlighting() const
{
    // Deferred to the first use: the definition may still be loading while the window is built.
    if (m_highlighter->definition().isValid())
        return;
    auto *self = const_cast<TextView *>(this);
    m_highlighter->setDefinition(Highlighting::markdown());
    if (!m_highlighter->theme().isValid()) {
        KSyntaxHighlighting::Theme theme;
        if (!m_themeName.isEmpty())
            theme = Highlighting::repository().theme(m_themeName);
        self->setTheme(theme.isValid() ? theme : Highlighting::themeFor(palette()));
    }
}

void TextView::setThemeName(const QString &name)
{
    m_themeName = name;
}

QString TextView::themeName() const
{
    ensureHighlighting();
    return m_highlighter->theme().name();
}

TextView::~TextView()
{
    qDeleteAll(m_layouts);
}

void TextView::setSource(const SourceText &source)
{
    const bool wasModified = m_buffer.isModified();
    m_buffer = TextBuffer(source);
    m_highlighter->reset(m_buffer.lineCount());
    m_cursor = m_anchor = {};
    m_preferredX = -1;
    m_marks.clear();
    m_lint.clear();
    m_maxColumns = 0;
    for (int i = 0; i < m_buffer.lineCount(); ++i)
        m_maxColumns = std::max(m_maxColumns, m_buffer.lineLength(i));
    dropLayouts();
    updateGeometryInfo();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    viewport()->update();
    if (wasModified)
        Q_EMIT modificationChanged(false);
}

void TextView::setClean()
{
    const bool was = m_buffer.isModified();
    m_buffer.setClean();
    if (was)
        Q_EMIT modificationChanged(false);
}

void TextView::replaceAll(const QString &text)
{
    m_anchor = {0, 0};
    m_cursor = m_buffer.endPosition();
    insert(text);
    setCursorPosition({0, 0});
}

void TextView::replaceChanged(const QString &text)
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
    m_anchor = {first, 0};
    m_cursor = {oldLast, m_buffer.lineLength(oldLast)};
    insert(lines.mid(first, newLast - first + 1).join(u'\n'));
}

void TextView::setWordWrap(bool wrap)
{
    if (m_wrap == wrap)
        return;
    m_wrap = wrap;
    setHorizontalScrollBarPolicy(wrap ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    dropLayouts();
    updateScrollBars();
    viewport()->update();
    Q_EMIT viewChanged();
}

void TextView::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    using KSyntaxHighlighting::Theme;
    m_highlighter->setTheme(theme);
    const auto color = [&theme](
                           Theme::EditorColorRole role) { return QColor::fromRgba(theme.editorColor(role)); };
    QPalette palette = this->palette();
    palette.setColor(QPalette::Base, color(Theme::BackgroundColor));
    palette.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(Theme::Normal)));
    palette.setColor(QPalette::PlaceholderText, color(Theme::LineNumbers));
    setPalette(palette);
    m_currentLine = color(Theme::CurrentLine);
    m_selection = color(Theme::TextSelection);
    m_gutter = color(Theme::IconBorder);
    m_lineNumber = color(Theme::LineNumbers);
    m_currentLineNumber = color(Theme::CurrentLineNumber);
    dropLayouts();
    viewport()->update();
}

bool TextView::isHighlighted() const
{
    ensureHighlighting();
    return m_highlighter->definition().isValid() && m_highlighter->theme().isValid();
}

void TextView::setLineMarks(const QList<LineMark> &marks, const QColor &lineTint, const QColor &wordTint)
{
    QHash<int, LineMark> next;
    next.reserve(marks.size());
    for (const LineMark &mark : marks)
        next.insert(mark.line - 1, mark);
    if (lineTint != m_lineTint || wordTint != m_wordTint) {
        m_lineTint = lineTint;
        m_wordTint = wordTint;
        dropLayouts();
    } else {
        // Only lines whose marks changed are laid out again (a keystroke changes a few).
        const auto relayout = [this](int line) { delete m_layouts.take(line); };
        for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
            if (next.value(it.key()) != it.value())
                relayout(it.key());
        }
        for (auto it = next.cbegin(); it != next.cend(); ++it) {
            if (!m_marks.contains(it.key()))
                relayout(it.key());
        }
    }
    m_marks = std::move(next);
    viewport()->update();
}

void TextView::setLintMarks(const QList<LintMark> &marks)
{
    QHash<int, QList<LintMark>> next;
    for (const LintMark &mark : marks)
        next[std::max(mark.line, 1) - 1].append(mark);
    for (QList<LintMark> &line : next)
        std::stable_sort(
            line.begin(), line.end(), [](const LintMark &a, const LintMark &b) { return a.error > b.error; });
    if (next == m_lint)
        return;
    m_lint = std::move(next);
    viewport()->update();
}

QString TextView::lintMessage(int line) const
{
    QStringList messages;
    for (const LintMark &mark : m_lint.value(line - 1))
        messages.append(mark.message);
    return messages.join(u'\n');
}

void TextView::paintLintMarks(
    QPainter &painter, int line, const QTextLayout &lineLayout, QPointF origin) const
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
    const qreal minimum = fontMetrics().horizontalAdvance(u'x') * 2;
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
        const qreal x1 = std::max(origin.x() + row.cursorToX(to), x0 + minimum);
        const qreal y = origin.y() + row.y() + row.ascent() + 2;
        // A wave of 2 px amplitude and 4 px period, as spelling checkers draw it.
        QPainterPath wave({x0, y});
        for (qreal x = x0; x < x1; x += 2)
            wave.lineTo(x + 2, int((x - x0) / 2) % 2 == 0 ? y + 2 : y);
        painter.drawPath(wave);
    }
    painter.restore();
}

bool TextView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int line = positionAt(help->pos()).line;
        const QString message = help->pos().y() <= lineSpan(line).second ? lintMessage(line + 1) : QString();
        if (message.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), message, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

// Geometry

int TextView::textLeft() const
{
    return m_gutterWidth + textPadding;
}

int TextView::wrapWidth() const
{
    return std::max(40, viewport()->width() - textLeft() - textPadding);
}

int TextView::visibleRows() const
{
    return std::max(1, viewport()->height() / std::max(1, fontMetrics().lineSpacing()));
}

void TextView::updateGeometryInfo()
{
    const int digits = int(QString::number(std::max(1, m_buffer.lineCount())).size());
    const int width = 2 * gutterPadding + fontMetrics().horizontalAdvance(u'9') * std::max(3, digits);
    if (width != m_gutterWidth) {
        m_gutterWidth = width;
        dropLayouts();
    }
    updateScrollBars();
}

void TextView::updateScrollBars()
{
    const int count = m_buffer.lineCount();
    int maximum = std::max(0, count - visibleRows());
    if (m_wrap) {
        // The last lines fill the view: walk back from the end until they do.
        qreal height = 0;
        int line = count;
        while (line > 0 && height < viewport()->height()) {
            --line;
            height += lineHeight(line);
        }
        maximum = height > viewport()->height() ? line + 1 : line;
        maximum = std::min(maximum, count - 1);
    }
    verticalScrollBar()->setRange(0, std::max(0, maximum));
    verticalScrollBar()->setPageStep(visibleRows());
    verticalScrollBar()->setSingleStep(1);
    const int textWidth = fontMetrics().horizontalAdvance(u'x') * (m_maxColumns + 2);
    horizontalScrollBar()->setRange(
        0, m_wrap ? 0 : std::max(0, textWidth - (viewport()->width() - textLeft())));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(fontMetrics().horizontalAdvance(u'x') * 4);
}

void TextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_wrap)
        dropLayouts();
    updateScrollBars();
    Q_EMIT viewChanged();
}

void TextView::scrollContentsBy(int, int)
{
    viewport()->update();
}

int TextView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

int TextView::lastVisibleLine() const
{
    const int first = firstVisibleLine();
    qreal y = 0;
    int line = first;
    while (line < m_buffer.lineCount() - 1 && y + lineHeight(line) < viewport()->height())
        y += lineHeight(line++);
    return line;
}

void TextView::scrollToLine(int line)
{
    verticalScrollBar()->setValue(std::clamp(line, 0, m_buffer.lineCount() - 1));
}

void TextView::centerOnLine(int line)
{
    scrollToLine(line - visibleRows() / 2);
}

std::pair<qreal, qreal> TextView::lineSpan(int line) const
{
    const int first = firstVisibleLine();
    const qreal rowHeight = fontMetrics().lineSpacing();
    if (line < first)
        return {(line - first) * rowHeight, (line - first + 1) * rowHeight};
    qreal y = 0;
    const int last = lastVisibleLine();
    for (int i = first; i <= std::min(line, last); ++i) {
        const qreal height = lineHeight(i);
        if (i == line)
            return {y, y + height};
        y += height;
    }
    // Below the view: lines after the last one in view, one row each.
    y += (line - last - 1) * rowHeight;
    return {y, y + rowHeight};
}

// Layout and highlighting

void TextView::dropLayouts(int from)
{
    for (auto it = m_layouts.begin(); it != m_layouts.end();) {
        if (it.key() >= from) {
            delete it.value();
            it = m_layouts.erase(it);
        } else {
            ++it;
        }
    }
    m_lineFormats.removeIf([from](const auto &entry) { return entry.key() >= from; });
}

void TextView::prepareLines(int first, int last) const
{
    ensureHighlighting();
    last = std::min(last, m_buffer.lineCount() - 1);
    int from = first;
    while (from <= last && m_lineFormats.contains(from))
        ++from;
    if (from > last)
        return;
    bool exact = true;
    const QList<LineHighlighter::Formats> formats = m_highlighter->highlight(m_buffer, from, last, &exact);
    for (int line = from; line <= last; ++line)
        m_lineFormats.insert(line, formats.value(line - from));
    if (!exact) {
        m_highlightExact = false;
        const_cast<QTimer &>(m_catchUp).start();
    }
}

QTextOption TextView::textOption() const
{
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * 4);
    return option;
}

qreal TextView::lineHeight(int line) const
{
    if (const QTextLayout *laidOut = m_layouts.value(line))
        return laidOut->boundingRect().height();
    const qreal row = fontMetrics().lineSpacing();
    if (!m_wrap)
        return row;
    // Measured without highlighting (which the first paint waits for), as it will wrap.
    QTextLayout measure(m_buffer.line(line).toString(), font());
    measure.setTextOption(textOption());
    int rows = 0;
    measure.beginLayout();
    for (QTextLine textLine = measure.createLine(); textLine.isValid(); textLine = measure.createLine()) {
        textLine.setLineWidth(wrapWidth());
        ++rows;
    }
    measure.endLayout();
    return std::max(1, rows) * row;
}

QList<QTextLayout::FormatRange> TextView::lineFormats(int line) const
{
    if (line < 0 || line >= m_buffer.lineCount())
        return {};
    if (!m_lineFormats.contains(line))
        prepareLines(line, line);
    return m_lineFormats.value(line);
}

QTextLayout *TextView::layout(int line) const
{
    if (QTextLayout *found = m_layouts.value(line))
        return found;
    if (m_layouts.size() > 4 * layoutSlack) {
        // Keep what is near the view.
        const int first = firstVisibleLine();
        for (auto it = m_layouts.begin(); it != m_layouts.end();) {
            if (std::abs(it.key() - first) > layoutSlack) {
                delete it.value();
                m_lineFormats.remove(it.key());
                it = m_layouts.erase(it);
            } else {
                ++it;
            }
        }
    }
    if (!m_lineFormats.contains(line)) {
        // A page either way: views walk lines up (to fill the view from the end) as well as down.
        const int rows = visibleRows();
        prepareLines(std::max(0, line - rows), line + rows);
    }

    auto *out = new QTextLayout(m_buffer.line(line).toString(), font());
    out->setTextOption(textOption());
    QList<QTextLayout::FormatRange> formats = m_lineFormats.value(line);
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
    const qreal width = m_wrap ? wrapWidth() : 1e7;
    for (QTextLine row = out->createLine(); row.isValid(); row = out->createLine()) {
        row.setLineWidth(width);
        row.setPosition({0, y});
        y += fontMetrics().lineSpacing();
    }
    out->endLayout();
    m_layouts.insert(line, out);
    return out;
}

void TextView::paintEvent(QPaintEvent *)
{
    ensureHighlighting();
    QPainter painter(viewport());
    const QPalette palette = this->palette();
    const QRect area = viewport()->rect();
    painter.fillRect(area, palette.color(QPalette::Base));
    const int left = textLeft() - horizontalScrollBar()->value();
    const TextPosition selectionStart = std::min(m_anchor, m_cursor);
    const TextPosition selectionEnd = std::max(m_anchor, m_cursor);
    const int rowHeight = fontMetrics().lineSpacing();
    const int first = firstVisibleLine();
    prepareLines(first, first + visibleRows());

    struct Number
    {
        int line;
        qreal y;
    };
    QList<Number> numbers;
    qreal y = 0;
    painter.setClipRect(QRect(m_gutterWidth, 0, area.width() - m_gutterWidth, area.height()));
    for (int line = first; line < m_buffer.lineCount() && y < area.height(); ++line) {
        QTextLayout *lineLayout = layout(line);
        const qreal height = std::max<qreal>(rowHeight, lineLayout->boundingRect().height());
        const QRectF band(m_gutterWidth, y, area.width() - m_gutterWidth, height);
        if (line == m_cursor.line && !hasSelection())
            painter.fillRect(band, m_currentLine);
        if (m_marks.contains(line))
            painter.fillRect(band, m_lineTint);
        QList<QTextLayout::FormatRange> selections;
        if (hasSelection() && line >= selectionStart.line && line <= selectionEnd.line) {
            const int from = line == selectionStart.line ? selectionStart.column : 0;
            const int to = line == selectionEnd.line ? selectionEnd.column : m_buffer.lineLength(line) + 1;
            QTextCharFormat format;
            format.setBackground(m_selection);
            selections.append({from, to - from, format});
        }
        lineLayout->draw(&painter, QPointF(left, y), selections);
        paintLintMarks(painter, line, *lineLayout, QPointF(left, y));
        if (line == m_cursor.line && m_cursorVisible && hasFocus())
            lineLayout->drawCursor(&painter, QPointF(left, y), m_cursor.column, 2);
        numbers.append({line, y});
        y += height;
    }
    painter.setClipping(false);
    painter.fillRect(QRect(0, 0, m_gutterWidth, area.height()), m_gutter);
    for (const Number &number : numbers) {
        painter.setPen(number.line == m_cursor.line ? m_currentLineNumber : m_lineNumber);
        painter.drawText(QRectF(0, number.y, m_gutterWidth - gutterPadding, rowHeight), Qt::AlignRight,
            QString::number(number.line + 1));
    }
}

// Cursor and selection

TextPosition TextView::positionAt(const QPoint &point) const
{
    qreal y = 0;
    const int count = m_buffer.lineCount();
    int line = firstVisibleLine();
    for (; line < count; ++line) {
        const qreal height = layout(line)->boundingRect().height();
        if (point.y() < y + height || line == count - 1)
            break;
        y += height;
    }
    if (point.y() < 0)
        line = std::max(0, firstVisibleLine() - 1);
    QTextLayout *lineLayout = layout(line);
    const qreal x = point.x() - textLeft() + horizontalScrollBar()->value();
    for (int row = 0; row < lineLayout->lineCount(); ++row) {
        const QTextLine textLine = lineLayout->lineAt(row);
        if (point.y() < y + textLine.y() + textLine.height() || row == lineLayout->lineCount() - 1)
            return {line, textLine.xToCursor(x)};
    }
    return {line, 0};
}

void TextView::setCursorPosition(TextPosition position, bool select)
{
    m_cursor = m_buffer.clamped(position);
    if (!select)
        m_anchor = m_cursor;
    m_cursorVisible = true;
    if (hasFocus())
        startBlinking();
    ensureCursorVisible();
    viewport()->update();
    Q_EMIT cursorMoved();
}

void TextView::ensureCursorVisible()
{
    const int line = m_cursor.line;
    const int first = firstVisibleLine();
    if (line < first) {
        scrollToLine(line);
    } else if (line > lastVisibleLine() || lineSpan(line).second > viewport()->height()) {
        // Scroll so that the cursor's line is the last one in view.
        qreal height = 0;
        int top = line;
        while (top > 0 && height + lineHeight(top) <= viewport()->height())
            height += lineHeight(top--);
        scrollToLine(std::min(line, top + 1));
    }
    if (!m_wrap) {
        const qreal x = layout(line)->lineForTextPosition(m_cursor.column).cursorToX(m_cursor.column);
        QScrollBar *bar = horizontalScrollBar();
        const int visibleWidth = viewport()->width() - textLeft() - textPadding;
        if (x < bar->value())
            bar->setValue(int(x));
        else if (x > bar->value() + visibleWidth)
            bar->setValue(int(x) - visibleWidth);
    }
}

QString TextView::selectedText() const
{
    return m_buffer.text(m_anchor, m_cursor);
}

bool TextView::find(const QString &text)
{
    const std::optional<TextPosition> found = m_buffer.find(text, std::max(m_anchor, m_cursor));
    if (!found)
        return false;
    m_anchor = *found;
    setCursorPosition({found->line, found->column + int(text.size())}, true);
    return true;
}

TextPosition TextView::verticalMove(TextPosition from, int rows) const
{
    QTextLayout *lineLayout = layout(from.line);
    QTextLine row = lineLayout->lineForTextPosition(from.column);
    const qreal x = m_preferredX >= 0 ? m_preferredX : row.cursorToX(from.column);
    int line = from.line;
    int rowIndex = row.isValid() ? row.lineNumber() : 0;
    for (int step = 0; step < std::abs(rows); ++step) {
        if (rows > 0) {
            if (rowIndex + 1 < layout(line)->lineCount()) {
                ++rowIndex;
            } else if (line + 1 < m_buffer.lineCount()) {
                ++line;
                rowIndex = 0;
            } else {
                return {line, m_buffer.lineLength(line)};
            }
        } else {
            if (rowIndex > 0) {
                --rowIndex;
            } else if (line > 0) {
                --line;
                rowIndex = layout(line)->lineCount() - 1;
            } else {
                return {0, 0};
            }
        }
    }
    return {line, layout(line)->lineAt(rowIndex).xToCursor(x)};
}

TextPosition TextView::moved(TextPosition from, int key, bool word) const
{
    const QTextLayout::CursorMode mode = word ? QTextLayout::SkipWords : QTextLayout::SkipCharacters;
    if (key == Qt::Key_Right) {
        if (from.column >= m_buffer.lineLength(from.line))
            return from.line + 1 < m_buffer.lineCount() ? TextPosition{from.line + 1, 0} : from;
        return {from.line, layout(from.line)->nextCursorPosition(from.column, mode)};
    }
    if (from.column == 0)
        return from.line > 0 ? TextPosition{from.line - 1, m_buffer.lineLength(from.line - 1)} : from;
    return {from.line, layout(from.line)->previousCursorPosition(from.column, mode)};
}

// Editing

void TextView::insert(const QString &text, TextBuffer::Grouping grouping)
{
    const bool wasModified = m_buffer.isModified();
    LineChange change;
    const TextPosition end = m_buffer.replace(
        m_anchor, m_cursor, text, &change, hasSelection() ? TextBuffer::Grouping::Separate : grouping);
    afterEdit(change, end, wasModified);
}

void TextView::erase(bool forward, bool word)
{
    if (!hasSelection()) {
        m_anchor = moved(m_cursor, forward ? Qt::Key_Right : Qt::Key_Left, word);
        if (!hasSelection())
            return;
    }
    insert(QString());
}

void TextView::afterEdit(const LineChange &change, TextPosition cursor, bool wasModified)
{
    m_highlighter->linesChanged(change);
    for (int line = change.first; line < change.first + change.added; ++line)
        m_maxColumns = std::max(m_maxColumns, m_buffer.lineLength(line));
    // Lines before the edit look as they did; those after it may be highlighted differently.
    dropLayouts(change.first);
    updateGeometryInfo();
    m_preferredX = -1;
    setCursorPosition(cursor);
    Q_EMIT textEdited();
    Q_EMIT viewChanged();
    if (wasModified != m_buffer.isModified())
        Q_EMIT modificationChanged(m_buffer.isModified());
}

void TextView::undo()
{
    const bool wasModified = m_buffer.isModified();
    LineChange change;
    if (const std::optional<TextPosition> at = m_buffer.undo(&change))
        afterEdit(change, *at, wasModified);
}

void TextView::redo()
{
    const bool wasModified = m_buffer.isModified();
    LineChange change;
    if (const std::optional<TextPosition> at = m_buffer.redo(&change))
        afterEdit(change, *at, wasModified);
}

void TextView::cut()
{
    if (!hasSelection())
        return;
    copy();
    insert(QString());
}

void TextView::copy()
{
    if (hasSelection())
        QGuiApplication::clipboard()->setText(selectedText());
}

void TextView::paste()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (!text.isEmpty())
        insert(text);
}

void TextView::selectAll()
{
    m_anchor = {0, 0};
    setCursorPosition(m_buffer.endPosition(), true);
}

// Events

bool TextView::handlesShortcut(QKeyEvent *event) const
{
    for (const QKeySequence::StandardKey key : editingKeys()) {
        if (event->matches(key))
            return true;
    }
    const QString text = event->text();
    const bool command = event->modifiers() & (Qt::ControlModifier | Qt::MetaModifier);
    return !command && !text.isEmpty() && text.at(0).isPrint();
}

bool TextView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && handlesShortcut(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QAbstractScrollArea::event(event);
}

void TextView::keyPressEvent(QKeyEvent *event)
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
            const QTextLine row = layout(m_cursor.line)->lineForTextPosition(m_cursor.column);
            m_preferredX = row.isValid() ? row.cursorToX(m_cursor.column) : 0;
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
        case PageDown:
            to = verticalMove(m_cursor, visibleRows() - 1);
            scrollToLine(firstVisibleLine() + (to.line - m_cursor.line));
            break;
        case PageUp:
            to = verticalMove(m_cursor, -(visibleRows() - 1));
            scrollToLine(firstVisibleLine() + (to.line - m_cursor.line));
            break;
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
        return;
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
    else if (handlesShortcut(event))
        insert(event->text(), TextBuffer::Grouping::Typing);
    else {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TextView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_preferredX = -1;
    setCursorPosition(positionAt(event->position().toPoint()), event->modifiers() & Qt::ShiftModifier);
}

void TextView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const QPoint point = event->position().toPoint();
    // Dragging past the edge scrolls.
    if (point.y() < 0)
        scrollToLine(firstVisibleLine() - 1);
    else if (point.y() > viewport()->height())
        scrollToLine(firstVisibleLine() + 1);
    setCursorPosition(positionAt(point), true);
}

void TextView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const TextPosition at = positionAt(event->position().toPoint());
    QTextLayout *lineLayout = layout(at.line);
    const int length = m_buffer.lineLength(at.line);
    int start = at.column, end = at.column;
    if (end < length && !lineLayout->isValidCursorPosition(end))
        end = lineLayout->nextCursorPosition(end);
    // The word under the pointer: from the word start before it to the word end after it.
    const QStringView text = m_buffer.line(at.line);
    while (start > 0 && (text[start - 1].isLetterOrNumber() || text[start - 1] == u'_'))
        --start;
    while (end < length && (text[end].isLetterOrNumber() || text[end] == u'_'))
        ++end;
    m_anchor = {at.line, start};
    setCursorPosition({at.line, end}, true);
}

void TextView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("&Undo"), QKeySequence::Undo, this, &TextView::undo)->setEnabled(m_buffer.canUndo());
    menu.addAction(tr("&Redo"), QKeySequence::Redo, this, &TextView::redo)->setEnabled(m_buffer.canRedo());
    menu.addSeparator();
    menu.addAction(tr("Cu&t"), QKeySequence::Cut, this, &TextView::cut)->setEnabled(hasSelection());
    menu.addAction(tr("&Copy"), QKeySequence::Copy, this, &TextView::copy)->setEnabled(hasSelection());
    menu.addAction(tr("&Paste"), QKeySequence::Paste, this, &TextView::paste)
        ->setEnabled(!QGuiApplication::clipboard()->text().isEmpty());
    menu.addSeparator();
    menu.addAction(tr("Select &All"), QKeySequence::SelectAll, this, &TextView::selectAll);
    menu.exec(event->globalPos());
}

void TextView::inputMethodEvent(QInputMethodEvent *event)
{
    if (!event->commitString().isEmpty())
        insert(event->commitString(), TextBuffer::Grouping::Typing);
    event->accept();
}

QVariant TextView::inputMethodQuery(Qt::InputMethodQuery query) const
{
    switch (query) {
    case Qt::ImEnabled:
        return true;
    case Qt::ImCursorRectangle: {
        const auto [top, bottom] = lineSpan(m_cursor.line);
        const QTextLine row = layout(m_cursor.line)->lineForTextPosition(m_cursor.column);
        const qreal x = textLeft() - horizontalScrollBar()->value() +
            (row.isValid() ? row.cursorToX(m_cursor.column) : 0);
        const qreal y = top + (row.isValid() ? row.y() : 0);
        return QRectF(x, y, 1, row.isValid() ? row.height() : bottom - top).toRect();
    }
    case Qt::ImSurroundingText:
        return m_buffer.line(m_cursor.line).toString();
    case Qt::ImCursorPosition:
        return m_cursor.column;
    case Qt::ImAnchorPosition:
        return m_anchor.line == m_cursor.line ? m_anchor.column : m_cursor.column;
    default:
        return QAbstractScrollArea::inputMethodQuery(query);
    }
}

void TextView::startBlinking()
{
    // A flash time of 0 means a steady cursor.
    if (const int period = QApplication::cursorFlashTime() / 2; period > 0)
        m_blink.start(period, this);
}

void TextView::focusInEvent(QFocusEvent *event)
{
    m_cursorVisible = true;
    startBlinking();
    viewport()->update();
    QAbstractScrollArea::focusInEvent(event);
}

void TextView::focusOutEvent(QFocusEvent *event)
{
    m_blink.stop();
    viewport()->update();
    QAbstractScrollArea::focusOutEvent(event);
}

void TextView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_blink.timerId()) {
        m_cursorVisible = !m_cursorVisible;
        viewport()->update();
        return;
    }
    QAbstractScrollArea::timerEvent(event);
}

} // namespace Countersign
