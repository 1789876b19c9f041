// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signoffdialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>

namespace Countersign {

SignOffDialog::SignOffDialog(
    const QStringList &roles, int role, const QString &signer, const QString &digest, QWidget *parent)
    : QDialog(parent)
    , m_role(new QComboBox(this))
    , m_signer(new QLineEdit(signer, this))
    , m_decision(new QButtonGroup(this))
    , m_comment(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign Off"));
    m_role->addItems(roles);
    m_role->setCurrentIndex(std::clamp(role, 0, int(roles.size()) - 1));
    m_role->setAccessibleName(tr("Role"));
    m_signer->setAccessibleName(tr("Signer"));
    m_signer->setPlaceholderText(tr("Your name"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setTabChangesFocus(true);
    m_comment->setPlaceholderText(tr("Why (needed to reject or withdraw)"));
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 4);

    auto *decisions = new QHBoxLayout;
    for (const auto &[decision, text] : {std::pair{SignOffDecision::Approve, tr("&Approve")},
             std::pair{SignOffDecision::Reject, tr("&Reject")},
             std::pair{SignOffDecision::Withdraw, tr("&Withdraw")}}) {
        auto *button = new QRadioButton(text, this);
        m_decision->addButton(button, int(decision));
        decisions->addWidget(button);
    }
    m_decision->button(int(SignOffDecision::Approve))->setChecked(true);
    decisions->addStretch();

    auto *digestLabel = new QLabel(
        tr("%1… (SHA-256 of the record's canonical content as it is now)").arg(digest.left(12)), this);
    digestLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    digestLabel->setToolTip(digest);

    auto *form = new QFormLayout(this);
    form->addRow(tr("R&ole:"), m_role);
    form->addRow(tr("&Signer:"), m_signer);
    form->addRow(tr("Decision:"), decisions);
    form->addRow(tr("&Comment:"), m_comment);
    form->addRow(tr("Signing:"), digestLabel);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signer, &QLineEdit::textChanged, this, &SignOffDialog::update);
    connect(m_comment, &QPlainTextEdit::textChanged, this, &SignOffDialog::update);
    connect(m_decision, &QButtonGroup::idToggled, this, &SignOffDialog::update);
    if (signer.isEmpty())
        m_signer->setFocus();
    update();
}

QString SignOffDialog::role() const
{
    return m_role->currentText();
}

QString SignOffDialog::signer() const
{
    return m_signer->text().simplified();
}

SignOffDecision SignOffDialog::decision() const
{
    return SignOffDecision(m_decision->checkedId());
}

void SignOffDialog::setDecision(SignOffDecision decision)
{
    m_decision->button(int(decision))->setChecked(true);
}

QString SignOffDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

bool SignOffDialog::isAcceptable() const
{
    return !signer().isEmpty() && m_role->count() > 0 &&
        (decision() == SignOffDecision::Approve || !comment().isEmpty());
}

void SignOffDialog::update()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isAcceptable());
}

} // namespace Countersign
