// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "risksummarychart.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace Countersign {

namespace {

struct Slice
{
    QString label;
    int count;
    QColor color;
};

QList<Slice> slices(const RiskSummary &summary)
{
    return {
        {riskDecisionLabel(RiskDecision::Accepted), summary.accepted,
            RiskSummaryChart::color(RiskDecision::Accepted)},
        {riskDecisionLabel(RiskDecision::Mitigated), summary.mitigated,
            RiskSummaryChart::color(RiskDecision::Mitigated)},
        {riskDecisionLabel(RiskDecision::NeedsAction), summary.needsAction,
            RiskSummaryChart::color(RiskDecision::NeedsAction)},
        {RiskSummaryChart::tr("Open"), summary.open, RiskSummaryChart::openColor()},
    };
}

} // namespace

RiskSummaryChart::RiskSummaryChart(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Risk summary"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

QColor RiskSummaryChart::color(RiskDecision decision)
{
    switch (decision) {
    case RiskDecision::Accepted:
        return QColor(0x2e, 0x9e, 0x4f);
    case RiskDecision::Mitigated:
        return QColor(0x2f, 0x74, 0xc0);
    case RiskDecision::NeedsAction:
        return QColor(0xe0, 0x8a, 0x00);
    }
    return openColor();
}

QColor RiskSummaryChart::openColor()
{
    return QColor(0x9a, 0xa0, 0xa6);
}

void RiskSummaryChart::setSummary(const RiskSummary &summary)
{
    if (summary == m_summary)
        return;
    m_summary = summary;
    const int decided = summary.total() - summary.open;
    setAccessibleDescription(tr("%1 of %2 decided: %3 accepted, %4 mitigated, %5 need action, %6 open")
            .arg(decided)
            .arg(summary.total())
            .arg(summary.accepted)
            .arg(summary.mitigated)
            .arg(summary.needsAction)
            .arg(summary.open));
    update();
}

QSize RiskSummaryChart::sizeHint() const
{
    const int unit = fontMetrics().height();
    return {unit * 22, unit * 9};
}

QSize RiskSummaryChart::minimumSizeHint() const
{
    const int unit = fontMetrics().height();
    return {unit * 16, unit * 6};
}

void RiskSummaryChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    const QFontMetricsF metrics(font());
    const qreal line = metrics.height();

    // The ring, as large as the height allows, on the left.
    const qreal diameter = std::min(area.height(), area.width() * 0.45);
    const QRectF ring(area.left(), area.center().y() - diameter / 2, diameter, diameter);
    const qreal thickness = diameter * 0.22;
    const QRectF arcRect = ring.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2);
    const QList<Slice> parts = slices(m_summary);
    const int total = m_summary.total();
    QPen pen;
    pen.setWidthF(thickness);
    pen.setCapStyle(Qt::FlatCap);
    if (total == 0) {
        pen.setColor(openColor().lighter(140));
        painter.setPen(pen);
        painter.drawEllipse(arcRect);
    } else {
        // Clockwise from twelve o'clock, in Qt's sixteenths of a degree (counter-clockwise positive).
        int start = 90 * 16;
        for (const Slice &slice : parts) {
            if (slice.count == 0)
                continue;
            const int span = -int(std::lround(360.0 * 16 * slice.count / total));
            pen.setColor(slice.color);
            painter.setPen(pen);
            painter.drawArc(arcRect, start, span);
            start += span;
        }
    }
    const int decided = total - m_summary.open;
    // The count in the ring's hole, sized to the hole: the chart is drawn small and large.
    const QRectF inner = ring.adjusted(thickness, thickness, -thickness, -thickness);
    QFont holeFont = font();
    holeFont.setBold(true);
    holeFont.setPixelSize(std::max(8, int(inner.height() * 0.34)));
    // The caption is never smaller than the widget's text (a projector's minimum); where it does not
    // fit in the hole at that size, the count stands alone.
    QFont caption = font();
    caption.setPixelSize(std::max(QFontInfo(font()).pixelSize(), int(inner.height() * 0.16)));
    const QString captionText = tr("decided");
    painter.setPen(palette().color(QPalette::WindowText));
    painter.setFont(holeFont);
    const qreal countHeight = QFontMetricsF(holeFont).height();
    const bool captionFits = QFontMetricsF(caption).horizontalAdvance(captionText) <= inner.width() * 0.9 &&
        countHeight + QFontMetricsF(caption).height() <= inner.height();
    const qreal captionHeight = captionFits ? QFontMetricsF(caption).height() : 0;
    const qreal top = inner.center().y() - (countHeight + captionHeight) / 2;
    painter.drawText(QRectF(inner.left(), top, inner.width(), countHeight), Qt::AlignCenter,
        QStringLiteral("%1/%2").arg(decided).arg(total));
    if (captionFits) {
        painter.setFont(caption);
        painter.drawText(QRectF(inner.left(), top + countHeight, inner.width(), captionHeight),
            Qt::AlignCenter, captionText);
    }
    painter.setFont(font());

    // The legend: a swatch, the count and the decision, one a line.
    qreal x = ring.right() + line * 1.5;
    qreal y = area.center().y() - (parts.size() + (m_summary.carriedOver > 0 ? 1 : 0)) * line * 1.4 / 2;
    for (const Slice &slice : parts) {
        const QRectF swatch(x, y + line * 0.2, line * 0.8, line * 0.8);
        QPainterPath rounded;
        rounded.addRoundedRect(swatch, 3, 3);
        painter.fillPath(rounded, slice.color);
        QFont countFont = font();
        countFont.setBold(true);
        painter.setFont(countFont);
        const QString count = QString::number(slice.count);
        const qreal countWidth = QFontMetricsF(countFont).horizontalAdvance(QStringLiteral("000"));
        painter.drawText(QRectF(swatch.right() + line * 0.5, y, countWidth, line),
            Qt::AlignRight | Qt::AlignVCenter, count);
        painter.setFont(font());
        painter.drawText(
            QPointF(swatch.right() + line * 0.9 + countWidth, y + metrics.ascent()), slice.label);
        y += line * 1.4;
    }
    if (m_summary.carriedOver > 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QPointF(x, y + metrics.ascent()), tr("%1 carried over").arg(m_summary.carriedOver));
    }
}

} // namespace Countersign
