// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/cutoverpairing.h"

#include "compare/structuralcompare.h"
#include "record/markdownparser.h"

#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace Countersign {

namespace {

using Member = CutoverCheck::Member;

// The first member of `kind` on `side` (Unknown side matches a side the other documents do not take);
// exports are never paired.
const Member *find(
    const CutoverCheck::Group &group, DocumentKind kind, DocumentSide side, const Member *not_ = nullptr)
{
    for (const DocumentSide wanted : {side, DocumentSide::Unknown}) {
        for (const Member &member : group.members) {
            if (member.kind == kind && member.side == wanted && !member.isExport && &member != not_)
                return &member;
        }
    }
    return nullptr;
}

DocumentPair alone(const QString &date, DocumentPair::Kind kind, const Member &member)
{
    return member.side == DocumentSide::Consumer ? DocumentPair{date, kind, {}, member.file, {}}
                                                 : DocumentPair{date, kind, member.file, {}, {}};
}

// The pair of `left` and `right` when both are there, then every other member of the kinds given,
// alone on its side.
void appendPairAndRest(QList<DocumentPair> &out, const CutoverCheck::Group &group, DocumentPair::Kind kind,
    const QList<DocumentKind> &kinds, const Member *left, const Member *right)
{
    if (left && right)
        out.append({group.date, kind, left->file, right->file, {}});
    for (const Member &member : group.members) {
        if (!kinds.contains(member.kind) || member.isExport ||
            (left && right && (&member == left || &member == right)))
            continue;
        out.append(alone(group.date, kind, member));
    }
}

// Whether `exported` is named as the window names an export of `record`: NAME_FINAL.md, NAME_NOT-FINAL.md.
bool namedAsExportOf(const QFileInfo &exported, const QFileInfo &record)
{
    const QString base = exported.completeBaseName();
    const QString stem = record.completeBaseName() + u'_';
    if (!base.startsWith(stem, Qt::CaseInsensitive))
        return false;
    const QStringView suffix = QStringView(base).mid(stem.size());
    return suffix.compare(u"FINAL", Qt::CaseInsensitive) == 0 ||
        suffix.compare(u"NOT-FINAL", Qt::CaseInsensitive) == 0;
}

// The record `exported` was exported from: by name in its folder, by name elsewhere, by content.
const Member *recordOf(const Member &exported, const QList<const Member *> &records)
{
    const QFileInfo exportInfo(exported.file);
    const Member *byName = nullptr;
    for (const Member *record : records) {
        if (record->kind != exported.kind || !namedAsExportOf(exportInfo, QFileInfo(record->file)))
            continue;
        if (QFileInfo(record->file).absolutePath() == exportInfo.absolutePath())
            return record;
        if (!byName)
            byName = record;
    }
    if (byName)
        return byName;
    for (const Member *record : records) {
        if (record->kind == exported.kind && record->digest == exported.digest)
            return record;
    }
    return nullptr;
}

} // namespace

QList<DocumentPair> CutoverPairing::pairs(const CutoverCheck &check)
{
    QList<const Member *> records;
    for (const CutoverCheck::Group &group : check.groups()) {
        for (const Member &member : group.members) {
            if (!member.isExport)
                records.append(&member);
        }
    }
    QList<DocumentPair> out;
    QHash<QString, PairExport> exportsByFile;
    for (const CutoverCheck::Group &group : check.groups()) {
        appendPairAndRest(out, group, DocumentPair::Kind::DecisionRecord,
            {DocumentKind::ProducerMirror, DocumentKind::DecisionRecord},
            find(group, DocumentKind::ProducerMirror, DocumentSide::Producer),
            find(group, DocumentKind::DecisionRecord, DocumentSide::Consumer));
        const Member *producer = find(group, DocumentKind::CheckpointPacket, DocumentSide::Producer);
        appendPairAndRest(out, group, DocumentPair::Kind::CheckpointPackets, {DocumentKind::CheckpointPacket},
            producer, find(group, DocumentKind::CheckpointPacket, DocumentSide::Consumer, producer));
        for (const Member &member : group.members) {
            if (!member.isExport || member.kind == DocumentKind::Addendum)
                continue;
            if (const Member *record = recordOf(member, records)) {
                exportsByFile.insert(member.file,
                    {member.file, record->file, member.digest == record->digest, member.exportState,
                        member.exportProblem});
            } else {
                out.append(alone(group.date, DocumentPair::Kind::FinalizedExport, member));
            }
        }
    }
    // Exports in file order, with the pair holding their record.
    QStringList exportFiles = exportsByFile.keys();
    exportFiles.sort();
    for (const QString &file : std::as_const(exportFiles)) {
        const PairExport &exported = exportsByFile.value(file);
        for (DocumentPair &pair : out) {
            if (pair.kind != DocumentPair::Kind::FinalizedExport &&
                (pair.left == exported.record || pair.right == exported.record)) {
                pair.exports.append(exported);
                break;
            }
        }
    }
    return out;
}

bool CutoverPairing::compare(QList<DocumentPair> &pairs, const std::optional<QFuture<void>> &cancel,
    const CutoverCheck::Progress &progress)
{
    const auto total = int(std::count_if(pairs.cbegin(), pairs.cend(), [](const DocumentPair &pair) {
        return pair.isPaired() && pair.kind != DocumentPair::Kind::FinalizedExport;
    }));
    int done = 0;
    if (progress)
        progress(done, total);
    for (DocumentPair &pair : pairs) {
        if (!pair.isPaired() || pair.kind == DocumentPair::Kind::FinalizedExport)
            continue;
        if (cancel && cancel->isCanceled())
            return false;
        const Result<Document> left = MarkdownParser::parseFile(pair.left);
        const Result<Document> right = MarkdownParser::parseFile(pair.right);
        if (!left || !right) {
            pair.state = DocumentPair::State::NotComparable;
        } else {
            const CompareSummary summary =
                CompareSummary::of(StructuralCompare::compare(left.value(), right.value()));
            pair.state = !summary.isComparable() ? DocumentPair::State::NotComparable
                : summary.isAligned()            ? DocumentPair::State::Aligned
                                                 : DocumentPair::State::NotAligned;
        }
        if (progress)
            progress(++done, total);
    }
    return true;
}

QList<DocumentPair> CutoverPairing::scan(const QStringList &folders)
{
    QList<DocumentPair> out = pairs(CutoverCheck::run(folders));
    compare(out);
    return out;
}

} // namespace Countersign
