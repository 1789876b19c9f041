// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "record/document.h"

#include <QList>
#include <QString>

namespace Countersign {

struct LintFinding
{
    enum class Severity { Warning, Error };
    QString file;
    int line = 0;
    Severity severity = Severity::Warning;
    QString code; // stable identifier, e.g. "missing-section", "commit-sha"
    QString message;

    // "file:line: error: message [code]"
    QString toString() const;
    friend bool operator==(const LintFinding &, const LintFinding &) = default;
};

// Checks a parsed record against what its kind is expected to hold: the sections a kind needs,
// `key: value` field lines, duplicate keys and sections, status words, commit SHAs (40 hex digits)
// and ISO 8601 dates. Findings are sorted by line.
class Linter
{
public:
    static QList<LintFinding> lint(const Document &doc);

    // The value rules lint applies, for others that check values before they become a record
    // (RecordTemplate): whether a key (as written: "commit_sha", "Updated") names a date or a commit,
    // and whether a value is an ISO 8601 date (YYYY-MM-DD, optionally with a time) or a 40-digit
    // hexadecimal commit SHA.
    static bool isDateKey(QStringView key);
    static bool isCommitKey(QStringView key);
    static bool isIsoDate(QStringView value);
    static bool isCommitSha(QStringView value);
};

} // namespace Countersign
