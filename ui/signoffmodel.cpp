// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signoffmodel.h"

#include "appearance.h"
#include "signing/sshsignature.h"

#include <QBrush>
#include <QColor>

namespace Countersign {

namespace {

// The signer, and on a server's ledger the user the server authenticated for the entry and, for an
// entry copied from another ledger, who copied it.
QString signerText(const SignOffEntry &entry)
{
    QString text = entry.serverUser.isEmpty()
        ? entry.signer
        : SignOffModel::tr("%1 (server user %2)").arg(entry.signer, entry.serverUser);
    if (!entry.copiedBy.isEmpty())
        text += u' ' + SignOffModel::tr("(copied by %1)").arg(entry.copiedBy);
    return text;
}

QString stateText(RoleState state)
{
    switch (state) {
    case RoleState::Pending:
        return SignOffModel::tr("Pending");
    case RoleState::Approved:
        return SignOffModel::tr("Approved");
    case RoleState::Rejected:
        return SignOffModel::tr("Rejected");
    case RoleState::Stale:
        break;
    }
    return SignOffModel::tr("Stale (content changed)");
}

QColor stateColour(RoleState state)
{
    switch (state) {
    case RoleState::Approved:
        return Appearance::statusText(Appearance::Status::Good);
    case RoleState::Rejected:
        return Appearance::statusText(Appearance::Status::Bad);
    case RoleState::Stale:
        return Appearance::statusText(Appearance::Status::Warning);
    case RoleState::Pending:
        break;
    }
    return {};
}

QString shortTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

// What the deciding entry's signature is worth, and whether a later entry was left uncounted.
QString signatureText(const RoleSignOff &row)
{
    QString text;
    if (row.latest) {
        text = row.standing.standing == SignatureStanding::Valid
            ? SignOffModel::tr("Signed: %1").arg(row.standing.principal)
            : SignOffModel::tr("Unsigned");
    }
    if (row.ignored) {
        const QString ignored = row.ignored->isSigned()
            ? SignOffModel::tr("invalid signature: %1").arg(row.ignoredStanding.reason)
            : SignOffModel::tr("unsigned, not counted");
        text = text.isEmpty() ? ignored : SignOffModel::tr("%1; later %2").arg(text, ignored);
    }
    return text;
}

} // namespace

SignOffModel::SignOffModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SignOffModel::setStatus(const SignOffStatus &status)
{
    beginResetModel();
    m_status = status;
    endResetModel();
}

int SignOffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_status.roles.size());
}

int SignOffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignOffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RoleSignOff &row = m_status.roles.at(index.row());
    const bool signed_ = row.latest.has_value();
    switch (role) {
    case StateRole:
        return int(row.state);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && stateColour(row.state).isValid())
            return QBrush(stateColour(row.state));
        if (index.column() == SignatureColumn && row.ignored)
            return QBrush(stateColour(RoleState::Rejected));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SignatureColumn && row.ignored)
            return tr("Not counted: %1 (%2 at %3)")
                .arg(row.ignoredStanding.reason, row.ignored->signer, shortTime(row.ignored->time));
        if (index.column() == SignatureColumn && row.standing.standing == SignatureStanding::Valid)
            return tr("Signed by %1 with the key %2").arg(row.standing.principal, row.standing.fingerprint);
        return signed_ && !row.latest->comment.isEmpty() ? QVariant(row.latest->comment) : QVariant();
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case RoleColumn:
            return row.role;
        case HolderColumn:
            return row.holder;
        case StateColumn:
            return stateText(row.state);
        case SignerColumn:
            return signed_ ? signerText(*row.latest) : QString();
        case TimeColumn:
            return signed_ ? shortTime(row.latest->time) : QString();
        case DigestColumn:
            return signed_ ? row.latest->digest.left(12) : QString();
        case SignatureColumn:
            return signatureText(row);
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant SignOffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RoleColumn:
        return tr("Role");
    case HolderColumn:
        return tr("Holder");
    case StateColumn:
        return tr("State");
    case SignerColumn:
        return tr("Signer");
    case TimeColumn:
        return tr("Time");
    case DigestColumn:
        return tr("Digest");
    case SignatureColumn:
        return tr("Signature");
    case ColumnCount:
        break;
    }
    return {};
}

SignOffHistoryModel::SignOffHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SignOffHistoryModel::setEntries(const QList<SignOffEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int SignOffHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SignOffHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignOffHistoryModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SignOffEntry &entry = m_entries.at(index.row());
    switch (Column(index.column())) {
    case TimeColumn:
        return shortTime(entry.time);
    case RoleColumn:
        return entry.role;
    case SignerColumn:
        return signerText(entry);
    case DecisionColumn:
        return decisionName(entry.decision);
    case CommentColumn:
        return entry.comment;
    case DigestColumn:
        return entry.digest.left(12);
    case SignatureColumn: {
        if (!entry.isSigned())
            return tr("unsigned");
        const Result<SshSignature> signature = SshSignature::parse(entry.signature);
        return signature ? tr("%1, %2").arg(entry.principal, signature->key.fingerprint())
                         : tr("%1, unreadable signature").arg(entry.principal);
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SignOffHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case RoleColumn:
        return tr("Role");
    case SignerColumn:
        return tr("Signer");
    case DecisionColumn:
        return tr("Decision");
    case CommentColumn:
        return tr("Comment");
    case DigestColumn:
        return tr("Digest");
    case SignatureColumn:
        return tr("Signature");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Countersign
