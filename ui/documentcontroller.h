// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "editing/recoverystore.h"
#include "pane.h"
#include "record/sourcetext.h"

#include <QObject>
#include <QString>

#include <functional>

class QFileSystemWatcher;
class QTimer;
class QWidget;

namespace Countersign {

class RecordPane;

// The file behind one pane, from opening to closing: open (by name, from the file dialog, dropped),
// save and save as, reload, drafts that have no file yet, the watch for changes on disk, and unsaved
// edits kept in a RecoveryStore every few seconds and offered back when the file is opened again.
// One per pane; it does not own the pane (the window's layout does) but is the only thing that loads
// or saves it. Programmatic calls return the error text (empty on success) and show it in the pane or
// the status bar; the interactive ones (named after their menu entries) ask and warn in message boxes
// over `window`, which also parents the file dialogs.
class DocumentController : public QObject
{
    Q_OBJECT
public:
    DocumentController(Pane side, RecordPane *pane, QWidget *window);

    RecordPane *pane() const { return m_pane; }

    // Loads `path` into the pane. Returns the error text, empty on success.
    QString openFile(const QString &path);
    // As openFile(), with the file already read (DocumentLoader::readForEditing, e.g. on another
    // thread while the window was built).
    QString openFile(const QString &path, const Result<SourceText> &source);
    // Saves the pane (to `path`, or its own file). Returns the error text, empty on success.
    QString saveFile(const QString &path = {});
    // Reloads the pane from disk, dropping unsaved edits; the cursor stays on its line.
    QString reloadFile();
    // Puts `text` in the pane as a draft: unsaved, modified, its Save As starting at `suggestedPath`.
    // Asks first when the pane has unsaved edits; false when they were kept.
    bool showDraft(const QString &text, const QString &suggestedPath);

    // File > Open Left / Open Right: asks for a file (see setFileChooser) and opens it, asking first
    // when the pane has unsaved edits.
    void chooseFile();
    // Who picks the file for chooseFile: a file dialog unless set (tests answer without one). An
    // empty path cancels.
    void setFileChooser(std::function<QString()> chooser) { m_fileChooser = std::move(chooser); }
    // The other pane's controller, whose folder the file dialogs start in when this pane has no file.
    void setCompanion(const DocumentController *companion) { m_companion = companion; }
    // Where file dialogs for this pane start: the folder of its file (or draft), else of the other
    // pane's, else the home folder (never the working directory, which is "/" for an app started
    // from the desktop).
    QString dialogFolder() const;
    // The pane took another record without loading it (Swap Panes): the watch for changes on disk
    // moves to its file.
    void recordMoved();
    // File > Save: a draft asks for a name (Save As), a file is written back.
    void save();
    // File > Save As: asks for a file name and saves there; false when nothing was saved.
    bool saveAs();
    // File > Reload from Disk: asks before dropping unsaved edits.
    void reload();
    // A file dropped on the pane: asks first when the pane has unsaved edits.
    void openDropped(const QString &path);
    // True when the pane may be replaced by `replacement` (named in the question): no unsaved
    // edits, or the user agrees to drop them.
    bool mayReplace(const QString &replacement);
    // Before the window closes: asks to save unsaved edits (Save, Discard, Cancel); false when the
    // window must stay open. Discarded edits leave the recovery store.
    bool queryClose();

    // What happens to a recovery entry found when a file opens: ask, or (for tests and scripted
    // runs) restore or discard it without asking.
    enum class RecoveryPolicy { Ask, Restore, Discard };
    void setRecoveryPolicy(RecoveryPolicy policy) { m_recoveryPolicy = policy; }
    void setAutosaveInterval(int milliseconds);
    const RecoveryStore &recoveryStore() const { return m_recovery; }

Q_SIGNALS:
    // A file was opened (or reloaded) or a draft shown in the pane.
    void documentShown();
    // The pane was saved to its file.
    void saved();
    // Something for the status bar.
    void message(const QString &text);

private:
    void watch(const QString &path);
    void fileChangedOnDisk(const QString &path);
    void autosave();
    void offerRecovery();
    // Shows what restoring `recovered` would change and asks; true to restore. Keeping the file is
    // the default.
    bool askToRecover(const QByteArray &recovered);
    // Deletes the recovery copy of the pane's file: the edits were undone, declined or dropped.
    void forgetRecovery();
    // Asks `question`; true only when the user chose `dropText` (keeping the edits is the default).
    bool askDrop(const QString &title, const QString &question, const QString &dropText);

    Pane m_side;
    RecordPane *m_pane;
    QWidget *m_window;
    QFileSystemWatcher *m_watcher;
    QTimer *m_autosaveTimer;
    std::function<QString()> m_fileChooser;
    const DocumentController *m_companion = nullptr;
    RecoveryStore m_recovery;
    RecoveryPolicy m_recoveryPolicy = RecoveryPolicy::Ask;
};

} // namespace Countersign
