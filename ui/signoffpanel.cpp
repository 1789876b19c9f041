// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signoffpanel.h"

#include "base/settingskeys.h"
#include "record/canonicalcontent.h"
#include "record/markdownparser.h"
#include "record/recordfacts.h"
#include "signing/recordidentity.h"
#include "signing/signoffrecorder.h"
#include "signing/signoffstatement.h"
#include "signoffdialog.h"
#include "signoffmodel.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace Countersign {

namespace {

// ssh-keygen's environment when the window signs: with no terminal to ask a key's passphrase on, it
// runs SSH_ASKPASS, which is this program in its passphrase mode (COUNTERSIGN_ASKPASS: a small
// password dialog that prints what was typed to ssh-keygen and nothing else).
QProcessEnvironment askPassEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SSH_ASKPASS"), QCoreApplication::applicationFilePath());
    environment.insert(QStringLiteral("SSH_ASKPASS_REQUIRE"), QStringLiteral("force"));
    environment.insert(QStringLiteral("COUNTERSIGN_ASKPASS"), QStringLiteral("1"));
    return environment;
}

} // namespace

SignOffPanel::SignOffPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new SignOffModel(this))
    , m_title(new QLabel(this))
    , m_view(new QTableView(this))
    // Mnemonics the window does not use: Alt+S is View > Scroll in Step, Alt+H the Help menu.
    , m_sign(new QPushButton(tr("Sig&n..."), this))
    , m_history(new QPushButton(tr("H&istory..."), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *top = new QHBoxLayout;
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    top->addWidget(m_title, 1);
    top->addWidget(m_sign);
    top->addWidget(m_history);
    layout->addLayout(top);
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Sign-offs"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    // Every column as wide as what it holds (the digest its twelve characters), the signature taking
    // what is left: no holder is cut while another column takes the room, and a narrow panel scrolls
    // rather than cutting names.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    layout->addWidget(m_view);
    m_sign->setAccessibleName(tr("Sign off"));
    m_history->setAccessibleName(tr("Sign-off history"));
    connect(m_sign, &QPushButton::clicked, this, &SignOffPanel::chooseAndSign);
    connect(m_history, &QPushButton::clicked, this, &SignOffPanel::showHistory);
    connect(m_view, &QTableView::activated, this, &SignOffPanel::chooseAndSign);
    readLedger();
}

void SignOffPanel::setLedger(LedgerConnection *ledger, const QString &problem)
{
    m_ledger = ledger;
    m_problem = problem;
    m_entriesPath.clear(); // another ledger's entries are not this one's
    readLedger();
}

void SignOffPanel::setRecord(const QString &path, const Document &record)
{
    const bool otherRecord = path != m_path;
    m_path = path;
    m_record = path.isEmpty() ? Document() : record;
    // An edit of the same record changes what the rules see, not what the ledger holds.
    if (otherRecord)
        readLedger();
    else
        showStatus();
}

void SignOffPanel::setDraft(const QString &name)
{
    m_draftName = name;
    showStatus();
}

void SignOffPanel::setEditing(std::function<bool()> hasUnsavedEdits, std::function<QString()> save)
{
    m_hasUnsavedEdits = std::move(hasUnsavedEdits);
    m_save = std::move(save);
}

bool SignOffPanel::hasUnsavedEdits() const
{
    return m_hasUnsavedEdits && m_hasUnsavedEdits();
}

void SignOffPanel::reload()
{
    readLedger();
}

void SignOffPanel::setOffline(const QString &reason, bool notAnswering)
{
    m_offline = reason;
    m_notAnswering = notAnswering;
    if (m_offline.isEmpty())
        readLedger(); // what was stored meanwhile
    else
        showStatus();
}

void SignOffPanel::waitForLedger()
{
    // The reading's result is handed back before that of a job queued after it.
    if (m_reading && m_ledger)
        m_ledger->wait([](LedgerStore &) { return true; });
}

bool SignOffPanel::canSign() const
{
    return m_ledger && !m_reading && m_offline.isEmpty() && !m_ledger->isReadOnly() && !m_untrusted &&
        m_trustProblem.isEmpty() && !m_path.isEmpty() && !m_status.roles.isEmpty();
}

QString SignOffPanel::headline() const
{
    return m_title->text();
}

void SignOffPanel::readLedger()
{
    const quint64 generation = ++m_readingGeneration;
    m_reading = false;
    // A server out of reach is not read: what it last said stays shown, marked offline.
    if (!m_offline.isEmpty() && m_entriesPath == m_path) {
        showStatus();
        return;
    }
    // Another record's entries are never shown as this one's, not even while reading.
    if (m_entriesPath != m_path) {
        m_entries.clear();
        m_untrusted.reset();
        m_readProblem.clear();
        m_entriesPath = m_path;
    }
    m_trust = {};
    m_trustProblem.clear();
    if (m_path.isEmpty() || !m_ledger) {
        m_entries.clear();
        m_untrusted.reset();
        m_readProblem.clear();
        showStatus();
        return;
    }
    if (Result<RecordTrust> trust = RecordTrust::of(m_path))
        m_trust = std::move(trust).value();
    else
        m_trustProblem = trust.error().toString();
    if (!m_offline.isEmpty()) {
        showStatus();
        return;
    }
    struct Read
    {
        std::optional<Error> untrusted;
        QList<SignOffEntry> entries;
        QString problem;
    };
    const QString legacy = RecordIdentity::legacyOf(m_path);
    const QString identity = m_trust.identity.isEmpty() ? legacy : m_trust.identity;
    const bool adopt = m_trustProblem.isEmpty();
    const RecordTrust trust = m_trust;
    m_reading = true;
    m_ledger->post(
        this,
        [identity, legacy, adopt, trust](LedgerStore &store) {
            Read read;
            read.untrusted = store.audit();
            if (!read.untrusted && adopt)
                store.adopt(trust.legacyIdentity, trust.identity); // a read failure shows below
            if (Result<QList<SignOffEntry>> entries = store.entries(identity, legacy))
                read.entries = std::move(entries).value();
            else
                read.problem = entries.error().toString();
            return read;
        },
        [this, generation](Read read) {
            if (generation != m_readingGeneration)
                return; // a later reading is under way
            m_reading = false;
            m_untrusted = std::move(read.untrusted);
            m_entries = std::move(read.entries);
            m_readProblem = std::move(read.problem);
            showStatus();
            Q_EMIT ledgerRead();
        });
    showStatus();
}

void SignOffPanel::showStatus()
{
    const QString trouble = m_readProblem.isEmpty() ? m_problem : m_readProblem;
    m_status = m_path.isEmpty() || m_record.fileName.isEmpty()
        ? SignOffStatus()
        : SignOffRules::evaluate(m_record, m_entries, m_trust);
    // The row (the role Sign... signs) stays where it was; there is always one.
    const int row = m_view->currentIndex().row();
    m_model->setStatus(m_status);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(std::clamp(row, 0, m_model->rowCount() - 1), 0));

    QString title;
    if (m_path.isEmpty() && !m_draftName.isEmpty()) {
        title = tr("%1 is a draft: save it (Ctrl+S) to sign it off; a sign-off is of a file on disk.")
                    .arg(m_draftName);
    } else if (m_path.isEmpty()) {
        title = tr("Open a record to see its sign-offs.");
    } else if (m_record.fileName.isEmpty()) {
        title = tr("%1 is large: its sign-offs show once it has been compared with the other side.")
                    .arg(QFileInfo(m_path).fileName());
    } else if (m_status.roles.isEmpty()) {
        title = tr("%1 names no roles (its Ownership section lists them).").arg(QFileInfo(m_path).fileName());
    } else if (m_status.isFinal()) {
        title = tr("%1: final — every role approved this content (%2).")
                    .arg(QFileInfo(m_path).fileName(), m_status.digest.left(12));
    } else {
        title = tr("%1: not final — %2.")
                    .arg(QFileInfo(m_path).fileName(),
                        (m_status.openRoles() + m_status.problems).join(QStringLiteral("; ")));
    }
    if (m_untrusted)
        title += u'\n' +
            tr("UNTRUSTED LEDGER — what it holds is shown, nothing is signed into or exported from it: %1")
                .arg(m_untrusted->toString());
    if (!m_trustProblem.isEmpty())
        title += u'\n' + tr("The trust folder cannot be used, nothing is signed: %1").arg(m_trustProblem);
    if (!m_offline.isEmpty())
        title += u'\n' +
            (m_notAnswering ? tr("Ledger server not answering — waiting: %1")
                            : tr("Ledger offline — reconnecting: %1"))
                .arg(m_offline);
    if (!trouble.isEmpty())
        title += u'\n' + tr("Sign-off ledger unavailable, read only: %1").arg(trouble);
    else if (m_ledger && m_ledger->isReadOnly())
        title += u'\n' +
            tr("The ledger %1 is read-only: sign-offs are shown, not recorded.").arg(m_ledger->location());
    m_title->setText(title);
    m_sign->setEnabled(canSign());
    m_history->setEnabled(!m_entries.isEmpty());
}

