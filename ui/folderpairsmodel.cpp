// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "folderpairsmodel.h"

#include <QFileInfo>
#include <QFont>

#include <algorithm>

namespace Countersign {

namespace {

const QString undated = QStringLiteral("undated"); // CutoverCheck's date for documents without one

QString kindText(DocumentPair::Kind kind)
{
    switch (kind) {
    case DocumentPair::Kind::DecisionRecord:
        return FolderPairsModel::tr("Decision record");
    case DocumentPair::Kind::CheckpointPackets:
        return FolderPairsModel::tr("Checkpoint packets");
    case DocumentPair::Kind::FinalizedExport:
        return FolderPairsModel::tr("Finalized export");
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
    case DocumentPair::Kind::FinalizedExport:
        return FolderPairsModel::tr("its record was not found");
    }
    return {};
}

QString comparisonText(DocumentPair::State state)
{
    switch (state) {
    case DocumentPair::State::Aligned:
        return FolderPairsModel::tr("Aligned");
    case DocumentPair::State::NotAligned:
        return FolderPairsModel::tr("Not aligned");
    case DocumentPair::State::NotComparable:
        return FolderPairsModel::tr("Not comparable");
    case DocumentPair::State::NotCompared:
        break;
    }
    return FolderPairsModel::tr("Not compared");
}

// The state column of a pair: what the comparison says, and whether a current final export is there.
QString stateText(const DocumentPair &pair)
{
    if (!pair.isPaired())
        return FolderPairsModel::tr("Unpaired");
    const bool final = std::any_of(
        pair.exports.cbegin(), pair.exports.cend(), [](const PairExport &e) { return e.isCurrentFinal(); });
    return final ? FolderPairsModel::tr("%1, final").arg(comparisonText(pair.state))
                 : comparisonText(pair.state);
}

// What verifying the export found (as `countersign verify` would), and whether it is of the record
// as it stands.
QString exportStateText(const PairExport &exported)
{
    using State = CutoverCheck::ExportState;
    switch (exported.state) {
    case State::OpenSignOffs:
        return FolderPairsModel::tr("Not final: open sign-offs");
    case State::SignersUnchecked:
        return FolderPairsModel::tr("Not verified: no trust folder says who may sign");
    case State::DoesNotVerify:
        return FolderPairsModel::tr("Does not verify: %1").arg(exported.problem);
    case State::Final:
        break;
    }
    return exported.sameContent ? FolderPairsModel::tr("Final")
                                : FolderPairsModel::tr("Final, but the record changed since");
}

QFont italic()
{
    QFont font;
    font.setItalic(true);
    return font;
}

} // namespace

FolderPairsModel::FolderPairsModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

int FolderPairsModel::addNode(int parent, const QString &date, int pair, int exported)
{
    const int id = int(m_nodes.size());
    const int row = int(parent < 0 ? m_dates.size() : m_nodes.at(parent).children.size());
    m_nodes.append(Node{parent, row, date, pair, exported, {}});
    // After the append, which may have moved the nodes.
    (parent < 0 ? m_dates : m_nodes[parent].children).append(id);
    return id;
}

void FolderPairsModel::setPairs(const QList<DocumentPair> &pairs)
{
    beginResetModel();
    m_pairs = pairs;
    m_nodes.clear();
    m_dates.clear();
    // The latest cutover is the one most likely wanted. ISO dates sort as text; "undated" after them.
    QStringList dates;
    for (const DocumentPair &pair : std::as_const(m_pairs)) {
        if (!dates.contains(pair.date))
            dates.append(pair.date);
    }
    std::stable_sort(dates.begin(), dates.end(), [](const QString &a, const QString &b) {
        const bool aDated = a != undated, bDated = b != undated;
        return aDated != bDated ? aDated : a > b;
    });
    for (const QString &date : std::as_const(dates)) {
        const int group = addNode(-1, date, -1, -1);
        for (int pair = 0; pair < m_pairs.size(); ++pair) {
            if (m_pairs.at(pair).date != date)
                continue;
            const int node = addNode(group, date, pair, -1);
            for (int exported = 0; exported < m_pairs.at(pair).exports.size(); ++exported)
                addNode(node, date, pair, exported);
        }
    }
    endResetModel();
}

int FolderPairsModel::pairedCount() const
{
    return int(
        std::count_if(m_pairs.cbegin(), m_pairs.cend(), [](const DocumentPair &p) { return p.isPaired(); }));
}

std::optional<DocumentPair> FolderPairsModel::pairAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return std::nullopt;
    const Node &node = nodeOf(index);
    if (node.pair < 0)
        return std::nullopt;
    const DocumentPair &pair = m_pairs.at(node.pair);
    if (node.exported < 0)
        return pair;
    const PairExport &exported = pair.exports.at(node.exported);
    return DocumentPair{pair.date, pair.kind, exported.record, exported.file, {}};
}

