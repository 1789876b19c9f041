#pragma once

#include "export/finalizedexport.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace Countersign {

// The headless subcommands of `countersign` (lint, show, diff, compare, check, the sign-off commands,
// mirror, help, version). Output goes to stdout, errors to stderr naming the file; exit codes: 0
// clean, 1 findings, 2 trouble (bad usage, a file that cannot be read or decoded).
class CommandLine
{
public:
    // Writes a finalized record's markdown to `output` as a PDF handout (PdfHandout::write); only the
    // window module has one, since it needs Qt Gui.
    using PdfWriter = FinalizedExport::PdfWriter;

    // True when `command` (the first argument) is handled here rather than by the GUI.
    static bool isHeadless(const QString &command);
    // True for `export ... --pdf` (`arguments` without the program name): a headless command that
    // needs the window module's Qt Gui to render, so the executable hands it to the module, which
    // calls runExport() with its PdfWriter.
    static bool needsPdfWriter(const QStringList &arguments);
    // The export command (`arguments` after "export"). Needs a QCoreApplication, and a QGuiApplication
    // and `pdf` for --pdf.
    static int runExport(const QStringList &arguments, const PdfWriter &pdf = {});
    // Runs `arguments` (without the program name). Needs a QCoreApplication.
    static int run(const QStringList &arguments);
    static QString usage();
};

} // namespace Countersign