QString SignOffPanel::sign(QString role, QString signer, SignOffDecision decision, QString comment)
{
    if (!m_offline.isEmpty())
        return tr("The ledger's server is out of reach, so nothing is signed until it is back: %1")
            .arg(m_offline);
    waitForLedger();
    if (!canSign())
        return tr("Sign-offs cannot be recorded now: %1")
            .arg(m_problem.isEmpty() ? tr("no writable ledger or record") : m_problem);
    if (hasUnsavedEdits())
        return tr("Save first: %1 has unsaved edits, and a sign-off signs the file as saved.")
            .arg(QFileInfo(m_path).fileName());
    const Result<Document> file = MarkdownParser::parseFile(m_path);
    if (!file)
        return file.error().toString();
    return signFile(file.value(), role, signer, decision, comment);
}

// Records the sign-off of `file`, the record as just read from disk.
QString SignOffPanel::signFile(const Document &file, const QString &role, const QString &signer,
    SignOffDecision decision, const QString &comment)
{
    SignOffEntry entry = SignOffEntry::now(file, m_trust.identity, role, signer, decision, comment);
    // Signed as the command line signs: whenever a trust folder governs the record or a key is set.
    const QString key = QSettings().value(SettingsKeys::signingKey).toString();
    SignOffRecorder::Sign sign;
    if (m_trust.folder || !key.isEmpty()) {
        const Result<SshPublicKey> publicKey = SshSigner::publicKey(key);
        if (!publicKey)
            return publicKey.error().toString();
        const Result<QString> principal = SignOffRecorder::principalFor(m_trust, publicKey.value(),
            entry.role, SignOffRules::holderOf(RecordFacts::extract(file), entry.role));
        if (!principal)
            return principal.error().message;
        entry.principal = principal.value();
        sign = [key, environment = askPassEnvironment()](const QByteArray &statement) {
            const LedgerConnection::OffTheServer away; // the passphrase is the user's time
            return SshSigner::sign(statement, key, SignOffStatement::nameSpace.toString(), environment);
        };
    }
    // In the ledger's thread, the window painting meanwhile.
    const std::optional<Result<SignOffEntry>> stored = m_ledger->wait(
        [file, trust = m_trust, entry, sign](
            LedgerStore &store) { return SignOffRecorder::record(store, file, trust, entry, sign); },
        LedgerConnection::Kind::Write);
    if (!stored)
        return LedgerConnection::notAnswering(m_ledger->location());
    if (!*stored)
        return stored->error().code == Error::Code::Refused ? stored->error().message
                                                            : stored->error().toString();
    QSettings().setValue(SettingsKeys::signer, entry.signer);
    readLedger();
    waitForLedger(); // the approval just made shows at once
    Q_EMIT signedOff();
    return {};
}

