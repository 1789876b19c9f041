#pragma once

#include "comparefinding.h"

#include <QAbstractTableModel>
#include <QList>

namespace Countersign {

// The structural findings of the open pair as a table: severity, section, field, left value, right
// value, and the two lines. An adapter over a snapshot (setFindings() replaces it whole); it owns no
// logic beyond presenting it. Custom roles give views and proxies the raw data.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, SectionColumn, FieldColumn, LeftColumn, RightColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(CompareFinding::Severity)
        LeftLineRole, // 1-based, 0 when the left side has no such element
        RightLineRole,
    };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(const QList<CompareFinding> &findings);
    const QList<CompareFinding> &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // "Blocking", "Warning" or "Info", as the severity column shows it.
    static QString severityText(CompareFinding::Severity severity);

private:
    QList<CompareFinding> m_findings;
};

} // namespace Countersign
