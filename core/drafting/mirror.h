// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "record/document.h"

#include <QString>

namespace Countersign {

// Drafts the other side's copy of a cutover decision: the producer's mirror from the consumer's
// decision record, and the consumer's record from a producer mirror, the way the two sample records
// pair up. The text is the source's, line for line, except for what names the side:
//   - the title gains or loses " (Producer Mirror)";
//   - the Owner line's two teams ("A + B (bilateral)") swap places;
//   - the Decision Scope becomes one sentence for the other side with the source's phase (from its
//     scope, else its Phase Status Mapping): "Producer-side mirror of the bilateral Phase 8 runtime
//     cutover decision." or "Consumer-side record of the bilateral Phase 8 runtime cutover decision
//     for the <consumer> runtime integration with <producer> `<service contract>`.";
//   - Decision Inputs list the other side's checkpoint packet first, then the source's own, then the
//     source record itself (the item that pointed at the counterpart goes), then the rest. Relative
//     paths are rewritten for the other team's repository as the records write them: the source
//     team's files gain its name as a prefix ("AssistSupport/docs/..."), the other team's lose it;
//     absolute paths stay.
// The outcome, runtime target, roles, evidence, risks, phase status mapping and any other section
// are copied byte for byte, with their bullets, headings and line endings; new lines take the
// source's line ending. Sections the source lacks stay missing.
class Mirror
{
public:
    // Error (Refused, naming the file) when `source` is not a decision record or producer mirror.
    static Result<QString> create(const Document &source);
    // DecisionRecord <-> ProducerMirror; Unknown for any other kind.
    static DocumentKind counterpartKind(DocumentKind kind);
    // The counterpart's file name (without a directory):
    // RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md <->
    // RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md.
    // "_PRODUCER_MIRROR" goes before a trailing _YYYY-MM-DD date, or at the end of the name; an unnamed
    // source gives RUNTIME_CUTOVER_DECISION_RECORD[_PRODUCER_MIRROR]_<its Updated date>.md.
    static QString suggestedFileName(const Document &source);
};

} // namespace Countersign
