// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/ledgerstore.h"

#include "base/settingskeys.h"
#include "ledger/postgresledgerstore.h"
#include "ledger/sqliteledgerstore.h"
#include "signing/recordtrust.h"
#include "signing/signoffstatement.h"

#include <QSettings>
#include <QStandardPaths>

namespace Countersign {

namespace {

// Both chains hold alike: ids from 1 without a gap, each entry linked to the hash of the one before,
// each hash matching the entry's fields; `changed` says what a mismatched hash means.
std::optional<QString> ownProblem(const SignOffEntry &entry)
{
    return RecordTrust::integrityProblem(entry);
}

std::optional<QString> ownProblem(const RiskDecisionEntry &)
{
    return std::nullopt;
}

template<typename Entry>
std::optional<ChainBreak> firstBreak(const QList<Entry> &entries, const QString &changed)
{
    QString previous;
    qint64 previousId = 0;
    for (const Entry &entry : entries) {
        if (entry.id != previousId + 1)
            return ChainBreak{
                entry.id, QStringLiteral("entry %1 follows entry %2").arg(entry.id).arg(previousId)};
        if (entry.previousHash != previous)
            return ChainBreak{entry.id, QStringLiteral("its link to the entry before does not match")};
        if (entry.computeHash() != entry.hash)
            return ChainBreak{entry.id, QStringLiteral("its fields do not match its hash (%1)").arg(changed)};
        if (std::optional<QString> problem = ownProblem(entry))
            return ChainBreak{entry.id, QStringLiteral("its signature does not hold: %1").arg(*problem)};
        previous = entry.hash;
        previousId = entry.id;
    }
    return std::nullopt;
}

// A ledger that does not exist yet, read as empty (Access::ReadOrEmpty): it holds nothing, refuses
// every write and never creates the file it names.
class MissingLedger : public LedgerStore
{
public:
    explicit MissingLedger(const QString &location)
        : m_location(location)
    { }
    Result<SignOffEntry> append(const SignOffEntry &, const AppendCheck &, const QString &) override
    {
        return refused();
    }
    Result<QList<SignOffEntry>> entries(const QString &, const QString &) const override
    {
        return QList<SignOffEntry>();
    }
    std::optional<Error> adopt(const QString &, const QString &) override { return std::nullopt; }
    Result<LedgerHead> head() const override { return LedgerHead{}; }
    Result<QList<std::pair<QString, QString>>> adoptions() const override
    {
        return QList<std::pair<QString, QString>>();
    }
    std::optional<Error> importLedger(const QList<SignOffEntry> &, const QList<RiskDecisionEntry> &,
        const QList<std::pair<QString, QString>> &) override
    {
        return refused();
    }
    Result<RiskDecisionEntry> appendRiskDecision(const RiskDecisionEntry &) override { return refused(); }
    Result<QList<RiskDecisionEntry>> riskDecisions(const QString &) const override
    {
        return QList<RiskDecisionEntry>();
    }
    bool isReadOnly() const override { return true; }
    QString location() const override { return m_location; }
    QString revision() const override { return QStringLiteral("missing"); }

private:
    Error refused() const
    {
        return Error{
            Error::Code::FileNotFound, QStringLiteral("no such ledger: nothing was recorded"), m_location};
    }
    QString m_location;
};

} // namespace

Result<std::unique_ptr<LedgerStore>> LedgerStore::open(const QString &location, Access access)
{
    if (PostgresLedgerStore::isLocation(location)) {
        // A server's ledger is made on purpose (ledger init): a missing one is an error to every access.
        Result<std::unique_ptr<PostgresLedgerStore>> server =
            PostgresLedgerStore::open(location, access == Access::Write ? Access::Write : Access::Read);
        if (!server)
            return server.error();
        return std::unique_ptr<LedgerStore>(std::move(server).value());
    }
    Result<std::unique_ptr<SqliteLedgerStore>> sqlite =
        SqliteLedgerStore::open(location, access == Access::Write ? Access::Write : Access::Read);
    if (!sqlite && access == Access::ReadOrEmpty && sqlite.error().code == Error::Code::FileNotFound)
        return std::unique_ptr<LedgerStore>(new MissingLedger(location));
    if (!sqlite)
        return sqlite.error();
    return std::unique_ptr<LedgerStore>(std::move(sqlite).value());
}

QString LedgerStore::defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
        QStringLiteral("/countersign.sqlite");
}

QString LedgerStore::configuredLocation()
{
    return QSettings().value(SettingsKeys::ledgerLocation, defaultLocation()).toString();
}

void LedgerStore::setConfiguredLocation(const QString &location)
{
    QSettings().setValue(SettingsKeys::ledgerLocation, location);
}

std::optional<ChainBreak> LedgerStore::verifyChain(const QList<SignOffEntry> &entries)
{
    return firstBreak(entries, QStringLiteral("changed after signing"));
}

std::optional<Error> LedgerStore::checkSignedEntry(const SignOffEntry &linked, const QString &location)
{
    if (linked.statement.isEmpty() && linked.signature.isEmpty() && linked.principal.isEmpty())
        return std::nullopt;
    const Result<SignOffStatement::Fields> fields = SignOffStatement::parse(linked.statement);
    if (fields && fields->previous != linked.previousHash) {
        return Error{Error::Code::Conflict,
            QStringLiteral("another sign-off was recorded while this one was being signed; it must be "
                           "signed again"),
            location};
    }
    if (std::optional<QString> problem = RecordTrust::integrityProblem(linked))
        return Error{Error::Code::Refused,
            QStringLiteral("the signed sign-off was not recorded: %1").arg(*problem), location};
    return std::nullopt;
}

std::optional<Error> LedgerStore::audit() const
{
    const QString now = revision();
    if (!now.isEmpty() && now == m_auditedRevision)
        return std::nullopt;
    const Result<QList<SignOffEntry>> signOffs = entries();
    if (!signOffs)
        return signOffs.error();
    const Result<QList<RiskDecisionEntry>> decisions = riskDecisions();
    if (!decisions)
        return decisions.error();
    const auto untrusted = [this](const QString &what, const ChainBreak &found) {
        return Error{Error::Code::Untrusted,
            QStringLiteral("fails its check (%1 %2: %3); it is not used until this is resolved (see "
                           "'countersign ledger verify')")
                .arg(what)
                .arg(found.id)
                .arg(found.reason),
            location()};
    };
    if (const std::optional<ChainBreak> found = verifyChain(signOffs.value()))
        return untrusted(QStringLiteral("sign-off"), *found);
    if (const std::optional<ChainBreak> found = verifyDecisionChain(decisions.value()))
        return untrusted(QStringLiteral("risk decision"), *found);
    m_auditedRevision = now;
    return std::nullopt;
}

std::optional<ChainBreak> LedgerStore::verifyDecisionChain(const QList<RiskDecisionEntry> &entries)
{
    return firstBreak(entries, QStringLiteral("changed after it was recorded"));
}

} // namespace Countersign
