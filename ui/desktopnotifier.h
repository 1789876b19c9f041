// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

namespace Countersign {

// A desktop notification the platform's usual way on Linux desktops: the freedesktop Notifications
// service (org.freedesktop.Notifications.Notify on the session bus), which GNOME, KDE Plasma, XFCE
// and the other desktops show as a pop-up. It is sent without waiting for an answer, so a slow
// notification daemon never holds up the window; without a session bus or such a service nothing is
// shown (the taskbar entry still asks for attention: QApplication::alert).
class DesktopNotifier
{
public:
    static constexpr const char *service = "org.freedesktop.Notifications";
    static constexpr const char *path = "/org/freedesktop/Notifications";

    // Shows `summary` (one line) and `body` as coming from Countersign (its desktop entry and icon).
    // Whether it was handed to the session bus.
    static bool notify(const QString &summary, const QString &body);
};

} // namespace Countersign
