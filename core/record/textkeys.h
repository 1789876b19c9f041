// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "record/document.h"

#include <QString>
#include <QStringList>
#include <QStringView>

// Normalization that lets the two teams' wording meet: headings, field keys and labels are compared
// by their normalized key, never by their raw text.
namespace Countersign::TextKeys {

// Lower case, trailing "(...)" qualifiers removed, punctuation (`_`, `-`, `:`, `.`, `/`, ...) turned into
// spaces, runs of spaces collapsed: "Ownership (Named Roles)" -> "ownership", "release_tag" ->
// "release tag", "Sign-off Requested From" -> "sign off requested from".
QString normalizedKey(QStringView text);

// Splits trailing parenthesized qualifiers off a heading or title:
// "Residual Risks (Non-blocking)" -> {"Residual Risks", {"Non-blocking"}}.
struct Qualified
{
    QString base;
    QStringList qualifiers;
};
Qualified splitQualifiers(QStringView text);

// Reads a bold text as a status token: "Active (stabilization window)" -> word "Active",
// qualifier "stabilization window".
StatusToken statusToken(QStringView boldText);

// True for words Countersign knows as statuses (GO, NO-GO, PASS, WARN, FAIL, Closed, Complete, ...),
// compared case-insensitively.
bool isKnownStatusWord(QStringView word);
// The known words, for messages.
QStringList knownStatusWords();

} // namespace Countersign::TextKeys