void SignOffPanel::chooseAndSign()
{
    if (!canSign())
        return;
    const RoleSignOff role = m_status.roles.value(std::max(0, m_view->currentIndex().row()));
    const Result<Document> opened = MarkdownParser::parseFile(m_path);
    if (!opened) {
        QMessageBox::warning(this, tr("Cannot sign off"), opened.error().toString());
        return;
    }
    const SignOffSubject subject{QFileInfo(m_path).fileName(), opened->kind, opened->side, role.role,
        role.holder, CanonicalContent::digest(opened->source.text())};
    SignOffDialog dialog(subject, QSettings().value(SettingsKeys::signer).toString(), this);
    dialog.setUnsavedEdits(hasUnsavedEdits());
    connect(&dialog, &SignOffDialog::signRequested, &dialog, [this, &dialog](bool save) {
        if (save) {
            if (const QString error = m_save ? m_save() : tr("this record cannot be saved from here");
                !error.isEmpty()) {
                dialog.showProblem(tr("Not saved, nothing signed: %1").arg(error));
                return;
            }
            dialog.setUnsavedEdits(false);
        } else if (hasUnsavedEdits()) {
            dialog.setUnsavedEdits(true);
            return;
        }
        // The file as it is now: Sign records only the digest the dialog shows; Save and Sign the
        // content just saved.
        const Result<Document> file = MarkdownParser::parseFile(m_path);
        if (!file) {
            dialog.showProblem(tr("Nothing signed: %1").arg(file.error().toString()));
            return;
        }
        const QString digest = CanonicalContent::digest(file->source.text());
        if (!save && digest != dialog.digest()) {
            dialog.setDigest(digest);
            return;
        }
        if (const QString error =
                signFile(file.value(), dialog.role(), dialog.signer(), dialog.decision(), dialog.comment());
            !error.isEmpty()) {
            dialog.showProblem(tr("Not recorded: %1").arg(error));
            return;
        }
        dialog.accept();
    });
    dialog.exec();
}

void SignOffPanel::showHistory()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Sign-off History — %1").arg(QFileInfo(m_path).fileName()));
    auto *layout = new QVBoxLayout(&dialog);
    auto *model = new SignOffHistoryModel(&dialog);
    model->setEntries(m_entries);
    auto *view = new QTableView(&dialog);
    view->setModel(model);
    view->setAccessibleName(tr("Sign-off history"));
    view->verticalHeader()->hide();
    // Every column in view: the short ones as wide as what they hold, the comment takes the rest and
    // wraps (a row grows as its comment needs), so no comment is clipped and the digest is not pushed
    // out of sight.
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    for (int column = 0; column < SignOffHistoryModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SignOffHistoryModel::CommentColumn, QHeaderView::Stretch);
    view->setWordWrap(true);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    layout->addWidget(view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(1200, 440);
    dialog.exec();
}

} // namespace Countersign
