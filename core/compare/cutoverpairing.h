// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/cutovercheck.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Countersign {

// A finalized export (FinalizedRecord) of one document of a pair, found beside it.
struct PairExport
{
    QString file;
    QString record; // the pair's document it was exported from
    bool sameContent = false; // its content digest is the record's as the record stands now
    CutoverCheck::ExportState state = CutoverCheck::ExportState::OpenSignOffs; // what verifying it found
    QString problem; // why it does not verify
    // Verified final, and of the record as it stands: what "Final" means in the chooser.
    bool isCurrentFinal() const { return sameContent && state == CutoverCheck::ExportState::Final; }
    friend bool operator==(const PairExport &, const PairExport &) = default;
};

// Two documents of one cutover that are meant to be read side by side: the producer's on the left,
// the consumer's on the right. An unpaired document has one side empty.
struct DocumentPair
{
    enum class Kind {
        DecisionRecord, // the producer's mirror and the consumer's decision record
        CheckpointPackets, // the two checkpoint packets
        FinalizedExport, // an export whose record was not found, alone on its side
    };
    // What the window's comparison of the two says (CompareSummary of StructuralCompare, as the
    // banner): Aligned when nothing blocks. NotCompared for an unpaired document, or before compare().
    enum class State { NotCompared, Aligned, NotAligned, NotComparable };

    QString date; // YYYY-MM-DD, or "undated"
    Kind kind = Kind::DecisionRecord;
    QString left;
    QString right;
    QList<PairExport> exports; // of either side, in file order
    State state = State::NotCompared;

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
//
// A finalized export (known by the sign-off block the export writes, not by its name) is never paired
// itself: it goes with the document it was exported from, found by name (`NAME_FINAL.md` or
// `NAME_NOT-FINAL.md` for `NAME.md`, as the window proposes, in the same folder first), else by
// content (the export's content digest is its record's). An export whose record is not there is
// listed on its own, as Kind::FinalizedExport, after the other documents of its date.
class CutoverPairing
{
public:
    static QList<DocumentPair> pairs(const CutoverCheck &check);
    // The state of every pair with both sides, from loading and comparing the two files as the window
    // does (a file that cannot be loaded makes the pair NotComparable). Meant for a worker thread:
    // `cancel` is checked before each pair, and `progress` told the pairs compared of those to compare.
    // False when cancelled (the pairs left then stay NotCompared).
    static bool compare(QList<DocumentPair> &pairs, const std::optional<QFuture<void>> &cancel = std::nullopt,
        const CutoverCheck::Progress &progress = {});
    // pairs() of CutoverCheck::run(folders), compared.
    static QList<DocumentPair> scan(const QStringList &folders);
};

} // namespace Countersign
