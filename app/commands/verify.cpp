// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign verify FINALIZED.md [--db PATH]: an exported record checked against its digests and,
// with --db, against the ledger.
#include "commandio.h"
#include "commands.h"
#include "export/finalizedrecord.h"
#include "record/documentloader.h"
#include "signedrecord.h"

namespace Countersign::Commands {

int verify(const QStringList &arguments)
{
    CommandOptions options(
        QStringLiteral("verify"), {SignedRecord::ledgerOption()}, CommandOptions::Reading::OneRecord);
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().size() != 1)
        return usageError(QStringLiteral("verify takes exactly one exported record"));
    const QString path = options.operands().first();
    const Result<SourceText> source = DocumentLoader::readText(path);
    if (!source)
        return loadError(source.error());
    Result<FinalizedRecord::Verification> verification = FinalizedRecord::verify(source->text(), path);
    if (!verification)
        return loadError(verification.error());
    if (options.isSet(QStringLiteral("db"))) {
        Result<std::unique_ptr<LedgerStore>> ledger = SignedRecord::openLedger(options);
        if (!ledger)
            return loadError(ledger.error());
        const Result<QList<SignOffEntry>> entries = ledger.value()->entries();
        if (!entries)
            return loadError(entries.error());
        FinalizedRecord::checkAgainstLedger(verification.value(), entries.value());
        const Result<QList<RiskDecisionEntry>> decisions = ledger.value()->riskDecisions();
        if (!decisions)
            return loadError(decisions.error());
        FinalizedRecord::checkReviewAgainstLedger(verification.value(), decisions.value());
    }
    if (!verification->isValid()) {
        QString out = QStringLiteral("countersign: %1: tampered:\n").arg(path);
        for (const QString &problem : verification->problems)
            out += QStringLiteral("  %1\n").arg(problem);
        writeErr(out);
        return Findings;
    }
    writeOut(QStringLiteral("%1: valid: content digest %2, %3 sign-off rows%4%5\n")
            .arg(path, verification->contentDigest)
            .arg(verification->rows.size())
            .arg(verification->hasReview ? QStringLiteral(", %1 review rows").arg(verification->review.size())
                                         : QString())
            .arg(verification->final ? QString()
                                     : QStringLiteral(" (exported NOT FINAL, with open sign-offs)")));
    return Clean;
}

} // namespace Countersign::Commands
