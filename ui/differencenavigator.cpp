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
    Q_EMIT currentChanged(-1, {});
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
    Q_EMIT currentChanged(index, range);
    m_left->goToLine(std::min(range.leftStart + 1, std::max(1, range.leftStart + range.leftCount)));
    m_right->goToLine(std::min(range.rightStart + 1, std::max(1, range.rightStart + range.rightCount)));
    Q_EMIT message(tr("Difference %1 of %2").arg(index + 1).arg(m_hunks.size()));
}

int DifferenceNavigator::differenceAt(Pane side, int line) const
{
    for (int i = 0; i < m_hunks.size(); ++i) {
        const HunkRange &range = m_hunks.at(i).range;
        const int start = side == Pane::Left ? range.leftStart : range.rightStart;
        const int count = side == Pane::Left ? range.leftCount : range.rightCount;
        if (count == 0 ? line == start : line >= start && line < start + count)
            return i;
    }
    return -1;
}

int DifferenceNavigator::copyDifference(Pane from, Pane at)
{
    int index = differenceAt(at, pane(at)->currentLine() - 1);
    if (index < 0)
        index = m_current;
    return copyDifferenceAt(index, from) ? index : -1;
}

bool DifferenceNavigator::copyDifferenceAt(int index, Pane from)
{
    if (index < 0 || index >= m_hunks.size())
        return false;
    const HunkRange &range = m_hunks.at(index).range;
    const bool fromLeft = from == Pane::Left;
    const QStringList source = pane(from)->text().split(u'\n');
    QStringList target = pane(other(from))->text().split(u'\n');
    const int sourceStart = fromLeft ? range.leftStart : range.rightStart;
    const int sourceCount = fromLeft ? range.leftCount : range.rightCount;
    const int targetStart = fromLeft ? range.rightStart : range.leftStart;
    const int targetCount = fromLeft ? range.rightCount : range.leftCount;
    if (sourceStart + sourceCount > source.size() || targetStart + targetCount > target.size())
        return false; // the diff is older than the text: it is being compared again
    target.remove(targetStart, targetCount);
    for (int i = 0; i < sourceCount; ++i)
        target.insert(targetStart + i, source.at(sourceStart + i));
    RecordPane *receiver = pane(other(from));
    receiver->replaceText(target.join(u'\n'));
    receiver->goToLine(targetStart + 1);
    Q_EMIT message(fromLeft
            ? tr("Difference %1 copied to the right (Undo in the right pane takes it back).").arg(index + 1)
            : tr("Difference %1 copied to the left (Undo in the left pane takes it back).").arg(index + 1));
    return true;
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
