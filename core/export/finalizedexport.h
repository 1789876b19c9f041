// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/error.h"
#include "base/result.h"
#include "ledger/signoffrules.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Countersign {

struct Document;
class LedgerStore;

// The export pipeline the export command and the window share: a record's sign-offs and residual
// risk review as the ledger has them now, built into the finalized record (FinalizedRecord::build),
// then written as markdown or handed to a PDF writer. The record is the one loaded from its file, so
// that what is exported is what was signed.
class FinalizedExport
{
public:
    // Writes a finalized record's markdown to `output` as a PDF handout. Core has no renderer: the
    // window module passes PdfHandout::write.
    using PdfWriter = std::function<std::optional<Error>(
        const QString &output, const QString &finalized, const QString &recordFileName)>;

    struct Built
    {
        SignOffStatus status;
        QByteArray markdown;
    };

    // `record`'s finalized text with its sign-offs and review from `ledger` (none without a ledger),
    // stamped `exported`, judged by the record's trust folder, with the ledger head it was made from.
    // Refused (Error::Code::Refused) while sign-offs are open unless `allowOpen`; an Error when the
    // ledger cannot be read or fails its audit (Error::Code::Untrusted), or the trust folder is broken.
    // Checkpoints the review could not read are named in `warnings`, refused or not.
    static Result<Built> build(const Document &record, const LedgerStore *ledger, const QDateTime &exported,
        bool allowOpen, QStringList *warnings = nullptr);
    // Writes `built`'s markdown to `output`, through `pdf` when one is given. The Error names the file.
    static std::optional<Error> write(
        const Built &built, const QString &recordFileName, const QString &output, const PdfWriter &pdf = {});
};

} // namespace Countersign
