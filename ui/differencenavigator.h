// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "diff/diffchange.h"
#include "diff/sidebysidediff.h"
#include "pane.h"

#include <QList>
#include <QObject>

namespace Countersign {

class RecordPane;

// Moving through the line diff of the pair shown: Go > Next and Previous Difference put both panes
// on a difference (wrapping around), First and Last Difference on the ends, and while scrolling in step (on
// by default) scrolling either pane keeps the matching line level in the other (LineMatching). It holds the
// diff it was last given and not the panes, which belong to the window's layout. With no differences, nothing
// moves.
class DifferenceNavigator : public QObject
{
    Q_OBJECT
public:
    DifferenceNavigator(RecordPane *left, RecordPane *right, QObject *parent = nullptr);

    // The differences of the comparison shown and its edit script; forgets the difference shown.
    void setDiff(const QList<DiffHunk> &hunks, const QList<DiffChange> &changes);
    // Puts both panes on the next (or previous) difference, wrapping around. Returns the index of the
    // difference shown, -1 when there is none.
    int nextDifference();
    int previousDifference();
    // Puts both panes on the first (or last) difference; -1 when there is none.
    int firstDifference();
    int lastDifference();
    // Puts both panes on the difference at `index`: a side without lines in it shows where the other
    // side's lines would go.
    void showDifference(int index);
    // Edit > Copy Difference to the Right (Left): the lines of a difference on side `from` replace
    // those of the other side, as one undoable edit of the other pane (the rest of its lines keep
    // their bytes). The difference is the one the cursor of `at`'s pane is in, else the one Go showed
    // last. Returns its index, -1 when there is none to copy.
    int copyDifference(Pane from, Pane at);
    // The same for the difference at `index` (an arrow of the band); false when there is none.
    bool copyDifferenceAt(int index, Pane from);
    // The difference whose lines on `side` hold 0-based `line` (or, for one without lines there,
    // that start at it); -1 when none does.
    int differenceAt(Pane side, int line) const;
    // The line of the other side that matches `line` of `side` by the current line diff: the same
    // line where they are equal, the start of the other side's part where they differ.
    int matchingLine(Pane side, int line) const;
    void setScrollInStep(bool inStep) { m_scrollInStep = inStep; }

Q_SIGNALS:
    // Something for the status bar.
    void message(const QString &text);
    // Go showed the difference at `index` (its range given), or forgot it (index -1): the window
    // draws it as a block across both panes and the band.
    void currentChanged(int index, const Countersign::HunkRange &range);

private:
    RecordPane *pane(Pane side) const { return side == Pane::Left ? m_left : m_right; }
    void followScroll(Pane side);

    RecordPane *m_left;
    RecordPane *m_right;
    QList<DiffHunk> m_hunks;
    QList<DiffChange> m_changes;
    int m_current = -1;
    bool m_scrollInStep = true;
    bool m_following = false; // while scrolling the other pane to match
};

} // namespace Countersign
