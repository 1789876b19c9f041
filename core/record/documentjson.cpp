// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/documentjson.h"

#include "base/jsonwriter.h"
#include "record/canonicalcontent.h"

#include <QFileInfo>
#include <QIODevice>

namespace Countersign {

namespace {

void writeStatus(JsonWriter &json, const StatusToken &status)
{
    if (status.isEmpty()) {
        json.key(u"status");
        json.null();
        return;
    }
    json.key(u"status");
    json.beginObject();
    json.field(u"text", status.text);
    json.field(u"word", status.word);
    if (!status.qualifier.isEmpty())
        json.field(u"qualifier", status.qualifier);
    json.endObject();
}

void writeLines(JsonWriter &json, int first, int last)
{
    json.field(u"line", first);
    json.field(u"endLine", last);
}

void writeItem(JsonWriter &json, const ListItem &item)
{
    json.beginObject();
    writeLines(json, item.firstLine, item.lastLine);
    if (item.number > 0)
        json.field(u"number", item.number);
    if (item.isTask)
        json.field(u"checked", item.checked);
    json.field(u"text", item.text);
    if (item.hasLabel) {
        json.field(u"label", item.label);
        json.field(u"value", item.value);
        json.field(u"rawValue", item.rawValue);
        json.field(u"valueIsCode", item.valueIsCode);
    }
    if (!item.status.isEmpty())
        writeStatus(json, item.status);
    if (!item.codeSpans.isEmpty()) {
        json.key(u"code");
        json.beginArray();
        for (const QString &code : item.codeSpans)
            json.value(code);
        json.endArray();
    }
    if (!item.children.isEmpty()) {
        json.key(u"children");
        json.beginArray();
        for (const ListItem &child : item.children)
            writeItem(json, child);
        json.endArray();
    }
    json.endObject();
}

void writeRow(JsonWriter &json, const TableRow &row)
{
    json.beginObject();
    json.field(u"line", row.line);
    json.key(u"cells");
    json.beginArray();
    for (const TableCell &cell : row.cells) {
        json.beginObject();
        json.field(u"text", cell.text);
        if (!cell.status.isEmpty())
            writeStatus(json, cell.status);
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

void writeBlock(JsonWriter &json, const Block &block)
{
    json.beginObject();
    json.field(u"type", blockTypeName(block.kind));
    writeLines(json, block.firstLine, block.lastLine);
    switch (block.kind) {
    case Block::Kind::Paragraph:
        json.field(u"text", block.text);
        if (!block.statuses.isEmpty()) {
            json.key(u"statuses");
            json.beginArray();
            for (const StatusToken &status : block.statuses)
                json.value(status.text);
            json.endArray();
        }
        break;
    case Block::Kind::List:
        json.field(u"ordered", block.ordered);
        json.key(u"items");
        json.beginArray();
        for (const ListItem &item : block.items)
            writeItem(json, item);
        json.endArray();
        break;
    case Block::Kind::Table:
        json.key(u"header");
        writeRow(json, block.header);
        json.key(u"rows");
        json.beginArray();
        for (const TableRow &row : block.rows)
            writeRow(json, row);
        json.endArray();
        break;
    case Block::Kind::Code:
        json.field(u"info", block.info);
        json.field(u"text", block.text);
        break;
    case Block::Kind::Html:
        json.field(u"text", block.text);
        break;
    case Block::Kind::ThematicBreak:
        break;
    case Block::Kind::Quote:
        json.key(u"blocks");
        json.beginArray();
        for (const Block &child : block.children)
            writeBlock(json, child);
        json.endArray();
        break;
    }
    json.endObject();
}

void writeBlocks(JsonWriter &json, QStringView name, const QList<Block> &blocks)
{
    json.key(name);
    json.beginArray();
    for (const Block &block : blocks)
        writeBlock(json, block);
    json.endArray();
}

void writeFields(JsonWriter &json, QStringView name, const QList<FactField> &fields)
{
    json.key(name);
    json.beginArray();
    for (const FactField &field : fields) {
        json.beginObject();
        json.field(u"key", field.key);
        json.field(u"value", field.value);
        if (!field.status.isEmpty())
            json.field(u"status", field.status.word);
        json.field(u"line", field.line);
        json.endObject();
    }
    json.endArray();
}

void writeTexts(JsonWriter &json, QStringView name, const QList<FactText> &texts)
{
    json.key(name);
    json.beginArray();
    for (const FactText &text : texts) {
        json.beginObject();
        json.field(u"text", text.text);
        json.field(u"line", text.line);
        json.endObject();
    }
    json.endArray();
}

void writeFacts(JsonWriter &json, const RecordFacts &facts)
{
    json.key(u"facts");
    json.beginObject();
    writeFields(json, u"summary", facts.summary);
    writeFields(json, u"runtimeTarget", facts.runtimeTarget);
    writeFields(json, u"outcomes", facts.outcomes);
    writeFields(json, u"roles", facts.roles);
    json.key(u"decisionInputs");
    json.beginArray();
    for (const DecisionInput &input : facts.decisionInputs) {
        json.beginObject();
        json.field(u"label", input.label);
        json.key(u"paths");
        json.beginArray();
        for (const QString &path : input.paths)
            json.value(path);
        json.endArray();
        json.field(u"line", input.line);
        json.endObject();
    }
    json.endArray();
    writeTexts(json, u"evidence", facts.evidence);
    json.key(u"residualRisks");
    json.beginObject();
    json.field(u"nonBlocking", facts.residualRisksNonBlocking);
    writeTexts(json, u"items", facts.residualRisks);
    json.endObject();
    writeFields(json, u"phases", facts.phases);
    json.key(u"gates");
    json.beginArray();
    for (const GateResult &gate : facts.gates) {
        json.beginObject();
        json.field(u"gate", gate.gate);
        json.field(u"status", gate.status.word);
        json.field(u"evidence", gate.evidence);
        json.field(u"line", gate.line);
        json.endObject();
    }
    json.endArray();
    writeTexts(json, u"openItems", facts.openItems);
    writeTexts(json, u"requestedSignOffs", facts.requestedSignOffs);
    json.endObject();
}

void writeDocument(JsonWriter &json, const Document &doc, const RecordFacts &facts)
{
    json.beginObject();
    json.field(u"schema", DocumentJson::schemaVersion);
    json.field(u"file", QFileInfo(doc.fileName).fileName());
    json.field(u"kind", kindName(doc.kind));
    json.field(u"side", sideName(doc.side));
    json.field(u"title", doc.title);
    json.field(u"titleLine", doc.titleLine);
    json.field(u"lineCount", doc.source.lineCount());
    json.field(u"lineEndings", doc.source.lineEndingName());
    json.field(u"bom", doc.source.hasBom());
    json.field(u"digest", CanonicalContent::digest(doc.source.text()));
    json.key(u"header");
    json.beginArray();
    for (const HeaderField &field : doc.headerFields) {
        json.beginObject();
        json.field(u"key", field.key);
        json.field(u"value", field.value);
        json.field(u"line", field.line);
        json.endObject();
    }
    json.endArray();
    writeBlocks(json, u"preamble", doc.preamble);
    json.key(u"sections");
    json.beginArray();
    for (const Section &section : doc.sections) {
        json.beginObject();
        json.field(u"heading", section.heading);
        json.field(u"level", section.level);
        json.field(u"key", section.key);
        json.key(u"qualifiers");
        json.beginArray();
        for (const QString &qualifier : section.qualifiers)
            json.value(qualifier);
        json.endArray();
        writeLines(json, section.firstLine, section.lastLine);
        json.field(u"parent", section.parent);
        writeBlocks(json, u"blocks", section.blocks);
        json.endObject();
    }
    json.endArray();
    writeFacts(json, facts);
    json.endObject();
}

} // namespace

QByteArray DocumentJson::toJson(const Document &doc, const RecordFacts &facts)
{
    QByteArray out;
    out.reserve(doc.source.text().size() * 3);
    JsonWriter json(&out);
    writeDocument(json, doc, facts);
    return out;
}

bool DocumentJson::write(
    const Document &doc, const RecordFacts &facts, QIODevice *device, JsonWriter::Style style)
{
    QByteArray buffer;
    buffer.reserve(2 << 20);
    JsonWriter json(&buffer, style, device);
    writeDocument(json, doc, facts);
    return json.flush();
}

} // namespace Countersign
