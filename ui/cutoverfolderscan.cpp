// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "cutoverfolderscan.h"

#include "compare/cutoverpairing.h"
#include "folderpairsmodel.h"

#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace Countersign {

CutoverFolderScan::CutoverFolderScan(QObject *parent)
    : QObject(parent)
    , m_pairs(new FolderPairsModel(this))
    , m_scan(new QFutureWatcher<CutoverScanResult>(this))
    , m_comparison(new QFutureWatcher<void>(this))
{
    connect(m_comparison, &QFutureWatcherBase::progressValueChanged, this, [this](int done) {
        if (m_comparison->progressMaximum() > 0)
            Q_EMIT compared(done, m_comparison->progressMaximum());
    });
    connect(m_scan, &QFutureWatcherBase::progressRangeChanged, this, &CutoverFolderScan::reportProgress);
    connect(m_scan, &QFutureWatcherBase::progressValueChanged, this, &CutoverFolderScan::reportProgress);
    connect(m_scan, &QFutureWatcherBase::finished, this, &CutoverFolderScan::finish);
}

CutoverFolderScan::~CutoverFolderScan()
{
    // The scan's job runs on without this object; it need not finish.
    cancel();
}

void CutoverFolderScan::start(const QString &producer, const QString &consumer)
{
    cancel();
    m_folders = {producer, consumer};
    Q_EMIT started(producer, consumer);
    // Cancel goes through `stop`, not through the scan's own future: a cancelled future takes no
    // more progress, and the scan's is to tell how far it really got. The job holds both promises,
    // not this object: one destroyed meanwhile only stops it.
    auto scan = std::make_shared<QPromise<CutoverScanResult>>();
    auto stop = std::make_shared<QPromise<void>>();
    auto comparison = std::make_shared<QPromise<void>>();
    m_scan->setFuture(scan->future());
    m_comparison->setFuture(comparison->future());
    m_stop = stop->future();
    scan->start();
    stop->start();
    comparison->start();
    QThreadPool::globalInstance()->start([scan, stop, comparison, folders = m_folders] {
        CutoverScanResult result;
        result.check = CutoverCheck::run(folders, stop->future(), [&scan](int done, int total) {
            if (total != scan->future().progressMaximum())
                scan->setProgressRange(0, total);
            scan->setProgressValue(done);
        });
        result.cancelled = result.check.isCancelled();
        if (!result.cancelled) {
            // The states: each pair compared as the window compares it, here rather than in the dialog.
            result.pairs = CutoverPairing::pairs(result.check);
            result.cancelled =
                !CutoverPairing::compare(result.pairs, stop->future(), [&comparison](int done, int total) {
                    if (total != comparison->future().progressMaximum())
                        comparison->setProgressRange(0, total);
                    comparison->setProgressValue(done);
                });
        }
        scan->addResult(result);
        comparison->finish();
        scan->finish();
        stop->finish();
    });
}

void CutoverFolderScan::cancel()
{
    m_stop.cancel();
}

void CutoverFolderScan::reportProgress()
{
    Q_EMIT progressed(m_scan->progressValue(), m_scan->progressMaximum());
}

void CutoverFolderScan::finish()
{
    const QFuture<CutoverScanResult> future = m_scan->future();
    if (future.resultCount() == 0)
        return;
    const CutoverScanResult result = future.result();
    if (result.cancelled) {
        Q_EMIT cancelled(m_scan->progressValue(), m_scan->progressMaximum());
        return;
    }
    QStringList errors;
    for (const Error &error : result.check.errors())
        errors.append(error.toString());
    m_pairs->setPairs(result.pairs);
    Q_EMIT pairsFound(m_pairs->pairedCount(), errors);
}

} // namespace Countersign
