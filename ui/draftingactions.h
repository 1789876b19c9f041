// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "pane.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace Countersign {

class CheckpointUpdateDialog;
class DocumentController;
class TemplateDialog;

// Drafting records in the window: File > New from Template, Record > Create Mirror and Record >
// Update from Checkpoint. Drafts go into a pane through its DocumentController (unsaved, asking first
// when the pane has unsaved edits); an update from a checkpoint is one undoable edit of the pane. The
// dialogs are window-modal without blocking, parented to `window`, and delete themselves when they
// close. Each action names the pane it works on: the window passes the one worked in last.
class DraftingActions : public QObject
{
    Q_OBJECT
public:
    DraftingActions(DocumentController *left, DocumentController *right, QWidget *window);

    // Opens a TemplateDialog; what it fills goes into `into` as a draft named as the template
    // suggests, in that pane's folder.
    void newFromTemplate(Pane into);
    TemplateDialog *templateDialog() const;
    // The mirror (Mirror::create) of the record in `from` as it stands, as a draft in the other pane,
    // named Mirror::suggestedFileName in the other pane's folder. Returns the error (naming the
    // record), empty on success.
    QString createMirror(Pane from);
    // Asks for the checkpoint file, then updateFromCheckpoint().
    void chooseCheckpoint(Pane target);
    // What the update from the checkpoint at `checkpointPath` would change in the record of `target`,
    // in a CheckpointUpdateDialog; Apply makes the changes checked there one undoable edit of the pane.
    // Returns the error, empty when the dialog is shown.
    QString updateFromCheckpoint(Pane target, const QString &checkpointPath);
    CheckpointUpdateDialog *checkpointUpdateDialog() const;

Q_SIGNALS:
    // Something for the status bar.
    void message(const QString &text);

private:
    DocumentController *documents(Pane side) const { return side == Pane::Left ? m_left : m_right; }
    // The folder a new document of `side` is suggested in: its pane's, else the other pane's, else
    // the home folder.
    QString draftFolder(Pane side) const;

    DocumentController *m_left;
    DocumentController *m_right;
    QWidget *m_window;
    QPointer<TemplateDialog> m_templateDialog;
    QPointer<CheckpointUpdateDialog> m_checkpointDialog;
};

} // namespace Countersign
