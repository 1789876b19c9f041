#include "diffconnector.h"

#include "textview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace Countersign {

DiffConnector::DiffConnector(TextView *left, TextView *right, QWidget *parent)
    : QWidget(parent)
    , m_views{left, right}
{
    setFixedWidth(36);
    setAccessibleName(tr("Differences between the panes"));
    setToolTip(tr("Each shape links a difference on the left with the right; click one to go to it."));
    for (TextView *view : m_views)
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
    qreal offset[2];
    int first[2];
    for (int side = 0; side < 2; ++side) {
        offset[side] =
            m_views[side]->viewport()->mapTo(window(), QPoint(0, 0)).y() - mapTo(window(), QPoint(0, 0)).y();
        first[side] = m_views[side]->firstVisibleLine();
    }
    // The differences are in order on both sides: start at the first one that reaches either view.
    const auto begin = std::lower_bound(
        m_differences.cbegin(), m_differences.cend(), 0, [&first](const HunkRange &range, int) {
            return range.leftStart + range.leftCount < first[0] &&
                range.rightStart + range.rightCount < first[1];
        });
    const qreal width = this->width();
    for (auto it = begin; it != m_differences.cend(); ++it) {
        const HunkRange &range = *it;
        qreal top[2], bottom[2];
        const int starts[2] = {range.leftStart, range.rightStart};
        const int counts[2] = {range.leftCount, range.rightCount};
        for (int side = 0; side < 2; ++side) {
            const auto [spanTop, spanBottom] = m_views[side]->lineSpan(starts[side]);
            top[side] = offset[side] + spanTop;
            bottom[side] = counts[side] > 0
                ? offset[side] + m_views[side]->lineSpan(starts[side] + counts[side] - 1).second
                : top[side];
        }
        if (top[0] > height() && top[1] > height())
            break;
        QPainterPath path;
        path.moveTo(0, top[0]);
        path.cubicTo(width / 2, top[0], width / 2, top[1], width, top[1]);
        path.lineTo(width, bottom[1]);
        path.cubicTo(width / 2, bottom[1], width / 2, bottom[0], 0, bottom[0]);
        path.closeSubpath();
        const QColor colour = range.rightCount == 0 ? QColor(248, 81, 73)
            : range.leftCount == 0                  ? QColor(46, 160, 67)
                                                    : QColor(56, 139, 253);
        out.append(Shape{int(it - m_differences.cbegin()), path, colour});
    }
    return out;
}

void DiffConnector::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Shape &shape : shapes()) {
        QColor fill = shape.colour;
        fill.setAlpha(70);
        painter.setBrush(fill);
        painter.setPen(QPen(shape.colour, 1));
        painter.drawPath(shape.path);
    }
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
    if (const int index = differenceAt(event->position()); index >= 0)
        Q_EMIT differenceClicked(index);
}

} // namespace Countersign
