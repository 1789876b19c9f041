// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign ledger verify: walks the ledger's two hash chains, sign-offs and risk decisions, and
// checks every signed sign-off's statement and signature. ledger init LOCATION: makes a ledger (on a
// PostgreSQL server: the schema, and the grants its application role needs). ledger copy FROM TO:
// copies a whole ledger into an empty one, verified on both sides.
#include "commandio.h"
#include "commands.h"
#include "ledger/postgresledgerstore.h"
#include "signedrecord.h"

using namespace Qt::StringLiterals;

namespace Countersign::Commands {

namespace {

const QString actions = QStringLiteral("verify, init LOCATION or copy FROM TO");

int init(const QString &location, const QString &role)
{
    if (!PostgresLedgerStore::isLocation(location)) {
        // A ledger file is made by opening it to write.
        Result<std::unique_ptr<LedgerStore>> store = LedgerStore::open(location, LedgerStore::Access::Write);
        if (!store)
            return loadError(store.error());
        writeOut(QStringLiteral("%1: the ledger file is ready.\n").arg(location));
        return Clean;
    }
    if (const std::optional<Error> failed = PostgresLedgerStore::init(location)) {
        if (failed->code != Error::Code::Refused)
            return loadError(*failed);
        writeErr(u"countersign: "_s + failed->toString() + u'\n');
        return Findings;
    }
    writeOut(
        QStringLiteral("%1: a Countersign ledger was made (schema countersign).\n"
                       "As the ledger's owner, let the application's role %2 read it and append to it:\n\n")
            .arg(location, role) +
        PostgresLedgerStore::grants(role).join(u'\n') + u'\n');
    return Clean;
}

int copy(const QString &from, const QString &to)
{
    Result<std::unique_ptr<LedgerStore>> source = LedgerStore::open(from, LedgerStore::Access::Read);
    if (!source)
        return loadError(source.error());
    // Only a ledger that holds is copied: a copy would launder a break.
    if (const std::optional<Error> untrusted = source.value()->audit()) {
        writeErr(QStringLiteral("countersign: %1; nothing was copied\n").arg(untrusted->toString()));
        return Findings;
    }
    const Result<QList<SignOffEntry>> signOffs = source.value()->entries();
    const Result<QList<RiskDecisionEntry>> decisions = source.value()->riskDecisions();
    const Result<QList<std::pair<QString, QString>>> adoptions = source.value()->adoptions();
    for (const std::optional<Error> &failed : {signOffs ? std::nullopt : std::optional(signOffs.error()),
             decisions ? std::nullopt : std::optional(decisions.error()),
             adoptions ? std::nullopt : std::optional(adoptions.error())}) {
        if (failed)
            return loadError(*failed);
    }
    {
        Result<std::unique_ptr<LedgerStore>> target = LedgerStore::open(to, LedgerStore::Access::Write);
        if (!target)
            return loadError(target.error());
        if (target.value()->isReadOnly())
            return loadError(
                Error{Error::Code::Database, QStringLiteral("is read-only: nothing was copied"), to});
        if (const std::optional<Error> failed =
                target.value()->importLedger(signOffs.value(), decisions.value(), adoptions.value())) {
            if (failed->code != Error::Code::Refused)
                return loadError(*failed);
            writeErr(u"countersign: "_s + failed->toString() + u'\n');
            return Findings;
        }
    }
    // Read back through a connection of its own: the copy holds what the source holds, and verifies.
    Result<std::unique_ptr<LedgerStore>> copied = LedgerStore::open(to, LedgerStore::Access::Read);
    if (!copied)
        return loadError(copied.error());
    if (const std::optional<Error> untrusted = copied.value()->audit())
        return loadError(*untrusted);
    const Result<LedgerHead> sourceHead = source.value()->head();
    const Result<LedgerHead> copiedHead = copied.value()->head();
    const Result<QList<RiskDecisionEntry>> copiedDecisions = copied.value()->riskDecisions();
    if (!sourceHead || !copiedHead || !copiedDecisions || sourceHead.value() != copiedHead.value() ||
        copiedDecisions->size() != decisions->size()) {
        return loadError(Error{Error::Code::Database,
            QStringLiteral("does not hold what %1 holds after the copy").arg(from), to});
    }
    writeOut(QStringLiteral("%1: copied %2 sign-offs and %3 risk decisions from %4; both hash chains verify "
                            "there, and its last sign-off is the same (%5).\n")
            .arg(to)
            .arg(signOffs->size())
            .arg(decisions->size())
            .arg(from, copiedHead->hash.isEmpty() ? QStringLiteral("none") : copiedHead->hash.left(12)));
    return Clean;
}

} // namespace

int ledger(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("ledger"),
        {SignedRecord::ledgerOption(), CommandOptions::valued(u"grant", QStringLiteral("ROLE"))},
        CommandOptions::Reading::OneRecord);
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    const QStringList operands = options.operands();
    if (operands.isEmpty())
        return usageError(QStringLiteral("ledger takes an action: ") + actions);
    const QString action = operands.first();
    if (action == u"init") {
        if (operands.size() != 2)
            return usageError(QStringLiteral("ledger init takes one ledger: a file or a postgresql:// URI"));
        return init(operands.at(1),
            options.isSet(QStringLiteral("grant")) ? options.value(QStringLiteral("grant"))
                                                   : QStringLiteral("countersign_app"));
    }
    if (action == u"copy") {
        if (operands.size() != 3)
            return usageError(QStringLiteral("ledger copy takes two ledgers: FROM TO"));
        return copy(operands.at(1), operands.at(2));
    }
    if (action != u"verify" || operands.size() != 1)
        return usageError(QStringLiteral("ledger takes one action: ") + actions);
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
