// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/comparefinding.h"

#include <QSortFilterProxyModel>

namespace Countersign {

// Shows the findings of FindingsModel at or above a chosen severity (blocking only; blocking and
// warnings; everything).
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

private:
    CompareFinding::Severity m_minimum = CompareFinding::Severity::Info;
};

} // namespace Countersign
