// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign ledger verify: walks the ledger's two hash chains, sign-offs and risk decisions, and
// checks every signed sign-off's statement and signature.
#include "commandio.h"
#include "commands.h"
#include "signedrecord.h"

namespace Countersign::Commands {

int ledger(const QStringList &arguments)
{
    CommandOptions options(
        QStringLiteral("ledger"), {SignedRecord::ledgerOption()}, CommandOptions::Reading::OneRecord);
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().size() != 1)
        return usageError(QStringLiteral("ledger takes exactly one action: verify"));
    if (options.operands().first() != u"verify")
        return usageError(QStringLiteral("ledger takes one action: verify"));
    Result<std::unique_ptr<LedgerStore>> store =
        SignedRecord::openLedger(options, SignedRecord::Use::ReadExisting);
    if (!store)
        return loadError(store.error());
    const Result<QList<SignOffEntry>> entries = store.value()->entries();
    if (!entries)
        return loadError(entries.error());
    const Result<QList<RiskDecisionEntry>> decisions = store.value()->riskDecisions();
    if (!decisions)
        return loadError(decisions.error());
    // Both chains are walked, so that a break in one does not hide a break in the other.
    QString broken;
    const auto report = [&](const QString &what, const std::optional<ChainBreak> &found) {
        if (found) {
            broken += QStringLiteral("countersign: %1: tampered: %2 %3: %4\n")
                          .arg(store.value()->location(), what)
                          .arg(found->id)
                          .arg(found->reason);
        }
    };
    report(QStringLiteral("entry"), LedgerStore::verifyChain(entries.value()));
    report(QStringLiteral("risk decision"), LedgerStore::verifyDecisionChain(decisions.value()));
    if (!broken.isEmpty()) {
        writeErr(broken);
        return Findings;
    }
    const qsizetype signedEntries = std::count_if(
        entries->cbegin(), entries->cend(), [](const SignOffEntry &entry) { return entry.isSigned(); });
    writeOut(QStringLiteral("%1: sign-offs: %2 (%3 signed, every signature verifies), risk decisions: %4; "
                            "both hash chains are intact.\n")
            .arg(store.value()->location())
            .arg(entries->size())
            .arg(signedEntries)
            .arg(decisions->size()));
    return Clean;
}

} // namespace Countersign::Commands
