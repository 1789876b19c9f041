// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "findingsfiltermodel.h"

#include "findingsmodel.h"

namespace Countersign {

FindingsFilterModel::FindingsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

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

} // namespace Countersign
