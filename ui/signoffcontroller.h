// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "ledger/signoff.h"
#include "pane.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QWidget;

namespace Countersign {

class DocumentController;
class LedgerConnection;
class MeetingView;
class RecordPane;
class SignOffPanel;

// The sign-off ledger of a window and what is made from it: the SignOffPanel's record and ledger,
// File > Sign-off Ledger, File > Export Finalized Record and Export PDF, and Record > Residual Risk
// Meeting. It owns the open LedgerStore; without one (it could not be opened) the panel says why and
// the records still open. It reads the panes and never changes them, but for Save and Sign, which
// saves through the pane's DocumentController. Each action names the pane whose record it works on:
// the window passes the one worked in last. Dialogs are parented to `window`.
class SignOffController : public QObject
{
    Q_OBJECT
public:
    SignOffController(
        DocumentController *left, DocumentController *right, SignOffPanel *panel, QWidget *window);
    ~SignOffController() override;

    SignOffPanel *panel() const { return m_panel; }
    // Opens the ledger at `path` (a file, or a postgresql:// URI; the default ledger unless the
    // settings or --db name another) and follows what other connections store in it. Returns the
    // error, empty when it opened.
    QString setLedgerPath(const QString &path);
    // The ledger sign-offs are recorded in: the one open, else the one it tried to open.
    QString ledgerPath() const;
    // File > Sign-off Ledger: asks for the ledger (LedgerLocationDialog: a file or a server's URI),
    // opens it and remembers it in the settings.
    void chooseLedger();
    // The panel shows the record of `side` as its pane last had it parsed.
    void showRecord(Pane side);

    // Writes the finalized record of the record in `side` to `output`, as markdown or as a PDF
    // handout (PdfHandout); returns the error, empty on success. Refused while sign-offs are open
    // unless `allowOpen`, or while the record has unsaved edits.
    enum class ExportFormat { Markdown, Pdf };
    QString exportFinalized(Pane side, const QString &output, bool allowOpen = false,
        ExportFormat format = ExportFormat::Markdown);
    // File > Export Finalized Record and Export PDF: asks before exporting open sign-offs with the
    // NOT FINAL banner (No is the default), or a final record whose residual risks are not all
    // decided, then for the file (named ..._FINAL only when the record is final).
    void chooseExport(Pane side, ExportFormat format);
    // Opens the residual risk meeting (window-modal, without blocking) on the record in `side`; why
    // not, when it cannot.
    QString startMeeting(Pane side);
    // The meeting view while it is open.
    MeetingView *meetingView() const;

Q_SIGNALS:
    // Something for the status bar.
    void message(const QString &text);

private:
    DocumentController *documents(Pane side) const { return side == Pane::Left ? m_left : m_right; }
    RecordPane *pane(Pane side) const;
    // Asks whether to export; false when the user said no.
    bool confirmExport(Pane side, const QString &title, bool *allowOpen);

    DocumentController *m_left;
    DocumentController *m_right;
    SignOffPanel *m_panel;
    QWidget *m_window;
    // Another connection's entries (`latest` the newest): the panel and the meeting read the ledger
    // again, and the status bar says who signed.
    void ledgerChanged(const QString &serverUser, const SignOffEntry &latest);
    // The panel's offline line: the watch's reason, else a job stalled on the server, else none.
    void showReachability();

    std::unique_ptr<LedgerConnection> m_ledger;
    QString m_ledgerPath; // the one asked for, open or not
    QString m_offlineReason; // the watch's, while the server is out of reach
    QPointer<MeetingView> m_meeting;
};

} // namespace Countersign
