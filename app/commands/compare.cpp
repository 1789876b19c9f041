// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign compare LEFT RIGHT [--json]: the structural differences of two records (CompareReport
// words them).
#include "commandio.h"
#include "commandoptions.h"
#include "commands.h"
#include "compare/comparereport.h"
#include "compare/structuralcompare.h"
#include "record/markdownparser.h"

namespace Countersign::Commands {

int compare(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("compare"), {CommandOptions::flag(u"json")});
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    const QStringList files = options.operands();
    if (files.size() != 2)
        return usageError(QStringLiteral("compare takes exactly two files, LEFT and RIGHT"));
    const Result<Document> left = MarkdownParser::parseFile(files.at(0));
    if (!left)
        return loadError(left.error());
    const Result<Document> right = MarkdownParser::parseFile(files.at(1));
    if (!right)
        return loadError(right.error());
    const QList<CompareFinding> findings = StructuralCompare::compare(left.value(), right.value());
    writeOut(options.isSet(QStringLiteral("json"))
            ? CompareReport::toJson(left.value(), right.value(), findings)
            : CompareReport::toText(left.value(), right.value(), findings).toUtf8());
    const CompareSummary summary = CompareSummary::of(findings);
    return finish(!summary.isComparable() ? NotComparable : summary.isAligned() ? Clean : Findings);
}

} // namespace Countersign::Commands
