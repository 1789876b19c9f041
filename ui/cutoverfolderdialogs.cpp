// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "cutoverfolderdialogs.h"

#include "cutoverfolderscan.h"
#include "pairchooserdialog.h"

#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>

namespace Countersign {

CutoverFolderDialogs::CutoverFolderDialogs(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_scan(new CutoverFolderScan(this))
{
    connect(
        m_scan, &CutoverFolderScan::started, this, [this](const QString &producer, const QString &consumer) {
            Q_EMIT message(tr("Looking for records in %1 and %2…").arg(producer, consumer));
        });
    connect(m_scan, &CutoverFolderScan::cancelled, this, [this](int done, int total) {
        const QLocale locale;
        Q_EMIT message(tr("Stopped looking for records after reading %1 of %2 files.")
                .arg(locale.toString(done), locale.toString(total)));
    });
    connect(m_scan, &CutoverFolderScan::pairsFound, this, [this](int pairs) {
        Q_EMIT message(pairs == 1 ? tr("Found 1 pair of records.")
                                  : tr("Found %1 pairs of records.").arg(QLocale().toString(pairs)));
    });
}

void CutoverFolderDialogs::chooseFolders()
{
    // Beside the records open now: the two teams' repositories are usually checked out side by side.
    const QString producer =
        QFileDialog::getExistingDirectory(m_window, tr("The Producer's Folder (left)"), m_startFolder());
    if (producer.isEmpty())
        return;
    const QString consumer = QFileDialog::getExistingDirectory(
        m_window, tr("The Consumer's Folder (right)"), QFileInfo(producer).absolutePath());
    if (consumer.isEmpty())
        return;
    open(producer, consumer);
}

void CutoverFolderDialogs::open(const QString &producer, const QString &consumer)
{
    if (m_progress)
        m_progress->close();
    auto *progress = new QProgressDialog(m_window);
    progress->setWindowTitle(tr("Open Cutover Folders"));
    auto *label = new QLabel(progress);
    label->setAccessibleName(tr("Scan status"));
    progress->setLabel(label);
    progress->setLabelText(tr("Listing the files in the two folders…"));
    // Driven directly: QProgressDialog::setValue() would run a nested event loop from the slot.
    auto *bar = new QProgressBar(progress);
    bar->setAccessibleName(tr("Files read"));
    progress->setBar(bar);
    auto *cancel = new QPushButton(tr("Cancel"), progress);
    cancel->setAccessibleName(tr("Stop looking for records"));
    progress->setCancelButton(cancel);
    progress->setRange(0, 0);
    progress->setMinimumWidth(420); // room for "Reading records: 12,345 of 67,890 files…" as it grows
    progress->setAutoReset(false);
    progress->setAutoClose(false);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress = progress;
    connect(progress, &QProgressDialog::canceled, m_scan, &CutoverFolderScan::cancel);
    connect(m_scan, &CutoverFolderScan::progressed, progress, [progress, bar](int done, int total) {
        if (total == 0)
            return;
        const QLocale locale;
        progress->setRange(0, total);
        bar->setValue(done);
        progress->setLabelText(
            tr("Reading records: %1 of %2 files…").arg(locale.toString(done), locale.toString(total)));
    });
    connect(m_scan, &CutoverFolderScan::compared, progress, [progress, bar](int done, int total) {
        const QLocale locale;
        progress->setRange(0, total);
        bar->setValue(done);
        progress->setLabelText(
            tr("Comparing the pairs: %1 of %2…").arg(locale.toString(done), locale.toString(total)));
    });
    connect(m_scan, &CutoverFolderScan::cancelled, progress, &QWidget::close);
    connect(
        m_scan, &CutoverFolderScan::pairsFound, progress, [this, progress](int, const QStringList &errors) {
            progress->close();
            choosePair(errors);
        });
    m_scan->start(producer, consumer);
}

QProgressDialog *CutoverFolderDialogs::progressDialog() const
{
    return m_progress;
}

PairChooserDialog *CutoverFolderDialogs::pairChooser() const
{
    return m_pairChooser;
}

void CutoverFolderDialogs::choosePair(const QStringList &errors)
{
    if (m_pairChooser)
        m_pairChooser->close();
    auto *dialog = new PairChooserDialog(m_scan->pairs(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFolders(m_scan->producerFolder(), m_scan->consumerFolder());
    dialog->setErrors(errors);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const std::optional<DocumentPair> pair = dialog->chosenPair())
            Q_EMIT pairChosen(pair->left, pair->right);
    });
    m_pairChooser = dialog;
    // Not adjustSize()'s two thirds of the screen: the file names are long and all of them count.
    dialog->resize(dialog->sizeHint());
    dialog->open();
}

} // namespace Countersign
