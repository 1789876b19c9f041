// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "commandline.h"

#include "commandio.h"
#include "commands/commands.h"
#include "commandtable.h"

namespace Countersign {

bool CommandLine::needsPdfWriter(const QStringList &arguments)
{
    const Command *found = CommandTable::find(arguments.value(0));
    return found && found->run && found->needsGui && found->needsGui(arguments.mid(1));
}

int CommandLine::runExport(const QStringList &arguments, const PdfWriter &pdf)
{
    return Commands::endOutput(Commands::exportRecord(arguments, pdf));
}

int CommandLine::run(const QStringList &arguments)
{
    const QString name = arguments.value(0);
    const Command *found = CommandTable::find(name);
    if (!found || !found->run)
        return Commands::usageError(QStringLiteral("unknown command '%1'").arg(name));
    return Commands::endOutput(found->run(arguments.mid(1)));
}

} // namespace Countersign
