// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign check PATH... [--json]: the records of each cutover in files and folders, checked
// against each other (CutoverCheck).
#include "commandio.h"
#include "commandoptions.h"
#include "commands.h"
#include "compare/cutovercheck.h"

namespace Countersign::Commands {

int check(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("check"), {CommandOptions::flag(u"json")});
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().isEmpty())
        return usageError(QStringLiteral("check needs at least one file or folder"));
    const CutoverCheck cutovers = CutoverCheck::run(options.operands());
    for (const Error &error : cutovers.errors())
        loadError(error);
    if (const CompareSummary summary = cutovers.summary(); !summary.isComparable())
        writeErr(QStringLiteral("countersign: %1\n").arg(summary.notComparable));
    writeOut(options.isSet(QStringLiteral("json")) ? cutovers.toJson() : cutovers.toText().toUtf8());
    return finish(cutovers.exitCode());
}

} // namespace Countersign::Commands
