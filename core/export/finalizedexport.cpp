// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "export/finalizedexport.h"

#include "export/finalizedrecord.h"
#include "ledger/ledgerstore.h"
#include "record/document.h"
#include "record/documentloader.h"
#include "review/riskreview.h"
#include "signing/recordtrust.h"

namespace Countersign {

Result<FinalizedExport::Built> FinalizedExport::build(const Document &record, const LedgerStore *ledger,
    const QDateTime &exported, bool allowOpen, QStringList *warnings)
{
    Result<RecordTrust> trust = RecordTrust::of(record.fileName);
    if (!trust)
        return trust.error();
    QList<SignOffEntry> entries;
    QList<ReviewedItem> review;
    FinalizedRecord::Provenance provenance{trust->identity, {}};
    if (ledger) {
        if (std::optional<Error> untrusted = ledger->audit())
            return *untrusted;
        Result<LedgerHead> head = ledger->head();
        if (!head)
            return head.error();
        provenance.head = head.value();
        Result<QList<SignOffEntry>> stored = ledger->entries(trust->identity, trust->legacyIdentity);
        if (!stored)
            return stored.error();
        entries = std::move(stored).value();
        Result<QList<ReviewedItem>> reviewed = RiskReview::reviewed(record, *ledger, warnings);
        if (!reviewed)
            return reviewed.error();
        review = std::move(reviewed).value();
    }
    Built built;
    built.status = SignOffRules::evaluate(record, entries, trust.value());
    Result<QByteArray> markdown =
        FinalizedRecord::build(record, built.status, exported, allowOpen, review, provenance);
    if (!markdown)
        return markdown.error();
    built.markdown = std::move(markdown).value();
    return built;
}

std::optional<Error> FinalizedExport::write(
    const Built &built, const QString &recordFileName, const QString &output, const PdfWriter &pdf)
{
    if (pdf)
        return pdf(output, QString::fromUtf8(built.markdown), recordFileName);
    return DocumentLoader::writeFile(output, built.markdown);
}

} // namespace Countersign
