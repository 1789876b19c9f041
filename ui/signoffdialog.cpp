// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signoffdialog.h"

#include "appearance.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>

namespace Countersign {

namespace {

QString kindText(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::DecisionRecord:
        return SignOffDialog::tr("decision record");
    case DocumentKind::ProducerMirror:
        return SignOffDialog::tr("producer mirror");
    case DocumentKind::CheckpointPacket:
        return SignOffDialog::tr("checkpoint packet");
    case DocumentKind::Addendum:
        return SignOffDialog::tr("addendum");
    case DocumentKind::Unknown:
        break;
    }
    return SignOffDialog::tr("record of unknown kind");
}

QString sideText(DocumentSide side)
{
    switch (side) {
    case DocumentSide::Producer:
        return SignOffDialog::tr("producer side");
    case DocumentSide::Consumer:
        return SignOffDialog::tr("consumer side");
    case DocumentSide::Unknown:
        break;
    }
    return SignOffDialog::tr("side unknown");
}

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

SignOffDialog::SignOffDialog(const SignOffSubject &subject, const QString &signer, QWidget *parent)
    : QDialog(parent)
    , m_subject(subject)
    , m_digest(valueLabel(subject.digest, this))
    , m_notice(new QLabel(this))
    , m_signer(new QLineEdit(signer, this))
    , m_decision(new QButtonGroup(this))
    , m_comment(new QPlainTextEdit(this))
    , m_sign(new QPushButton(tr("&Sign"), this))
    , m_saveAndSign(new QPushButton(tr("Sa&ve and Sign"), this))
{
    setWindowTitle(tr("Sign Off — %1").arg(subject.fileName));
    auto *record = valueLabel(
        tr("%1 — %2, %3").arg(subject.fileName, kindText(subject.kind), sideText(subject.side)), this);
    record->setAccessibleName(tr("Record"));
    auto *role = valueLabel(tr("%1, held by %2").arg(subject.role, subject.holder), this);
    role->setAccessibleName(tr("Role"));
    QFont bold = role->font();
    bold.setBold(true);
    role->setFont(bold);
    m_digest->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_digest->setMinimumWidth(m_digest->fontMetrics().horizontalAdvance(subject.digest) + 8);
    m_digest->setAccessibleName(tr("Digest"));
    auto *digestNote =
        new QLabel(tr("SHA-256 of the file's canonical content, read from disk again when you sign"), this);
    digestNote->setWordWrap(true);
    digestNote->setForegroundRole(QPalette::PlaceholderText);
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    QPalette noticePalette;
    noticePalette.setColor(QPalette::WindowText, Appearance::statusText(Appearance::Status::Bad, palette()));
    m_notice->setPalette(noticePalette);
    m_notice->setAccessibleName(tr("Notice"));
    m_notice->hide();

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
        button->installEventFilter(this);
        m_decision->addButton(button, int(decision));
        decisions->addWidget(button);
    }
    m_decision->button(int(SignOffDecision::Approve))->setChecked(true);
    decisions->addStretch();

    // No default button: Enter on a field or a decision signs nothing (see keyPressEvent()).
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_saveAndSign, QDialogButtonBox::ActionRole);
    buttons->addButton(m_sign, QDialogButtonBox::ActionRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    for (QPushButton *button : {m_saveAndSign, m_sign, cancel}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    m_saveAndSign->hide();

    auto *form = new QFormLayout(this);
    form->addRow(tr("Record:"), record);
    form->addRow(tr("Role:"), role);
    form->addRow(tr("Digest:"), m_digest);
    form->addRow(QString(), digestNote);
    form->addRow(tr("Signer &name:"), m_signer);
    form->addRow(tr("Decision:"), decisions);
    form->addRow(tr("&Comment:"), m_comment);
    form->addRow(m_notice);
    form->addRow(buttons);
    connect(m_sign, &QPushButton::clicked, this, [this] { Q_EMIT signRequested(false); });
    connect(m_saveAndSign, &QPushButton::clicked, this, [this] { Q_EMIT signRequested(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signer, &QLineEdit::textChanged, this, &SignOffDialog::update);
    connect(m_comment, &QPlainTextEdit::textChanged, this, &SignOffDialog::update);
    connect(m_decision, &QButtonGroup::idToggled, this, &SignOffDialog::update);
    if (signer.isEmpty())
        m_signer->setFocus();
    else
        m_decision->checkedButton()->setFocus();
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 100);
    update();
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
    return !signer().isEmpty() && !m_subject.role.isEmpty() &&
        (decision() == SignOffDecision::Approve || !comment().isEmpty());
}

void SignOffDialog::setUnsavedEdits(bool unsaved)
{
    m_unsaved = unsaved;
    showProblem(unsaved ? tr("Save first: %1 has unsaved edits, and a sign-off signs the file as saved. "
                             "Save and Sign saves it, then signs what was saved.")
                              .arg(m_subject.fileName)
                        : QString());
}

void SignOffDialog::setDigest(const QString &digest)
{
    if (digest == m_subject.digest)
        return;
    m_subject.digest = digest;
    m_digest->setText(digest);
    showProblem(tr("The file changed on disk since this dialog was opened: the digest above is of its "
                   "content now. Nothing was signed; look at the record again, then Sign."));
}

void SignOffDialog::showProblem(const QString &problem)
{
    m_notice->setText(problem);
    m_notice->setVisible(!problem.isEmpty());
    update();
}

bool SignOffDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Where the focus is must show from the start, also when the dialog opens with it on a decision:
    // styles draw the focus ring only in a window marked as focused by the keyboard.
    if (event->type() == QEvent::FocusIn) {
        setAttribute(Qt::WA_KeyboardFocusChange);
        static_cast<QWidget *>(watched)->update();
    }
    return QDialog::eventFilter(watched, event);
}

void SignOffDialog::keyPressEvent(QKeyEvent *event)
{
    // Enter presses the button that has the focus, and nothing else: a stray Enter after the one
    // that opened the dialog signs nothing.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (auto *button = qobject_cast<QPushButton *>(focusWidget()); button && button->isEnabled())
            button->click();
        return;
    }
    QDialog::keyPressEvent(event);
}

void SignOffDialog::update()
{
    m_sign->setEnabled(isAcceptable() && !m_unsaved);
    m_saveAndSign->setVisible(m_unsaved);
    m_saveAndSign->setEnabled(isAcceptable());
}

} // namespace Countersign
