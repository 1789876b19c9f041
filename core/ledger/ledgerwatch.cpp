// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/ledgerwatch.h"

#include "ledger/postgresledgerstore.h"

#include <QSqlDriver>
#include <QTimer>

#include <algorithm>

namespace Countersign {

LedgerWatch::LedgerWatch(LedgerStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_server(dynamic_cast<PostgresLedgerStore *>(store))
    , m_timer(new QTimer(this))
{
    if (m_server) {
        m_timer->setInterval(heartbeatMs);
        connect(m_timer, &QTimer::timeout, this, &LedgerWatch::heartbeat);
        subscribe();
    } else {
        m_revision = m_store->revision();
        m_timer->setInterval(pollMs);
        connect(m_timer, &QTimer::timeout, this, &LedgerWatch::poll);
    }
    m_timer->start();
}

LedgerWatch::~LedgerWatch()
{
    if (m_server && !isOffline()) {
        if (QSqlDriver *driver = m_server->driver())
            driver->unsubscribeFromNotification(QString::fromLatin1(PostgresLedgerStore::notifyChannel));
    }
}

void LedgerWatch::acknowledge()
{
    if (!m_server)
        m_revision = m_store->revision();
}

bool LedgerWatch::subscribe()
{
    QSqlDriver *driver = m_server->driver();
    const QString channel = QString::fromLatin1(PostgresLedgerStore::notifyChannel);
    if (!driver || !driver->subscribeToNotification(channel))
        return false;
    connect(driver, &QSqlDriver::notification, this, &LedgerWatch::notified, Qt::UniqueConnection);
    return true;
}

void LedgerWatch::notified(
    const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    if (name != QLatin1StringView(PostgresLedgerStore::notifyChannel) || source == QSqlDriver::SelfSource)
        return;
    // The payload is "TABLE ID SERVER_USER" (see the schema's notify_entry()).
    Q_EMIT changed(payload.toString().section(u' ', 2));
}

void LedgerWatch::poll()
{
    const QString now = m_store->revision();
    if (now.isEmpty() || now == m_revision)
        return;
    m_revision = now;
    Q_EMIT changed({});
}

void LedgerWatch::heartbeat()
{
    if (isOffline()) {
        reconnect();
        return;
    }
    if (const std::optional<Error> lost = m_server->ping()) {
        m_offlineReason = lost->message;
        m_backoffMs = 1000;
        m_timer->setInterval(m_backoffMs);
        Q_EMIT offline(m_offlineReason);
    }
}

void LedgerWatch::reconnect()
{
    if (m_server->reconnect() || !subscribe()) {
        m_backoffMs = std::min(m_backoffMs * 2, maxBackoffMs);
        m_timer->setInterval(m_backoffMs);
        return;
    }
    m_offlineReason.clear();
    m_timer->setInterval(heartbeatMs);
    Q_EMIT online();
    Q_EMIT changed({}); // what was stored meanwhile is read again
}

} // namespace Countersign
