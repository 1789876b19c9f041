// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/cutovercheck.h"
#include "compare/cutoverpairing.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

namespace Countersign {

class FolderPairsModel;

// What a scan found: the check, and its pairs with their states (CutoverPairing::compare).
struct CutoverScanResult
{
    CutoverCheck check;
    QList<DocumentPair> pairs;
    bool cancelled = false;
};

// Looks for records in two folders (the producer's and the consumer's docs/) on a worker thread,
// pairs them (CutoverCheck, CutoverPairing) and compares each pair as the window would, into pairs(),
// which it owns. progressed() reports the files read so far, then compared() the pairs compared, and
// at the end pairsFound() the result; a cancelled scan ends in cancelled() instead. A new scan cancels the
// one in flight, whose result never arrives. No widgets: the window shows the progress and the pairs
// (CutoverFolderDialogs). The worker's job holds its own state, not this object: destroying the scan only
// stops the job before its next file.
class CutoverFolderScan : public QObject
{
    Q_OBJECT
public:
    explicit CutoverFolderScan(QObject *parent = nullptr);
    ~CutoverFolderScan() override;

    void start(const QString &producer, const QString &consumer);
    // Stops the scan in flight before its next file; nothing when none is running.
    void cancel();
    bool isRunning() const { return m_scan->isRunning(); }
    // The producer's and the consumer's folder of the last scan started.
    QString producerFolder() const { return m_folders.value(0); }
    QString consumerFolder() const { return m_folders.value(1); }
    FolderPairsModel *pairs() const { return m_pairs; }

Q_SIGNALS:
    void started(const QString &producer, const QString &consumer);
    // The scan has read `done` of `total` markdown files (total 0: still listing the folders).
    void progressed(int done, int total);
    // The files are read; `done` of `total` pairs have been compared.
    void compared(int done, int total);
    // The scan finished with `pairs` complete pairs; `errors` names files that could not be read.
    void pairsFound(int pairs, const QStringList &errors);
    // The scan stopped after reading `done` of `total` files.
    void cancelled(int done, int total);

private:
    void reportProgress();
    void finish();

    FolderPairsModel *m_pairs;
    QFutureWatcher<CutoverScanResult> *m_scan;
    QFutureWatcher<void> *m_comparison; // the comparison's progress
    QFuture<void> m_stop; // cancelled to stop the scan in flight
    QStringList m_folders; // producer, consumer
};

} // namespace Countersign
