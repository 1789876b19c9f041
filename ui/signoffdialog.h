// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "ledger/signoff.h"
#include "record/document.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Countersign {

// What one sign-off would sign: the record's file, kind and side, the role (a row of the sign-off
// panel) and its holder, and the digest of the file's canonical content as read from disk.
struct SignOffSubject
{
    QString fileName;
    DocumentKind kind = DocumentKind::Unknown;
    DocumentSide side = DocumentSide::Unknown;
    QString role;
    QString holder;
    QString digest;
    friend bool operator==(const SignOffSubject &, const SignOffSubject &) = default;
};

// Asks for one sign-off of one role: it shows what is signed (record, role and holder, digest), asks
// for the signer's name, the decision and a comment. The role is fixed: no key changes it. Focus
// starts on the decision (on the name while there is none), and no button is the default: Enter
// signs only from the Sign button itself. Sign is enabled once there is a signer (and, for a
// rejection or withdrawal, a comment) and the record has no unsaved edits; with unsaved edits it
// says "Save first" and offers Save and Sign. It records nothing itself: Sign and Save and Sign emit
// signRequested(), and the caller closes the dialog with accept() once the sign-off is recorded, or
// shows why not (showProblem(), setDigest()).
class SignOffDialog : public QDialog
{
    Q_OBJECT
public:
    SignOffDialog(const SignOffSubject &subject, const QString &signer, QWidget *parent = nullptr);

    const SignOffSubject &subject() const { return m_subject; }
    QString role() const { return m_subject.role; }
    // The digest shown, which is the one Sign may record.
    QString digest() const { return m_subject.digest; }
    QString signer() const;
    SignOffDecision decision() const;
    void setDecision(SignOffDecision decision);
    QString comment() const;
    bool isAcceptable() const;

    // The record has unsaved edits: Sign is refused ("Save first") and Save and Sign offered.
    void setUnsavedEdits(bool unsaved);
    bool hasUnsavedEdits() const { return m_unsaved; }
    // The file's digest as read now; when it is not the one shown, the dialog says that the file
    // changed since it was opened and shows the new one.
    void setDigest(const QString &digest);
    // Why the last Sign did not record anything (empty clears it).
    void showProblem(const QString &problem);

Q_SIGNALS:
    // Sign (save false) or Save and Sign (save true) was pressed.
    void signRequested(bool save);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void update();

    SignOffSubject m_subject;
    bool m_unsaved = false;
    QLabel *m_digest;
    QLabel *m_notice;
    QLineEdit *m_signer;
    QButtonGroup *m_decision;
    QPlainTextEdit *m_comment;
    QPushButton *m_sign;
    QPushButton *m_saveAndSign;
};

} // namespace Countersign
