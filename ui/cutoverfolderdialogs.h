// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDir>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QProgressDialog;
class QWidget;

namespace Countersign {

class CutoverFolderScan;
class PairChooserDialog;

// File > Open Cutover Folders as the user sees it: asks for the two folders, scans them
// (CutoverFolderScan, owned here) behind a progress dialog (files read of the total, then pairs
// compared; Cancel stops the scan), then opens a PairChooserDialog (window-modal, without blocking)
// and emits pairChosen() with the pair chosen there. Both dialogs are parented to `window` and close
// themselves. The status bar messages of every scan, with or without the dialogs, come from here.
class CutoverFolderDialogs : public QObject
{
    Q_OBJECT
public:
    explicit CutoverFolderDialogs(QWidget *window);

    CutoverFolderScan *scan() const { return m_scan; }
    // Where the folder dialogs start: the home folder unless set (the window gives the folder of the
    // left record).
    void setStartFolder(std::function<QString()> folder) { m_startFolder = std::move(folder); }
    // Asks for the producer's and the consumer's folder, then open()s them.
    void chooseFolders();
    void open(const QString &producer, const QString &consumer);
    QProgressDialog *progressDialog() const;
    PairChooserDialog *pairChooser() const;

Q_SIGNALS:
    void pairChosen(const QString &left, const QString &right);
    // Something for the status bar.
    void message(const QString &text);

private:
    void choosePair(const QStringList &errors);

    QWidget *m_window;
    std::function<QString()> m_startFolder = [] { return QDir::homePath(); };
    CutoverFolderScan *m_scan;
    QPointer<QProgressDialog> m_progress;
    QPointer<PairChooserDialog> m_pairChooser;
};

} // namespace Countersign
