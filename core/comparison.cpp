#include "comparison.h"

#include "structuralcompare.h"

namespace Countersign {

ComparisonResult Comparison::run(
    const Document &left, const Document &right, const std::optional<QFuture<void>> &cancel)
{
    ComparisonResult result;
    auto cancelled = [&] {
        result = {};
        result.cancelled = true;
        return result;
    };
    const DiffText leftText(left.serialize()), rightText(right.serialize());
    result.lines = LineDiff::compute(leftText, rightText, {}, cancel);
    if (result.lines.cancelled)
        return cancelled();
    std::optional<QList<DiffHunk>> hunks =
        SideBySideDiff::build(leftText, rightText, result.lines, 0, SideBySideDiff::Words::Highlight, cancel);
    if (!hunks)
        return cancelled();
    result.hunks = std::move(*hunks);
    if (cancel && cancel->isCanceled())
        return cancelled();
    result.findings = StructuralCompare::compare(left, right);
    result.summary = CompareSummary::of(result.findings);
    result.leftOutline = outline(left);
    result.rightOutline = outline(right);
    return result;
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
