// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/comparefinding.h"
#include "diff/linediff.h"
#include "diff/sidebysidediff.h"
#include "record/document.h"
#include "record/linter.h"

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

// What a comparison learnt about one of its records: its kind, side and canonical digest (of the
// text compared, edits included) and its sections. `parsed` is false for a text too large for the
// structural compare (beyond DocumentLoader::maxFileSize; see ComparisonSession): only its lines
// were compared.
struct ComparedRecord
{
    DocumentKind kind = DocumentKind::Unknown;
    DocumentSide side = DocumentSide::Unknown;
    QString digest;
    QList<OutlineEntry> outline;
    bool parsed = true;
    QString unparsedReason; // why not parsed: "over 32 MiB", or the parser's Document::structureError
    QList<LintFinding> lint; // what the linter says of the record; empty when not parsed
    Document document; // the parse itself (its lists are shared, not copied); empty when not parsed
    friend bool operator==(const ComparedRecord &, const ComparedRecord &) = default;
};

// Everything the window shows about a pair of records: the line diff, its changed rows with word
// ranges (no context rows: the panes show the text), the structural findings and their summary.
struct ComparisonResult
{
    LineDiffResult lines;
    QList<DiffHunk> hunks;
    QList<CompareFinding> findings;
    CompareSummary summary;
    ComparedRecord left;
    ComparedRecord right;
    // Both records were parsed and compared section by section; otherwise only their lines.
    bool isStructural() const { return left.parsed && right.parsed; }
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
    static ComparedRecord describe(const Document &doc);
    // The line diff and its rows (hunks without context, words marked) into `result`, lines
    // compared as `options` says; false when cancelled.
    static bool compareLines(ComparisonResult &result, const QByteArray &left, const QByteArray &right,
        const std::optional<QFuture<void>> &cancel = std::nullopt, const DiffOptions &options = {});
    // The structural findings, their summary and what the records are, into `result`.
    static void compareStructure(ComparisonResult &result, const Document &left, const Document &right);
};

} // namespace Countersign

Q_DECLARE_METATYPE(Countersign::ComparisonResult)
