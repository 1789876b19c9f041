// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign show FILE [--json [--pretty]]: the parsed model of a record, as text or JSON.
#include "commandio.h"
#include "commandoptions.h"
#include "commands.h"
#include "record/canonicalcontent.h"
#include "record/documentjson.h"
#include "record/markdownparser.h"
#include "record/recordfacts.h"

#include <QFile>

#include <cstdio>

namespace Countersign::Commands {

namespace {

QString lines(int first, int last)
{
    return first == last ? QStringLiteral("line %1").arg(first)
                         : QStringLiteral("lines %1-%2").arg(first).arg(last);
}

void describeItems(QString &out, const QList<ListItem> &items, int depth)
{
    const QString indent(depth * 2 + 6, u' ');
    for (const ListItem &item : items) {
        out += indent + u"- ";
        if (item.hasLabel)
            out += item.label + u" = " + item.value;
        else
            out += item.text;
        if (!item.status.isEmpty())
            out += u"  [" + item.status.word + u']';
        out += QStringLiteral("  (line %1)\n").arg(item.firstLine);
        describeItems(out, item.children, depth + 1);
    }
}

QString describe(const Document &doc, const RecordFacts &facts)
{
    QString out;
    out += QStringLiteral(
        "%1\n  kind: %2, side: %3\n  title: %4 (line %5)\n  %6 lines, %7 line endings%8\n  digest: %9\n")
               .arg(doc.fileName, kindName(doc.kind), sideName(doc.side), doc.title)
               .arg(doc.titleLine)
               .arg(doc.source.lineCount())
               .arg(doc.source.lineEndingName(),
                   doc.source.hasBom() ? QStringLiteral(", byte-order mark") : QString(),
                   CanonicalContent::digest(doc.source.text()));
    for (const HeaderField &field : doc.headerFields)
        out += QStringLiteral("  %1: %2 (line %3)\n").arg(field.key, field.value).arg(field.line);
    out += QStringLiteral("\nsections\n");
    for (const Section &section : doc.sections) {
        out += QStringLiteral("  %1 %2  (%3)\n")
                   .arg(QString(section.level, u'#'), section.heading,
                       lines(section.firstLine, section.lastLine));
        for (const Block &block : section.blocks) {
            out += QStringLiteral("    %1, %2\n")
                       .arg(blockTypeName(block.kind), lines(block.firstLine, block.lastLine));
            describeItems(out, block.items, 0);
            for (const TableRow &row : block.rows) {
                QStringList cells;
                for (const TableCell &cell : row.cells)
                    cells.append(cell.text);
                out += QStringLiteral("      | %1 |  (line %2)\n").arg(cells.join(u" | ")).arg(row.line);
            }
        }
    }
    auto fields = [&out](const QString &title, const QList<FactField> &list) {
        if (list.isEmpty())
            return;
        out += QStringLiteral("  %1\n").arg(title);
        for (const FactField &field : list)
            out += QStringLiteral("    %1: %2  (line %3)\n").arg(field.key, field.value).arg(field.line);
    };
    out += QStringLiteral("\nfacts\n");
    fields(QStringLiteral("runtime target"), facts.runtimeTarget);
    fields(QStringLiteral("outcomes"), facts.outcomes);
    fields(QStringLiteral("named roles"), facts.roles);
    fields(QStringLiteral("phase status"), facts.phases);
    if (!facts.decisionInputs.isEmpty()) {
        out += QStringLiteral("  decision inputs\n");
        for (const DecisionInput &input : facts.decisionInputs)
            out += QStringLiteral("    %1: %2  (line %3)\n")
                       .arg(input.label, input.paths.join(u", "))
                       .arg(input.line);
    }
    if (!facts.gates.isEmpty()) {
        out += QStringLiteral("  gates\n");
        for (const GateResult &gate : facts.gates)
            out += QStringLiteral("    %1: %2  (line %3)\n").arg(gate.gate, gate.status.word).arg(gate.line);
    }
    return out;
}

} // namespace

int show(const QStringList &arguments)
{
    CommandOptions options(
        QStringLiteral("show"), {CommandOptions::flag(u"json"), CommandOptions::flag(u"pretty")});
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().size() != 1)
        return usageError(QStringLiteral("show takes exactly one FILE"));
    const bool json = options.isSet(QStringLiteral("json"));
    const bool pretty = options.isSet(QStringLiteral("pretty"));
    if (pretty && !json)
        return usageError(QStringLiteral("show: --pretty goes with --json"));
    const Result<Document> doc = MarkdownParser::parseFile(options.operands().first());
    if (!doc)
        return loadError(doc.error());
    const RecordFacts facts = RecordFacts::extract(doc.value());
    if (json) {
        QFile out;
        std::fflush(stdout);
        if (!out.open(stdout, QIODevice::WriteOnly) ||
            !DocumentJson::write(doc.value(), facts, &out,
                pretty ? JsonWriter::Style::Indented : JsonWriter::Style::Compact)) {
            return outputError(out.errorString());
        }
        // Through standard output's buffer (fflush), so that a failure shows here, with its reason.
        if (!out.flush())
            return outputError(out.errorString());
    } else {
        writeOut(describe(doc.value(), facts));
    }
    return finish(Clean);
}

} // namespace Countersign::Commands
