// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "documentcontroller.h"

#include "diff/linediff.h"
#include "diff/unifieddiff.h"
#include "record/documentloader.h"
#include "recordpane.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTextEdit>
#include <QTimer>
#include <QWidget>

namespace Countersign {

DocumentController::DocumentController(Pane side, RecordPane *pane, QWidget *window)
    : QObject(window)
    , m_side(side)
    , m_pane(pane)
    , m_window(window)
    , m_watcher(new QFileSystemWatcher(this))
    , m_autosaveTimer(new QTimer(this))
{
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &DocumentController::fileChangedOnDisk);
    m_autosaveTimer->setInterval(5000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &DocumentController::autosave);
    m_autosaveTimer->start();
    connect(m_pane, &RecordPane::fileDropped, this, &DocumentController::openDropped);
    // Undone back to the saved text: the kept edits were taken back, so they go too.
    connect(m_pane, &RecordPane::edited, this, [this] {
        if (!m_pane->isModified())
            forgetRecovery();
    });
}

QString DocumentController::openFile(const QString &path)
{
    return openFile(path, DocumentLoader::readForEditing(path));
}

QString DocumentController::openFile(const QString &path, const Result<SourceText> &source)
{
    if (!source) {
        const QString error = source.error().toString();
        m_pane->showError(error);
        Q_EMIT message(error);
        return error;
    }
    if (!m_pane->isModified())
        forgetRecovery(); // a clean pane is replaced: what it kept is stale
    m_pane->showSource(path, source.value());
    offerRecovery();
    watch(path);
    Q_EMIT message(tr("Opened %1").arg(path));
    Q_EMIT documentShown();
    return {};
}

QString DocumentController::saveFile(const QString &path)
{
    if (!m_pane->hasDocument() && path.isEmpty())
        return tr("Nothing to save: open a record first.");
    if (const QString error = m_pane->save(path); !error.isEmpty()) {
        Q_EMIT message(error);
        return error;
    }
    watch(m_pane->filePath());
    m_recovery.remove(m_pane->filePath());
    Q_EMIT saved();
    Q_EMIT message(tr("Saved %1").arg(m_pane->filePath()));
    return {};
}

QString DocumentController::reloadFile()
{
    const QString path = m_pane->filePath();
    if (path.isEmpty())
        return tr("Nothing to reload.");
    const int line = m_pane->currentLine();
    m_recovery.remove(path); // reloading drops the edits on purpose
    const QString error = openFile(path);
    if (error.isEmpty())
        m_pane->goToLine(line);
    return error;
}

bool DocumentController::showDraft(const QString &text, const QString &suggestedPath)
{
    if (!mayReplace(QFileInfo(suggestedPath).fileName()))
        return false;
    m_pane->showDraft(suggestedPath, text);
    Q_EMIT message(tr("%1 is not saved yet: Save (Ctrl+S) asks where.").arg(m_pane->displayName()));
    Q_EMIT documentShown();
    return true;
}

QString DocumentController::dialogFolder() const
{
    for (const DocumentController *controller : {this, m_companion}) {
        if (!controller)
            continue;
        if (const QString path = controller->pane()->documentPath(); !path.isEmpty())
            return QFileInfo(path).absolutePath();
    }
    return QDir::homePath();
}

void DocumentController::chooseFile()
{
    const QString path = m_fileChooser
        ? m_fileChooser()
        : QFileDialog::getOpenFileName(m_window,
              m_side == Pane::Left ? tr("Open Left Record") : tr("Open Right Record"), dialogFolder(),
              tr("Markdown records (*.md *.markdown);;All files (*)"));
    if (path.isEmpty() || !mayReplace(path))
        return;
    if (const QString error = openFile(path); !error.isEmpty())
        QMessageBox::warning(m_window, tr("Cannot open record"), error);
}

void DocumentController::save()
{
    if (m_pane->isDraft()) {
        saveAs();
        return;
    }
    if (const QString error = saveFile(); !error.isEmpty())
        QMessageBox::warning(m_window, tr("Cannot save"), error);
}

bool DocumentController::saveAs()
{
    const QString suggested = m_pane->documentPath();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Record As"),
        suggested.isEmpty() ? dialogFolder() : suggested,
        tr("Markdown records (*.md *.markdown);;All files (*)"));
    if (path.isEmpty())
        return false;
    if (const QString error = saveFile(path); !error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Cannot save"), error);
        return false;
    }
    return true;
}

