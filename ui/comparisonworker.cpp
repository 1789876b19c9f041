// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "comparisonworker.h"

#include "compare/comparisonsession.h"

#include <QPointer>
#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace Countersign {

ComparisonWorker::ComparisonWorker(QObject *parent)
    : QObject(parent)
    , m_session(std::make_shared<ComparisonSession>())
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ComparisonWorker::start);
}

ComparisonWorker::~ComparisonWorker()
{
    m_running.cancel();
    m_running.waitForFinished();
}

void ComparisonWorker::request(
    const QString &leftName, const TextBuffer &left, const QString &rightName, const TextBuffer &right)
{
    m_leftName = leftName;
    m_left = left;
    m_rightName = rightName;
    m_right = right;
    // Whatever is in flight is already stale: it is cancelled, and the newest request starts when
    // it has ended, so that abandoned runs never pile up on the pool.
    ++m_generation;
    m_pending = true;
    if (m_inFlight)
        m_running.cancel();
    else
        m_debounce.start();
}

void ComparisonWorker::start()
{
    m_inFlight = true;
    const quint64 generation = m_generation;
    auto promise = std::make_shared<QPromise<void>>();
    m_running = promise->future();
    promise->start();
    QPointer<ComparisonWorker> self(this);
    // The texts are copied into the job: the worker may get new ones while it runs.
    QThreadPool::globalInstance()->start(
        [this, self, promise, generation, session = m_session, leftName = m_leftName, left = m_left,
            rightName = m_rightName, right = m_right, options = m_options] {
            // The line diff is posted as soon as it is known; the findings follow.
            const auto linesReady = [this, self, generation](const ComparisonResult &lines) {
                QMetaObject::invokeMethod(
                    this,
                    [self, generation, lines] {
                        if (self && generation == self->m_generation)
                            Q_EMIT self->linesReady(lines);
                    },
                    Qt::QueuedConnection);
            };
            const ComparisonResult result = session->run(leftName, left.toSource(), rightName,
                right.toSource(), promise->future(), linesReady, options);
            // Posted before the promise finishes: the destructor waits for that, so `this` is alive here.
            QMetaObject::invokeMethod(
                this,
                [self, generation, result] {
                    if (!self)
                        return;
                    self->m_inFlight = false;
                    if (generation == self->m_generation && !result.cancelled) {
                        self->m_pending = false;
                        Q_EMIT self->finished(result);
                    } else if (self->m_pending) {
                        self->m_debounce.start();
                    }
                },
                Qt::QueuedConnection);
            promise->finish();
        });
}

} // namespace Countersign
