// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign lint FILE...: checks records, one finding a line.
#include "commandio.h"
#include "commandoptions.h"
#include "commands.h"
#include "record/linter.h"
#include "record/markdownparser.h"

namespace Countersign::Commands {

int lint(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("lint"), {});
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().isEmpty())
        return usageError(QStringLiteral("lint needs at least one FILE"));
    int status = Clean;
    for (const QString &path : options.operands()) {
        const Result<Document> doc = MarkdownParser::parseFile(path);
        if (!doc) {
            status = loadError(doc.error());
            continue;
        }
        const QList<LintFinding> findings = Linter::lint(doc.value());
        for (const LintFinding &finding : findings)
            writeOut(finding.toString() + u'\n');
        if (findings.isEmpty())
            writeOut(QStringLiteral("%1: no findings (%2)\n").arg(path, kindName(doc->kind)));
        else if (status == Clean)
            status = Findings;
    }
    return finish(status);
}

} // namespace Countersign::Commands
