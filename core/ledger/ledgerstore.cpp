// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/ledgerstore.h"

#include "base/settingskeys.h"
#include "ledger/sqliteledgerstore.h"

#include <QSettings>
#include <QStandardPaths>

namespace Countersign {

namespace {

// Both chains hold alike: ids from 1 without a gap, each entry linked to the hash of the one before,
// each hash matching the entry's fields; `changed` says what a mismatched hash means.
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
        previous = entry.hash;
        previousId = entry.id;
    }
    return std::nullopt;
}

} // namespace

Result<std::unique_ptr<LedgerStore>> LedgerStore::open(const QString &location)
{
    Result<std::unique_ptr<SqliteLedgerStore>> sqlite = SqliteLedgerStore::open(location);
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

std::optional<ChainBreak> LedgerStore::verifyDecisionChain(const QList<RiskDecisionEntry> &entries)
{
    return firstBreak(entries, QStringLiteral("changed after it was recorded"));
}

} // namespace Countersign
