// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "record/document.h"

#include <QList>
#include <QString>

namespace Countersign {

// One value an update from a checkpoint changes, for a window to show before it applies.
struct CheckpointChange
{
    QString field; // "Updated", "release_tag", "Phase 8"
    QString oldValue; // empty: the record lacks the field and a line is added
    QString newValue;
    int line = 0; // 1-based line of the new value in the updated text
    friend bool operator==(const CheckpointChange &, const CheckpointChange &) = default;
};

// Brings a decision record (or producer mirror) up to a checkpoint packet: the values of its
// Approved Runtime Target become those of the checkpoint's Runtime Target Under Review (fields
// matched by normalized key; only the value changes, with its backticks and the rest of its line;
// fields the record lacks are added after its last one, written as that one is), the checkpoint
// summary's phase is added to the record's Phase Status Mapping as `- Phase N: **Active**` (in the
// list's bullet style) when the mapping lacks it, and the `Updated:` header takes the checkpoint's
// date (a record without one gets one).
// Every other byte of the record stays as it was, line endings included.
class CheckpointUpdate
{
public:
    // Error (Refused, naming the file) when `checkpoint` is not a checkpoint packet or has no
    // runtime target, or `record` is not a decision record or producer mirror or has no runtime
    // target section. A record already up to date gives no changes and its own text.
    static Result<CheckpointUpdate> plan(const Document &record, const Document &checkpoint);
    // plan()'s text.
    static Result<QString> apply(const Document &record, const Document &checkpoint);

    // The record's updated text.
    const QString &text() const { return m_text; }
    // What changes, in the order of the record: the header, the target's fields, the phase.
    const QList<CheckpointChange> &changes() const { return m_changes; }
    bool isEmpty() const { return m_changes.isEmpty(); }

private:
    QString m_text;
    QList<CheckpointChange> m_changes;
};

} // namespace Countersign
