// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/worddiff.h"

#include <QStyledItemDelegate>

class QFontMetrics;

namespace Countersign {

// Paints the findings' Left and Right values with the characters that differ from the other side's
// marked (FindingsModel::DifferenceRole), as the panes mark the words of a changed line: red on the
// left, green on the right, over the row's own background. A value too long for its cell is cut so
// that its first difference stays in view. Every other cell is painted as QStyledItemDelegate does.
class FindingsDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // A cell's text as it is painted, and the marked ranges in it.
    struct ShownText
    {
        QString text;
        QList<TextRange> marks;
        friend bool operator==(const ShownText &, const ShownText &) = default;
    };
    // Characters kept before the first difference when a value is cut at its start.
    static constexpr int context = 4;

    explicit FindingsDelegate(QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // `text` with its `marks`, fitted into `width` pixels of `metrics`: whole when it fits; else cut at
    // the end ("…") when the first mark still fits before that; else cut at both ends, the start a
    // few characters (context) before the first mark.
    static ShownText shownText(
        const QString &text, const QList<TextRange> &marks, const QFontMetrics &metrics, int width);
};

} // namespace Countersign
