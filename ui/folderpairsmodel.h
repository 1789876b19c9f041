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
// the kind and the two file names (the full paths as tool tips and under PathRole). A document found
// without a partner is a row of its own whose other side says which document is missing (in italics).
// A snapshot adapter: setPairs() replaces it whole.
class FolderPairsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KindColumn, LeftColumn, RightColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // on the file columns of a pair row: the full path, or nothing
        PairedRole, // on pair rows: true when both sides are there
        DateRole, // on every row: the cutover date, YYYY-MM-DD or "undated"
    };

    explicit FolderPairsModel(QObject *parent = nullptr);

    void setPairs(const QList<DocumentPair> &pairs);
    // In the order given to setPairs(), not in the tree's.
    const QList<DocumentPair> &pairs() const { return m_pairs; }
    int pairedCount() const;
    // The pair (or unpaired document) of the row of `index`; nothing for a date row.
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
    struct Group
    {
        QString date;
        QList<int> rows; // into m_pairs
    };
    QVariant groupData(const Group &group, int column, int role) const;
    QVariant pairData(const DocumentPair &pair, int column, int role) const;

    QList<DocumentPair> m_pairs;
    QList<Group> m_groups;
};

} // namespace Countersign
