// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/comparison.h"
#include "editing/textbuffer.h"
#include "record/document.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Countersign {

class ComparisonSession;

// Runs Comparison::run for the window on a thread-pool thread, so diffing never blocks the GUI.
// Only the newest pair matters: request() restarts a debounce timer (typing coalesces into one
// run) and cancels the run in flight, if any; the newest request starts once that run has ended (one
// run at a time), and a result that is no longer the newest is dropped. finished() is emitted on the worker's
// (the GUI) thread. The destructor cancels and waits for a run still going, so no result outlives the worker.
class ComparisonWorker : public QObject
{
    Q_OBJECT
public:
    explicit ComparisonWorker(QObject *parent = nullptr);
    ~ComparisonWorker() override;

    // Compare these texts once the debounce interval has passed without a newer request. The
    // buffers are snapshots: their text is assembled, parsed and compared on the worker thread (the
    // names go into the documents).
    void request(
        const QString &leftName, const TextBuffer &left, const QString &rightName, const TextBuffer &right);
    void request(const Document &left, const Document &right)
    {
        request(left.fileName, TextBuffer(left.source), right.fileName, TextBuffer(right.source));
    }
    void setDebounceInterval(int milliseconds) { m_debounce.setInterval(milliseconds); }
    // What the line diff of the following requests ignores (View > Ignore ...).
    void setDiffOptions(const DiffOptions &options) { m_options = options; }
    const DiffOptions &diffOptions() const { return m_options; }
    int debounceInterval() const { return m_debounce.interval(); }
    // True from request() until the newest result has been delivered.
    bool isBusy() const { return m_pending; }

Q_SIGNALS:
    // The line diff of the newest request (lines and hunks only), before its findings are known.
    void linesReady(const Countersign::ComparisonResult &lines);
    void finished(const Countersign::ComparisonResult &result);

private:
    void start();

    QTimer m_debounce;
    QString m_leftName;
    TextBuffer m_left;
    QString m_rightName;
    TextBuffer m_right;
    DiffOptions m_options;
    bool m_pending = false;
    bool m_inFlight = false;
    quint64 m_generation = 0;
    QFuture<void> m_running;
    // Keeps the parsed records between runs (one run at a time uses it).
    std::shared_ptr<ComparisonSession> m_session; // the run in flight, cancelled when a newer one starts
};

} // namespace Countersign
