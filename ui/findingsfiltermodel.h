// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/comparefinding.h"

#include <QCollator>
#include <QSortFilterProxyModel>

namespace Countersign {

// Shows the findings of FindingsModel at or above a chosen severity (blocking only; blocking and
// warnings; everything), sorted by a column. The severity column sorts by severity, then by position
// (the left line, else the right line): blocking findings first, each group down the records. Every
// other column sorts by its text, numbers by their value ("Phase 9" before "Phase 10"), and findings
// that read the same there by severity and position.
class FindingsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FindingsFilterModel(QObject *parent = nullptr);

    // The least severe findings still shown; Info shows everything.
    void setMinimumSeverity(CompareFinding::Severity severity);
    CompareFinding::Severity minimumSeverity() const { return m_minimum; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    CompareFinding::Severity m_minimum = CompareFinding::Severity::Info;
    QCollator m_collator;
};

} // namespace Countersign
