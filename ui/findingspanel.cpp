// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "findingspanel.h"

#include "findingsdelegate.h"
#include "findingsfiltermodel.h"
#include "findingsmodel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace Countersign {

FindingsPanel::FindingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_findings(new FindingsModel(this))
    , m_filter(new FindingsFilterModel(this))
    , m_severity(new QComboBox(this))
    , m_view(new QTableView(this))
{
    m_filter->setSourceModel(m_findings);
    // New findings: Go starts again from the first blocking one.
    connect(m_findings, &QAbstractItemModel::modelReset, this, [this] { m_blockingShown = -1; });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_severity->addItem(tr("All findings"), int(CompareFinding::Severity::Info));
    m_severity->addItem(tr("Blocking and warnings"), int(CompareFinding::Severity::Warning));
    m_severity->addItem(tr("Blocking only"), int(CompareFinding::Severity::Blocking));
    m_severity->setAccessibleName(tr("Show findings"));
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumSeverity(CompareFinding::Severity(m_severity->currentData().toInt()));
    });
    layout->addWidget(m_severity, 0, Qt::AlignLeft);

    m_view->setModel(m_filter);
    m_view->setItemDelegate(new FindingsDelegate(m_view));
    m_view->setAccessibleName(tr("Findings"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(FindingsModel::LeftColumn, QHeaderView::Stretch);
    // Sized once for the longest severity (measuring every row after each comparison takes tens of
    // milliseconds with a thousand findings).
    int severityWidth = 0;
    for (const auto severity : {CompareFinding::Severity::NotComparable, CompareFinding::Severity::Blocking,
             CompareFinding::Severity::Warning, CompareFinding::Severity::Info})
        severityWidth = std::max(
            severityWidth, m_view->fontMetrics().horizontalAdvance(FindingsModel::severityText(severity)));
    for (const auto severity : {LintFinding::Severity::Error, LintFinding::Severity::Warning})
        severityWidth = std::max(
            severityWidth, m_view->fontMetrics().horizontalAdvance(FindingsModel::lintText(severity)));
    m_view->setColumnWidth(FindingsModel::SeverityColumn,
        severityWidth + m_view->style()->pixelMetric(QStyle::PM_SmallIconSize) + 24);
    m_view->setColumnWidth(FindingsModel::SectionColumn, 260);
    m_view->setColumnWidth(FindingsModel::FieldColumn, 260);
    // Blocking findings first, each severity down the records; a click on a header sorts by its column
    // (again: the other way round).
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FindingsModel::SeverityColumn, Qt::AscendingOrder);
    // Enter or a click on a finding shows it in both panes.
    connect(
        m_view, &QTableView::activated, this, [this](const QModelIndex &index) { showFinding(index.row()); });
    connect(
        m_view, &QTableView::clicked, this, [this](const QModelIndex &index) { showFinding(index.row()); });
    layout->addWidget(m_view);
}

QSize FindingsPanel::sizeHint() const
{
    const QMargins margins = layout()->contentsMargins();
    const int table = 2 * m_view->frameWidth() + m_view->horizontalHeader()->sizeHint().height() +
        preferredRows * m_view->verticalHeader()->defaultSectionSize();
    return {QWidget::sizeHint().width(),
        margins.top() + m_severity->sizeHint().height() + layout()->spacing() + table + margins.bottom()};
}

std::pair<int, int> FindingsPanel::showBlocking(int step)
{
    QList<int> blocking; // rows of the model, in the comparison's order: down the records
    for (int row = 0; row < m_findings->rowCount(); ++row) {
        const QModelIndex index = m_findings->index(row, 0);
        if (!index.data(FindingsModel::LintRole).toBool() &&
            index.data(FindingsModel::SeverityRole).toInt() == int(CompareFinding::Severity::Blocking))
            blocking.append(row);
    }
    if (blocking.isEmpty())
        return {0, 0};
    const int count = int(blocking.size());
    m_blockingShown = m_blockingShown < 0 && step < 0 ? count - 1 : (m_blockingShown + step + count) % count;
    const QModelIndex index = m_findings->index(blocking.at(m_blockingShown), 0);
    // Blocking findings pass every filter of the severity box.
    m_view->setCurrentIndex(m_filter->mapFromSource(index));
    m_view->scrollTo(m_view->currentIndex());
    Q_EMIT linesChosen(
        index.data(FindingsModel::LeftLineRole).toInt(), index.data(FindingsModel::RightLineRole).toInt());
    return {m_blockingShown + 1, count};
}

void FindingsPanel::showFinding(int row)
{
    const QModelIndex index = m_filter->index(row, 0);
    if (!index.isValid())
        return;
    Q_EMIT linesChosen(
        index.data(FindingsModel::LeftLineRole).toInt(), index.data(FindingsModel::RightLineRole).toInt());
}

} // namespace Countersign
