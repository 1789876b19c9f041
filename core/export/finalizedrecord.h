// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "ledger/ledgerstore.h"
#include "ledger/signoffrules.h"
#include "record/document.h"
#include "review/riskreview.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace Countersign {

// The finalized record: the record's canonical content, then, when the record has review items, a
// Residual Risk Review section (a table of risk, decision, owner, due date and note, with a summary
// line), then a Sign-off section (a table of role, holder, signer, decision, time and digest prefix)
// and a footer with the full content digest, the review's digest and the export time, all inside one
// sign-off block (CanonicalContent's markers), so that the content digest of the exported file is the
// digest of the record that was signed. An export with open sign-offs also starts with a "NOT FINAL"
// banner, in a sign-off block of its own.
//
// verify() recomputes the content digest and checks it against the footer and every sign-off row, and
// recomputes the review's digest (over its rows' cells and its summary) against the footer's; with the
// ledger's entries and decisions it also checks that each sign-off row is a ledger entry and each decided
// review row a ledger decision.
class FinalizedRecord
{
public:
    // The banner's lead, in bold at the top of an export with open sign-offs.
    static constexpr QStringView notFinalBanner = u"NOT FINAL: open sign-offs";

    struct Row
    {
        QString role;
        QString holder;
        QString signer;
        QString decision;
        QString time;
        QString digest; // a prefix of the content digest
        friend bool operator==(const Row &, const Row &) = default;
    };

    // A row of the Residual Risk Review table, cells as written (escaped). `risk` keeps its markers,
    // "*(carried over)*", "*(open item: FILE)*"; `decision` is a decision's name, possibly followed by
    // earlierVersionMarker, or "open".
    struct ReviewRow
    {
        QString risk;
        QString decision;
        QString owner;
        QString due;
        QString note;
        friend bool operator==(const ReviewRow &, const ReviewRow &) = default;
    };

    struct Verification
    {
        QString contentDigest; // recomputed from the file
        QString footerDigest; // as the footer states it
        QList<Row> rows;
        bool hasReview = false; // the block has a Residual Risk Review section
        QList<ReviewRow> review;
        QString reviewDigest; // recomputed from the review's rows
        QString footerReviewDigest; // as the footer states it
        bool final = true; // no NOT FINAL banner
        QStringList problems; // what differs; empty when the file is as exported
        bool isValid() const { return problems.isEmpty(); }
    };

    // Refused (Error::Code::Refused) while a role is pending, rejected or stale, or a rule is broken,
    // unless `allowOpen`. `exported` is the time stated in the footer.
    // `review` (RiskReview::evaluate) adds the Residual Risk Review section; without items there is
    // none. The review does not affect whether the record is final.
    static Result<QByteArray> build(const Document &record, const SignOffStatus &status,
        const QDateTime &exported, bool allowOpen = false, const QList<ReviewedItem> &review = {});
    // Checks a finalized record's text; an Error when it has no Sign-off section to check.
    static Result<Verification> verify(const QString &text, const QString &fileName = {});
    // Adds a problem for every row that matches no ledger entry (same role, signer, decision, time,
    // and a digest the row's prefix starts).
    static void checkAgainstLedger(Verification &verification, const QList<SignOffEntry> &entries);
    // Adds a problem for every decided review row that matches no ledger decision (same item text,
    // decision, owner, due date and note).
    static void checkReviewAgainstLedger(
        Verification &verification, const QList<RiskDecisionEntry> &decisions);
    // The risk text of a review row without its markers, as escapeCell() wrote the item's text.
    static QString reviewRiskText(const QString &riskCell);
    static constexpr QStringView earlierVersionMarker = u" (on an earlier version)";
    // A table cell: "|" and "\\" escaped, line breaks made spaces, so that no name or comment can break
    // the row. Rows read back by verify() keep their cells in this escaped form.
    static QString escapeCell(const QString &text);
};

} // namespace Countersign
