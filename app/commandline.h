// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "export/finalizedexport.h"

#include <QString>
#include <QStringList>

namespace Countersign {

// The entry points of the command line, for the commands module (commandsmain.cpp) and the window module
// (guimain.cpp). The commands themselves are listed in CommandTable and live in commands/.
class CommandLine
{
public:
    // Writes a finalized record's markdown to `output` as a PDF handout (PdfHandout::write); only the
    // window module has one, since it needs Qt Gui.
    using PdfWriter = FinalizedExport::PdfWriter;

    // True for a headless command that needs Qt Gui for these `arguments` (without the program name):
    // `export ... --pdf`, which the commands module hands to the window module, which calls runExport()
    // with its PdfWriter.
    static bool needsPdfWriter(const QStringList &arguments);
    // The export command (`arguments` after "export"). Needs a QCoreApplication, and a QGuiApplication
    // and `pdf` for --pdf.
    static int runExport(const QStringList &arguments, const PdfWriter &pdf = {});
    // Runs `arguments` (without the program name). Needs a QCoreApplication.
    static int run(const QStringList &arguments);
};

} // namespace Countersign
