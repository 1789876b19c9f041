// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

namespace Countersign {

struct FactField;
struct RecordFacts;

// The facts a cutover's GO/NO-GO rests on, as the structural compare and the folder check both read
// them. Each returns a pointer into `facts`, or null when the document has no such fact.
class DecisiveFacts
{
public:
    // The outcome a record's cutover stands on: the one about the cutover or its execution ("Runtime
    // cutover execution"), else the last one listed (rehearsal decisions come first).
    static const FactField *outcome(const RecordFacts &facts);
    // A checkpoint summary's `recommendation` field.
    static const FactField *recommendation(const RecordFacts &facts);
};

} // namespace Countersign
