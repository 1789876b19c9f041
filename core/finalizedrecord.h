#pragma once

#include "document.h"
#include "ledgerstore.h"
#include "result.h"
#include "signoffrules.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace Countersign {

// The finalized record: the record's canonical content, then a Sign-off section (a table of role,
// holder, signer, decision, time and digest prefix) and a footer with the full content digest and
// the export time, both inside a sign-off block (CanonicalContent's markers), so that the content
// digest of the exported file is the digest of the record that was signed. An export with open
// sign-offs also starts with a "NOT FINAL" banner, in a sign-off block of its own.
//
// verify() recomputes that digest and checks it against the footer and every row; with the ledger's
// entries it also checks that each row is a ledger entry.
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

    struct Verification
    {
        QString contentDigest; // recomputed from the file
        QString footerDigest; // as the footer states it
        QList<Row> rows;
        bool final = true; // no NOT FINAL banner
        QStringList problems; // what differs; empty when the file is as exported
        bool isValid() const { return problems.isEmpty(); }
    };

    // Refused (Error::Code::Refused) while a role is pending, rejected or stale, or a rule is broken,
    // unless `allowOpen`. `exported` is the time stated in the footer.
    static Result<QByteArray> build(const Document &record, const SignOffStatus &status,
        const QDateTime &exported, bool allowOpen = false);
    // Checks a finalized record's text; an Error when it has no Sign-off section to check.
    static Result<Verification> verify(const QString &text, const QString &fileName = {});
    // Adds a problem for every row that matches no ledger entry (same role, signer, decision, time,
    // and a digest the row's prefix starts).
    static void checkAgainstLedger(Verification &verification, const QList<SignOffEntry> &entries);
    // A table cell: "|" and "\\" escaped, line breaks made spaces, so that no name or comment can break
    // the row. Rows read back by verify() keep their cells in this escaped form.
    static QString escapeCell(const QString &text);
};

} // namespace Countersign
