// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "ledger/signoffrules.h"

#include <QAbstractTableModel>

namespace Countersign {

// The roles of one record and where their sign-offs stand, as a table: role, holder, state, signer,
// time, digest. An adapter over a SignOffStatus snapshot (setStatus() replaces it whole).
class SignOffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RoleColumn,
        HolderColumn,
        StateColumn,
        SignerColumn,
        TimeColumn,
        DigestColumn,
        SignatureColumn, // signed (by whom), unsigned, or a later entry that does not count, and why
        ColumnCount
    };
    enum Role { StateRole = Qt::UserRole + 1 }; // int(RoleState)

    explicit SignOffModel(QObject *parent = nullptr);
    void setStatus(const SignOffStatus &status);
    const SignOffStatus &status() const { return m_status; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SignOffStatus m_status;
};

// Every ledger entry of one record, oldest first: time, role, signer, decision, comment, digest.
class SignOffHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        RoleColumn,
        SignerColumn,
        DecisionColumn,
        CommentColumn,
        DigestColumn,
        SignatureColumn, // the principal and the key's fingerprint, or "unsigned"
        ColumnCount
    };

    explicit SignOffHistoryModel(QObject *parent = nullptr);
    void setEntries(const QList<SignOffEntry> &entries);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SignOffEntry> m_entries;
};

} // namespace Countersign
