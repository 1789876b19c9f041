// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/decisivefacts.h"

#include "record/recordfacts.h"
#include "record/textkeys.h"

namespace Countersign {

const FactField *DecisiveFacts::outcome(const RecordFacts &facts)
{
    for (const FactField &field : facts.outcomes) {
        const QString key = TextKeys::normalizedKey(field.key);
        if (key.contains(u"execution") || key.contains(u"cutover"))
            return &field;
    }
    return facts.outcomes.isEmpty() ? nullptr : &facts.outcomes.constLast();
}

const FactField *DecisiveFacts::recommendation(const RecordFacts &facts)
{
    for (const FactField &field : facts.summary) {
        if (TextKeys::normalizedKey(field.key) == u"recommendation")
            return &field;
    }
    return nullptr;
}

} // namespace Countersign
