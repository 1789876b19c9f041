// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/comparison.h"

#include "compare/structuralcompare.h"
#include "record/canonicalcontent.h"

namespace Countersign {

bool Comparison::compareLines(ComparisonResult &result, const QByteArray &left, const QByteArray &right,
    const std::optional<QFuture<void>> &cancel, const DiffOptions &options)
{
    const DiffText leftText(left), rightText(right);
    result.lines = LineDiff::compute(leftText, rightText, options, cancel);
    if (result.lines.cancelled)
        return false;
    std::optional<QList<DiffHunk>> hunks =
        SideBySideDiff::build(leftText, rightText, result.lines, 0, SideBySideDiff::Words::Highlight, cancel);
    if (!hunks)
        return false;
    result.hunks = std::move(*hunks);
    return !(cancel && cancel->isCanceled());
}

void Comparison::compareStructure(ComparisonResult &result, const Document &left, const Document &right)
{
    result.findings = StructuralCompare::compare(left, right);
    result.summary = CompareSummary::of(result.findings);
    result.left = describe(left);
    result.right = describe(right);
}

namespace {

ComparisonResult cancelledResult()
{
    ComparisonResult result;
    result.cancelled = true;
    return result;
}

} // namespace

ComparisonResult Comparison::run(
    const Document &left, const Document &right, const std::optional<QFuture<void>> &cancel)
{
    ComparisonResult result;
    if (!compareLines(result, left.serialize(), right.serialize(), cancel))
        return cancelledResult();
    compareStructure(result, left, right);
    return result;
}

ComparedRecord Comparison::describe(const Document &doc)
{
    return {doc.kind, doc.side, CanonicalContent::digest(doc.source.text()), outline(doc), true, {},
        Linter::lint(doc), doc};
}

QList<OutlineEntry> Comparison::outline(const Document &doc)
{
    QList<OutlineEntry> entries;
    if (doc.titleLine > 0)
        entries.append({doc.title, 1, doc.titleLine});
    for (const Section &section : doc.sections) {
        if (section.headingLine != doc.titleLine)
            entries.append({section.heading, section.level, section.headingLine});
    }
    return entries;
}

} // namespace Countersign
