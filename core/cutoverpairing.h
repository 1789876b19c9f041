#pragma once

#include "cutovercheck.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Countersign {

// Two documents of one cutover that are meant to be read side by side: the producer's on the left,
// the consumer's on the right.
struct DocumentPair
{
    QString date; // YYYY-MM-DD, or "undated"
    QString what; // "decision record", "checkpoint packets"
    QString left;
    QString right;
    friend bool operator==(const DocumentPair &, const DocumentPair &) = default;
};

// Pairs the documents found under the given folders (the producer's and the consumer's `docs/`, or
// any others) the way a commander reads them: within each cutover date, the producer's mirror with
// the consumer's decision record, and the producer's checkpoint packet with the consumer's. A
// document without a partner is left out; files that cannot be read are in the check's errors.
class CutoverPairing
{
public:
    static QList<DocumentPair> pairs(const CutoverCheck &check);
    static QList<DocumentPair> scan(const QStringList &folders) { return pairs(CutoverCheck::run(folders)); }
};

} // namespace Countersign
