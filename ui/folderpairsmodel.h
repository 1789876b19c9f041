#pragma once

#include "cutoverpairing.h"

#include <QAbstractTableModel>
#include <QList>

namespace Countersign {

// The pairs found in two cutover folders, as a table: date, what, left file, right file (names;
// the full paths as tool tips and under PathRole). A snapshot adapter: setPairs() replaces it whole.
class FolderPairsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DateColumn, WhatColumn, LeftColumn, RightColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1 }; // on the file columns: the full path

    explicit FolderPairsModel(QObject *parent = nullptr);

    void setPairs(const QList<DocumentPair> &pairs);
    const QList<DocumentPair> &pairs() const { return m_pairs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DocumentPair> m_pairs;
};

} // namespace Countersign