void DocumentController::reload()
{
    if (!m_pane->isDraft() && m_pane->isModified() &&
        !askDrop(tr("Reload"),
            tr("Drop your unsaved edits to %1 and load the file from disk?").arg(m_pane->filePath()),
            tr("&Drop Edits and Reload")))
        return;
    if (const QString error = reloadFile(); !error.isEmpty())
        QMessageBox::warning(m_window, tr("Cannot reload"), error);
}

void DocumentController::openDropped(const QString &path)
{
    if (!mayReplace(path))
        return;
    if (const QString error = openFile(path); !error.isEmpty())
        QMessageBox::warning(m_window, tr("Cannot open record"), error);
}

bool DocumentController::mayReplace(const QString &replacement)
{
    if (!m_pane->isModified())
        return true;
    if (!askDrop(tr("Unsaved edits"),
            tr("Drop your unsaved edits to %1 and open %2?").arg(m_pane->displayName(), replacement),
            tr("&Drop Edits and Open")))
        return false;
    forgetRecovery(); // dropped on purpose
    return true;
}

bool DocumentController::askDrop(const QString &title, const QString &question, const QString &dropText)
{
    // Keeping the edits is the default (Enter, Escape); dropping them takes its own button.
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::NoButton, m_window);
    QPushButton *drop = box.addButton(dropText, QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("&Keep Edits"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == drop;
}

bool DocumentController::queryClose()
{
    if (!m_pane->isModified()) {
        forgetRecovery();
        return true;
    }
    // Buttons that say what they do, each with its mnemonic (Alt+S, Alt+D; Escape cancels).
    QMessageBox box(QMessageBox::Question, tr("Unsaved edits"),
        tr("%1 has unsaved edits. Save them before closing?").arg(m_pane->displayName()),
        QMessageBox::NoButton, m_window);
    QPushButton *saveButton = box.addButton(tr("&Save"), QMessageBox::AcceptRole);
    QPushButton *discardButton = box.addButton(tr("&Discard Edits"), QMessageBox::DestructiveRole);
    QPushButton *cancelButton = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(saveButton);
    box.setEscapeButton(cancelButton);
    box.exec();
    if (box.clickedButton() != saveButton && box.clickedButton() != discardButton)
        return false;
    const bool save = box.clickedButton() == saveButton;
    if (save && m_pane->isDraft())
        return saveAs();
    if (save) {
        if (const QString error = saveFile(); !error.isEmpty()) {
            QMessageBox::warning(m_window, tr("Cannot save"), error);
            return false;
        }
    } else {
        forgetRecovery(); // discarded on purpose
    }
    return true;
}

void DocumentController::setAutosaveInterval(int milliseconds)
{
    m_autosaveTimer->start(milliseconds);
}

void DocumentController::recordMoved()
{
    if (const QStringList watched = m_watcher->files(); !watched.isEmpty())
        m_watcher->removePaths(watched);
    watch(m_pane->filePath());
}

void DocumentController::watch(const QString &path)
{
    if (!path.isEmpty() && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
}

void DocumentController::fileChangedOnDisk(const QString &path)
{
    if (m_pane->filePath() != path)
        return;
    // QSaveFile and many editors replace the file by a rename: the watch, on the old file, is gone
    // or watches nothing any more. Put it on the file now at the path.
    m_watcher->removePath(path);
    if (QFileInfo::exists(path))
        m_watcher->addPath(path);
    // What the file holds now decides, not when it was written: the bytes of our own save (whose
    // rename arrives here after the fact, maybe after more typing), or, with no unsaved edits, the
    // bytes the pane shows (a touch), are no change.
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = file.readAll();
        if (QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) == m_pane->savedDigest() ||
            (!m_pane->isModified() && bytes == m_pane->currentBytes()))
            return;
    }
    if (m_pane->isModified()) {
        m_pane->setChangedOnDisk(true);
        Q_EMIT message(
            tr("%1 changed on disk; your edits are kept (File > Reload from Disk loads it).").arg(path));
    } else if (QFileInfo::exists(path)) {
        reloadFile();
        Q_EMIT message(tr("Reloaded %1: it changed on disk.").arg(path));
    } else {
        m_pane->setChangedOnDisk(true);
        Q_EMIT message(tr("%1 was removed from disk; Save writes it again.").arg(path));
    }
    watch(path);
}

