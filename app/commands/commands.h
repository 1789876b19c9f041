// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "export/finalizedexport.h"

#include <QStringList>

// The subcommands of `countersign`, one file each in this folder, listed in CommandTable. Each takes
// the arguments after its name and returns the exit status: 0 clean, 1 findings, 2 trouble (bad
// usage, a file that cannot be read or decoded); commandio.h says how they report. All need a
// QCoreApplication, and none loads Qt Gui (export --pdf takes its PdfWriter from the window module).
namespace Countersign::Commands {

int show(const QStringList &arguments);
int diff(const QStringList &arguments);
int lint(const QStringList &arguments);
int digest(const QStringList &arguments);
int compare(const QStringList &arguments);
int check(const QStringList &arguments);
int signOff(const QStringList &arguments);
int status(const QStringList &arguments);
int ledger(const QStringList &arguments);
int trust(const QStringList &arguments);
// export, as markdown, or as a PDF written by `pdf` with --pdf. Without `pdf` (the table's handler),
// --pdf is refused.
int exportRecord(const QStringList &arguments, const FinalizedExport::PdfWriter &pdf);
int exportRecord(const QStringList &arguments);
// True for `export ... --pdf`, which needs the window module's Qt Gui to render.
bool exportNeedsGui(const QStringList &arguments);
int verify(const QStringList &arguments);
int review(const QStringList &arguments);
int mirror(const QStringList &arguments);
int help(const QStringList &arguments);
int version(const QStringList &arguments);

} // namespace Countersign::Commands
