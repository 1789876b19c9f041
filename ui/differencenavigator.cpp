// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "differencenavigator.h"

#include "diff/linematching.h"
#include "recordpane.h"

namespace Countersign {

DifferenceNavigator::DifferenceNavigator(RecordPane *left, RecordPane *right, QObject *parent)
    : QObject(parent)
    , m_left(left)
    , m_right(right)
{
    for (Pane side : bothPanes)
        connect(pane(side), &RecordPane::scrolled, this, [this, side] { followScroll(side); });
}

void DifferenceNavigator::setDiff(const QList<DiffHunk> &hunks, const QList<DiffChange> &changes)
{
    m_hunks = hunks;
    m_changes = changes;
    m_current = -1;
}

int DifferenceNavigator::nextDifference()
{
    if (m_hunks.isEmpty())
        return -1;
    showDifference(m_current + 1 >= m_hunks.size() ? 0 : m_current + 1);
    return m_current;
}

int DifferenceNavigator::previousDifference()
{
    if (m_hunks.isEmpty())
        return -1;
    showDifference(m_current <= 0 ? int(m_hunks.size()) - 1 : m_current - 1);
    return m_current;
}

int DifferenceNavigator::firstDifference()
{
    if (m_hunks.isEmpty())
        return -1;
    showDifference(0);
    return m_current;
}

int DifferenceNavigator::lastDifference()
{
    if (m_hunks.isEmpty())
        return -1;
    showDifference(int(m_hunks.size()) - 1);
    return m_current;
}

void DifferenceNavigator::showDifference(int index)
{
    m_current = index;
    const HunkRange &range = m_hunks.at(index).range;
    m_left->goToLine(std::min(range.leftStart + 1, std::max(1, range.leftStart + range.leftCount)));
    m_right->goToLine(std::min(range.rightStart + 1, std::max(1, range.rightStart + range.rightCount)));
    Q_EMIT message(tr("Difference %1 of %2").arg(index + 1).arg(m_hunks.size()));
}

int DifferenceNavigator::matchingLine(Pane side, int line) const
{
    return LineMatching::matchingLine(m_changes, side == Pane::Left ? DiffSide::Left : DiffSide::Right, line);
}

void DifferenceNavigator::followScroll(Pane side)
{
    if (!m_scrollInStep || m_following || !m_left->hasDocument() || !m_right->hasDocument())
        return;
    m_following = true;
    // Within a long line, the other side shows the row of the same column of its line.
    const RecordPane *from = pane(side);
    pane(other(side))->scrollToLine(matchingLine(side, from->firstVisibleLine()), from->firstVisibleColumn());
    m_following = false;
}

} // namespace Countersign
