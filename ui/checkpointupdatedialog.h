// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "drafting/checkpointupdate.h"

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace Countersign {

// Shows what an update from a checkpoint will change in a record before it is applied: a table of
// field, value now, new value and line, with Apply and Cancel (Apply is disabled when the record is
// already up to date). It changes nothing itself: whoever opened it applies the update when it is
// accepted.
class CheckpointUpdateDialog : public QDialog
{
    Q_OBJECT
public:
    CheckpointUpdateDialog(const CheckpointUpdate &update, const QString &recordName,
        const QString &checkpointName, QWidget *parent = nullptr);

    const CheckpointUpdate &update() const { return m_update; }
    QTableWidget *table() const { return m_table; }
    QPushButton *applyButton() const { return m_apply; }

private:
    CheckpointUpdate m_update;
    QTableWidget *m_table;
    QPushButton *m_apply;
};

} // namespace Countersign
