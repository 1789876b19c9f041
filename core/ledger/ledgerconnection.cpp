// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/ledgerconnection.h"

#include "ledger/ledgerwatch.h"

#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <mutex>

namespace Countersign {

namespace {

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

// What the ledger's thread works on. Shared by the jobs, so that a job stuck on a server that no
// longer answers can outlive the LedgerConnection that gave up on it.
struct LedgerConnection::Core
{
    QObject *worker = nullptr; // lives in the thread; jobs are posted to it
    std::unique_ptr<LedgerStore> store; // the thread's only
    std::unique_ptr<LedgerWatch> watch; // the thread's only
    // When the running job began waiting on the server (nowMs(), its time away from it not counted),
    // or 0 when none runs.
    std::atomic<qint64> onTheServerSince{0};
    std::atomic<bool> closing{false};
    std::mutex mutex;
    LedgerConnection *owner = nullptr; // under mutex; null once it is gone
};

namespace {

// The Core of the job running in this thread, for OffTheServer.
thread_local std::atomic<qint64> *t_onTheServerSince = nullptr;

} // namespace

LedgerConnection::OffTheServer::OffTheServer()
    : m_since(t_onTheServerSince ? nowMs() - t_onTheServerSince->load() : 0)
{
    if (t_onTheServerSince)
        t_onTheServerSince->store(0);
}

LedgerConnection::OffTheServer::~OffTheServer()
{
    if (t_onTheServerSince)
        t_onTheServerSince->store(nowMs() - m_since);
}

LedgerConnection::LedgerConnection()
    : m_core(std::make_shared<Core>())
    , m_thread(new QThread)
    , m_stallCheck(new QTimer(this))
{
    m_core->owner = this;
    m_core->worker = new QObject;
    m_core->worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_core->worker, &QObject::deleteLater);
    m_thread->setObjectName(QStringLiteral("ledger"));
    m_thread->start();
    m_stallCheck->setInterval(250);
    connect(m_stallCheck, &QTimer::timeout, this, &LedgerConnection::checkStall);
    m_stallCheck->start();
}

LedgerConnection::~LedgerConnection()
{
    {
        const std::lock_guard lock(m_core->mutex);
        m_core->owner = nullptr;
    }
    m_core->closing = true;
    QMetaObject::invokeMethod(
        m_core->worker,
        [core = m_core] {
            core->watch.reset(); // before the store it watches
            core->store.reset();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    if (m_thread->wait(QDeadlineTimer(waitLimitMs))) {
        delete m_thread;
        return;
    }
    // Stuck on a server that does not answer: the thread ends when its job does (the Core keeps what
    // it works on alive); the QThread is left to the end of the process.
    qWarning("The ledger %s did not answer: its connection is left behind.", qUtf8Printable(m_location));
}

Result<std::unique_ptr<LedgerConnection>> LedgerConnection::open(
    const QString &location, LedgerStore::Access access)
{
    std::unique_ptr<LedgerConnection> connection(new LedgerConnection);
    auto failed = std::make_shared<std::optional<Error>>();
    auto readOnly = std::make_shared<bool>(false);
    auto opened = std::make_shared<QString>();
    const bool answered =
        connection->await([core = connection->m_core, location, access, failed, readOnly, opened] {
            core->onTheServerSince = nowMs(); // connecting waits on the server too
            Result<std::unique_ptr<LedgerStore>> store = LedgerStore::open(location, access);
            core->onTheServerSince = 0;
            if (!store) {
                *failed = store.error();
                return;
            }
            core->store = std::move(store).value();
            *readOnly = core->store->isReadOnly();
            *opened = core->store->location();
            core->watch = std::make_unique<LedgerWatch>(core->store.get());
            Core *watched = core.get(); // not shared: the watch lives in it
            QObject::connect(core->watch.get(), &LedgerWatch::changed, core->watch.get(),
                [watched](const QString &serverUser) {
                    // Who signed last: the newest entry, read here rather than in the window's thread.
                    SignOffEntry latest;
                    if (const Result<QList<SignOffEntry>> entries = watched->store->entries();
                        entries && !entries->isEmpty())
                        latest = entries->last();
                    deliver(*watched, [watched, serverUser, latest] {
                        Q_EMIT watched->owner->changed(serverUser, latest);
                    });
                });
            QObject::connect(core->watch.get(), &LedgerWatch::offline, core->watch.get(),
                [watched](const QString &reason) {
                    deliver(*watched, [watched, reason] { Q_EMIT watched->owner->offline(reason); });
                });
            QObject::connect(core->watch.get(), &LedgerWatch::online, core->watch.get(),
                [watched] { deliver(*watched, [watched] { Q_EMIT watched->owner->online(); }); });
        });
    if (!answered)
        return Error{Error::Code::Database, notAnswering(location), location};
    if (*failed)
        return **failed;
    connection->m_location = *opened;
    connection->m_readOnly = *readOnly;
    return connection;
}

QString LedgerConnection::notAnswering(const QString &location)
{
    return QStringLiteral("the ledger server %1 has not answered for %2 s; what was asked may still happen "
                          "when it does, and the Sign-off panel will show it")
        .arg(location)
        .arg(waitLimitMs / 1000);
}

qint64 LedgerConnection::onTheServerMs() const
{
    const qint64 since = m_core->onTheServerSince.load();
    return since == 0 ? 0 : nowMs() - since;
}

void LedgerConnection::run(std::function<void(LedgerStore &)> job, Kind kind)
{
    QMetaObject::invokeMethod(
        m_core->worker, [core = m_core, job = std::move(job), kind] { perform(*core, job, kind); },
        Qt::QueuedConnection);
}

void LedgerConnection::perform(Core &core, const std::function<void(LedgerStore &)> &job, Kind kind)
{
    if (core.closing || !core.store)
        return;
    core.onTheServerSince = nowMs();
    t_onTheServerSince = &core.onTheServerSince;
    job(*core.store);
    if (kind == Kind::Write && core.watch)
        core.watch->acknowledge();
    t_onTheServerSince = nullptr;
    core.onTheServerSince = 0;
}

bool LedgerConnection::block(std::function<void(LedgerStore &)> job, Kind kind)
{
    return await([core = m_core, job = std::move(job), kind] { perform(*core, job, kind); });
}

bool LedgerConnection::await(std::function<void()> task)
{
    // Whether the task is done; the loop to stop when it is, while one waits. Touched in this thread only.
    struct Waiting
    {
        bool done = false;
        QEventLoop *loop = nullptr;
    };
    auto waiting = std::make_shared<Waiting>();
    QMetaObject::invokeMethod(
        m_core->worker,
        [core = m_core, task = std::move(task), waiting] {
            task();
            deliver(*core, [waiting] {
                waiting->done = true;
                if (waiting->loop)
                    waiting->loop->quit();
            });
        },
        Qt::QueuedConnection);
    QEventLoop loop;
    QTimer limit;
    limit.setInterval(100);
    connect(&limit, &QTimer::timeout, &loop, [this, &loop] {
        if (onTheServerMs() > waitLimitMs)
            loop.quit();
    });
    limit.start();
    waiting->loop = &loop;
    if (!waiting->done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    waiting->loop = nullptr;
    return waiting->done;
}

void LedgerConnection::deliver(Core &core, std::function<void()> call)
{
    const std::lock_guard lock(core.mutex);
    if (core.owner)
        QMetaObject::invokeMethod(core.owner, std::move(call), Qt::QueuedConnection);
}

void LedgerConnection::checkStall()
{
    const bool stalled = onTheServerMs() > stallMs;
    if (stalled == m_stalled)
        return;
    m_stalled = stalled;
    Q_EMIT stalledChanged(stalled);
}

} // namespace Countersign
