#pragma once

#include <QStringList>

namespace Countersign {

// The headless subcommands of `countersign` (lint, show, diff, compare, check, the sign-off commands,
// mirror, help, version). Output goes to stdout, errors to stderr naming the file; exit codes: 0
// clean, 1 findings, 2 trouble (bad usage, a file that cannot be read or decoded).
class CommandLine
{
public:
    // True when `command` (the first argument) is handled here rather than by the GUI.
    static bool isHeadless(const QString &command);
    // Runs `arguments` (without the program name). Needs a QCoreApplication.
    static int run(const QStringList &arguments);
    static QString usage();
};

} // namespace Countersign
