// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "record/document.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Countersign {

// One value an update from a checkpoint changes, for a window to show before it applies.
struct CheckpointChange
{
    QString field; // "Updated", "release_tag", "Phase 8", "Decision Inputs"
    QString oldValue; // empty: the record lacks the field and a line is added
    QString newValue;
    int line = 0; // 1-based line of the new value in the text with every change applied
    // The `Updated:` date would move back: the checkpoint is older than the record says it is.
    bool goesBackwards = false;
    friend bool operator==(const CheckpointChange &, const CheckpointChange &) = default;
};

// Brings a decision record (or producer mirror) up to a checkpoint packet, as changes the user can
// take one by one:
// - the `Updated:` header takes the checkpoint's date (a record without one gets one); a date earlier
//   than the record's is flagged goesBackwards;
// - the values of its Approved Runtime Target become those of the checkpoint's Runtime Target Under
//   Review (fields matched by normalized key; only the value changes, with its backticks and the rest
//   of its line; fields the record lacks are added after its last one, written as that one is), one
//   change per field;
// - the checkpoint summary's phase becomes the one Active phase of the Phase Status Mapping: added as
//   `- Phase N: **Active**` (in the list's bullet style) when the mapping lacks it, marked Active when
//   the mapping has it as not begun (Pending, Planned, Not Started); then every other phase marked
//   Active is marked Complete, as the samples mark a phase that has ended (Closed is for a phase
//   further back, and is left to the owner), one change per phase;
// - the checkpoint is added to Decision Inputs unless a path there already names its file: under the
//   item labelled as its kind ("Producer checkpoint packet:"), else as a new item of that label, its
//   path written as the record's other inputs write theirs (rooted where theirs are when the
//   checkpoint lies there, else beside an input of the same label, else relative to the record). A
//   record without a Decision Inputs section gets no such change.
// Every other byte of the record stays as it was, line endings included, whichever changes are taken.
class CheckpointUpdate
{
public:
    // Error (Refused, naming the file) when `checkpoint` is not a checkpoint packet or has no
    // runtime target, or `record` is not a decision record or producer mirror or has no runtime
    // target section. A record already up to date gives no changes and its own text.
    static Result<CheckpointUpdate> plan(const Document &record, const Document &checkpoint);
    // plan()'s text with every change.
    static Result<QString> apply(const Document &record, const Document &checkpoint);

    // The record's text with every change applied.
    const QString &text() const { return m_text; }
    // The record's text with the changes whose entry in `chosen` (parallel to changes(); a missing
    // entry counts as false) is true, and nothing else changed: none chosen gives the record's text.
    QString text(const QList<bool> &chosen) const;
    // What changes, in the order of the record: the header, the target's fields, the inputs, the phases.
    const QList<CheckpointChange> &changes() const { return m_changes; }
    // What a window offers checked: every change but a date that goesBackwards.
    QList<bool> defaultChoice() const;
    bool isEmpty() const { return m_changes.isEmpty(); }

private:
    // One edit of the record's lines: `lines` go after line `after` (0: before the first), or, for
    // `after` -1, replace line `line`.
    struct LineChange
    {
        int after = -1;
        int line = 0;
        QStringList lines;
    };

    SourceText m_source;
    QString m_text;
    QList<CheckpointChange> m_changes;
    // Parallel to m_changes: each change's edits, and its place in the order the edits were planned
    // (lines inserted after the same line keep that order).
    QList<LineChange> m_edits;
    QList<int> m_order;
};

} // namespace Countersign
