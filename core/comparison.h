#pragma once

#include "comparefinding.h"
#include "document.h"
#include "linediff.h"
#include "sidebysidediff.h"

#include <QFuture>
#include <QList>
#include <QMetaType>

#include <optional>

namespace Countersign {

// A heading of a document, for an outline: its text, level and 1-based line.
struct OutlineEntry
{
    QString heading;
    int level = 1;
    int line = 0;
    friend bool operator==(const OutlineEntry &, const OutlineEntry &) = default;
};

// Everything the window shows about a pair of records: the line diff, its changed rows with word
// ranges (no context rows: the panes show the text), the structural findings and their summary.
struct ComparisonResult
{
    LineDiffResult lines;
    QList<DiffHunk> hunks;
    QList<CompareFinding> findings;
    CompareSummary summary;
    QList<OutlineEntry> leftOutline;
    QList<OutlineEntry> rightOutline;
    bool cancelled = false; // abandoned: nothing else is filled
};

// Computes a ComparisonResult for two parsed documents in one call, meant for a worker thread:
// `cancel` is checked between the steps and inside the line diff.
class Comparison
{
public:
    static ComparisonResult run(const Document &left, const Document &right,
        const std::optional<QFuture<void>> &cancel = std::nullopt);
    static QList<OutlineEntry> outline(const Document &doc);
};

} // namespace Countersign

Q_DECLARE_METATYPE(Countersign::ComparisonResult)
