// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

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
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace Countersign {

namespace {
constexpr int textPadding = 4;
} // namespace

TextView::TextView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_highlighter(std::make_unique<LineHighlighter>())
    , m_cache(m_buffer)
    , m_renderer(m_buffer)
    , m_control(m_buffer, m_cache)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_cache.setFont(font());
    m_cache.setHighlight([this](int first, int last) { return highlight(first, last); });
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
            m_cache.clear();
            viewport()->update();
        }
    });
    connect(&m_control, &TextControl::textChanged, this, &TextView::textChanged);
    connect(&m_control, &TextControl::cursorMoved, this, &TextView::cursorChanged);
    connect(&m_control, &TextControl::edited, this, [this] {
        Q_EMIT textEdited();
        Q_EMIT viewChanged();
    });
    connect(&m_control, &TextControl::modificationChanged, this, &TextView::modificationChanged);
    connect(&m_control, &TextControl::scrollRequested, this,
        [this](int lines) { scrollToLine(firstVisibleLine() + lines); });
    // The cache learns where the view is before anyone hears that it changed.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TextView::updateCacheView);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TextView::viewChanged);
    updateGeometryInfo();
}

TextView::~TextView() = default;

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

QList<LayoutCache::Formats> TextView::highlight(int first, int last)
{
    ensureHighlighting();
    bool exact = true;
    QList<LineHighlighter::Formats> formats = m_highlighter->highlight(m_buffer, first, last, &exact);
    if (!exact) {
        m_highlightExact = false;
        m_catchUp.start();
    }
    return formats;
}

void TextView::setSource(const SourceText &source)
{
    const bool wasModified = m_buffer.isModified();
    m_buffer = TextBuffer(source);
    m_highlighter->reset(m_buffer.lineCount());
    m_control.reset();
    m_cache.setWordMarks({});
    m_renderer.setLineMarks({});
    m_renderer.setLintMarks({});
    m_maxColumns = 0;
    for (int i = 0; i < m_buffer.lineCount(); ++i)
        m_maxColumns = std::max(m_maxColumns, m_buffer.lineLength(i));
    m_cache.clear();
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

void TextView::setWordWrap(bool wrap)
{
    if (m_cache.wrap() == wrap)
        return;
    m_cache.setWrap(wrap);
    setHorizontalScrollBarPolicy(wrap ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
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
    m_renderer.setTheme(theme);
    m_cache.clear();
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
    m_cache.setWordTint(wordTint);
    m_cache.setWordMarks(next);
    m_renderer.setLineTint(lineTint);
    m_renderer.setLineMarks(next);
    viewport()->update();
}

void TextView::setLintMarks(const QList<LintMark> &marks)
{
    if (m_renderer.setLintMarks(marks))
        viewport()->update();
}

QString TextView::lintMessage(int line) const
{
    return m_renderer.lintMessage(line - 1);
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
    m_gutterWidth = TextRenderer::gutterWidth(font(), m_buffer.lineCount());
    updateCacheView();
    updateScrollBars();
}

void TextView::updateCacheView()
{
    m_cache.setWrapWidth(wrapWidth());
    m_cache.setView(firstVisibleLine(), visibleRows());
}

void TextView::updateScrollBars()
{
    const int count = m_buffer.lineCount();
    int maximum = std::max(0, count - visibleRows());
    if (m_cache.wrap()) {
        // The last lines fill the view: walk back from the end until they do.
        qreal height = 0;
        int line = count;
        while (line > 0 && height < viewport()->height()) {
            --line;
            height += m_cache.lineHeight(line);
        }
        maximum = height > viewport()->height() ? line + 1 : line;
        maximum = std::min(maximum, count - 1);
    }
    verticalScrollBar()->setRange(0, std::max(0, maximum));
    verticalScrollBar()->setPageStep(visibleRows());
    verticalScrollBar()->setSingleStep(1);
    const int textWidth = fontMetrics().horizontalAdvance(u'x') * (m_maxColumns + 2);
    horizontalScrollBar()->setRange(
        0, m_cache.wrap() ? 0 : std::max(0, textWidth - (viewport()->width() - textLeft())));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(fontMetrics().horizontalAdvance(u'x') * 4);
}

void TextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateCacheView();
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
    while (line < m_buffer.lineCount() - 1 && y + m_cache.lineHeight(line) < viewport()->height())
        y += m_cache.lineHeight(line++);
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
        const qreal height = m_cache.lineHeight(i);
        if (i == line)
            return {y, y + height};
        y += height;
    }
    // Below the view: lines after the last one in view, one row each.
    y += (line - last - 1) * rowHeight;
    return {y, y + rowHeight};
}

QList<QTextLayout::FormatRange> TextView::lineFormats(int line) const
{
    if (line < 0 || line >= m_buffer.lineCount())
        return {};
    return m_cache.lineFormats(line);
}

