// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign: one command, three places it runs. `diff`, which scripts run by the thousand, runs here
// on Qt Core alone; the other headless commands (CommandTable) in the commands module
// (countersign_commands.so, with Qt Sql, OpenSSL and cmark-gfm); the window, and what needs Qt Gui, in
// the window module (countersign_gui.so). Each module is loaded only when it is wanted.
#include "commandio.h"
#include "commandnames.h"
#include "commands/commands.h"
#include "commandsmain.h"
#include "guimain.h"
#include "modulelauncher.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char **argv)
{
    using Countersign::ModuleLauncher;
    // ssh-keygen asking for a key's passphrase while the window signs (SignOffPanel).
    if (qEnvironmentVariable("COUNTERSIGN_ASKPASS") == u"1") {
        return ModuleLauncher::run(argc, argv, ModuleLauncher::Module::Window, Countersign::runAskPassSymbol,
            QStringLiteral("asks for a key's passphrase"));
    }
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command == Countersign::CommandNames::diff) {
        QCoreApplication app(argc, argv);
        Countersign::configureApplication(app);
        return Countersign::Commands::endOutput(Countersign::Commands::diff(app.arguments().mid(2)));
    }
    if (Countersign::CommandNames::isHeadless(command)) {
        return ModuleLauncher::run(argc, argv, ModuleLauncher::Module::Commands,
            Countersign::runCommandSymbol, QStringLiteral("runs '%1'").arg(command));
    }
    // A first argument that is neither a command, an option nor an existing file is a mistyped command.
    if (!command.isEmpty() && !Countersign::CommandNames::isCommand(command) && !command.startsWith(u'-') &&
        !QFileInfo::exists(command)) {
        std::fprintf(
            stderr, "countersign: unknown command '%s'; run 'countersign --help'\n", qUtf8Printable(command));
        return 2;
    }
    return ModuleLauncher::run(argc, argv, ModuleLauncher::Module::Window, Countersign::runGuiSymbol,
        QStringLiteral("shows the window"));
}
