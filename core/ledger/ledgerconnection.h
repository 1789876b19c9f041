// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "ledger/ledgerstore.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QThread;
class QTimer;

namespace Countersign {

// A ledger opened in a thread of its own, so that a slow or dead server never holds up the window.
// Every read and write is a job run there, one after the other, on the LedgerStore, which nothing
// else touches; its result comes back in the thread that asked. The ledger's LedgerWatch lives there
// too, and what it notices arrives here as signals.
//
// post() hands a job over and returns at once (the panel's reading). wait() hands one over and waits
// for its result while the window keeps painting (input waits until it is done): what the user just
// asked for and must see the outcome of (sign, record a decision, export). A job that has been waiting
// on the server for stallMs makes the connection stalled() ("not answering"); wait() gives up after
// waitLimitMs on the server, and says so, for a server that no longer answers at all (one stopped, or
// a network that drops packets, where neither the statement timeout nor TCP says anything). Time a job
// spends outside the server (ssh-keygen asking for a passphrase) does not count: see OffTheServer.
class LedgerConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr int stallMs = 3000;
    static constexpr int waitLimitMs = 20000;

    // Opens the ledger at `location` in its thread (LedgerStore::open) and starts watching it; waits
    // for both, at most waitLimitMs.
    static Result<std::unique_ptr<LedgerConnection>> open(
        const QString &location, LedgerStore::Access access = LedgerStore::Access::Write);
    // Stops the thread once the job it is running is done, waiting at most waitLimitMs for it; a job
    // stuck longer on a server that does not answer is left to finish on its own.
    ~LedgerConnection() override;

    QString location() const { return m_location; }
    bool isReadOnly() const { return m_readOnly; }
    // Whether a job has waited on the server for longer than stallMs now.
    bool isStalled() const { return m_stalled; }
    // For how long the job running now has waited on the server, in ms (0 when none runs).
    qint64 onTheServerMs() const;

    // Runs `job(store)` in the ledger's thread after the jobs before it, then `done(result)` in this
    // object's thread, unless `context` is gone by then. A job captures by value: it may run after
    // the caller returned.
    template<typename Job, typename Done>
    void post(QObject *context, Job job, Done done)
    {
        using Outcome = std::invoke_result_t<Job &, LedgerStore &>;
        run([core = m_core, job = std::move(job), done = std::move(done), receiver = QPointer(context)](
                LedgerStore &store) mutable {
            auto outcome = std::make_shared<Outcome>(job(store));
            deliver(*core, [done = std::move(done), outcome, receiver]() mutable {
                if (receiver)
                    done(std::move(*outcome));
            });
        });
    }

    // Runs `job(store)` in the ledger's thread and waits for its result; nothing when the server did
    // not answer within waitLimitMs (the job may still finish, and its write land, later). After a
    // write, the watch takes what is stored as this window's own (not another's news).
    enum class Kind { Read, Write };
    template<typename Job>
    auto wait(Job job, Kind kind = Kind::Read) -> std::optional<std::invoke_result_t<Job &, LedgerStore &>>
    {
        using Outcome = std::invoke_result_t<Job &, LedgerStore &>;
        auto outcome = std::make_shared<std::optional<Outcome>>();
        if (!block(
                [outcome, job = std::move(job)](LedgerStore &store) mutable { outcome->emplace(job(store)); },
                kind))
            return std::nullopt;
        return std::move(*outcome);
    }

    // Marks time a job spends away from the server (signing): not counted as waiting on it. Used in
    // the ledger's thread, inside a job; does nothing elsewhere.
    class OffTheServer
    {
    public:
        OffTheServer();
        ~OffTheServer();
        OffTheServer(const OffTheServer &) = delete;
        OffTheServer &operator=(const OffTheServer &) = delete;

    private:
        qint64 m_since;
    };

    // What the owner of a connection says when wait() gave up.
    static QString notAnswering(const QString &location);

Q_SIGNALS:
    // Another connection stored entries; `serverUser` names who when the server says it, `latest` is
    // the newest sign-off of the ledger (none: signer empty).
    void changed(const QString &serverUser, const Countersign::SignOffEntry &latest);
    // The server cannot be reached (why), and again when it can (LedgerWatch).
    void offline(const QString &reason);
    void online();
    // A job has waited on the server for stallMs (true), or is done (false).
    void stalledChanged(bool stalled);

private:
    struct Core;
    LedgerConnection();
    // Runs `job` in the ledger's thread after the jobs before it (not once the connection closes).
    void run(std::function<void(LedgerStore &)> job, Kind kind = Kind::Read);
    static void perform(Core &core, const std::function<void(LedgerStore &)> &job, Kind kind);
    // Runs `job` there and waits for it, at most waitLimitMs on the server; whether it was done.
    bool block(std::function<void(LedgerStore &)> job, Kind kind);
    bool await(std::function<void()> task);
    // Calls `call` in the owner's thread, while there is an owner.
    static void deliver(Core &core, std::function<void()> call);
    void checkStall();

    std::shared_ptr<Core> m_core;
    QThread *m_thread;
    QTimer *m_stallCheck;
    QString m_location;
    bool m_readOnly = false;
    bool m_stalled = false;
};

} // namespace Countersign
