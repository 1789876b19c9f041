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
// against the checkpoint's recommendation. Never fails: a pair that cannot be compared (see
// notComparable) gets one finding of severity NotComparable saying why. Findings come in the left
// document's order, followed by what only the right side has.
class StructuralCompare
{
public:
    static QList<CompareFinding> compare(const Document &left, const Document &right);
    // Why two documents cannot be compared, in a few words ("README.md is not a cutover record"), or
    // empty when they can: a file of unknown kind, or kinds that share nothing (an addendum against
    // anything but an addendum). Records and mirrors compare with each other and with checkpoints.
    static QString notComparable(const Document &left, const Document &right);
};

} // namespace Countersign
