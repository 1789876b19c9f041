// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "drafting/checkpointupdate.h"

#include "drafting/lineedits.h"
#include "record/recordfacts.h"
#include "record/textkeys.h"

#include <QRegularExpression>

#include <algorithm>

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

// A change on its way: where its line will be once every edit is known.
struct Pending
{
    CheckpointChange change;
    int sourceLine = 0; // a line changed in place
    int after = -1; // or the line new lines go after, and which of those lines (1-based)
    int offset = 0;
};

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
    const RecordFacts from = RecordFacts::extract(checkpoint);
    if (from.runtimeTarget.isEmpty()) {
        return refused(checkpoint,
            QStringLiteral("has no runtime target under review (a 'Runtime Target Under Review' section of "
                           "'- key: value' fields)"));
    }
    const Section *targetSection = RecordFacts::sectionOf(record, RecordFacts::isRuntimeTargetKey);
    if (!targetSection) {
        return refused(
            record, QStringLiteral("has no Approved Runtime Target section to take the checkpoint's target"));
    }
    const RecordFacts facts = RecordFacts::extract(record);
    const SourceText &source = record.source;
    LineEdits edits(source);
    QList<Pending> pending;

    // The header's date.
    const std::optional<QString> date = checkpoint.headerField(u"Updated");
    if (date && !date->trimmed().isEmpty()) {
        const QString updated = date->trimmed();
        const auto field = std::find_if(record.headerFields.cbegin(), record.headerFields.cend(),
            [](const HeaderField &f) { return TextKeys::normalizedKey(f.key) == u"updated"; });
        if (field == record.headerFields.cend()) {
            // Before the other header lines, ending in a line break of its own (two spaces) as theirs do.
            if (!record.headerFields.isEmpty()) {
                const int before = record.headerFields.first().line;
                edits.insertAfter(before - 1, {QStringLiteral("Updated: %1  ").arg(updated)});
                pending.append({{QStringLiteral("Updated"), {}, updated, 0}, 0, before - 1, 1});
            } else {
                edits.insertAfter(record.titleLine, {QString(), QStringLiteral("Updated: %1").arg(updated)});
                pending.append({{QStringLiteral("Updated"), {}, updated, 0}, 0, record.titleLine, 2});
            }
        } else if (field->value.trimmed() != updated) {
            const FactField asField{field->key, field->value.trimmed(), {}, field->line, false};
            edits.replaceLine(field->line, withValue(source.lineText(field->line), asField, updated));
            pending.append({{field->key, asField.value, updated, 0}, field->line, -1, 0});
        }
    }

    // The runtime target: values in place, then the fields the record lacks.
    QStringList added;
    QList<Pending> addedChanges;
    QStringList seen; // a key stated twice by the checkpoint counts once (lint reports it)
    for (const FactField &target : from.runtimeTarget) {
        const QString key = TextKeys::normalizedKey(target.key);
        if (seen.contains(key))
            continue;
        seen.append(key);
        if (const FactField *own = fieldNamed(facts.runtimeTarget, target.key)) {
            if (own->value == target.value)
                continue;
            edits.replaceLine(own->line, withValue(source.lineText(own->line), *own, target.value));
            pending.append({{own->key, own->value, target.value, 0}, own->line, -1, 0});
        } else {
            const FactField *model =
                facts.runtimeTarget.isEmpty() ? nullptr : &facts.runtimeTarget.constLast();
            added.append(fieldLike(model ? source.lineText(model->line) : QStringView(),
                model ? model->key : QString(), target.key, target.value,
                model ? model->isCode : target.isCode));
            addedChanges.append({{target.key, {}, target.value, 0}, 0, 0, int(added.size())});
        }
    }
    if (!added.isEmpty()) {
        const int after = lastFieldLine(record, *targetSection);
        edits.insertAfter(after, added);
        for (Pending &change : addedChanges)
            change.after = after;
        pending += addedChanges;
    }

    // The phase the checkpoint is about, when the mapping lacks it.
    const Section *phaseSection = RecordFacts::sectionOf(record, RecordFacts::isPhaseStatusKey);
    if (const FactField *phase = fieldNamed(from.summary, u"phase"); phase && phaseSection) {
        static const QRegularExpression number(QStringLiteral("^\\d+[a-z]?$"));
        const QString name = number.match(phase->value).hasMatch() ? QStringLiteral("Phase ") + phase->value
                                                                   : phase->value.trimmed();
        if (!name.isEmpty() && !fieldNamed(facts.phases, name)) {
            const FactField *model = facts.phases.isEmpty() ? nullptr : &facts.phases.constLast();
            QString line = fieldLike(model ? source.lineText(model->line) : QStringView(),
                model ? model->key : QString(), name, QStringLiteral("**Active**"), false);
            const int after = lastFieldLine(record, *phaseSection);
            edits.insertAfter(after, {line});
            pending.append({{name, {}, QStringLiteral("Active"), 0}, 0, after, 1});
        }
    }

    CheckpointUpdate update;
    update.m_text = edits.apply();
    for (Pending &change : pending) {
        change.change.line = change.after < 0 ? edits.lineAfterEdits(change.sourceLine)
                                              : edits.lineAfterEdits(change.after) + change.offset;
        update.m_changes.append(change.change);
    }
    std::stable_sort(update.m_changes.begin(), update.m_changes.end(),
        [](const CheckpointChange &a, const CheckpointChange &b) { return a.line < b.line; });
    return update;
}

Result<QString> CheckpointUpdate::apply(const Document &record, const Document &checkpoint)
{
    Result<CheckpointUpdate> update = plan(record, checkpoint);
    if (!update)
        return update.error();
    return update->text();
}

} // namespace Countersign
