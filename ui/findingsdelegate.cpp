// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "findingsdelegate.h"

#include "diffcolors.h"
#include "findingsmodel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QTextLayout>

namespace Countersign {

FindingsDelegate::FindingsDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

FindingsDelegate::ShownText FindingsDelegate::shownText(
    const QString &text, const QList<TextRange> &marks, const QFontMetrics &metrics, int width)
{
    if (metrics.horizontalAdvance(text) <= width)
        return {text, marks};
    const QString ellipsis = QStringLiteral("\u2026");
    int from = 0;
    if (!marks.isEmpty() && metrics.horizontalAdvance(text.left(marks.first().end()) + ellipsis) > width)
        from = std::max(0, marks.first().start - context);
    const QString head = from > 0 ? ellipsis : QString();
    const QStringView rest = QStringView(text).mid(from);
    qsizetype keep = rest.size();
    if (metrics.horizontalAdvance(head + rest) > width) {
        // The longest start of the rest that fits between the ellipses.
        qsizetype low = 0;
        qsizetype high = rest.size() - 1;
        while (low < high) {
            const qsizetype middle = (low + high + 1) / 2;
            if (metrics.horizontalAdvance(head + rest.left(middle) + ellipsis) <= width)
                low = middle;
            else
                high = middle - 1;
        }
        keep = low > 0 && rest[low - 1].isHighSurrogate() ? low - 1 : low;
    }
    ShownText shown{head + rest.left(keep) + (keep < rest.size() ? ellipsis : QString()), {}};
    for (const TextRange &range : marks) {
        const int start = std::max(range.start, from);
        const int end = std::min(range.end(), from + int(keep));
        if (start < end)
            shown.marks.append({start - from + int(head.size()), end - start});
    }
    return shown;
}

void FindingsDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto marks = index.data(FindingsModel::DifferenceRole).value<QList<TextRange>>();
    if (marks.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QWidget *widget = item.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    // Where the style puts the text, with its margin (as QCommonStyle paints an item's text).
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area =
        style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget).adjusted(margin, 0, -margin, 0);
    const ShownText shown = shownText(item.text, marks, item.fontMetrics, area.width());
    // The background (a blocking row's tint, the selection) and the focus as the style paints them.
    item.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    QTextLayout layout(shown.text, item.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(area.width());
    layout.endLayout();
    QTextCharFormat marked;
    marked.setBackground(
        index.column() == FindingsModel::LeftColumn ? DiffColors::leftWords : DiffColors::rightWords);
    QList<QTextLayout::FormatRange> formats;
    for (const TextRange &range : shown.marks)
        formats.append({range.start, range.length, marked});
    const QPalette::ColorGroup group = !(item.state & QStyle::State_Enabled) ? QPalette::Disabled
        : item.state & QStyle::State_Active                                  ? QPalette::Active
                                                                             : QPalette::Inactive;
    painter->save();
    painter->setClipRect(area);
    painter->setPen(item.palette.color(
        group, item.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    layout.draw(painter, QPointF(area.left(), area.top() + (area.height() - line.height()) / 2), formats);
    painter->restore();
}

} // namespace Countersign
