// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign help (-h, --help): the usage, built from CommandTable. Further arguments are ignored.
#include "commandio.h"
#include "commands.h"
#include "commandtable.h"

namespace Countersign::Commands {

int help(const QStringList &)
{
    writeOut(CommandTable::usage());
    return Clean;
}

} // namespace Countersign::Commands
