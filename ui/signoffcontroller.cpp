// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signoffcontroller.h"

#include "desktopnotifier.h"
#include "documentcontroller.h"
#include "export/finalizedexport.h"
#include "ledger/ledgerconnection.h"
#include "ledgerlocationdialog.h"
#include "meetingview.h"
#include "pdfhandout.h"
#include "record/documentloader.h"
#include "record/markdownparser.h"
#include "recordpane.h"
#include "review/riskreview.h"
#include "signoffpanel.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace Countersign {

SignOffController::SignOffController(
    DocumentController *left, DocumentController *right, SignOffPanel *panel, QWidget *window)
    : QObject(window)
    , m_left(left)
    , m_right(right)
    , m_panel(panel)
    , m_window(window)
{
    connect(m_panel, &SignOffPanel::signedOff, this,
        [this] { Q_EMIT message(tr("Sign-off recorded in %1").arg(m_ledger->location())); });
}

// The panel may be gone before this (the window's children); what it was still reading is handed
// to the connection, which drops it when it closes.
SignOffController::~SignOffController() = default;

void SignOffController::ledgerChanged(const QString &serverUser, const SignOffEntry &latest)
{
    m_panel->reload();
    if (m_meeting)
        m_meeting->reload();
    if (latest.signer.isEmpty())
        return;
    QString text;
    switch (latest.decision) {
    case SignOffDecision::Approve:
        text = tr("%1 just approved: %2").arg(latest.signer, latest.role);
        break;
    case SignOffDecision::Reject:
        text = tr("%1 just rejected: %2").arg(latest.signer, latest.role);
        break;
    case SignOffDecision::Withdraw:
        text = tr("%1 just withdrew: %2").arg(latest.signer, latest.role);
        break;
    }
    if (!serverUser.isEmpty())
        text += u' ' + tr("(server user %1)").arg(serverUser);
    Q_EMIT message(text);
    // The other side signed while the user looks elsewhere: the taskbar entry asks for attention and
    // the desktop shows who signed.
    if (m_window && !m_window->isActiveWindow()) {
        QApplication::alert(m_window);
        DesktopNotifier::notify(tr("Countersign: a sign-off was recorded"), text + u'\n' + latest.recordPath);
    }
}

RecordPane *SignOffController::pane(Pane side) const
{
    return documents(side)->pane();
}

QString SignOffController::setLedgerPath(const QString &path)
{
    m_ledgerPath = path;
    m_panel->setLedger(nullptr);
    m_ledger.reset();
    m_offlineReason.clear();
    m_panel->setOffline({});
    Result<std::unique_ptr<LedgerConnection>> opened = LedgerConnection::open(path);
    if (!opened) {
        const QString problem = opened.error().toString();
        m_panel->setLedger(nullptr, problem);
        Q_EMIT message(tr("Sign-off ledger unavailable: %1").arg(problem));
        return problem;
    }
    m_ledger = std::move(opened).value();
    m_panel->setLedger(m_ledger.get());
    connect(m_ledger.get(), &LedgerConnection::changed, this, &SignOffController::ledgerChanged);
    connect(m_ledger.get(), &LedgerConnection::offline, this, [this](const QString &reason) {
        m_offlineReason = reason;
        showReachability();
        Q_EMIT message(tr("Ledger offline — reconnecting"));
    });
    connect(m_ledger.get(), &LedgerConnection::online, this, [this] {
        m_offlineReason.clear();
        showReachability();
        Q_EMIT message(tr("Ledger back online: %1").arg(m_ledger->location()));
    });
    connect(m_ledger.get(), &LedgerConnection::stalledChanged, this, [this](bool stalled) {
        showReachability();
        if (stalled)
            Q_EMIT message(tr("The ledger server is not answering — waiting"));
    });
    return {};
}

void SignOffController::showReachability()
{
    if (!m_offlineReason.isEmpty() || !m_ledger || !m_ledger->isStalled())
        m_panel->setOffline(m_offlineReason);
    else
        m_panel->setOffline(
            tr("the ledger server has not answered for %1 s").arg(LedgerConnection::stallMs / 1000), true);
}

QString SignOffController::ledgerPath() const
{
    return m_ledger ? m_ledger->location() : m_ledgerPath;
}

