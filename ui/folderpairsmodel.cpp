// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "folderpairsmodel.h"

#include <QFileInfo>
#include <QFont>

#include <algorithm>

namespace Countersign {

namespace {

// A date row's internal id is 0; a pair row's is its group's index + 1.
constexpr quintptr dateRowId = 0;

const QString undated = QStringLiteral("undated"); // CutoverCheck's date for documents without one

QString kindText(DocumentPair::Kind kind)
{
    switch (kind) {
    case DocumentPair::Kind::DecisionRecord:
        return FolderPairsModel::tr("Decision record");
    case DocumentPair::Kind::CheckpointPackets:
        return FolderPairsModel::tr("Checkpoint packets");
    }
    return {};
}

// What the empty side of an unpaired document would have held.
QString missingText(DocumentPair::Kind kind, bool leftMissing)
{
    switch (kind) {
    case DocumentPair::Kind::DecisionRecord:
        return leftMissing ? FolderPairsModel::tr("no producer mirror found")
                           : FolderPairsModel::tr("no consumer decision record found");
    case DocumentPair::Kind::CheckpointPackets:
        return leftMissing ? FolderPairsModel::tr("no producer checkpoint packet found")
                           : FolderPairsModel::tr("no consumer checkpoint packet found");
    }
    return {};
}

} // namespace

FolderPairsModel::FolderPairsModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void FolderPairsModel::setPairs(const QList<DocumentPair> &pairs)
{
    beginResetModel();
    m_pairs = pairs;
    m_groups.clear();
    for (int row = 0; row < m_pairs.size(); ++row) {
        const QString &date = m_pairs.at(row).date;
        auto group = std::find_if(
            m_groups.begin(), m_groups.end(), [&date](const Group &g) { return g.date == date; });
        if (group == m_groups.end())
            group = m_groups.insert(m_groups.end(), Group{date, {}});
        group->rows.append(row);
    }
    // The latest cutover is the one most likely wanted. ISO dates sort as text; "undated" after them.
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) {
        const bool aDated = a.date != undated, bDated = b.date != undated;
        return aDated != bDated ? aDated : a.date > b.date;
    });
    endResetModel();
}

int FolderPairsModel::pairedCount() const
{
    return int(
        std::count_if(m_pairs.cbegin(), m_pairs.cend(), [](const DocumentPair &p) { return p.isPaired(); }));
}

std::optional<DocumentPair> FolderPairsModel::pairAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.internalId() == dateRowId)
        return std::nullopt;
    return m_pairs.at(m_groups.at(index.internalId() - 1).rows.at(index.row()));
}

QModelIndex FolderPairsModel::firstPaired() const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        const QList<int> &rows = m_groups.at(g).rows;
        for (int row = 0; row < rows.size(); ++row) {
            if (m_pairs.at(rows.at(row)).isPaired())
                return createIndex(row, KindColumn, quintptr(g + 1));
        }
    }
    return {};
}

QModelIndex FolderPairsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : dateRowId);
}

QModelIndex FolderPairsModel::parent(const QModelIndex &child) const
{
    if (!checkIndex(child, CheckIndexOption::DoNotUseParent) || child.internalId() == dateRowId)
        return {};
    return createIndex(int(child.internalId() - 1), KindColumn, dateRowId);
}

int FolderPairsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != dateRowId || parent.column() != KindColumn)
        return 0;
    return int(m_groups.at(parent.row()).rows.size());
}

int FolderPairsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FolderPairsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == dateRowId)
        return groupData(m_groups.at(index.row()), index.column(), role);
    return pairData(*pairAt(index), index.column(), role);
}

QVariant FolderPairsModel::groupData(const Group &group, int column, int role) const
{
    if (role == DateRole)
        return group.date;
    if (column != KindColumn)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        const auto paired = std::count_if(
            group.rows.cbegin(), group.rows.cend(), [this](int row) { return m_pairs.at(row).isPaired(); });
        const qsizetype unpaired = group.rows.size() - paired;
        const QString pairs = paired == 1 ? tr("1 pair") : tr("%1 pairs").arg(paired);
        // DateRole keeps CutoverCheck's "undated"; the display says it in the user's language.
        const QString date = group.date == undated ? tr("undated") : group.date;
        return unpaired == 0 ? tr("%1 · %2").arg(date, pairs)
                             : tr("%1 · %2, %3 unpaired").arg(date, pairs).arg(unpaired);
    }
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    default:
        return {};
    }
}

QVariant FolderPairsModel::pairData(const DocumentPair &pair, int column, int role) const
{
    const bool leftColumn = column == LeftColumn;
    const QString path = leftColumn ? pair.left : column == RightColumn ? pair.right : QString();
    const bool missing = column != KindColumn && path.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        if (column == KindColumn)
            return pair.isPaired() ? kindText(pair.kind) : tr("%1 (unpaired)").arg(kindText(pair.kind));
        return missing ? missingText(pair.kind, leftColumn) : QFileInfo(path).fileName();
    case Qt::ToolTipRole:
        if (column == KindColumn)
            return pair.isPaired()
                ? tr("Opens the producer's document on the left and the consumer's on the right.")
                : tr("Only one side of this pair was found; it cannot be opened as a pair.");
        return missing ? QVariant() : QVariant(path);
    case PathRole:
        return missing || column == KindColumn ? QVariant() : QVariant(path);
    case PairedRole:
        return pair.isPaired();
    case DateRole:
        return pair.date;
    case Qt::FontRole:
        if (missing) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant FolderPairsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case KindColumn:
        return tr("Cutover and documents");
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
