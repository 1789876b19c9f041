// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "commandoptions.h"
#include "ledger/ledgerstore.h"
#include "record/document.h"
#include "signing/recordtrust.h"

#include <QList>

#include <memory>

namespace Countersign {

// A record with its trust (identity, trust folder), its ledger and the ledger's entries for it: what
// signoff, status and review start from. Also the --db option that every command reading the ledger
// takes. `untrusted` says why the ledger failed its audit: such a ledger is read (status shows what it
// holds, marked untrusted) but never signed into or exported from.
struct SignedRecord
{
    Document record;
    RecordTrust trust;
    std::unique_ptr<LedgerStore> ledger;
    QList<SignOffEntry> entries;
    std::optional<Error> untrusted;

    // What a command does with the ledger. Write (signoff, review --decision) creates a missing one.
    // Read never creates one: a ledger named by --db or chosen in the settings that does not exist is
    // "no such ledger" (a typo must not read as an empty, intact ledger), and the default one, which
    // does not exist until the user first signs, reads as empty, still uncreated. ReadExisting (ledger
    // verify) is "no such ledger" for the default one too: there is nothing to verify.
    enum class Use { Read, ReadExisting, Write };

    // --db PATH, the ledger file.
    static CommandOptions::Option ledgerOption();
    // The ledger named by --db, else the one chosen in the window's settings, else the default one.
    static Result<std::unique_ptr<LedgerStore>> openLedger(const CommandOptions &options, Use use);
    // The record at `path`, the ledger openLedger() opens and its entries for the record. The Error
    // names the file that failed.
    static Result<SignedRecord> load(const QString &path, const CommandOptions &options, Use use);
};

} // namespace Countersign
