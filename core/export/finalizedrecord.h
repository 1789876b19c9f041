// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "ledger/ledgerstore.h"
#include "ledger/signoffrules.h"
#include "record/document.h"
#include "review/riskreview.h"
#include "signing/recordtrust.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace Countersign {

// The finalized record: the record's canonical content, then, when the record has review items, a
// Residual Risk Review section (a table of risk, decision, owner, due date and note, with a summary
// line), then a Sign-off section (a table of role, holder, signer, decision, time, digest prefix and
// signature; from a shared ledger, also the server user of each entry, after the signer) and a footer with
// the full content digest, the review's digest, the record's identity, the ledger head the export was made
// from and the export time, then every signed statement and its armored SSH signature in a collapsed
// <details> block (fenced blocks "statement-N" and "signature-N", so that plain awk and ssh-keygen can check
// them), all inside one sign-off block (CanonicalContent's markers), so that the content digest of the
// exported file is the digest of the record that was signed. An export with open sign-offs also starts with a
// "NOT FINAL" banner, in a sign-off block of its own.
//
// verify() recomputes the content digest and checks it against the footer and every sign-off row, and
// recomputes the review's digest (over its rows' cells and its summary) against the footer's; it
// checks each row's signed statement (its signature in Countersign's namespace, its fields against
// the row, its digest against the content), and, with a trust folder, whether each key may sign that
// role. Whether the record is final is derived, never read from the banner: every role the content's
// Ownership section names needs a counting approval of this content, and the one-person-one-role rule
// must hold. With the ledger's entries and decisions it also checks that each sign-off row is a ledger
// entry, each decided review row a ledger decision, that the ledger still holds the head the export
// was made from, and that no role was rejected or withdrawn since.
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
        // Who the ledger's server authenticated for the entry, "—" for none; absent when the table has
        // no Server user column (a file ledger's export, or an export before shared ledgers). Not
        // signed: only the ledger attests it.
        std::optional<QString> serverUser;
        QString decision;
        QString time;
        QString digest; // a prefix of the content digest
        QString
            signature; // "statement N (principal)", "unsigned", or "—" (empty in exports before signatures)
        int line = 0; // 1-based, in the exported file
        friend bool operator==(const Row &, const Row &) = default;
    };

    // One signed statement and its signature, as the export carries them.
    struct Statement
    {
        int number = 0;
        QString text;
        QString signature;
        friend bool operator==(const Statement &, const Statement &) = default;
    };

    // Where the export came from: the record's identity and the ledger head it was made from.
    struct Provenance
    {
        QString identity;
        LedgerHead head;
        friend bool operator==(const Provenance &, const Provenance &) = default;
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
        QList<Statement> statements;
        std::optional<Provenance> provenance; // absent in exports before signatures
        bool exportedFinal = true; // no NOT FINAL banner
        QStringList notFinal; // why the record is not final: roles without a counting approval, rules
        QStringList notes; // worth saying, not wrong: signers not checked without a trust folder
        QStringList problems; // what differs; empty when the file is as exported
        bool isValid() const { return problems.isEmpty(); }
        bool isFinal() const { return notFinal.isEmpty(); }
    };

    // Refused (Error::Code::Refused) while a role is pending, rejected or stale, or a rule is broken,
    // unless `allowOpen`. `exported` is the time stated in the footer.
    // `review` (RiskReview::evaluate) adds the Residual Risk Review section; without items there is
    // none. The review does not affect whether the record is final.
    static Result<QByteArray> build(const Document &record, const SignOffStatus &status,
        const QDateTime &exported, bool allowOpen = false, const QList<ReviewedItem> &review = {},
        const Provenance &provenance = {});
    // Checks a finalized record's text; an Error when it has no Sign-off section to check. `trust`
    // (its folder, its policy) decides which signatures and unsigned rows count; without one, every
    // well-formed row counts and a note says that no signer was checked.
    static Result<Verification> verify(
        const QString &text, const QString &fileName = {}, const RecordTrust *trust = nullptr);
    // Adds a problem for every row that matches no ledger entry (same role, signer, decision, time,
    // and a digest the row's prefix starts) or names another server user than its entry, for a ledger that no
    // longer holds the export's head, and a not-final reason for every role of the record rejected or
    // withdrawn since the export. `entries` is the whole ledger.
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
