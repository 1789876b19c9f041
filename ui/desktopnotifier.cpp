// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QStringList>
#include <QVariantMap>

namespace Countersign {

bool DesktopNotifier::notify(const QString &summary, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(service),
        QString::fromLatin1(path), QString::fromLatin1(service), QStringLiteral("Notify"));
    // The specification's arguments: app_name, replaces_id, app_icon, summary, body, actions, hints,
    // expire_timeout (-1: the server's default).
    call << QStringLiteral("Countersign") << uint(0) << QStringLiteral(COUNTERSIGN_APP_ID) << summary << body
         << QStringList()
         << QVariantMap{{QStringLiteral("desktop-entry"), QStringLiteral(COUNTERSIGN_APP_ID)},
                {QStringLiteral("category"), QStringLiteral("presence")}}
         << int(-1);
    return bus.send(call);
}

} // namespace Countersign
