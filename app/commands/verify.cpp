// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign verify FINALIZED.md [--signers DIR] [--db PATH]: an exported record checked, offline,
// against its digests, its signed statements and the team's trust folder (found from the file's
// location, or given); with --db, also against the ledger.
#include "commandio.h"
#include "commands.h"
#include "export/finalizedrecord.h"
#include "record/documentloader.h"
#include "signedrecord.h"

namespace Countersign::Commands {

int verify(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("verify"),
        {SignedRecord::ledgerOption(), CommandOptions::valued(u"signers", QStringLiteral("DIR"))},
        CommandOptions::Reading::OneRecord);
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().size() != 1)
        return usageError(QStringLiteral("verify takes exactly one exported record"));
    const QString path = options.operands().first();
    const Result<SourceText> source = DocumentLoader::readText(path);
    if (!source)
        return loadError(source.error());
    const Result<RecordTrust> trust = RecordTrust::of(path, options.value(QStringLiteral("signers")));
    if (!trust)
        return loadError(trust.error());
    Result<FinalizedRecord::Verification> verification =
        FinalizedRecord::verify(source->text(), path, &trust.value());
    if (!verification)
        return loadError(verification.error());
    if (options.isSet(QStringLiteral("db"))) {
        Result<std::unique_ptr<LedgerStore>> ledger =
            SignedRecord::openLedger(options, SignedRecord::Use::Read);
        if (!ledger)
            return loadError(ledger.error());
        // A ledger that fails its own check is no witness: said first, and its rows still compared.
        if (std::optional<Error> untrusted = ledger.value()->audit())
            verification.value().problems.append(untrusted->toString());
        const Result<QList<SignOffEntry>> entries = ledger.value()->entries();
        if (!entries)
            return loadError(entries.error());
        FinalizedRecord::checkAgainstLedger(verification.value(), entries.value());
        const Result<QList<RiskDecisionEntry>> decisions = ledger.value()->riskDecisions();
        if (!decisions)
            return loadError(decisions.error());
        FinalizedRecord::checkReviewAgainstLedger(verification.value(), decisions.value());
    }
    for (const QString &note : verification->notes)
        writeErr(QStringLiteral("countersign: %1: note: %2\n").arg(path, note));
    if (!verification->isValid()) {
        QString out = QStringLiteral("countersign: %1: tampered:\n").arg(path);
        for (const QString &problem : verification->problems)
            out += QStringLiteral("  %1\n").arg(problem);
        writeErr(out);
        return Findings;
    }
    if (!verification->isFinal()) {
        QString out = QStringLiteral("%1: NOT FINAL: the file is as exported (content digest %2), but:\n")
                          .arg(path, verification->contentDigest);
        for (const QString &reason : verification->notFinal)
            out += QStringLiteral("  %1\n").arg(reason);
        writeOut(out);
        return Findings;
    }
    const qsizetype signedRows = std::count_if(verification->rows.cbegin(), verification->rows.cend(),
        [](const FinalizedRecord::Row &row) { return row.signature.startsWith(u"statement "); });
    writeOut(QStringLiteral("%1: valid and final: content digest %2, %3 sign-off rows (%4 signed)%5\n")
            .arg(path, verification->contentDigest)
            .arg(verification->rows.size())
            .arg(signedRows)
            .arg(verification->hasReview ? QStringLiteral(", %1 review rows").arg(verification->review.size())
                                         : QString()));
    return Clean;
}

} // namespace Countersign::Commands
