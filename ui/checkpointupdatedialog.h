// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "drafting/checkpointupdate.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Countersign {

// Shows what an update from a checkpoint will change in a record before it is applied: a table of
// field, value now, new value and line, one row per change, each with a check box (Space toggles the
// current row's), and Apply and Cancel. Rows start as CheckpointUpdate::defaultChoice() says: a date
// that would go backwards starts unchecked, with a warning icon on its row and a line below the table
// saying so. Apply is disabled while no row is checked (and so for a record already up to date). It
// changes nothing itself: whoever opened it applies chosenText() when it is accepted.
class CheckpointUpdateDialog : public QDialog
{
    Q_OBJECT
public:
    CheckpointUpdateDialog(const CheckpointUpdate &update, const QString &recordName,
        const QString &checkpointName, QWidget *parent = nullptr);

    const CheckpointUpdate &update() const { return m_update; }
    // Whether each change (CheckpointUpdate::changes()'s order) is checked.
    QList<bool> chosen() const;
    // The record's text with the checked changes.
    QString chosenText() const { return m_update.text(chosen()); }
    QTableWidget *table() const { return m_table; }
    QPushButton *applyButton() const { return m_apply; }
    // The warning about a date going backwards; hidden when there is none.
    QLabel *warning() const { return m_warning; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateApply();

    CheckpointUpdate m_update;
    QTableWidget *m_table;
    QLabel *m_warning;
    QPushButton *m_apply;
};

} // namespace Countersign
