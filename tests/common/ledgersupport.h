// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Shared by the ledger tests (tst_ledger, tst_ledgerconcurrency, tst_ledgermigration): a sign-off
// and a risk decision with fixed fields, and a store that must open (else the test run ends).
#include "ledger/sqliteledgerstore.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <memory>

namespace TestSupport {

inline Countersign::SignOffEntry entryFor(const QString &record, const QString &role, const QString &signer,
    Countersign::SignOffDecision decision = Countersign::SignOffDecision::Approve,
    const QString &digest = QStringLiteral("d1"))
{
    using Countersign::SignOffDecision;
    Countersign::SignOffEntry entry;
    entry.recordPath = record;
    entry.recordKind = QStringLiteral("decision-record");
    entry.role = role;
    entry.signer = signer;
    entry.decision = decision;
    entry.comment = decision == SignOffDecision::Approve ? QString() : QStringLiteral("not yet");
    entry.time = QDateTime(QDate(2026, 3, 14), QTime(9, 30), QTimeZone::UTC);
    entry.digest = digest;
    entry.osUser = QStringLiteral("tester");
    entry.host = QStringLiteral("host");
    return entry;
}

inline Countersign::RiskDecisionEntry decisionFor(const QString &record, const QString &item,
    const QString &recordedBy, Countersign::RiskDecision decision = Countersign::RiskDecision::Accepted)
{
    using Countersign::RiskDecision;
    Countersign::RiskDecisionEntry entry;
    entry.recordPath = record;
    entry.recordDigest = QStringLiteral("d1");
    entry.itemKey = QStringLiteral("risk:") + item.toCaseFolded();
    entry.itemText = item;
    entry.decision = decision;
    if (decision == RiskDecision::NeedsAction) {
        entry.owner = QStringLiteral("Dana Levi");
        entry.due = QDate(2026, 3, 21);
        entry.note = QStringLiteral("drill before the next window");
    }
    entry.recordedBy = recordedBy;
    entry.time = QDateTime(QDate(2026, 3, 14), QTime(9, 45), QTimeZone::UTC);
    entry.osUser = QStringLiteral("tester");
    entry.host = QStringLiteral("host");
    return entry;
}

// The ledger at `location` (a file or a server's URI), opened to write; the test run ends if it cannot.
inline std::unique_ptr<Countersign::LedgerStore> openLedger(const QString &location)
{
    Countersign::Result<std::unique_ptr<Countersign::LedgerStore>> store =
        Countersign::LedgerStore::open(location);
    if (!store)
        qFatal("cannot open the ledger: %s", qPrintable(store.error().toString()));
    return std::move(store).value();
}

inline std::unique_ptr<Countersign::SqliteLedgerStore> openStore(const QString &path)
{
    Countersign::Result<std::unique_ptr<Countersign::SqliteLedgerStore>> store =
        Countersign::SqliteLedgerStore::open(path);
    if (!store)
        qFatal("cannot open the ledger: %s", qPrintable(store.error().toString()));
    return std::move(store).value();
}

} // namespace TestSupport
