// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "commandsmain.h"

#include "commandline.h"
#include "guimain.h"
#include "modulelauncher.h"

#include <QCoreApplication>

// A headless command on QCoreApplication; `export --pdf` goes on to the window module, which has the
// PDF writer (Qt Gui).
extern "C" Q_DECL_EXPORT int countersign_run_command(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (Countersign::CommandLine::needsPdfWriter(arguments)) {
        return Countersign::ModuleLauncher::run(argc, argv, Countersign::ModuleLauncher::Module::Window,
            Countersign::runPdfExportSymbol, QStringLiteral("renders the PDF handout"));
    }
    QCoreApplication app(argc, argv);
    Countersign::configureApplication(app);
    return Countersign::CommandLine::run(app.arguments().mid(1));
}
