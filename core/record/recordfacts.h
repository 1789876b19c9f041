// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "record/document.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Countersign {

// A `key: value` fact of a record, from a list item, a table row or a plain `key: value` line.
struct FactField
{
    QString key;
    QString value; // plain text: inline code without backticks, bold without asterisks
    StatusToken status; // the bold token of the value, if any
    int line = 0;
    bool isCode = false;
    friend bool operator==(const FactField &, const FactField &) = default;
};

struct FactText
{
    QString text;
    int line = 0;
    friend bool operator==(const FactText &, const FactText &) = default;
};

struct DecisionInput
{
    QString label;
    QStringList paths;
    int line = 0;
    friend bool operator==(const DecisionInput &, const DecisionInput &) = default;
};

struct GateResult
{
    QString gate;
    StatusToken status;
    QString evidence;
    int line = 0;
    friend bool operator==(const GateResult &, const GateResult &) = default;
};

// The domain's view of a parsed record: what the sections say, found by their normalized headings
// so that renamed or reordered sections, `*` bullets, deeper headings and tables instead of lists
// are read alike. A fact whose section is missing is simply empty; extract() never fails.
struct RecordFacts
{
    QList<FactField> summary; // checkpoint summary (checkpoint_id, phase, recommendation, ...)
    QList<FactField> runtimeTarget; // release_tag, commit_sha, *_contract_version, integration_baseline
    QList<FactField> outcomes; // "Runtime cutover execution" -> GO
    QList<FactField> roles; // role -> holder
    QList<DecisionInput> decisionInputs;
    QList<FactText> evidence;
    QList<FactText> residualRisks;
    bool residualRisksNonBlocking = false; // the section is qualified "(Non-blocking)"
    QList<FactField> phases; // "Phase 8" -> Complete
    QList<GateResult> gates;
    QList<FactText> openItems;
    QList<FactText> requestedSignOffs;

    static RecordFacts extract(const Document &doc);
    // The section a fact is read from: the first one, other than the title, whose normalized heading
    // passes `matches` (one of the tests below); null when there is none.
    static const Section *sectionOf(const Document &doc, bool (*matches)(QStringView key));

    // The sections each fact is read from, by the words of their normalized heading.
    static bool isRuntimeTargetKey(QStringView key);
    static bool isOutcomeKey(QStringView key);
    static bool isRolesKey(QStringView key);
    static bool isDecisionInputsKey(QStringView key);
    static bool isEvidenceKey(QStringView key);
    static bool isResidualRisksKey(QStringView key);
    static bool isPhaseStatusKey(QStringView key);
    static bool isGateResultsKey(QStringView key);
    static bool isOpenItemsKey(QStringView key);
    static bool isRequestedSignOffsKey(QStringView key);
    static bool isSummaryKey(QStringView key);

    friend bool operator==(const RecordFacts &, const RecordFacts &) = default;
};

} // namespace Countersign
