// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/jsonwriter.h"
#include "compare/comparefinding.h"
#include "record/document.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Countersign {

// The structural compare of two records as the compare command reports it: text for people, JSON
// for pipelines. Never fails.
class CompareReport
{
public:
    static constexpr int jsonSchemaVersion = 1;

    // The headline, the two files, then every finding (CompareFinding::toText).
    static QString toText(const Document &left, const Document &right, const QList<CompareFinding> &findings);
    // {"schema", "left": {"file", "kind", "side"}, "right": {...}, "aligned", "headline", "counts",
    // "findings": [...]}; files by name without their directory, as in `show --json`.
    static QByteArray toJson(const Document &left, const Document &right,
        const QList<CompareFinding> &findings, JsonWriter::Style style = JsonWriter::Style::Compact);
};

} // namespace Countersign
