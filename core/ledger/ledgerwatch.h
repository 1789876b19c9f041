// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QObject>
#include <QSqlDriver>
#include <QString>
#include <QVariant>

class QTimer;

namespace Countersign {

class LedgerStore;
class PostgresLedgerStore;

// Tells a window when its ledger changed through another connection (another window, a
// `countersign signoff`, the other team's machine), so that it shows the other side's sign-off as it
// happens. On a PostgreSQL ledger it listens on PostgresLedgerStore::notifyChannel, which the server
// notifies on every insert, without polling; Qt's driver says nothing when the connection is lost, so
// a heartbeat asks the server every heartbeatMs and, when it does not answer, the watch says offline
// and reconnects with backoff (1 s doubling to 30 s), subscribes again and reports a change (what was
// missed is read again). On a ledger file it asks SQLite's revision every pollMs: PRAGMA data_version,
// a cheap read that changes with every commit of another connection. Lives in the store's thread;
// the store outlives it.
class LedgerWatch : public QObject
{
    Q_OBJECT
public:
    static constexpr int pollMs = 250;
    static constexpr int heartbeatMs = 2000;
    static constexpr int maxBackoffMs = 30000;

    explicit LedgerWatch(LedgerStore *store, QObject *parent = nullptr);
    ~LedgerWatch() override;

    // Whether the ledger's server is out of reach now (always false for a file).
    bool isOffline() const { return !m_offlineReason.isEmpty(); }
    // The changes so far are the window's own (it just wrote): not reported.
    void acknowledge();

Q_SIGNALS:
    // Another connection stored an entry; `serverUser` names who when the server says it (empty for
    // a file, and after a reconnection).
    void changed(const QString &serverUser);
    // The server cannot be reached (why), and again when it can.
    void offline(const QString &reason);
    void online();

private:
    void notified(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void poll();
    void heartbeat();
    void reconnect();
    bool subscribe();

    LedgerStore *m_store;
    PostgresLedgerStore *m_server = nullptr; // the store, when it is on a server
    QTimer *m_timer;
    QString m_revision;
    QString m_offlineReason;
    int m_backoffMs = 1000;
};

} // namespace Countersign
