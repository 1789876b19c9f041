// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "diffconnector.h"

#include "textview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

namespace Countersign {

namespace {
constexpr qreal arrowSize = 11;
} // namespace

DiffConnector::DiffConnector(TextView *left, TextView *right, QWidget *parent)
    : QWidget(parent)
    , m_left(left)
    , m_right(right)
{
    setFixedWidth(36);
    setAccessibleName(tr("Differences between the panes"));
    setToolTip(tr("Each shape links a difference on the left with the right; click one to go to it, or "
                  "an arrow at its end to copy it to the other side."));
    for (TextView *view : {m_left, m_right})
        connect(view, &TextView::viewChanged, this, qOverload<>(&QWidget::update));
}

void DiffConnector::setDifferences(const QList<HunkRange> &differences)
{
    m_differences = differences;
    update();
}

QList<DiffConnector::Shape> DiffConnector::shapes() const
{
    QList<Shape> out;
    if (m_differences.isEmpty())
        return out;
    // Where each view's lines stand in this widget's coordinates.
    const auto offsetOf = [this](const TextView *view) -> qreal {
        return view->viewport()->mapTo(window(), QPoint(0, 0)).y() - mapTo(window(), QPoint(0, 0)).y();
    };
    const qreal leftOffset = offsetOf(m_left);
    const qreal rightOffset = offsetOf(m_right);
    const int leftFirst = m_left->firstVisibleLine();
    const int rightFirst = m_right->firstVisibleLine();
    // The differences are in order on both sides: start at the first one that reaches either view.
    const auto begin = std::lower_bound(m_differences.cbegin(), m_differences.cend(), 0,
        [leftFirst, rightFirst](const HunkRange &range, int) {
            return range.leftStart + range.leftCount < leftFirst &&
                range.rightStart + range.rightCount < rightFirst;
        });
    // The top and bottom of `count` lines of `view` from `start` (0-based); the top of `start` twice
    // when there are none.
    const auto span = [](const TextView *view, qreal offset, int start, int count) {
        const qreal top = offset + view->lineSpan(start).first;
        const qreal bottom = count > 0 ? offset + view->lineSpan(start + count - 1).second : top;
        return std::pair{top, bottom};
    };
    const qreal width = this->width();
    for (auto it = begin; it != m_differences.cend(); ++it) {
        const HunkRange &range = *it;
        const auto [leftTop, leftBottom] = span(m_left, leftOffset, range.leftStart, range.leftCount);
        const auto [rightTop, rightBottom] = span(m_right, rightOffset, range.rightStart, range.rightCount);
        if (leftTop > height() && rightTop > height())
            break;
        QPainterPath path;
        path.moveTo(0, leftTop);
        path.cubicTo(width / 2, leftTop, width / 2, rightTop, width, rightTop);
        path.lineTo(width, rightBottom);
        path.cubicTo(width / 2, rightBottom, width / 2, leftBottom, 0, leftBottom);
        path.closeSubpath();
        const QColor colour = range.rightCount == 0 ? QColor(248, 81, 73)
            : range.leftCount == 0                  ? QColor(46, 160, 67)
                                                    : QColor(56, 139, 253);
        // Each arrow beside the first line of its side (where a side has none, where they would go).
        const auto arrow = [](qreal x, qreal top, qreal bottom, const TextView *view, int start) {
            const auto [lineTop, lineBottom] = view->lineSpan(start);
            const qreal middle = bottom > top ? top + std::min(bottom - top, lineBottom - lineTop) / 2 : top;
            return QRectF(x, middle - arrowSize / 2, arrowSize, arrowSize);
        };
        out.append(Shape{int(it - m_differences.cbegin()), path, colour,
            arrow(1, leftTop, leftBottom, m_left, range.leftStart),
            arrow(width - arrowSize - 1, rightTop, rightBottom, m_right, range.rightStart)});
    }
    return out;
}

void DiffConnector::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Shape &shape : shapes()) {
        const bool current = shape.index == m_current;
        QColor fill = shape.colour;
        fill.setAlpha(current ? 160 : 70);
        painter.setBrush(fill);
        painter.setPen(QPen(shape.colour, current ? 2.5 : 1));
        painter.drawPath(shape.path);
    }
    // The arrows over the shapes, on the base colour so that they stand out on any tint.
    for (const Shape &shape : shapes()) {
        for (const auto &[box, right] : {std::pair{shape.toRight, true}, std::pair{shape.toLeft, false}}) {
            painter.setPen(QPen(shape.colour.darker(130), 1));
            painter.setBrush(palette().color(QPalette::Base));
            painter.drawRoundedRect(box, 2, 2);
            const qreal inset = 3;
            const QPointF tip = right ? QPointF(box.right() - inset, box.center().y())
                                      : QPointF(box.left() + inset, box.center().y());
            const qreal back = right ? box.left() + inset : box.right() - inset;
            painter.setBrush(palette().color(QPalette::Text));
            painter.setPen(Qt::NoPen);
            painter.drawPolygon(QPolygonF{
                tip, QPointF(back, box.top() + inset - 0.5), QPointF(back, box.bottom() - inset + 0.5)});
        }
    }
}

QRectF DiffConnector::arrowRect(int index, Pane from) const
{
    for (const Shape &shape : shapes()) {
        if (shape.index == index)
            return from == Pane::Left ? shape.toRight : shape.toLeft;
    }
    return {};
}

std::optional<std::pair<int, Pane>> DiffConnector::arrowAt(const QPointF &point) const
{
    for (const Shape &shape : shapes()) {
        if (shape.toRight.adjusted(-1, -1, 1, 1).contains(point))
            return std::pair{shape.index, Pane::Left};
        if (shape.toLeft.adjusted(-1, -1, 1, 1).contains(point))
            return std::pair{shape.index, Pane::Right};
    }
    return std::nullopt;
}

bool DiffConnector::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        if (const auto arrow = arrowAt(help->pos())) {
            QToolTip::showText(help->globalPos(),
                arrow->second == Pane::Left ? tr("Copy this difference to the right (Alt+Right)")
                                            : tr("Copy this difference to the left (Alt+Left)"),
                this);
            return true;
        }
    }
    return QWidget::event(event);
}

void DiffConnector::setCurrent(int index)
{
    if (index == m_current)
        return;
    m_current = index;
    update();
}

int DiffConnector::differenceAt(const QPointF &point) const
{
    for (const Shape &shape : shapes()) {
        // A wedge has no area: a few pixels around it count.
        if (shape.path.contains(point) || shape.path.boundingRect().adjusted(0, -3, 0, 3).contains(point))
            return shape.index;
    }
    return -1;
}

void DiffConnector::mousePressEvent(QMouseEvent *event)
{
    if (const auto arrow = arrowAt(event->position()))
        Q_EMIT copyClicked(arrow->first, arrow->second);
    else if (const int index = differenceAt(event->position()); index >= 0)
        Q_EMIT differenceClicked(index);
}

} // namespace Countersign
