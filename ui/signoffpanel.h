// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "ledger/ledgerconnection.h"
#include "ledger/signoffrules.h"
#include "record/document.h"
#include "signing/recordtrust.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace Countersign {

class SignOffModel;

// The sign-off panel beside the findings: the roles of one record, each with its holder and state
// (with signer and time), a Sign... button (SignOffDialog for the role in the current row; the
// signer's name is remembered in the settings) and a History... button listing every ledger entry of
// the record. It reads and writes through a LedgerConnection it does not own; without one (the ledger
// could not be opened) or with a read-only one it shows why and cannot sign. It reads the ledger in
// the connection's thread (isReading() until the entries are in; ledgerRead() then), when the record
// or the ledger changes and when asked to (reload()); edits of the same record only evaluate the
// rules again on the entries it has. Signing waits for its outcome. The states follow the
// record's text as edited: approvals of other content show as stale. A sign-off, though, signs the
// file: it is refused while the record has unsaved edits, and its digest is computed from the
// file's bytes as read when it is recorded. It is signed with the configured SSH key (the setting
// SettingsKeys::signingKey, else ssh-agent's first key) whenever a trust folder governs the record or
// a key is configured; each role shows whether its approval is signed, unsigned, or followed by an
// entry that does not count and why. A ledger that fails its audit is shown, marked untrusted, and
// never signed into.
class SignOffPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SignOffPanel(QWidget *parent = nullptr);

    void setLedger(LedgerConnection *ledger, const QString &problem = {});
    // Reads the ledger again (another connection stored an entry).
    void reload();
    // Whether the ledger is being read for the record shown.
    bool isReading() const { return m_reading; }
    // Waits until the reading under way is in (the window keeps painting); at once when none is.
    void waitForLedger();
    // The ledger's server is out of reach (why), or reachable again (empty): shown, and nothing is
    // signed meanwhile. `notAnswering`: it is connected but has not answered (waiting, not
    // reconnecting).
    void setOffline(const QString &reason, bool notAnswering = false);
    // The record shown, as parsed from its current text (edits included; the comparison's parse); an
    // empty path clears the panel, an empty document shows that it cannot be signed off here.
    void setRecord(const QString &path, const Document &record);
    // The pane shows a draft named `name` (a mirror, a record from a template), which has no file and
    // so nothing to sign yet; the panel says it must be saved first. An empty name: no draft.
    void setDraft(const QString &name);
    // How the panel learns whether the record's pane has unsaved edits, and saves them (returning the
    // error, empty when saved). Without them the record counts as saved and nothing is offered.
    void setEditing(std::function<bool()> hasUnsavedEdits, std::function<QString()> save);
    bool hasUnsavedEdits() const;
    // Checks the sign-off of the file as it is on disk now against the rules and records it; returns
    // the reason when it was not recorded ("Save first" while there are unsaved edits), empty on
    // success.
    // The texts are taken by value: a role named from status() changes when the ledger is read.
    QString sign(QString role, QString signer, SignOffDecision decision, QString comment = {});
    const SignOffStatus &status() const { return m_status; }
    SignOffModel *model() const { return m_model; }
    const QList<SignOffEntry> &history() const { return m_entries; }
    QString headline() const;
    bool canSign() const;

Q_SIGNALS:
    void signedOff();
    // The entries of the record shown are in.
    void ledgerRead();

private:
    // Reads the record's trust folder and, in the ledger's thread, its entries; then showStatus().
    void readLedger();
    // The rules on the record's text and the entries read, in the table and the title.
    void showStatus();
    QString signFile(const Document &file, const QString &role, const QString &signer,
        SignOffDecision decision, const QString &comment);
    void chooseAndSign();
    void showHistory();

    LedgerConnection *m_ledger = nullptr;
    QString m_problem;
    QString m_readProblem; // why the last reading failed
    bool m_reading = false;
    quint64 m_readingGeneration = 0; // of the reading whose entries count
    QString m_offline; // why the ledger's server is out of reach; empty when it is not
    bool m_notAnswering = false; // connected, waiting for the server's answer
    QString m_path;
    QString m_draftName;
    QString m_entriesPath; // the record m_entries are of
    Document m_record;
    std::function<bool()> m_hasUnsavedEdits;
    std::function<QString()> m_save;
    QList<SignOffEntry> m_entries;
    RecordTrust m_trust;
    QString m_trustProblem; // the record's trust folder is broken: nothing is signed
    std::optional<Error> m_untrusted; // the ledger failed its audit: shown, never signed into
    SignOffStatus m_status;
    SignOffModel *m_model;
    QLabel *m_title;
    QTableView *m_view;
    QPushButton *m_sign;
    QPushButton *m_history;
};

} // namespace Countersign
