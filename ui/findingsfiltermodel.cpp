// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "findingsfiltermodel.h"

#include "findingsmodel.h"

#include <tuple>

namespace Countersign {

namespace {

// Severity, then where the finding is: its left line, else its right line.
std::tuple<int, int> rank(const QModelIndex &index)
{
    const int left = index.data(FindingsModel::LeftLineRole).toInt();
    return {index.data(FindingsModel::SeverityRole).toInt(),
        left > 0 ? left : index.data(FindingsModel::RightLineRole).toInt()};
}

} // namespace

FindingsFilterModel::FindingsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void FindingsFilterModel::setMinimumSeverity(CompareFinding::Severity severity)
{
    if (severity == m_minimum)
        return;
    m_minimum = severity;
    invalidateRowsFilter();
}

bool FindingsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // Severities are ordered from Blocking (0) to Info (2): show what is at least as severe.
    return index.data(FindingsModel::SeverityRole).toInt() <= int(m_minimum);
}

bool FindingsFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() != FindingsModel::SeverityColumn) {
        if (const int order = m_collator.compare(left.data().toString(), right.data().toString()); order != 0)
            return order < 0;
    }
    return rank(left) < rank(right);
}

} // namespace Countersign
