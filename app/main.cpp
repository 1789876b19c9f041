// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign: one command, two faces. Headless subcommands (CommandTable) run on QCoreApplication
// over the core library and need no display; everything else loads the window module
// (countersign_gui) and hands it the arguments.
#include "commandline.h"
#include "commandtable.h"
#include "guimain.h"

#include <QFileInfo>
#include <QLibrary>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "countersign: %s\n", qUtf8Printable(message));
    return 2;
}

// The window module sits next to the executable in a build tree and in lib/countersign once
// installed. No QCoreApplication exists yet (QApplication must be the first), so the executable's
// directory comes from /proc.
QString guiModulePath()
{
    const QString bin = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
    const QString name = QStringLiteral("countersign_gui.so");
    for (const QString &dir : {bin, QString(bin + u"/../lib/countersign")}) {
        if (QFileInfo::exists(dir + u'/' + name))
            return dir + u'/' + name;
    }
    return bin + u'/' + name;
}

// Runs the module's entry point `symbol` (guimain.h); `what` says what the module was needed for.
int runModule(int argc, char **argv, const char *symbol, const QString &what)
{
    QLibrary module(guiModulePath());
    const auto run = reinterpret_cast<Countersign::RunGui>(module.resolve(symbol));
    if (!run) {
        return fail(QStringLiteral("cannot load the window module, which %1: %2. The other headless "
                                   "commands still work; reinstall Countersign to get it back.")
                .arg(what, module.errorString()));
    }
    return run(argc, argv);
}

} // namespace

int main(int argc, char **argv)
{
    // ssh-keygen asking for a key's passphrase while the window signs (SignOffPanel).
    if (qEnvironmentVariable("COUNTERSIGN_ASKPASS") == u"1")
        return runModule(
            argc, argv, Countersign::runAskPassSymbol, QStringLiteral("asks for a key's passphrase"));
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (Countersign::CommandLine::isHeadless(command)) {
        QStringList arguments;
        for (int i = 1; i < argc; ++i)
            arguments.append(QString::fromLocal8Bit(argv[i]));
        if (Countersign::CommandLine::needsPdfWriter(arguments)) {
            return runModule(
                argc, argv, Countersign::runPdfExportSymbol, QStringLiteral("renders the PDF handout"));
        }
        QCoreApplication app(argc, argv);
        Countersign::configureApplication(app);
        return Countersign::CommandLine::run(app.arguments().mid(1));
    }
    // A first argument that is neither a command, an option nor an existing file is a mistyped command.
    if (!command.isEmpty() && !Countersign::CommandTable::find(command) && !command.startsWith(u'-') &&
        !QFileInfo::exists(command)) {
        return fail(QStringLiteral("unknown command '%1'; run 'countersign --help'").arg(command));
    }
    return runModule(argc, argv, Countersign::runGuiSymbol, QStringLiteral("shows the window"));
}
