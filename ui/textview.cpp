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
#include <QFontMetricsF>
#include <QInputMethodEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <tuple>

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
    connect(&m_control, &TextControl::scrollRequested, this, &TextView::scrollByRows);
    // The user moved the scroll bar (the view sets its value itself when rows above the first one in
    // view become known, which moves nothing).
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_settingScrollBar)
            return;
        const auto [line, row] = m_cache.rows().lineAt(value);
        setTop(line, row);
    });
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

void TextView::highlightWhenLoaded()
{
    if (m_waitingForDefinition)
        return;
    m_waitingForDefinition = true;
    Highlighting::whenLoaded(this, [this] {
        m_waitingForDefinition = false;
        ensureHighlighting(); // takes the theme, which lays every line out again
        m_cache.clear();
        viewport()->update();
    });
}

QList<LayoutCache::Formats> TextView::highlight(int first, int last)
{
    // The Markdown definition still loading on its thread: the lines show plain until it is here.
    if (!m_highlighter->definition().isValid() && !Highlighting::isLoaded()) {
        highlightWhenLoaded();
        return QList<LayoutCache::Formats>(last - first + 1);
    }
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
    showNewBuffer();
    if (wasModified)
        Q_EMIT modificationChanged(false);
    Q_EMIT loaded();
}

void TextView::swapText(TextView &other)
{
    struct Place
    {
        TextPosition anchor, cursor, top;
        bool modified;
    };
    const auto placeOf = [](const TextView &view) {
        return Place{
            view.anchorPosition(), view.cursorPosition(), view.firstVisiblePosition(), view.isModified()};
    };
    const Place mine = placeOf(*this), theirs = placeOf(other);
    std::swap(m_buffer, other.m_buffer);
    // Each view shows the other's text where the other showed it; `was` is what it said before.
    for (auto [view, place, was] : {std::tuple{this, theirs, mine}, std::tuple{&other, mine, theirs}}) {
        view->showNewBuffer();
        view->m_control.select(place.anchor, place.cursor);
        view->scrollToPosition(place.top);
        if (place.modified != was.modified)
            Q_EMIT view->modificationChanged(place.modified);
        Q_EMIT view->loaded();
    }
}

// The text in m_buffer is another: nothing laid out, highlighted or marked for the last one stays.
void TextView::showNewBuffer()
{
    m_cache.reset();
    m_highlighter->reset(m_buffer.lineCount());
    m_control.reset();
    m_cache.setWordMarks({});
    m_renderer.setLineMarks({});
    m_renderer.setLintMarks({});
    m_renderer.setBlockingLines({});
    m_renderer.setCurrentDifference(-1, 0);
    m_maxColumns = 0;
    for (int i = 0; i < m_buffer.lineCount(); ++i)
        m_maxColumns = std::max(m_maxColumns, std::min(m_buffer.lineLength(i), LineFolds::foldLength));
    m_gutterWidth = TextRenderer::gutterWidth(font(), m_buffer.lineCount());
    setTop(0, 0);
    horizontalScrollBar()->setValue(0);
    viewport()->update();
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
    setTop(m_topLine, m_topRow);
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
    m_cache.setColors(palette.color(QPalette::Base), palette.color(QPalette::Text));
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
    m_cache.setTints(lineTint, wordTint);
    m_cache.setWordMarks(next);
    m_renderer.setLineTint(lineTint);
    m_renderer.setLineMarks(next);
    viewport()->update();
}

void TextView::setSearch(const TextSearch &search)
{
    if (search == m_renderer.search())
        return;
    m_renderer.setSearch(search);
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

void TextView::setBlockingLines(const QHash<int, QString> &lines)
{
    if (m_renderer.setBlockingLines(lines))
        viewport()->update();
}

void TextView::setCurrentDifference(int first, int count)
{
    if (m_renderer.setCurrentDifference(first, count))
        viewport()->update();
}

bool TextView::showBlockingToolTip(const QHelpEvent &help)
{
    if (help.pos().x() < 0 || help.pos().x() >= m_gutterWidth || help.pos().y() < 0)
        return false;
    const int line = positionAt(help.pos()).line;
    const QString message = m_renderer.blockingLines().value(line + 1);
    if (message.isEmpty() || help.pos().y() > lineSpan(line).second)
        return false;
    QToolTip::showText(help.globalPos(), message, viewport());
    return true;
}

bool TextView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && showBlockingToolTip(*static_cast<QHelpEvent *>(event)))
        return true;
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int line = positionAt(help->pos()).line;
        const QString message = help->pos().y() >= 0 && help->pos().y() <= lineSpan(line).second
            ? lintMessage(line + 1)
            : QString();
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

