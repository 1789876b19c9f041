// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QCoreApplication>

// What the executable and its window module share: the application's identity, and the entry point
// the executable resolves in the module.
namespace Countersign {

// The names decide where QSettings and QStandardPaths keep the user's files on Linux:
// ~/.config/Countersign/countersign.conf and ~/.local/share/Countersign/countersign/ (the sign-off
// ledger, the recovery folder). The domain matches the reverse-DNS id of the desktop file; on Linux it
// changes no path.
inline void configureApplication(QCoreApplication &app)
{
    app.setApplicationName(QStringLiteral("countersign"));
    app.setOrganizationName(QStringLiteral("Countersign"));
    app.setOrganizationDomain(QStringLiteral("countersign.github.io"));
    app.setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));
}

// The module's entry points, resolved by name with QLibrary. Each takes the executable's arguments
// and returns the exit status. runGuiSymbol: parses the window's arguments and runs the event loop.
// runPdfExportSymbol: `export ... --pdf` (CommandLine::needsPdfWriter), on a QGuiApplication of the
// offscreen platform unless QT_QPA_PLATFORM names another, so that it needs no display.
using RunGui = int (*)(int argc, char **argv);
inline constexpr char runGuiSymbol[] = "countersign_run_gui";
inline constexpr char runPdfExportSymbol[] = "countersign_run_pdf_export";
// runAskPassSymbol: the passphrase prompt ssh-keygen runs as SSH_ASKPASS when the window signs
// (COUNTERSIGN_ASKPASS=1 in its environment).
inline constexpr char runAskPassSymbol[] = "countersign_run_askpass";

} // namespace Countersign