void SignOffController::chooseLedger()
{
    LedgerLocationDialog dialog(
        m_ledger ? m_ledger->location() : LedgerStore::configuredLocation(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString location = dialog.location();
    if (const QString error = setLedgerPath(location); !error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Cannot use that ledger"), error);
        return;
    }
    LedgerStore::setConfiguredLocation(location);
    Q_EMIT message(tr("Sign-offs are now recorded in %1").arg(location));
}

void SignOffController::showRecord(Pane side)
{
    // The record as its pane last had it parsed (on opening, or by the comparison's worker).
    const RecordPane *record = pane(side);
    m_panel->setRecord(record->hasDocument() ? record->filePath() : QString(), record->document());
    m_panel->setDraft(record->isDraft() ? record->displayName() : QString());
    DocumentController *document = documents(side);
    m_panel->setEditing(
        [record] { return record->isModified(); }, [document] { return document->saveFile(); });
}

QString SignOffController::exportFinalized(
    Pane side, const QString &output, bool allowOpen, ExportFormat format)
{
    const RecordPane *source = pane(side);
    if (!source->hasDocument())
        return tr("Open a record first.");
    if (source->isModified())
        return tr("%1 has unsaved edits: save it first, so that the export is of the file that was signed.")
            .arg(source->displayName());
    const Result<Document> record = MarkdownParser::parseFile(source->filePath());
    if (!record)
        return record.error().toString();
    // A checkpoint that cannot be read leaves its open items out of the review, as in the command.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::optional<Result<FinalizedExport::Built>> exported = m_ledger
        ? m_ledger->wait([document = record.value(), now, allowOpen](LedgerStore &store) {
              return FinalizedExport::build(document, &store, now, allowOpen);
          })
        : FinalizedExport::build(record.value(), nullptr, now, allowOpen);
    if (!exported)
        return LedgerConnection::notAnswering(m_ledger->location());
    if (!*exported)
        return exported->error().toString();
    if (const std::optional<Error> failed =
            FinalizedExport::write(exported->value(), record->fileName, output,
                format == ExportFormat::Pdf ? FinalizedExport::PdfWriter(&PdfHandout::write)
                                            : FinalizedExport::PdfWriter()))
        return failed->toString();
    Q_EMIT message(tr("Exported %1").arg(output));
    return {};
}

bool SignOffController::confirmExport(Pane side, const QString &title, bool *allowOpen)
{
    const SignOffStatus &status = m_panel->status();
    *allowOpen = !status.isFinal();
    if (*allowOpen) {
        QStringList open = status.openRoles();
        for (QString &role : open)
            role.prepend(QStringLiteral("• "));
        return QMessageBox::question(m_window, title,
                   tr("The record is not final. Still open:\n%1\n\nExport it with a \"NOT FINAL: open "
                      "sign-offs\" banner?")
                       .arg((open + status.problems).join(u'\n')),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    }
    // Final: say how many residual risks the export will list as open, before writing anything.
    if (!m_ledger)
        return true;
    const Result<Document> record = MarkdownParser::parseFile(pane(side)->filePath());
    if (!record)
        return true; // exportFinalized() reports it
    const std::optional<Result<QList<ReviewedItem>>> reviewed = m_ledger->wait(
        [document = record.value()](LedgerStore &store) { return RiskReview::reviewed(document, store); });
    if (!reviewed || !*reviewed)
        return true; // exportFinalized() reports it
    const RiskSummary summary = RiskReview::summarize(reviewed->value());
    if (summary.open == 0)
        return true;
    return QMessageBox::question(m_window, title,
               tr("Every role approved, but %1 of the %2 residual risks and open items have no decision "
                  "from a risk meeting: the export lists them as open.\n\nExport anyway?")
                   .arg(summary.open)
                   .arg(summary.total()),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

void SignOffController::chooseExport(Pane side, ExportFormat format)
{
    const bool pdf = format == ExportFormat::Pdf;
    const QString title = pdf ? tr("Export PDF") : tr("Export Finalized Record");
    bool allowOpen = false;
    if (!confirmExport(side, title, &allowOpen))
        return;
    // A NOT FINAL export is never offered a name that says it is final.
    const QFileInfo source(pane(side)->filePath());
    const QString suffix = allowOpen ? QStringLiteral("_NOT-FINAL") : QStringLiteral("_FINAL");
    const QString output = QFileDialog::getSaveFileName(m_window, title,
        source.absoluteDir().filePath(
            source.completeBaseName() + suffix + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".md"))),
        pdf ? tr("PDF handouts (*.pdf)") : tr("Markdown records (*.md)"));
    if (output.isEmpty())
        return;
    if (const QString error = exportFinalized(side, output, allowOpen, format); !error.isEmpty())
        QMessageBox::warning(m_window, tr("Cannot export"), error);
}

QString SignOffController::startMeeting(Pane side)
{
    const RecordPane *source = pane(side);
    if (!source->hasDocument())
        return tr("Open a decision record first: the meeting walks its residual risks.");
    if (source->filePath().isEmpty())
        return tr("Save the record first: its review is kept with its file.");
    // A large record is parsed by its first comparison; one not compared yet is parsed now.
    Document record = source->document();
    if (record.source.text().isEmpty())
        record = MarkdownParser::parse(source->buffer().toSource(), source->filePath());
    auto *view = new MeetingView(record, source->filePath(), m_ledger.get(), m_window);
    if (view->itemCount() == 0) {
        delete view;
        return tr("%1 has no residual risks, and its decision inputs name no checkpoint with open items.")
            .arg(QFileInfo(source->filePath()).fileName());
    }
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setWindowModality(Qt::WindowModal);
    connect(view, &QDialog::finished, this, [this, view] {
        Q_EMIT message(tr("Residual risk review: %1").arg(RiskReview::summaryText(view->reviewed())));
    });
    m_meeting = view;
    view->show();
    return {};
}

MeetingView *SignOffController::meetingView() const
{
    return m_meeting;
}

} // namespace Countersign
