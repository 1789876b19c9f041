// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "command.h"

#include <QList>
#include <QString>

namespace Countersign {

// Every subcommand of `countersign`, in the order --help lists them (modelled on the command table of
// git.c). main.cpp dispatches by it and decides by it whether a run needs the window module; --help is
// built from it. Adding a command is one file in commands/ and one row here.
class CommandTable
{
public:
    static const QList<Command> &commands();
    // The command named `name` (or one of its aliases); null if there is none.
    static const Command *find(const QString &name);
    // The --help text.
    static QString usage();
};

} // namespace Countersign
