// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "ledger/signoff.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace Countersign {

// Asks for one sign-off: the role (of the record's roles), the signer's name, the decision and a
// comment, showing the content digest being signed in short. OK is enabled once there is a signer,
// and for a rejection or withdrawal a comment. It records nothing itself.
class SignOffDialog : public QDialog
{
    Q_OBJECT
public:
    SignOffDialog(const QStringList &roles, int role, const QString &signer, const QString &digest,
        QWidget *parent = nullptr);

    QString role() const;
    QString signer() const;
    SignOffDecision decision() const;
    void setDecision(SignOffDecision decision);
    QString comment() const;
    bool isAcceptable() const;

private:
    void update();

    QComboBox *m_role;
    QLineEdit *m_signer;
    QButtonGroup *m_decision;
    QPlainTextEdit *m_comment;
    QDialogButtonBox *m_buttons;
};

} // namespace Countersign
