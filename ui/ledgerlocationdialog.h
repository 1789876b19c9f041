// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace Countersign {

// File > Sign-off Ledger: where sign-offs are recorded, typed or chosen. A ledger file (an existing
// one, or a new one: Browse... asks for it) or a ledger on a PostgreSQL server, as a connection URI
// (postgresql://host/database; the password comes from ~/.pgpass or PGPASSWORD, never from here).
// The field has the focus; OK is enabled once it holds something.
class LedgerLocationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LedgerLocationDialog(const QString &current, QWidget *parent = nullptr);

    QString location() const;

private:
    void browse();

    QLineEdit *m_location;
    QPushButton *m_ok;
};

} // namespace Countersign
