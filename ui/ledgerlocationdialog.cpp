// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledgerlocationdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Countersign {

LedgerLocationDialog::LedgerLocationDialog(const QString &current, QWidget *parent)
    : QDialog(parent)
    , m_location(new QLineEdit(current, this))
{
    setWindowTitle(tr("Sign-off Ledger"));
    auto *explanation = new QLabel(
        tr("Where sign-offs are recorded: a ledger file (an existing one, or a new file), or a ledger "
           "shared on a PostgreSQL server, as postgresql://host/database. A server's password comes "
           "from ~/.pgpass or PGPASSWORD, never from here."),
        this);
    explanation->setWordWrap(true);
    auto *label = new QLabel(tr("&Ledger:"), this);
    label->setBuddy(m_location);
    m_location->setPlaceholderText(tr("/path/to/ledger.sqlite or postgresql://host/database"));
    m_location->setMinimumWidth(480);
    m_location->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("&Browse..."), this);
    connect(browse, &QPushButton::clicked, this, &LedgerLocationDialog::browse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_location, &QLineEdit::textChanged, this,
        [this](const QString &text) { m_ok->setEnabled(!text.trimmed().isEmpty()); });
    m_ok->setEnabled(!current.trimmed().isEmpty());

    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_location, 1);
    row->addWidget(browse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(row);
    layout->addWidget(buttons);
    m_location->setFocus();
    m_location->selectAll();
}

QString LedgerLocationDialog::location() const
{
    return m_location->text().trimmed();
}

void LedgerLocationDialog::browse()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Ledger file (an existing one, or a new file)"),
            location().startsWith(QStringLiteral("postgres")) ? QString() : location(),
            tr("Ledgers (*.sqlite);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_location->setText(path);
}

} // namespace Countersign
