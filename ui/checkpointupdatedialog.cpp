// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "checkpointupdatedialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Countersign {

CheckpointUpdateDialog::CheckpointUpdateDialog(
    const CheckpointUpdate &update, const QString &recordName, const QString &checkpointName, QWidget *parent)
    : QDialog(parent)
    , m_update(update)
    , m_table(new QTableWidget(int(update.changes().size()), 4, this))
    , m_warning(new QLabel(this))
{
    setWindowTitle(tr("Update from Checkpoint"));
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(update.isEmpty()
            ? tr("%1 already states the runtime target, phase and date of %2: nothing to change.")
                  .arg(recordName, checkpointName)
            : tr("Apply takes the checked changes from %2 into %1 (Space checks or unchecks a row). The "
                 "rest of the record stays as it is, and Undo takes the whole update back.")
                  .arg(recordName, checkpointName));

    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Now"), tr("New"), tr("Line")});
    m_table->setAccessibleName(tr("Changes"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    const QList<bool> checked = update.defaultChoice();
    QStringList warnings;
    for (int row = 0; row < update.changes().size(); ++row) {
        const CheckpointChange &change = update.changes().at(row);
        auto *field = new QTableWidgetItem(change.field);
        field->setFlags(field->flags() | Qt::ItemIsUserCheckable);
        field->setCheckState(checked.at(row) ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(row, 0, field);
        m_table->setItem(
            row, 1, new QTableWidgetItem(change.oldValue.isEmpty() ? tr("(added)") : change.oldValue));
        m_table->setItem(row, 2, new QTableWidgetItem(change.newValue));
        auto *line = new QTableWidgetItem(QString::number(change.line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, 3, line);
        if (change.goesBackwards) {
            const QString warning =
                tr("The checkpoint is older than the record: %1 would go back from %2 to %3.")
                    .arg(change.field, change.oldValue, change.newValue);
            warnings.append(warning);
            m_table->item(row, 2)->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
            for (int column = 0; column < m_table->columnCount(); ++column)
                m_table->item(row, column)->setToolTip(warning);
        }
    }
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);
    m_table->installEventFilter(this);
    connect(m_table, &QTableWidget::itemChanged, this, &CheckpointUpdateDialog::updateApply);

    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setWordWrap(true);
    m_warning->setAccessibleName(tr("Warning"));
    m_warning->setText(
        warnings.join(u'\n') + u'\n' + tr("Its row is unchecked: check it to apply it anyway."));
    m_warning->setVisible(!warnings.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_warning);
    layout->addWidget(buttons);
    resize(1000, 360);
    updateApply();
    m_table->setFocus();
}

QList<bool> CheckpointUpdateDialog::chosen() const
{
    QList<bool> out;
    for (int row = 0; row < m_table->rowCount(); ++row)
        out.append(m_table->item(row, 0)->checkState() == Qt::Checked);
    return out;
}

bool CheckpointUpdateDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Space toggles the current row's box whichever cell of the row is current.
    if (watched == m_table && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space &&
        static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier && m_table->currentRow() >= 0) {
        QTableWidgetItem *box = m_table->item(m_table->currentRow(), 0);
        box->setCheckState(box->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void CheckpointUpdateDialog::updateApply()
{
    m_apply->setEnabled(chosen().contains(true));
}

} // namespace Countersign