void DocumentController::forgetRecovery()
{
    if (!m_pane->filePath().isEmpty())
        m_recovery.remove(m_pane->filePath());
}

void DocumentController::autosave()
{
    const QString path = m_pane->filePath();
    if (path.isEmpty() || !m_pane->isModified())
        return;
    const QByteArray bytes = m_pane->currentBytes();
    // Typed and taken out again by hand: the text is the file's, so there is nothing to keep. (The
    // sizes are compared first: the file is read only when they match.)
    if (QFileInfo(path).size() == bytes.size()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll() == bytes) {
            m_recovery.remove(path);
            return;
        }
    }
    if (const QString error = m_recovery.save(path, bytes); !error.isEmpty())
        Q_EMIT message(tr("Cannot keep a recovery copy of your edits: %1").arg(error));
}

bool DocumentController::askToRecover(const QByteArray &recovered)
{
    const QString path = m_pane->filePath();
    const QDateTime keptAt = m_recovery.savedAt(path);
    const QDateTime fileSavedAt = QFileInfo(path).lastModified();
    QMessageBox box(QMessageBox::Question, tr("Restore unsaved edits?"),
        tr("Countersign kept unsaved edits to %1 from %2 (it was closed without saving them, or "
           "stopped).")
            .arg(path, QLocale().toString(keptAt, QLocale::ShortFormat)),
        QMessageBox::NoButton, m_window);
    QString advice = tr("The lines they change are listed below (- the file, + your edits). Restored, "
                        "they stay unsaved until you save; kept, the file stays as it is and the edits "
                        "are deleted.");
    if (keptAt < fileSavedAt)
        advice = tr("These edits are older than the file, which was saved after them, on %1: restoring "
                    "them would undo that save.")
                     .arg(QLocale().toString(fileSavedAt, QLocale::ShortFormat)) +
            u' ' + advice;
    box.setInformativeText(advice);
    // Keeping the file is the default: Enter and Escape keep it, and only a deliberate click or
    // Alt+R restores.
    QPushButton *keep = box.addButton(tr("&Keep the File"), QMessageBox::RejectRole);
    QPushButton *restore = box.addButton(tr("&Restore Edits"), QMessageBox::AcceptRole);
    restore->setAutoDefault(false);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    const QString name = QFileInfo(path).fileName();
    const DiffText file(m_pane->currentBytes()), edits(recovered);
    QString diff = QString::fromUtf8(UnifiedDiff::toByteArray(file, edits, LineDiff::compute(file, edits), 2,
        {tr("%1 (the file)").arg(name), tr("%1 (your unsaved edits)").arg(name)}));
    diff.remove(u'\r');
    box.setDetailedText(diff);
    // The diff in full view, in a fixed-width font, wide enough for a record's lines.
    if (auto *details = box.findChild<QTextEdit *>()) {
        details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        details->setLineWrapMode(QTextEdit::NoWrap);
        const QFontMetrics metrics(details->font());
        details->setMinimumWidth(metrics.horizontalAdvance(QString(72, u'x')));
    }
    for (QAbstractButton *button : box.buttons()) {
        if (box.buttonRole(button) == QMessageBox::ActionRole)
            button->click(); // Show Details...
    }
    box.exec();
    return box.clickedButton() == restore;
}

void DocumentController::offerRecovery()
{
    const std::optional<QByteArray> recovered = m_recovery.load(m_pane->filePath());
    if (!recovered)
        return;
    if (*recovered == m_pane->currentBytes()) {
        m_recovery.remove(m_pane->filePath());
        return;
    }
    RecoveryPolicy policy = m_recoveryPolicy;
    if (policy == RecoveryPolicy::Ask)
        policy = askToRecover(*recovered) ? RecoveryPolicy::Restore : RecoveryPolicy::Discard;
    if (policy == RecoveryPolicy::Restore) {
        m_pane->restoreText(*recovered);
        Q_EMIT message(tr("Restored unsaved edits to %1.").arg(m_pane->filePath()));
    } else {
        m_recovery.remove(m_pane->filePath());
    }
}

} // namespace Countersign