// The width of the text's part of the viewport, the room of a row of text.
int TextView::textWidth() const
{
    return viewport()->width() - textLeft() - textPadding;
}

int TextView::wrapWidth() const
{
    return std::max(40, textWidth());
}

int TextView::visibleRows() const
{
    return std::max(1, viewport()->height() / std::max(1, m_cache.rowHeight()));
}

int TextView::maximumTopRow() const
{
    return std::max(0, m_cache.rows().totalRows() - visibleRows());
}

void TextView::updateGeometryInfo()
{
    m_gutterWidth = TextRenderer::gutterWidth(font(), m_buffer.lineCount());
    setTop(m_topLine, m_topRow);
}

void TextView::measureEnd()
{
    if (!m_cache.wrap())
        return;
    const int rows = visibleRows();
    int measured = 0;
    for (int visual = m_cache.visualLineCount() - 1; visual >= 0 && measured < rows; --visual)
        measured += m_cache.exactRows(visual);
}

void TextView::setTop(int visualLine, int row)
{
    // The rows first, as the width they wrap at and the end of the text have them.
    m_cache.setWrapWidth(wrapWidth());
    measureEnd();
    const RowIndex &rows = m_cache.rows();
    visualLine = std::clamp(visualLine, 0, rows.lineCount() - 1);
    row = std::clamp(row, 0, rows.rows(visualLine) - 1);
    const int top = std::min(rows.rowOf(visualLine) + row, maximumTopRow());
    std::tie(visualLine, row) = rows.lineAt(top);
    const bool moved = visualLine != m_topLine || row != m_topRow;
    m_topLine = visualLine;
    m_topRow = row;
    m_cache.setView(m_topLine, visibleRows());
    updateScrollBars();
    if (moved) {
        viewport()->update();
        Q_EMIT scrolled();
        Q_EMIT viewChanged();
    }
}

void TextView::scrollByRows(int rows)
{
    const RowIndex &index = m_cache.rows();
    const auto [line, row] = index.lineAt(std::max(0, index.rowOf(m_topLine) + m_topRow + rows));
    setTop(line, row);
}

void TextView::followRows()
{
    if (m_cache.takeRowsChanged())
        setTop(m_topLine, m_topRow);
}

