// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/cutovercheck.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Countersign {

// Two documents of one cutover that are meant to be read side by side: the producer's on the left,
// the consumer's on the right. An unpaired document has one side empty.
struct DocumentPair
{
    enum class Kind { DecisionRecord, CheckpointPackets };

    QString date; // YYYY-MM-DD, or "undated"
    Kind kind = Kind::DecisionRecord; // the producer's mirror and the consumer's decision record, or
                                      // the two checkpoint packets
    QString left;
    QString right;

    bool isPaired() const { return !left.isEmpty() && !right.isEmpty(); }
    friend bool operator==(const DocumentPair &, const DocumentPair &) = default;
};

// Pairs the documents found under the given folders (the producer's and the consumer's `docs/`, or
// any others) the way a commander reads them: within each cutover date, the producer's mirror with
// the consumer's decision record, and the producer's checkpoint packet with the consumer's. Each date
// lists its decision record pair, then its checkpoint pair, each followed by the documents of that
// kind left without a partner (on their own side; a document of unknown side on the left). Dates come
// in CutoverCheck's order; addenda and unknown documents are not listed; files that cannot be read
// are in the check's errors.
class CutoverPairing
{
public:
    static QList<DocumentPair> pairs(const CutoverCheck &check);
    static QList<DocumentPair> scan(const QStringList &folders) { return pairs(CutoverCheck::run(folders)); }
};

} // namespace Countersign
