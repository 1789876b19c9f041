// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "checkpointupdatedialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Countersign {

CheckpointUpdateDialog::CheckpointUpdateDialog(
    const CheckpointUpdate &update, const QString &recordName, const QString &checkpointName, QWidget *parent)
    : QDialog(parent)
    , m_update(update)
    , m_table(new QTableWidget(int(update.changes().size()), 4, this))
{
    setWindowTitle(tr("Update from Checkpoint"));
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(update.isEmpty()
            ? tr("%1 already states the runtime target, phase and date of %2: nothing to change.")
                  .arg(recordName, checkpointName)
            : tr("Apply takes these values from %2 into %1. The rest of the record stays as it is, and "
                 "Undo takes the whole update back.")
                  .arg(recordName, checkpointName));

    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Now"), tr("New"), tr("Line")});
    m_table->setAccessibleName(tr("Changes"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    for (int row = 0; row < update.changes().size(); ++row) {
        const CheckpointChange &change = update.changes().at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(change.field));
        m_table->setItem(
            row, 1, new QTableWidgetItem(change.oldValue.isEmpty() ? tr("(added)") : change.oldValue));
        m_table->setItem(row, 2, new QTableWidgetItem(change.newValue));
        auto *line = new QTableWidgetItem(QString::number(change.line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, 3, line);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setEnabled(!update.isEmpty());
    m_apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(1000, 360);
}

} // namespace Countersign
