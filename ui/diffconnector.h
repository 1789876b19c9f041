// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/linediff.h"
#include "pane.h"

#include <QColor>
#include <QList>
#include <QPainterPath>
#include <QWidget>

#include <optional>
#include <utility>

namespace Countersign {

class TextView;

// The band between the two panes that links each difference on the left with its counterpart on
// the right, as Meld and KDiff3 draw it: a shape from the left lines to the right lines (a wedge
// where one side has none), red where only the left has lines, green where only the right has,
// blue where both changed. Only the differences in view are drawn. Clicking one selects it. At each
// end of a shape an arrow copies the difference to the other side (as Meld's and KDiff3's do): the
// arrow at the left end pushes the left side's lines over the right's, the one at the right end the
// other way.
class DiffConnector : public QWidget
{
    Q_OBJECT
public:
    DiffConnector(TextView *left, TextView *right, QWidget *parent = nullptr);

    // The differences, in order (0-based line ranges, as LineDiffResult::hunks gives them).
    void setDifferences(const QList<HunkRange> &differences);
    // The index of the difference drawn at `point`, or -1.
    int differenceAt(const QPointF &point) const;
    // The difference Go showed last, drawn stronger (the panes frame its lines); -1 for none.
    void setCurrent(int index);
    int current() const { return m_current; }
    // Where the arrow that copies difference `index` from side `from` is drawn, in this widget; an
    // empty rectangle when the difference is not in view.
    QRectF arrowRect(int index, Pane from) const;

Q_SIGNALS:
    void differenceClicked(int index);
    // An arrow was clicked: difference `index` is to be copied from side `from` to the other.
    void copyClicked(int index, Countersign::Pane from);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Shape
    {
        int index;
        QPainterPath path;
        QColor colour;
        QRectF toRight; // the arrow at the left end
        QRectF toLeft; // the arrow at the right end
    };
    // The arrow under `point`: its difference and the side it copies from.
    std::optional<std::pair<int, Pane>> arrowAt(const QPointF &point) const;
    QList<Shape> shapes() const;

    TextView *m_left;
    TextView *m_right;
    QList<HunkRange> m_differences;
    int m_current = -1;
};

} // namespace Countersign
