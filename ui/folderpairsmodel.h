// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/cutoverpairing.h"

#include <QAbstractItemModel>
#include <QList>

#include <optional>

namespace Countersign {

// The pairs found in two cutover folders, as a tree grouped by cutover date (newest first, "undated"
// last): each date is a top-level row ("2026-03-14 · 2 pairs"), its pairs are the rows below it with
// the kind, the two file names (the full paths as tool tips and under PathRole) and the pair's state
// (Aligned, Not aligned, Not comparable, Unpaired, from DocumentPair::state; ", final" when a final
// export of the record as it stands is there). A document found without a partner is a row of its own
// whose other side says which document is missing (in italics). A finalized export is a row below its
// pair, its file under its record's column; pairAt() gives for it the record on the left and the
// export on the right, so that opening it shows what the export added and whether the record changed
// since. An export whose record was not found is a row of its own, like an unpaired document.
// A snapshot adapter: setPairs() replaces it whole.
class FolderPairsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KindColumn, LeftColumn, RightColumn, StateColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // on the file columns of a pair row: the full path, or nothing
        PairedRole, // on pair rows: true when both sides are there
        DateRole, // on every row: the cutover date, YYYY-MM-DD or "undated"
        ExportRole, // true on the rows of finalized exports below their pair
    };

    explicit FolderPairsModel(QObject *parent = nullptr);

    void setPairs(const QList<DocumentPair> &pairs);
    // In the order given to setPairs(), not in the tree's.
    const QList<DocumentPair> &pairs() const { return m_pairs; }
    int pairedCount() const;
    // The pair (or unpaired document) of the row of `index`; for an export's row, its record and the
    // export; nothing for a date row.
    std::optional<DocumentPair> pairAt(const QModelIndex &index) const;
    // The first row with both sides, in the tree's order; invalid when there is none.
    QModelIndex firstPaired() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // A row: a date, a pair below it, or an export below a pair.
    struct Node
    {
        int parent = -1; // into m_nodes; -1 for a date row
        int row = 0; // under its parent
        QString date;
        int pair = -1; // into m_pairs; -1 for a date row
        int exported = -1; // into the pair's exports; -1 but for an export's row
        QList<int> children; // into m_nodes
    };
    int addNode(int parent, const QString &date, int pair, int exported);
    const Node &nodeOf(const QModelIndex &index) const { return m_nodes.at(int(index.internalId())); }
    QVariant groupData(const Node &group, int column, int role) const;
    QVariant pairData(const DocumentPair &pair, int column, int role) const;
    QVariant exportData(const DocumentPair &pair, const PairExport &exported, int column, int role) const;

    QList<DocumentPair> m_pairs;
    QList<Node> m_nodes;
    QList<int> m_dates; // the top-level rows, into m_nodes
};

} // namespace Countersign
