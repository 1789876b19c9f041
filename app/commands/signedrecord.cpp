// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signedrecord.h"

#include "record/markdownparser.h"

namespace Countersign {

CommandOptions::Option SignedRecord::ledgerOption()
{
    return CommandOptions::valued(u"db", QStringLiteral("PATH"));
}

Result<std::unique_ptr<LedgerStore>> SignedRecord::openLedger(const CommandOptions &options, Use use)
{
    const QString location = options.isSet(QStringLiteral("db")) ? options.value(QStringLiteral("db"))
                                                                 : LedgerStore::configuredLocation();
    if (use == Use::Write)
        return LedgerStore::open(location, LedgerStore::Access::Write);
    const bool named = options.isSet(QStringLiteral("db")) || location != LedgerStore::defaultLocation();
    return LedgerStore::open(location,
        named || use == Use::ReadExisting ? LedgerStore::Access::Read : LedgerStore::Access::ReadOrEmpty);
}

Result<SignedRecord> SignedRecord::load(const QString &path, const CommandOptions &options, Use use)
{
    Result<Document> record = MarkdownParser::parseFile(path);
    if (!record)
        return record.error();
    Result<RecordTrust> trust = RecordTrust::of(record->fileName);
    if (!trust)
        return trust.error();
    Result<std::unique_ptr<LedgerStore>> ledger = openLedger(options, use);
    if (!ledger)
        return ledger.error();
    std::optional<Error> untrusted = ledger.value()->audit();
    if (!untrusted) {
        if (std::optional<Error> failed = ledger.value()->adopt(trust->legacyIdentity, trust->identity))
            return *failed;
    }
    const Result<QList<SignOffEntry>> entries =
        ledger.value()->entries(trust->identity, trust->legacyIdentity);
    if (!entries)
        return entries.error();
    return SignedRecord{std::move(record).value(), std::move(trust).value(), std::move(ledger).value(),
        entries.value(), std::move(untrusted)};
}

} // namespace Countersign
