#pragma once

#include "comparefinding.h"
#include "document.h"
#include "jsonwriter.h"
#include "recordfacts.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Countersign {

// The structural diff of two parsed records (PRODUCT.md, "Comparing two records"). Sections are
// matched by normalized heading, then by what they hold (both runtime targets, both role lists,
// ... as RecordFacts reads them), then by word similarity; inside a matched pair, fields and list
// items by normalized label, then by text similarity, table rows by their first column. Decision
// inputs compare the file names they point at, not their folders; the input that names the other
// document of the pair (a record's "Producer decision mirror", the mirror's "Consumer decision
// record") meets the other's input naming this one, whatever their labels. Record vs checkpoint
// compares only what the two kinds share: the runtime target, and the record's cutover outcome
// against the checkpoint's recommendation. Never fails: documents with nothing in common
// give "section only on one side" notes. Findings come in the left document's order, followed by
// what only the right side has.
class StructuralCompare
{
public:
    static constexpr int jsonSchemaVersion = 1;
    // Word similarity (Dice coefficient over significant words) at which two headings or items are
    // taken for the same one.
    static constexpr double similarityThreshold = 0.6;

    static QList<CompareFinding> compare(const Document &left, const Document &right);

    // The headline, the two files, then every finding (CompareFinding::toText).
    static QString toText(const Document &left, const Document &right, const QList<CompareFinding> &findings);
    // {"schema", "left": {"file", "kind", "side"}, "right": {...}, "aligned", "headline", "counts",
    // "findings": [...]}; files by name without their directory, as in `show --json`.
    static QByteArray toJson(const Document &left, const Document &right,
        const QList<CompareFinding> &findings, JsonWriter::Style style = JsonWriter::Style::Compact);

    // The outcome a record's cutover stands on: the one about the cutover or its execution ("Runtime
    // cutover execution"), else the last one listed (rehearsal decisions come first). Null if none.
    static const FactField *decisiveOutcome(const RecordFacts &facts);
    // A checkpoint summary's `recommendation` field, or null.
    static const FactField *recommendation(const RecordFacts &facts);

    // Lower-cased words of a text without punctuation at their ends, stop words ("the", "of", ...)
    // and plural "s", for similarity and for telling whether a text mentions something.
    static QStringList significantWords(QStringView text);
    // 0 (nothing shared) to 1 (the same significant words).
    static double similarity(QStringView a, QStringView b);
    static double similarity(const QStringList &wordsA, const QStringList &wordsB);
};

} // namespace Countersign
