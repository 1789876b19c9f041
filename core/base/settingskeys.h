// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QLatin1StringView>

// Every key Countersign keeps in the user's settings (QSettings), defined once. The values are the
// file format of ~/.config/Countersign/countersign.conf: renaming one forgets what users chose.
namespace Countersign::SettingsKeys {

// The sign-off ledger chosen with File > Sign-off Ledger (a location for LedgerStore::open).
inline constexpr QLatin1StringView ledgerLocation{"signoff/database"};
// The name last signed with, offered by the next sign-off.
inline constexpr QLatin1StringView signer{"signoff/signer"};
// The SSH key sign-offs are signed with, as git's user.signingKey: a key file, "key::TYPE BASE64" (a
// key in ssh-agent), or empty for ssh-agent's first key.
inline constexpr QLatin1StringView signingKey{"signoff/signingKey"};
// Who recorded the last meeting's decisions; the signer's name until someone has.
inline constexpr QLatin1StringView recordedBy{"review/recordedBy"};
// View > Color Scheme: "desktop" (or nothing) follows the desktop's palette, "light" and "dark" are
// Countersign's own.
inline constexpr QLatin1StringView colorScheme{"view/colorScheme"};
// The highlighting theme chosen in View > Theme; empty follows the palette.
inline constexpr QLatin1StringView theme{"view/theme"};
// View > Ignore in the Diff: what the line diff of the panes ignores, as `countersign diff` -b/-w
// ("changes", "all", or empty for none), -B and -i.
inline constexpr QLatin1StringView ignoreWhitespace{"view/ignoreWhitespace"};
inline constexpr QLatin1StringView ignoreBlankLines{"view/ignoreBlankLines"};
inline constexpr QLatin1StringView ignoreCase{"view/ignoreCase"};
// View > Zoom: the panes' text size, in points more (or fewer) than the system's fixed font.
inline constexpr QLatin1StringView zoom{"view/zoom"};
// The window's size and position (QWidget::saveGeometry), its docks (QMainWindow::saveState) and the
// split between the panes (QSplitter::saveState), as the last window closed left them.
inline constexpr QLatin1StringView windowGeometry{"window/geometry"};
inline constexpr QLatin1StringView windowState{"window/state"};
inline constexpr QLatin1StringView windowSplitter{"window/splitter"};
// The pairs opened last, newest first: "LEFT\nRIGHT" each.
inline constexpr QLatin1StringView recentPairs{"recent/pairs"};

} // namespace Countersign::SettingsKeys
