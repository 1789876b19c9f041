// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/comparisonsession.h"

#include "record/documentloader.h"
#include "record/markdownparser.h"

#include <future>

namespace Countersign {

ComparisonResult ComparisonSession::run(const QString &leftName, const SourceText &left,
    const QString &rightName, const SourceText &right, const std::optional<QFuture<void>> &cancel,
    const LinesReady &linesReady, const DiffOptions &options)
{
    ComparisonResult result;
    const QByteArray bytes[2] = {left.toUtf8(), right.toUtf8()};
    if (!Comparison::compareLines(result, bytes[0], bytes[1], cancel, options)) {
        result = {};
        result.cancelled = true;
        return result;
    }
    // Each side within the size limit is parsed; one that is not, or whose shape exceeds the parser's
    // bound, is compared by its lines only, and the other is still described.
    const bool readable[2] = {
        bytes[0].size() <= DocumentLoader::maxFileSize, bytes[1].size() <= DocumentLoader::maxFileSize};
    if (linesReady && readable[0] && readable[1])
        linesReady(result);
    const QString *names[2] = {&leftName, &rightName};
    const SourceText *sources[2] = {&left, &right};
    bool stale[2];
    for (int side = 0; side < 2; ++side) {
        Side &cached = m_sides[side];
        stale[side] = readable[side] &&
            (!cached.document || cached.name != *names[side] ||
                cached.source.hasBom() != sources[side]->hasBom() ||
                cached.source.text() != sources[side]->text());
        if (!readable[side])
            cached = {};
        else if (stale[side])
            cached = {*names[side], *sources[side], std::nullopt};
    }
    // cmark needs the bytes for its source positions; they are at hand.
    auto parse = [this, &bytes](int side) {
        m_sides[side].document = MarkdownParser::parse(m_sides[side].source, bytes[side], m_sides[side].name);
    };
    if (stale[0] && stale[1]) {
        auto leftParse = std::async(std::launch::async, parse, 0);
        parse(1);
        leftParse.get();
    } else if (stale[0] || stale[1]) {
        parse(stale[0] ? 0 : 1);
    }
    if (cancel && cancel->isCanceled()) {
        result = {};
        result.cancelled = true;
        return result;
    }
    ComparedRecord *records[2] = {&result.left, &result.right};
    for (int side = 0; side < 2; ++side) {
        const std::optional<Document> &document = m_sides[side].document;
        if (!readable[side]) {
            records[side]->parsed = false;
            records[side]->unparsedReason =
                QStringLiteral("over %1 MiB").arg(DocumentLoader::maxFileSize / (1024 * 1024));
        } else if (!document->structureError.isEmpty()) {
            records[side]->parsed = false;
            records[side]->unparsedReason = document->structureError;
        }
    }
    if (!result.isStructural()) {
        for (int side = 0; side < 2; ++side) {
            if (records[side]->parsed)
                *records[side] = Comparison::describe(*m_sides[side].document);
        }
        return result;
    }
    Comparison::compareStructure(result, *m_sides[0].document, *m_sides[1].document);
    return result;
}

} // namespace Countersign
