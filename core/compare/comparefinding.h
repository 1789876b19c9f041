// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Countersign {

class JsonWriter;

// One difference between two records, or one problem across the documents of a cutover, as the
// compare and check commands report it and the GUI will list it in a table. Lines are 1-based in the
// file named on that side; 0 means the side has no such element (an item only the other side has).
// Severity follows the domain rules: not comparable = the pair has nothing to compare (a file that is
// not a cutover record, or two kinds with nothing in common), the only finding of such a pair;
// blocking = the sides disagree on the runtime target, an outcome or who holds a named role, or one side
// states one the other lacks; warning = something a person must look at (a status differs, an item of a
// shared list only one side has, a residual risk about the other side that the other side does not
// list); info = wording, a section only one side has, and what each side lists of its own (evidence,
// decision inputs, scope, its own residual risks).
struct CompareFinding
{
    enum class Severity { NotComparable, Blocking, Warning, Info };

    Severity severity = Severity::Info;
    QString section; // the heading as the left side writes it (the right side's when only it has one)
    QString key; // the field, role, item label or gate; empty for a whole section
    QString leftValue;
    QString rightValue;
    int leftLine = 0;
    int rightLine = 0;
    QString message; // what differs, in a few words: "runtime target differs", "only on the right"
    QString leftFile; // the files, when a finding spans documents other than the compared pair
    QString rightFile;

    static QString severityName(Severity severity); // "not-comparable", "blocking", "warning", "info"
    // A few lines for people: severity, section and key, message, then each side's line and value.
    QString toText() const;
    // One JSON object with every member (files only when set).
    void writeJson(JsonWriter &json) const;
    // "findings": [ one object per finding ]
    static void writeJson(JsonWriter &json, const QList<CompareFinding> &findings);

    friend bool operator==(const CompareFinding &, const CompareFinding &) = default;
};

// Counts of a list of findings and the sentence a commander reads aloud: "Aligned.", "Aligned, with
// 2 warnings and 5 notes.", "Not aligned: 2 blocking differences (commit_sha, Runtime cutover
// execution), 1 warning." or "Not comparable: README.md is not a cutover record." A cutover is aligned
// when its records could be compared and nothing is blocking.
struct CompareSummary
{
    int blocking = 0;
    int warnings = 0;
    int notes = 0;
    QStringList blockingKeys; // the key (or section) of each blocking finding, without repeats
    QString notComparable; // why the pair could not be compared; empty when it could

    static CompareSummary of(const QList<CompareFinding> &findings);
    bool isComparable() const { return notComparable.isEmpty(); }
    bool isAligned() const { return isComparable() && blocking == 0; }
    QString headline() const;
    // The members "aligned", "comparable", "headline" (this one's unless given) and "counts":
    // {"blocking": N, "warning": N, "info": N}.
    void writeJson(JsonWriter &json, const QString &headlineText = {}) const;

    friend bool operator==(const CompareSummary &, const CompareSummary &) = default;
};

} // namespace Countersign
