// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/comparisonsession.h"

#include "record/documentloader.h"
#include "record/markdownparser.h"

#include <future>

namespace Countersign {

ComparisonResult ComparisonSession::run(const QString &leftName, const SourceText &left,
    const QString &rightName, const SourceText &right, const std::optional<QFuture<void>> &cancel,
    const LinesReady &linesReady)
{
    ComparisonResult result;
    const QByteArray bytes[2] = {left.toUtf8(), right.toUtf8()};
    if (!Comparison::compareLines(result, bytes[0], bytes[1], cancel)) {
        result = {};
        result.cancelled = true;
        return result;
    }
    result.left.parsed = bytes[0].size() <= DocumentLoader::maxFileSize;
    result.right.parsed = bytes[1].size() <= DocumentLoader::maxFileSize;
    if (!result.isStructural()) {
        m_sides[0] = {};
        m_sides[1] = {};
        return result;
    }
    if (linesReady)
        linesReady(result);

    const QString *names[2] = {&leftName, &rightName};
    const SourceText *sources[2] = {&left, &right};
    bool stale[2];
    for (int side = 0; side < 2; ++side) {
        Side &cached = m_sides[side];
        stale[side] = !cached.document || cached.name != *names[side] ||
            cached.source.hasBom() != sources[side]->hasBom() ||
            cached.source.text() != sources[side]->text();
        if (stale[side])
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
    Comparison::compareStructure(result, *m_sides[0].document, *m_sides[1].document);
    return result;
}

} // namespace Countersign
