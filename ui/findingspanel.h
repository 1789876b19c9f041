// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QWidget>

class QComboBox;
class QTableView;

namespace Countersign {

class FindingsFilterModel;
class FindingsModel;

// The findings panel below the panes: the structural findings and lint of the pair shown, in a table
// filtered by severity (a combo box above it) and sorted by severity and position until a click on a
// header sorts by another column. It owns its models (FindingsModel, filtered and sorted by
// FindingsFilterModel); the window fills the first after each comparison. Activating a finding (Enter,
// or a click) asks for both panes to go to its lines.
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    // How many findings the panel shows at its preferred height (sizeHint()).
    static constexpr int preferredRows = 8;

    explicit FindingsPanel(QWidget *parent = nullptr);

    // Tall enough for the severity box and preferredRows findings under the table's header.
    QSize sizeHint() const override;

    FindingsModel *model() const { return m_findings; }
    FindingsFilterModel *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    // Emits lineChosen() with the lines of the finding at `row` of the view; nothing for no such row.
    void showFinding(int row);
    // Go > Next (step 1) or Previous (step -1) Blocking Finding: selects the blocking finding after
    // (before) the one shown last, wrapping around, and shows it in both panes. Returns its number
    // among the blocking findings (1-based) and how many there are; {0, 0} when there is none.
    std::pair<int, int> showBlocking(int step);

Q_SIGNALS:
    // Lines are 1-based; 0 for a side without the element.
    void linesChosen(int leftLine, int rightLine);

private:
    FindingsModel *m_findings;
    FindingsFilterModel *m_filter;
    QComboBox *m_severity;
    QTableView *m_view;
    int m_blockingShown = -1; // among the blocking findings, the one Go showed last
};

} // namespace Countersign
