// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/cutoverpairing.h"

namespace Countersign {

namespace {

using Member = CutoverCheck::Member;

// The first member of `kind` on `side` (Unknown side matches a side the other documents do not take).
const Member *find(
    const CutoverCheck::Group &group, DocumentKind kind, DocumentSide side, const Member *not_ = nullptr)
{
    for (const Member &member : group.members) {
        if (member.kind == kind && member.side == side && &member != not_)
            return &member;
    }
    for (const Member &member : group.members) {
        if (member.kind == kind && member.side == DocumentSide::Unknown && &member != not_)
            return &member;
    }
    return nullptr;
}

// The pair of `left` and `right` when both are there, then every other member of the kinds given,
// alone on its side.
void appendPairAndRest(QList<DocumentPair> &out, const CutoverCheck::Group &group, DocumentPair::Kind kind,
    const QList<DocumentKind> &kinds, const Member *left, const Member *right)
{
    if (left && right)
        out.append({group.date, kind, left->file, right->file});
    for (const Member &member : group.members) {
        if (!kinds.contains(member.kind) || (left && right && (&member == left || &member == right)))
            continue;
        out.append(member.side == DocumentSide::Consumer ? DocumentPair{group.date, kind, {}, member.file}
                                                         : DocumentPair{group.date, kind, member.file, {}});
    }
}

} // namespace

QList<DocumentPair> CutoverPairing::pairs(const CutoverCheck &check)
{
    QList<DocumentPair> out;
    for (const CutoverCheck::Group &group : check.groups()) {
        appendPairAndRest(out, group, DocumentPair::Kind::DecisionRecord,
            {DocumentKind::ProducerMirror, DocumentKind::DecisionRecord},
            find(group, DocumentKind::ProducerMirror, DocumentSide::Producer),
            find(group, DocumentKind::DecisionRecord, DocumentSide::Consumer));
        const Member *producer = find(group, DocumentKind::CheckpointPacket, DocumentSide::Producer);
        appendPairAndRest(out, group, DocumentPair::Kind::CheckpointPackets, {DocumentKind::CheckpointPacket},
            producer, find(group, DocumentKind::CheckpointPacket, DocumentSide::Consumer, producer));
    }
    return out;
}

} // namespace Countersign
