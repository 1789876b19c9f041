// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

namespace Countersign {

// Loads one of the program's modules and runs an entry point of it (guimain.h, commandsmain.h) with
// the executable's arguments. The modules sit next to the executable in a build tree and in
// lib/countersign once installed. Needs no QCoreApplication (QApplication must be the first one the
// window module makes), so the executable's directory comes from /proc.
class ModuleLauncher
{
public:
    enum class Module {
        Window, // countersign_gui.so: the window, `export --pdf`, the passphrase prompt
        Commands, // countersign_commands.so: the headless commands but diff
    };

    // Runs `symbol` of `module` and returns its exit status; when the module cannot be loaded, says
    // so on standard error, naming what it was needed for (`what`), and returns 2.
    static int run(int argc, char **argv, Module module, const char *symbol, const QString &what);
};

} // namespace Countersign
