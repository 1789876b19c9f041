// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/linediff.h"

#include <QColor>
#include <QList>
#include <QPainterPath>
#include <QWidget>

namespace Countersign {

class TextView;

// The band between the two panes that links each difference on the left with its counterpart on
// the right, as Meld and KDiff3 draw it: a shape from the left lines to the right lines (a wedge
// where one side has none), red where only the left has lines, green where only the right has,
// blue where both changed. Only the differences in view are drawn. Clicking one selects it.
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

Q_SIGNALS:
    void differenceClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Shape
    {
        int index;
        QPainterPath path;
        QColor colour;
    };
    QList<Shape> shapes() const;

    TextView *m_left;
    TextView *m_right;
    QList<HunkRange> m_differences;
    int m_current = -1;
};

} // namespace Countersign