void TextView::updateScrollBars()
{
    const RowIndex &rows = m_cache.rows();
    QScrollBar *vertical = verticalScrollBar();
    m_settingScrollBar = true;
    vertical->setRange(0, maximumTopRow());
    vertical->setPageStep(visibleRows());
    vertical->setSingleStep(1);
    vertical->setValue(rows.rowOf(m_topLine) + m_topRow);
    m_settingScrollBar = false;
    // The widest row: the longest line in characters of the font's average width, or wider when
    // laid out; room for the cursor after it.
    const qreal charWidth = QFontMetricsF(font()).horizontalAdvance(u'x');
    const qreal widest = std::max(charWidth * m_maxColumns, m_cache.widestRow()) + 2;
    horizontalScrollBar()->setRange(
        0, m_cache.wrap() ? 0 : std::max(0, int(std::ceil(widest)) - textWidth()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(qRound(charWidth * 4));
}

void TextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    setTop(m_topLine, m_topRow);
    Q_EMIT viewChanged();
}

void TextView::scrollContentsBy(int, int)
{
    viewport()->update();
}

int TextView::firstVisibleLine() const
{
    return m_cache.folds().pieceAt(m_topLine).line;
}

TextPosition TextView::firstVisiblePosition() const
{
    const QTextLayout *top = m_cache.layout(m_topLine);
    const int row = std::min(m_topRow, top->lineCount() - 1);
    return m_cache.position(m_topLine, top->lineAt(row).textStart());
}

void TextView::scrollToLine(int line)
{
    setTop(m_cache.folds().visualLine(std::clamp(line, 0, m_buffer.lineCount() - 1)), 0);
}

void TextView::scrollToPosition(TextPosition position)
{
    position = m_buffer.clamped(position);
    const int visual = m_cache.visualLine(position);
    const QTextLine row =
        m_cache.layout(visual)->lineForTextPosition(position.column - m_cache.pieceStart(visual));
    setTop(visual, row.isValid() ? row.lineNumber() : 0);
}

void TextView::centerOnLine(int line)
{
    const RowIndex &rows = m_cache.rows();
    const int visual = m_cache.folds().visualLine(std::clamp(line, 0, m_buffer.lineCount() - 1));
    const auto [top, row] = rows.lineAt(std::max(0, rows.rowOf(visual) - visibleRows() / 2));
    setTop(top, row);
}

int TextView::lastVisibleVisualLine() const
{
    const int last = m_cache.visualLineCount() - 1;
    qreal y = -m_topRow * qreal(m_cache.rowHeight());
    int visual = m_topLine;
    while (visual < last && y + m_cache.lineHeight(visual) < viewport()->height())
        y += m_cache.lineHeight(visual++);
    return visual;
}

int TextView::lastVisibleLine() const
{
    return m_cache.folds().pieceAt(lastVisibleVisualLine()).line;
}

qreal TextView::visualLineTop(int visualLine) const
{
    const RowIndex &rows = m_cache.rows();
    const qreal rowHeight = m_cache.rowHeight();
    if (visualLine < m_topLine)
        return (rows.rowOf(visualLine) - rows.rowOf(m_topLine) - m_topRow) * rowHeight;
    // In view: from the laid-out heights; below it, from the rows known.
    qreal y = -m_topRow * rowHeight;
    int visual = m_topLine;
    for (; visual < visualLine && y < viewport()->height(); ++visual)
        y += m_cache.lineHeight(visual);
    return y + (rows.rowOf(visualLine) - rows.rowOf(visual)) * rowHeight;
}

std::pair<qreal, qreal> TextView::lineSpan(int line) const
{
    const LineFolds &folds = m_cache.folds();
    line = std::clamp(line, 0, m_buffer.lineCount() - 1);
    const int first = folds.visualLine(line);
    return {visualLineTop(first), visualLineTop(first + folds.pieceCount(line))};
}

QList<QTextLayout::FormatRange> TextView::lineFormats(int line) const
{
    if (line < 0 || line >= m_buffer.lineCount())
        return {};
    return m_cache.lineFormats(line);
}

QList<QTextLayout::FormatRange> TextView::drawnFormats(int line) const
{
    if (line < 0 || line >= m_buffer.lineCount())
        return {};
    ensureHighlighting();
    return m_cache.layout(m_cache.folds().visualLine(line))->formats();
}

void TextView::paintEvent(QPaintEvent *)
{
    // The first frames do not wait for the Markdown definition: the text shows at once, in the
    // palette's colours, and highlighted when the definition has loaded (highlight()).
    if (Highlighting::isLoaded())
        ensureHighlighting();
    else
        highlightWhenLoaded();
    QPainter painter(viewport());
    TextRenderer::Frame frame;
    frame.area = viewport()->rect();
    frame.background = palette().color(QPalette::Base);
    frame.firstVisualLine = m_topLine;
    frame.topRow = m_topRow;
    frame.rows = visibleRows();
    frame.gutterWidth = m_gutterWidth;
    frame.textX = textLeft() - horizontalScrollBar()->value();
    frame.cursor = m_control.cursorPosition();
    frame.anchor = m_control.anchorPosition();
    frame.showCursor = m_cursorVisible && hasFocus();
    m_renderer.paint(painter, m_cache, frame);
    // The lines in view are laid out now: their rows are exact.
    followRows();
}

// Cursor and selection

TextPosition TextView::positionAt(const QPoint &point) const
{
    const int rowHeight = m_cache.rowHeight();
    const int last = m_cache.visualLineCount() - 1;
    int visual = m_topLine;
    int row = 0;
    if (point.y() < 0) {
        // Above the view: the row before the first one in view.
        row = m_topRow - 1;
        if (row < 0 && visual > 0)
            row = m_cache.layout(--visual)->lineCount() - 1;
        row = std::max(0, row);
    } else {
        qreal y = -m_topRow * qreal(rowHeight);
        for (; visual < last; ++visual) {
            const qreal height = m_cache.layout(visual)->lineCount() * qreal(rowHeight);
            if (point.y() < y + height)
                break;
            y += height;
        }
        row = int((point.y() - y) / rowHeight);
    }
    QTextLayout *lineLayout = m_cache.layout(visual);
    row = std::clamp(row, 0, lineLayout->lineCount() - 1);
    const qreal x = point.x() - textLeft() + horizontalScrollBar()->value();
    return m_cache.position(visual, lineLayout->lineAt(row).xToCursor(x));
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
    const int visual = m_cache.visualLine(cursor);
    const int column = cursor.column - m_cache.pieceStart(visual);
    const QTextLine cursorRow = m_cache.layout(visual)->lineForTextPosition(column);
    const int row = cursorRow.isValid() ? cursorRow.lineNumber() : 0;
    const int rows = visibleRows();
    if (visual < m_topLine || (visual == m_topLine && row < m_topRow)) {
        setTop(visual, row);
    } else {
        // The rows from the first in view to the cursor's, counted as far as the view reaches.
        int below = -m_topRow;
        for (int above = m_topLine; above < visual && below < rows; ++above)
            below += m_cache.exactRows(above);
        if (below + row >= rows) {
            // Make the cursor's row the last in view: the first is rows - 1 rows above it.
            int top = visual;
            int topRow = row;
            int up = rows - 1;
            while (up > 0) {
                if (topRow >= up) {
                    topRow -= up;
                    break;
                }
                if (top == 0) {
                    topRow = 0;
                    break;
                }
                up -= topRow + 1;
                topRow = m_cache.exactRows(--top) - 1;
            }
            setTop(top, topRow);
        }
    }
    followRows();
    if (!m_cache.wrap()) {
        const qreal x = m_cache.layout(visual)->lineForTextPosition(column).cursorToX(column);
        updateScrollBars(); // the range reaches the cursor's row, laid out now
        QScrollBar *bar = horizontalScrollBar();
        const int visibleWidth = textWidth();
        if (x < bar->value())
            bar->setValue(int(x));
        else if (x + 2 > bar->value() + visibleWidth)
            bar->setValue(int(std::ceil(x)) + 2 - visibleWidth);
    }
}

void TextView::textChanged(const LineChange &change)
{
    m_highlighter->linesChanged(change);
    for (int line = change.first; line < change.first + change.added; ++line)
        m_maxColumns = std::max(m_maxColumns, std::min(m_buffer.lineLength(line), LineFolds::foldLength));
    m_cache.linesChanged(change);
    m_gutterWidth = TextRenderer::gutterWidth(font(), m_buffer.lineCount());
    m_cache.takeRowsChanged();
    setTop(m_topLine, m_topRow);
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
        m_gutterWidth = TextRenderer::gutterWidth(font(), m_buffer.lineCount());
        setTop(m_topLine, m_topRow);
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
        scrollByRows(-1);
    else if (point.y() > viewport()->height())
        scrollByRows(1);
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
        const int visual = m_cache.visualLine(cursor);
        const int column = cursor.column - m_cache.pieceStart(visual);
        const qreal top = visualLineTop(visual);
        const QTextLine row = m_cache.layout(visual)->lineForTextPosition(column);
        const qreal x =
            textLeft() - horizontalScrollBar()->value() + (row.isValid() ? row.cursorToX(column) : 0);
        const qreal y = top + (row.isValid() ? row.y() : 0);
        return QRectF(x, y, 1, row.isValid() ? row.height() : m_cache.rowHeight()).toRect();
    }
    // Of a folded line, the piece the cursor is in: an input method asks for it at every move.
    case Qt::ImSurroundingText: {
        const int visual = m_cache.visualLine(cursor);
        const LineFolds::Piece piece = m_cache.folds().pieceAt(visual);
        const int start = m_cache.folds().pieceStart(piece.line, piece.index);
        return m_buffer.line(cursor.line)
            .sliced(start, m_cache.folds().pieceEnd(piece.line, piece.index) - start)
            .toString();
    }
    case Qt::ImCursorPosition:
        return cursor.column - m_cache.pieceStart(m_cache.visualLine(cursor));
    case Qt::ImAnchorPosition: {
        const int visual = m_cache.visualLine(cursor);
        const int start = m_cache.pieceStart(visual);
        const int length =
            m_cache.folds().pieceEnd(cursor.line, m_cache.folds().pieceAt(visual).index) - start;
        return anchor.line == cursor.line ? std::clamp(anchor.column - start, 0, length)
                                          : cursor.column - start;
    }
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