void TextView::paintEvent(QPaintEvent *)
{
    ensureHighlighting();
    QPainter painter(viewport());
    TextRenderer::Frame frame;
    frame.area = viewport()->rect();
    frame.background = palette().color(QPalette::Base);
    frame.firstLine = firstVisibleLine();
    frame.rows = visibleRows();
    frame.gutterWidth = m_gutterWidth;
    frame.textX = textLeft() - horizontalScrollBar()->value();
    frame.cursor = m_control.cursorPosition();
    frame.anchor = m_control.anchorPosition();
    frame.showCursor = m_cursorVisible && hasFocus();
    m_renderer.paint(painter, m_cache, frame);
}

// Cursor and selection

TextPosition TextView::positionAt(const QPoint &point) const
{
    qreal y = 0;
    const int count = m_buffer.lineCount();
    int line = firstVisibleLine();
    for (; line < count; ++line) {
        const qreal height = m_cache.layout(line)->boundingRect().height();
        if (point.y() < y + height || line == count - 1)
            break;
        y += height;
    }
    if (point.y() < 0)
        line = std::max(0, firstVisibleLine() - 1);
    QTextLayout *lineLayout = m_cache.layout(line);
    const qreal x = point.x() - textLeft() + horizontalScrollBar()->value();
    for (int row = 0; row < lineLayout->lineCount(); ++row) {
        const QTextLine textLine = lineLayout->lineAt(row);
        if (point.y() < y + textLine.y() + textLine.height() || row == lineLayout->lineCount() - 1)
            return {line, textLine.xToCursor(x)};
    }
    return {line, 0};
}

void TextView::cursorChanged()
{
    m_cursorVisible = true;
    if (hasFocus())
        startBlinking();
    ensureCursorVisible();
    viewport()->update();
    Q_EMIT cursorMoved();
}

void TextView::ensureCursorVisible()
{
    const TextPosition cursor = m_control.cursorPosition();
    const int line = cursor.line;
    const int first = firstVisibleLine();
    if (line < first) {
        scrollToLine(line);
    } else if (line > lastVisibleLine() || lineSpan(line).second > viewport()->height()) {
        // Scroll so that the cursor's line is the last one in view.
        qreal height = 0;
        int top = line;
        while (top > 0 && height + m_cache.lineHeight(top) <= viewport()->height())
            height += m_cache.lineHeight(top--);
        scrollToLine(std::min(line, top + 1));
    }
    if (!m_cache.wrap()) {
        const qreal x = m_cache.layout(line)->lineForTextPosition(cursor.column).cursorToX(cursor.column);
        QScrollBar *bar = horizontalScrollBar();
        const int visibleWidth = viewport()->width() - textLeft() - textPadding;
        if (x < bar->value())
            bar->setValue(int(x));
        else if (x > bar->value() + visibleWidth)
            bar->setValue(int(x) - visibleWidth);
    }
}

void TextView::textChanged(const LineChange &change)
{
    m_highlighter->linesChanged(change);
    for (int line = change.first; line < change.first + change.added; ++line)
        m_maxColumns = std::max(m_maxColumns, m_buffer.lineLength(line));
    // Lines before the edit look as they did; those after it may be highlighted differently.
    m_cache.dropFrom(change.first);
    updateGeometryInfo();
}

// Events

bool TextView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride &&
        m_control.handlesShortcut(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::FontChange) {
        m_cache.setFont(font());
        updateGeometryInfo();
    }
    return QAbstractScrollArea::event(event);
}

void TextView::keyPressEvent(QKeyEvent *event)
{
    if (!m_control.keyPress(event, visibleRows()))
        QAbstractScrollArea::keyPressEvent(event);
}

void TextView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_control.click(positionAt(event->position().toPoint()), event->modifiers() & Qt::ShiftModifier);
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
    if (event->button() == Qt::LeftButton)
        m_control.selectWordAt(positionAt(event->position().toPoint()));
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
        m_control.insert(event->commitString(), TextBuffer::Grouping::Typing);
    event->accept();
}

QVariant TextView::inputMethodQuery(Qt::InputMethodQuery query) const
{
    const TextPosition cursor = m_control.cursorPosition();
    const TextPosition anchor = m_control.anchorPosition();
    switch (query) {
    case Qt::ImEnabled:
        return true;
    case Qt::ImCursorRectangle: {
        const auto [top, bottom] = lineSpan(cursor.line);
        const QTextLine row = m_cache.layout(cursor.line)->lineForTextPosition(cursor.column);
        const qreal x =
            textLeft() - horizontalScrollBar()->value() + (row.isValid() ? row.cursorToX(cursor.column) : 0);
        const qreal y = top + (row.isValid() ? row.y() : 0);
        return QRectF(x, y, 1, row.isValid() ? row.height() : bottom - top).toRect();
    }
    case Qt::ImSurroundingText:
        return m_buffer.line(cursor.line).toString();
    case Qt::ImCursorPosition:
        return cursor.column;
    case Qt::ImAnchorPosition:
        return anchor.line == cursor.line ? anchor.column : cursor.column;
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
