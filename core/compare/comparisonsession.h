// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/comparison.h"

#include <functional>
#include <optional>

namespace Countersign {

// Compares the same pair again and again as it is edited (the window's worker). The line diff comes
// first and is handed to `linesReady` (a view can show it while the records are parsed); then the
// records are parsed and compared section by section. A side whose name and text are those of the
// last run is not parsed again, and when both sides must be parsed they are parsed at the same time
// on two threads. A text beyond DocumentLoader::maxFileSize is not parsed: the pair is then compared
// line by line only. One run at a time: not thread-safe.
class ComparisonSession
{
public:
    using LinesReady = std::function<void(const ComparisonResult &)>;
    // `options`: what the line diff ignores (the structural compare is not affected).
    ComparisonResult run(const QString &leftName, const SourceText &left, const QString &rightName,
        const SourceText &right, const std::optional<QFuture<void>> &cancel = std::nullopt,
        const LinesReady &linesReady = {}, const DiffOptions &options = {});

private:
    struct Side
    {
        QString name;
        SourceText source;
        std::optional<Document> document;
    };
    Side m_sides[2];
};

} // namespace Countersign