QModelIndex FolderPairsModel::firstPaired() const
{
    for (const int group : m_dates) {
        for (const int node : m_nodes.at(group).children) {
            if (m_pairs.at(m_nodes.at(node).pair).isPaired())
                return createIndex(m_nodes.at(node).row, KindColumn, quintptr(node));
        }
    }
    return {};
}

QModelIndex FolderPairsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const QList<int> &rows = parent.isValid() ? nodeOf(parent).children : m_dates;
    return createIndex(row, column, quintptr(rows.at(row)));
}

QModelIndex FolderPairsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !checkIndex(child, CheckIndexOption::DoNotUseParent))
        return {};
    const int parent = nodeOf(child).parent;
    if (parent < 0)
        return {};
    return createIndex(m_nodes.at(parent).row, KindColumn, quintptr(parent));
}

int FolderPairsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_dates.size());
    if (parent.column() != KindColumn)
        return 0;
    return int(nodeOf(parent).children.size());
}

int FolderPairsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FolderPairsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = nodeOf(index);
    if (node.pair < 0)
        return groupData(node, index.column(), role);
    const DocumentPair &pair = m_pairs.at(node.pair);
    if (node.exported < 0)
        return pairData(pair, index.column(), role);
    return exportData(pair, pair.exports.at(node.exported), index.column(), role);
}

QVariant FolderPairsModel::groupData(const Node &group, int column, int role) const
{
    if (role == DateRole)
        return group.date;
    if (column != KindColumn)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        const auto paired = std::count_if(group.children.cbegin(), group.children.cend(),
            [this](int node) { return m_pairs.at(m_nodes.at(node).pair).isPaired(); });
        const qsizetype unpaired = group.children.size() - paired;
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
    const bool fileColumn = column == LeftColumn || column == RightColumn;
    const bool missing = fileColumn && path.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        if (column == KindColumn)
            return pair.isPaired() ? kindText(pair.kind) : tr("%1 (unpaired)").arg(kindText(pair.kind));
        if (column == StateColumn)
            return stateText(pair);
        return missing ? missingText(pair.kind, leftColumn) : QFileInfo(path).fileName();
    case Qt::ToolTipRole:
        if (column == KindColumn || column == StateColumn)
            return pair.isPaired()
                ? tr("Opens the producer's document on the left and the consumer's on the right.")
                : tr("Only one side of this pair was found; it cannot be opened as a pair.");
        return missing ? QVariant() : QVariant(path);
    case PathRole:
        return missing || !fileColumn ? QVariant() : QVariant(path);
    case PairedRole:
        return pair.isPaired();
    case DateRole:
        return pair.date;
    case ExportRole:
        return false;
    case Qt::FontRole:
        return missing ? QVariant(italic()) : QVariant();
    default:
        return {};
    }
}

QVariant FolderPairsModel::exportData(
    const DocumentPair &pair, const PairExport &exported, int column, int role) const
{
    // The export's file in the column of its record.
    const bool underLeft = exported.record == pair.left;
    const bool fileColumn = column == (underLeft ? LeftColumn : RightColumn);
    switch (role) {
    case Qt::DisplayRole:
        if (column == KindColumn)
            return tr("Finalized export");
        if (column == StateColumn)
            return exportStateText(exported);
        return fileColumn ? QVariant(QFileInfo(exported.file).fileName()) : QVariant();
    case Qt::ToolTipRole:
        if (fileColumn)
            return exported.file;
        return tr("Opens %1 on the left and its finalized export on the right: the difference is what the "
                  "export added.")
            .arg(QFileInfo(exported.record).fileName());
    case PathRole:
        return fileColumn ? QVariant(exported.file) : QVariant();
    case PairedRole:
    case ExportRole:
        return true;
    case DateRole:
        return pair.date;
    case Qt::FontRole:
        return column == KindColumn ? QVariant(italic()) : QVariant();
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
    case StateColumn:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Countersign
