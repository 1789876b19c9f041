// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "drafting/checkpointupdate.h"

#include "drafting/lineedits.h"
#include "record/recordfacts.h"
#include "record/textkeys.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>

namespace Countersign {

namespace {

Error refused(const Document &doc, const QString &message)
{
    Error error;
    error.code = Error::Code::Refused;
    error.file = doc.fileName;
    error.message = message;
    return error;
}

// The line with `value` in place of the old value of the field `key` that it states. The old value is
// looked for after the key, so that only the value changes (its backticks stay); without one the
// whole value after the key's colon (or table cell) is written anew.
QString withValue(QStringView line, const FactField &field, const QString &value)
{
    const qsizetype keyAt = line.indexOf(field.key);
    const qsizetype from = keyAt < 0 ? 0 : keyAt + field.key.size();
    if (const qsizetype at = field.value.isEmpty() ? -1 : line.indexOf(field.value, from); at >= 0)
        return line.left(at) + value + line.mid(at + field.value.size());
    const QString written = field.isCode ? u'`' + value + u'`' : value;
    if (line.trimmed().startsWith(u'|'))
        return line.left(from) + QStringLiteral(" | ") + written + QStringLiteral(" |");
    const qsizetype colon = line.indexOf(u':', from);
    return line.left(colon < 0 ? from : colon + 1) + u' ' + written;
}

// A new field line written as `model` (a line of the same list or table) writes its field.
QString fieldLike(
    QStringView model, const QString &modelKey, const QString &key, const QString &value, bool code)
{
    const QString written = code ? u'`' + value + u'`' : value;
    if (model.trimmed().startsWith(u'|'))
        return QStringLiteral("| %1 | %2 |").arg(key, written);
    const qsizetype keyAt = modelKey.isEmpty() ? -1 : model.indexOf(modelKey);
    const QString prefix = keyAt < 0 ? QStringLiteral("- ") : model.left(keyAt).toString();
    return prefix + key + QStringLiteral(": ") + written;
}

// The last line of a section's fields: its last list or table, else its last line with text.
int lastFieldLine(const Document &doc, const Section &section)
{
    for (qsizetype i = section.blocks.size() - 1; i >= 0; --i) {
        const Block &block = section.blocks.at(i);
        if (block.kind == Block::Kind::List || block.kind == Block::Kind::Table)
            return block.lastLine;
    }
    int line = section.lastLine;
    while (line > section.headingLine && doc.source.lineText(line).trimmed().isEmpty())
        --line;
    return line;
}

const FactField *fieldNamed(const QList<FactField> &fields, QStringView key)
{
    const QString normalized = TextKeys::normalizedKey(key);
    for (const FactField &field : fields) {
        if (TextKeys::normalizedKey(field.key) == normalized)
            return &field;
    }
    return nullptr;
}

// The leading ISO date of a header value ("2026-02-08", "2026-02-08 (after the window)").
QDate leadingDate(const QString &value)
{
    static const QRegularExpression iso(QStringLiteral("^\\s*(\\d{4}-\\d{2}-\\d{2})\\b"));
    const QRegularExpressionMatch match = iso.match(value);
    return match.hasMatch() ? QDate::fromString(match.captured(1), Qt::ISODate) : QDate();
}

QString fileNameOf(QStringView path)
{
    const qsizetype slash = std::max(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    return path.mid(slash + 1).toString();
}

QString folderOf(QStringView path)
{
    const qsizetype slash = std::max(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    return slash < 0 ? QString() : path.left(slash).toString();
}

// "- ", "  * ", "1. ": what a list item's line starts with, up to its text.
QString bulletOf(QStringView line)
{
    static const QRegularExpression bullet(QStringLiteral("^\\s*(?:[-*+]|\\d+[.)])\\s+"));
    const QRegularExpressionMatch match = bullet.matchView(line);
    return match.hasMatch() ? match.captured(0) : QStringLiteral("- ");
}

// A phase status that says the phase has not begun, and so may become the Active one.
bool notBegun(const StatusToken &status)
{
    const QString word = TextKeys::normalizedKey(status.word);
    return word == u"pending" || word == u"planned" || word == u"not started" || word == u"upcoming";
}

bool isActive(const StatusToken &status)
{
    return TextKeys::normalizedKey(status.word) == u"active";
}

// A change on its way: its edit, and where its line will be once every edit is known (the line it
// changes in place, or the line its new lines go after and which of them holds the value).
struct Pending
{
    CheckpointChange change;
    int after = -1; // -1: `line` is changed in place
    int line = 0;
    QStringList lines;
    int offset = 0; // 1-based, among the new lines
};

// Collects the changes of one update, each with its edit of the record's lines.
class Planner
{
public:
    Planner(const Document &record, const Document &checkpoint)
        : m_record(record)
        , m_checkpoint(checkpoint)
        , m_facts(RecordFacts::extract(record))
        , m_from(RecordFacts::extract(checkpoint))
    { }

    void updated();
    void runtimeTarget(const Section &targetSection);
    void decisionInputs();
    void phases();
    const QList<Pending> &pending() const { return m_pending; }

private:
    const SourceText &source() const { return m_record.source; }
    void replace(const CheckpointChange &change, int line, const QString &text)
    {
        m_pending.append({change, -1, line, {text}, 0});
    }
    void insert(const CheckpointChange &change, int after, const QStringList &lines, int offset)
    {
        m_pending.append({change, after, 0, lines, offset});
    }
    QString inputPath(const QList<DecisionInput> &inputs, const QString &label) const;

    const Document &m_record;
    const Document &m_checkpoint;
    const RecordFacts m_facts;
    const RecordFacts m_from;
    QList<Pending> m_pending;
};

void Planner::updated()
{
    const std::optional<QString> date = m_checkpoint.headerField(u"Updated");
    if (!date || date->trimmed().isEmpty())
        return;
    const QString updated = date->trimmed();
    const QList<HeaderField> &header = m_record.headerFields;
    const auto field = std::find_if(header.cbegin(), header.cend(),
        [](const HeaderField &f) { return TextKeys::normalizedKey(f.key) == u"updated"; });
    if (field == header.cend()) {
        const CheckpointChange change{QStringLiteral("Updated"), {}, updated};
        // Before the other header lines, ending in a line break of its own (two spaces) as theirs do.
        if (!header.isEmpty())
            insert(change, header.first().line - 1, {QStringLiteral("Updated: %1  ").arg(updated)}, 1);
        else
            insert(change, m_record.titleLine, {QString(), QStringLiteral("Updated: %1").arg(updated)}, 2);
    } else if (field->value.trimmed() != updated) {
        const FactField asField{field->key, field->value.trimmed(), {}, field->line, false};
        const QDate was = leadingDate(asField.value);
        const QDate becomes = leadingDate(updated);
        const bool backwards = was.isValid() && becomes.isValid() && becomes < was;
        replace({field->key, asField.value, updated, 0, backwards}, field->line,
            withValue(source().lineText(field->line), asField, updated));
    }
}

void Planner::runtimeTarget(const Section &targetSection)
{
    const int after = lastFieldLine(m_record, targetSection);
    QStringList seen; // a key stated twice by the checkpoint counts once (lint reports it)
    for (const FactField &target : m_from.runtimeTarget) {
        const QString key = TextKeys::normalizedKey(target.key);
        if (seen.contains(key))
            continue;
        seen.append(key);
        if (const FactField *own = fieldNamed(m_facts.runtimeTarget, target.key)) {
            if (own->value != target.value) {
                replace({own->key, own->value, target.value}, own->line,
                    withValue(source().lineText(own->line), *own, target.value));
            }
            continue;
        }
        // Lines inserted after the same line keep their order: each added field is one change.
        const FactField *model =
            m_facts.runtimeTarget.isEmpty() ? nullptr : &m_facts.runtimeTarget.constLast();
        insert({target.key, {}, target.value}, after,
            {fieldLike(model ? source().lineText(model->line) : QStringView(), model ? model->key : QString(),
                target.key, target.value, model ? model->isCode : target.isCode)},
            1);
    }
}

// The checkpoint's path as the record's inputs write theirs.
QString Planner::inputPath(const QList<DecisionInput> &inputs, const QString &label) const
{
    const QString checkpoint = QFileInfo(m_checkpoint.fileName).absoluteFilePath();
    const QString recordFolder = QFileInfo(m_record.fileName).absolutePath();
    // Rooted where the others are: an input `docs/implementation/X.md` of a record in
    // `.../repo/docs/implementation` roots its paths in `.../repo`.
    for (const DecisionInput &input : inputs) {
        for (const QString &path : input.paths) {
            const QString folder = folderOf(path);
            if (folder.isEmpty() || QDir::isAbsolutePath(path) || !recordFolder.endsWith(u'/' + folder))
                continue;
            const QString root = recordFolder.chopped(folder.size() + 1);
            if (checkpoint.startsWith(root + u'/'))
                return checkpoint.mid(root.size() + 1);
        }
    }
    // Beside the packet of the same kind the record names already (the next checkpoint of a team lies
    // where its last one did).
    const QString key = TextKeys::normalizedKey(label);
    for (const DecisionInput &input : inputs) {
        if (TextKeys::normalizedKey(input.label) != key || input.paths.isEmpty())
            continue;
        const QString folder = folderOf(input.paths.constLast());
        return folder.isEmpty() ? fileNameOf(checkpoint) : folder + u'/' + fileNameOf(checkpoint);
    }
    const QString relative = QDir(recordFolder).relativeFilePath(checkpoint);
    return relative.startsWith(QStringLiteral("../")) ? fileNameOf(checkpoint) : relative;
}

void Planner::decisionInputs()
{
    const Section *section = RecordFacts::sectionOf(m_record, RecordFacts::isDecisionInputsKey);
    if (!section || m_checkpoint.fileName.isEmpty())
        return;
    const QString name = fileNameOf(m_checkpoint.fileName);
    for (const DecisionInput &input : m_facts.decisionInputs) {
        for (const QString &path : input.paths) {
            if (fileNameOf(path.trimmed()).compare(name, Qt::CaseInsensitive) == 0)
                return;
        }
    }
    const QString label = m_checkpoint.side == DocumentSide::Producer
        ? QStringLiteral("Producer checkpoint packet")
        : m_checkpoint.side == DocumentSide::Consumer ? QStringLiteral("Consumer checkpoint packet")
                                                      : QStringLiteral("Checkpoint packet");
    const QString path = inputPath(m_facts.decisionInputs, label);
    const CheckpointChange change{section->heading, {}, path};

    // The section's first list: its items, and the lines a new item and a path below one are written as.
    const Block *list = nullptr;
    for (const Block &block : section->blocks) {
        if (block.kind == Block::Kind::List) {
            list = &block;
            break;
        }
    }
    if (!list) {
        insert(change, lastFieldLine(m_record, *section),
            {QStringLiteral("- %1:").arg(label), QStringLiteral("  - `%1`").arg(path)}, 2);
        return;
    }
    const QString itemBullet = bulletOf(source().lineText(list->items.constFirst().firstLine));
    const ListItem *model = nullptr; // a path below an item
    const ListItem *same = nullptr; // the item of the checkpoint's label
    for (const ListItem &item : list->items) {
        if (!item.children.isEmpty())
            model = &item.children.constLast();
        if (TextKeys::normalizedKey(item.hasLabel ? item.label : item.text) == TextKeys::normalizedKey(label))
            same = &item;
    }
    if (!model) {
        // Flat: `- Label: `path`` items, or bare paths.
        const ListItem &last = list->items.constLast();
        const QString written = last.codeSpans.isEmpty() ? path : u'`' + path + u'`';
        insert(change, list->lastLine,
            {itemBullet + (last.hasLabel ? label + QStringLiteral(": ") + written : written)}, 1);
        return;
    }
    const QString below = bulletOf(source().lineText(model->firstLine));
    const QString written = model->codeSpans.isEmpty() ? path : u'`' + path + u'`';
    if (same && !same->children.isEmpty()) {
        insert(change, same->lastLine,
            {bulletOf(source().lineText(same->children.constLast().firstLine)) + written}, 1);
        return;
    }
    insert(change, list->lastLine, {itemBullet + label + u':', below + written}, 2);
}

void Planner::phases()
{
    const Section *section = RecordFacts::sectionOf(m_record, RecordFacts::isPhaseStatusKey);
    const FactField *phase = fieldNamed(m_from.summary, u"phase");
    if (!section || !phase)
        return;
    static const QRegularExpression number(QStringLiteral("^\\d+[a-z]?$"));
    const QString name = number.match(phase->value).hasMatch() ? QStringLiteral("Phase ") + phase->value
                                                               : phase->value.trimmed();
    if (name.isEmpty())
        return;
    const FactField *own = fieldNamed(m_facts.phases, name);
    if (own && !isActive(own->status) && !notBegun(own->status))
        return; // the record has moved past it (Complete, Closed): not the record's phase to set
    // The other phases marked Active have ended: the checkpoint's is the one Active phase.
    for (const FactField &other : m_facts.phases) {
        if (&other != own && isActive(other.status)) {
            replace({other.key, other.value, QStringLiteral("Complete")}, other.line,
                withValue(source().lineText(other.line), other, QStringLiteral("Complete")));
        }
    }
    if (!own) {
        const FactField *model = m_facts.phases.isEmpty() ? nullptr : &m_facts.phases.constLast();
        insert({name, {}, QStringLiteral("Active")}, lastFieldLine(m_record, *section),
            {fieldLike(model ? source().lineText(model->line) : QStringView(), model ? model->key : QString(),
                name, QStringLiteral("**Active**"), false)},
            1);
    } else if (notBegun(own->status)) {
        replace({own->key, own->value, QStringLiteral("Active")}, own->line,
            withValue(source().lineText(own->line), *own, QStringLiteral("Active")));
    }
}

void applyTo(LineEdits &edits, int after, int line, const QStringList &lines)
{
    if (after >= 0)
        edits.insertAfter(after, lines);
    else
        edits.replace(line, line, lines);
}

} // namespace

Result<CheckpointUpdate> CheckpointUpdate::plan(const Document &record, const Document &checkpoint)
{
    if (checkpoint.kind != DocumentKind::CheckpointPacket) {
        return refused(checkpoint,
            QStringLiteral("not a checkpoint packet (it reads as %1): a record is updated from a checkpoint "
                           "packet's runtime target under review")
                .arg(kindName(checkpoint.kind)));
    }
    if (record.kind != DocumentKind::DecisionRecord && record.kind != DocumentKind::ProducerMirror) {
        return refused(record,
            QStringLiteral("not a decision record or producer mirror (it reads as %1): only those are "
                           "updated from a checkpoint")
                .arg(kindName(record.kind)));
    }
    if (RecordFacts::extract(checkpoint).runtimeTarget.isEmpty()) {
        return refused(checkpoint,
            QStringLiteral("has no runtime target under review (a 'Runtime Target Under Review' section of "
                           "'- key: value' fields)"));
    }
    const Section *targetSection = RecordFacts::sectionOf(record, RecordFacts::isRuntimeTargetKey);
    if (!targetSection) {
        return refused(
            record, QStringLiteral("has no Approved Runtime Target section to take the checkpoint's target"));
    }
    Planner planner(record, checkpoint);
    planner.updated();
    planner.runtimeTarget(*targetSection);
    planner.decisionInputs();
    planner.phases();

    LineEdits edits(record.source);
    for (const Pending &change : planner.pending())
        applyTo(edits, change.after, change.line, change.lines);
    CheckpointUpdate update;
    update.m_source = record.source;
    update.m_text = edits.apply();
    QList<qsizetype> byLine(planner.pending().size());
    std::iota(byLine.begin(), byLine.end(), 0);
    QList<int> lines;
    for (const Pending &change : planner.pending()) {
        lines.append(change.after < 0 ? edits.lineAfterEdits(change.line)
                                      : edits.lineAfterEdits(change.after) + change.offset);
    }
    std::stable_sort(byLine.begin(), byLine.end(),
        [&lines](qsizetype a, qsizetype b) { return lines.at(a) < lines.at(b); });
    for (const qsizetype i : std::as_const(byLine)) {
        const Pending &change = planner.pending().at(i);
        update.m_changes.append(change.change);
        update.m_changes.last().line = lines.at(i);
        update.m_edits.append({change.after, change.line, change.lines});
        update.m_order.append(int(i));
    }
    return update;
}

QString CheckpointUpdate::text(const QList<bool> &chosen) const
{
    // In the order the edits were planned: lines inserted after the same line keep it.
    QList<qsizetype> planned(m_changes.size());
    std::iota(planned.begin(), planned.end(), 0);
    std::sort(planned.begin(), planned.end(),
        [this](qsizetype a, qsizetype b) { return m_order.at(a) < m_order.at(b); });
    LineEdits edits(m_source);
    for (const qsizetype i : std::as_const(planned)) {
        if (chosen.value(i, false))
            applyTo(edits, m_edits.at(i).after, m_edits.at(i).line, m_edits.at(i).lines);
    }
    return edits.apply();
}

QList<bool> CheckpointUpdate::defaultChoice() const
{
    QList<bool> chosen;
    for (const CheckpointChange &change : m_changes)
        chosen.append(!change.goesBackwards);
    return chosen;
}

Result<QString> CheckpointUpdate::apply(const Document &record, const Document &checkpoint)
{
    Result<CheckpointUpdate> update = plan(record, checkpoint);
    if (!update)
        return update.error();
    return update->text();
}

} // namespace Countersign
