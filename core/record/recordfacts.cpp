// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/recordfacts.h"

#include "record/textkeys.h"

#include <QRegularExpression>

namespace Countersign {

namespace {

// Whether plain values are read as statuses: in outcome and phase sections "GO" means **GO**.
enum class Values { Plain, Statuses };

StatusToken statusOf(const StatusToken &bold, const QString &value, Values values)
{
    if (!bold.isEmpty() || values == Values::Plain || value.isEmpty())
        return bold;
    return TextKeys::statusToken(value);
}

FactField fieldFromItem(const ListItem &item, Values values)
{
    return FactField{
        item.label, item.value, statusOf(item.status, item.value, values), item.firstLine, item.valueIsCode};
}

// Paths named below an input: the code spans of its descendants, or the text of those without any.
void collectPaths(const QList<ListItem> &items, QStringList &paths)
{
    for (const ListItem &item : items) {
        if (!item.codeSpans.isEmpty())
            paths += item.codeSpans;
        else if (item.children.isEmpty())
            paths.append(item.text);
        collectPaths(item.children, paths);
    }
}

// `**GO**`, `` `v0.4.0` `` or `__x__` in a plain `key: value` line: the markup around the whole value.
QString stripInlineMarkup(QString value, bool *isCode)
{
    value = value.trimmed();
    *isCode = false;
    if (value.size() >= 2 && value.startsWith(u'`') && value.endsWith(u'`')) {
        *isCode = true;
        return value.mid(1, value.size() - 2).trimmed();
    }
    for (const QLatin1StringView marker : {QLatin1StringView("**"), QLatin1StringView("__")}) {
        if (value.size() > 4 && value.startsWith(marker) && value.endsWith(marker))
            return value.mid(2, value.size() - 4).trimmed();
    }
    return value;
}

// The index of the column whose header's normalized key contains one of `names`, or `fallback`.
int column(const TableRow &header, std::initializer_list<QStringView> names, int fallback)
{
    for (int i = 0; i < header.cells.size(); ++i) {
        const QString key = TextKeys::normalizedKey(header.cells.at(i).text);
        for (const QStringView name : names) {
            if (key.contains(name))
                return i;
        }
    }
    return fallback < header.cells.size() ? fallback : -1;
}

QString cellText(const TableRow &row, int index)
{
    return index >= 0 && index < row.cells.size() ? row.cells.at(index).text : QString();
}

// Fields of a section: labeled list items, two-column table rows and plain `key: value` lines.
QList<FactField> fieldsOf(const Document &doc, const Section &section, Values values = Values::Plain)
{
    static const QRegularExpression fieldLine(QStringLiteral("^\\s*([^:`*_]{1,80}?):\\s+(\\S.*?)\\s*$"));
    QList<FactField> fields;
    for (const Block &block : section.blocks) {
        switch (block.kind) {
        case Block::Kind::List:
            for (const ListItem &item : block.items) {
                if (item.hasLabel)
                    fields.append(fieldFromItem(item, values));
            }
            break;
        case Block::Kind::Table: {
            const int keyColumn = column(block.header, {u"role", u"key", u"field", u"name"}, 0);
            int valueColumn = column(block.header, {u"holder", u"value", u"owner", u"person"}, 1);
            if (valueColumn == keyColumn)
                valueColumn = keyColumn == 0 ? 1 : 0;
            for (const TableRow &row : block.rows) {
                if (keyColumn < 0 || valueColumn < 0 || valueColumn >= row.cells.size())
                    continue;
                const TableCell &value = row.cells.at(valueColumn);
                fields.append(FactField{cellText(row, keyColumn), value.text,
                    statusOf(value.status, value.text, values), row.line, false});
            }
            break;
        }
        case Block::Kind::Paragraph:
            for (int line = block.firstLine; line <= block.lastLine && line <= doc.source.lineCount();
                ++line) {
                const QRegularExpressionMatch match = fieldLine.matchView(doc.source.lineText(line));
                if (!match.hasMatch())
                    continue;
                FactField field;
                field.key = match.captured(1).trimmed();
                field.value = stripInlineMarkup(match.captured(2), &field.isCode);
                if (values == Values::Statuses || match.captured(2).trimmed().startsWith(u'*') ||
                    match.captured(2).trimmed().startsWith(u'_'))
                    field.status = TextKeys::statusToken(field.value);
                field.line = line;
                fields.append(field);
            }
            break;
        default:
            break;
        }
    }
    return fields;
}

// Texts of a section's items (top-level list items, table rows, or paragraphs).
QList<FactText> textsOf(const Section &section)
{
    QList<FactText> texts;
    for (const Block &block : section.blocks) {
        switch (block.kind) {
        case Block::Kind::List:
            for (const ListItem &item : block.items)
                texts.append(FactText{item.text, item.firstLine});
            break;
        case Block::Kind::Table:
            for (const TableRow &row : block.rows) {
                QStringList cells;
                for (const TableCell &cell : row.cells)
                    cells.append(cell.text);
                texts.append(FactText{cells.join(u" | "), row.line});
            }
            break;
        case Block::Kind::Paragraph:
            texts.append(FactText{block.text, block.firstLine});
            break;
        default:
            break;
        }
    }
    return texts;
}

QList<DecisionInput> inputsOf(const Document &doc, const Section &section)
{
    QList<DecisionInput> inputs;
    for (const Block &block : section.blocks) {
        if (block.kind != Block::Kind::List)
            continue;
        for (const ListItem &item : block.items) {
            DecisionInput input{item.hasLabel ? item.label : item.text, {}, item.firstLine};
            if (item.hasLabel && !item.value.isEmpty())
                input.paths += item.codeSpans.isEmpty() ? QStringList{item.value} : item.codeSpans;
            collectPaths(item.children, input.paths);
            if (!item.hasLabel && input.paths.isEmpty() && !item.codeSpans.isEmpty()) {
                input.paths = item.codeSpans;
                input.label.clear();
            }
            inputs.append(input);
        }
    }
    // Inputs written as subsections (### Producer checkpoint packet) with the paths listed below.
    const qsizetype index = &section - doc.sections.constData();
    for (qsizetype i = index + 1; i < doc.sections.size() && doc.sections.at(i).level > section.level; ++i) {
        const Section &sub = doc.sections.at(i);
        DecisionInput input{sub.heading, {}, sub.headingLine};
        for (const Block &block : sub.blocks)
            collectPaths(block.items, input.paths);
        inputs.append(input);
    }
    return inputs;
}

QList<GateResult> gatesOf(const Section &section)
{
    QList<GateResult> gates;
    for (const Block &block : section.blocks) {
        if (block.kind == Block::Kind::Table) {
            const int gateColumn = column(block.header, {u"gate", u"check"}, 0);
            const int statusColumn = column(block.header, {u"status", u"result"}, 1);
            const int evidenceColumn = column(block.header, {u"evidence", u"note", u"detail"}, 2);
            for (const TableRow &row : block.rows) {
                GateResult gate{cellText(row, gateColumn), {}, cellText(row, evidenceColumn), row.line};
                if (statusColumn >= 0 && statusColumn < row.cells.size()) {
                    const TableCell &cell = row.cells.at(statusColumn);
                    gate.status = cell.status.isEmpty() ? TextKeys::statusToken(cell.text) : cell.status;
                }
                gates.append(gate);
            }
        } else if (block.kind == Block::Kind::List) {
            // "- Gate name: **PASS** (evidence)" as a list.
            for (const ListItem &item : block.items) {
                if (item.hasLabel)
                    gates.append(GateResult{item.label, item.status, item.value, item.firstLine});
            }
        }
    }
    return gates;
}

} // namespace

bool RecordFacts::isRuntimeTargetKey(QStringView key)
{
    return key.contains(u"target");
}
bool RecordFacts::isOutcomeKey(QStringView key)
{
    return key.contains(u"outcome");
}
bool RecordFacts::isRolesKey(QStringView key)
{
    return key.contains(u"ownership") || key.contains(u"named roles") || key == u"roles";
}
bool RecordFacts::isDecisionInputsKey(QStringView key)
{
    return key.contains(u"input");
}
bool RecordFacts::isEvidenceKey(QStringView key)
{
    return key.contains(u"evidence");
}
bool RecordFacts::isResidualRisksKey(QStringView key)
{
    return key.contains(u"risk");
}
bool RecordFacts::isPhaseStatusKey(QStringView key)
{
    return key.contains(u"phase status") || key == u"phases";
}
bool RecordFacts::isGateResultsKey(QStringView key)
{
    return key.contains(u"gate");
}
bool RecordFacts::isOpenItemsKey(QStringView key)
{
    return key.contains(u"open item") || key.contains(u"open issue");
}
bool RecordFacts::isRequestedSignOffsKey(QStringView key)
{
    return key.contains(u"sign off") || key.contains(u"signoff") || key.contains(u"approvals requested");
}
bool RecordFacts::isSummaryKey(QStringView key)
{
    return key.contains(u"summary");
}

const Section *RecordFacts::sectionOf(const Document &doc, bool (*matches)(QStringView key))
{
    for (const Section &section : doc.sections) {
        if (&section != doc.sections.constData() || doc.titleLine == 0) {
            if (matches(section.key))
                return &section;
        }
    }
    return nullptr;
}

RecordFacts RecordFacts::extract(const Document &doc)
{
    RecordFacts facts;
    // The first section of each kind wins; a document with two "Gate Results" sections is a lint
    // finding, not a merge.
    auto first = [&doc](bool (*matches)(QStringView)) { return sectionOf(doc, matches); };
    if (const Section *s = first(isSummaryKey))
        facts.summary = fieldsOf(doc, *s);
    if (const Section *s = first(isRuntimeTargetKey))
        facts.runtimeTarget = fieldsOf(doc, *s);
    if (const Section *s = first(isOutcomeKey))
        facts.outcomes = fieldsOf(doc, *s, Values::Statuses);
    if (const Section *s = first(isRolesKey))
        facts.roles = fieldsOf(doc, *s);
    if (const Section *s = first(isDecisionInputsKey))
        facts.decisionInputs = inputsOf(doc, *s);
    if (const Section *s = first(isEvidenceKey))
        facts.evidence = textsOf(*s);
    if (const Section *s = first(isResidualRisksKey)) {
        facts.residualRisks = textsOf(*s);
        facts.residualRisksNonBlocking = s->hasQualifier(u"Non-blocking") || s->hasQualifier(u"non blocking");
    }
    if (const Section *s = first(isPhaseStatusKey))
        facts.phases = fieldsOf(doc, *s, Values::Statuses);
    if (const Section *s = first(isGateResultsKey))
        facts.gates = gatesOf(*s);
    if (const Section *s = first(isOpenItemsKey))
        facts.openItems = textsOf(*s);
    if (const Section *s = first(isRequestedSignOffsKey))
        facts.requestedSignOffs = textsOf(*s);
    return facts;
}

} // namespace Countersign
