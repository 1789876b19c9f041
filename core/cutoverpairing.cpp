#include "cutoverpairing.h"

namespace Countersign {

namespace {

// The first member of `kind` on `side` (Unknown side matches a side the other documents do not take).
const CutoverCheck::Member *find(const CutoverCheck::Group &group, DocumentKind kind, DocumentSide side,
    const CutoverCheck::Member *not_ = nullptr)
{
    for (const CutoverCheck::Member &member : group.members) {
        if (member.kind == kind && member.side == side && &member != not_)
            return &member;
    }
    for (const CutoverCheck::Member &member : group.members) {
        if (member.kind == kind && member.side == DocumentSide::Unknown && &member != not_)
            return &member;
    }
    return nullptr;
}

} // namespace

QList<DocumentPair> CutoverPairing::pairs(const CutoverCheck &check)
{
    QList<DocumentPair> out;
    for (const CutoverCheck::Group &group : check.groups()) {
        const CutoverCheck::Member *mirror =
            find(group, DocumentKind::ProducerMirror, DocumentSide::Producer);
        const CutoverCheck::Member *record =
            find(group, DocumentKind::DecisionRecord, DocumentSide::Consumer);
        if (mirror && record)
            out.append({group.date, QStringLiteral("decision record"), mirror->file, record->file});
        const CutoverCheck::Member *producer =
            find(group, DocumentKind::CheckpointPacket, DocumentSide::Producer);
        const CutoverCheck::Member *consumer =
            find(group, DocumentKind::CheckpointPacket, DocumentSide::Consumer, producer);
        if (producer && consumer)
            out.append({group.date, QStringLiteral("checkpoint packets"), producer->file, consumer->file});
    }
    return out;
}

} // namespace Countersign
