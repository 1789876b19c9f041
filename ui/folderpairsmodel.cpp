#include "folderpairsmodel.h"

#include <QFileInfo>

namespace Countersign {

FolderPairsModel::FolderPairsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FolderPairsModel::setPairs(const QList<DocumentPair> &pairs)
{
    beginResetModel();
    m_pairs = pairs;
    endResetModel();
}

int FolderPairsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pairs.size());
}

int FolderPairsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FolderPairsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DocumentPair &pair = m_pairs.at(index.row());
    const QString path = index.column() == LeftColumn ? pair.left
        : index.column() == RightColumn               ? pair.right
                                                      : QString();
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case DateColumn:
            return pair.date;
        case WhatColumn:
            return pair.what;
        case LeftColumn:
        case RightColumn:
            return QFileInfo(path).fileName();
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
    case PathRole:
        return path.isEmpty() ? QVariant() : QVariant(path);
    default:
        break;
    }
    return {};
}

QVariant FolderPairsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case DateColumn:
        return tr("Date");
    case WhatColumn:
        return tr("Documents");
    case LeftColumn:
        return tr("Producer (left)");
    case RightColumn:
        return tr("Consumer (right)");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Countersign
