// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/comparefinding.h"
#include "record/document.h"
#include "record/recordfacts.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Countersign {

// The structural diff of two parsed records (blocking, warning, info; README: "Comparing and editing").
// Sections are matched by normalized heading, then by what they hold (both runtime targets, both role lists,
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
    static QList<CompareFinding> compare(const Document &left, const Document &right);
};

} // namespace Countersign
