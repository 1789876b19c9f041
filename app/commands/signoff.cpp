// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign signoff RECORD --role R --signer NAME --approve|--reject|--withdraw [--comment C]: one
// role's sign-off, checked against the record and the ledger (SignOffRules), then appended.
#include "commandio.h"
#include "commands.h"
#include "ledger/signoffrules.h"
#include "record/recordfacts.h"
#include "record/textkeys.h"
#include "signedrecord.h"

namespace Countersign::Commands {

int signOff(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("signoff"),
        {CommandOptions::valued(u"role", QStringLiteral("R")),
            CommandOptions::valued(u"signer", QStringLiteral("NAME")),
            CommandOptions::valued(u"comment", QStringLiteral("C")), SignedRecord::ledgerOption(),
            CommandOptions::flag(u"approve"), CommandOptions::flag(u"reject"),
            CommandOptions::flag(u"withdraw")},
        CommandOptions::Reading::OneRecord);
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().size() != 1)
        return usageError(QStringLiteral("signoff takes exactly one RECORD"));
    QStringList decisions = options.given();
    decisions.removeIf([](const QString &option) {
        return option != u"approve" && option != u"reject" && option != u"withdraw";
    });
    if (decisions.size() != 1)
        return usageError(QStringLiteral("signoff needs exactly one of --approve, --reject, --withdraw"));
    for (const QString &required : {QStringLiteral("role"), QStringLiteral("signer")}) {
        if (options.value(required).trimmed().isEmpty())
            return usageError(QStringLiteral("signoff needs --%1").arg(required));
    }
    Result<SignedRecord> loaded = SignedRecord::load(options.operands().first(), options);
    if (!loaded)
        return loadError(loaded.error());
    const Document &record = loaded->record;
    SignOffEntry entry = SignOffEntry::now(record, options.value(QStringLiteral("role")),
        options.value(QStringLiteral("signer")), *decisionFromName(decisions.first()),
        options.value(QStringLiteral("comment")));
    // The role as the record spells it.
    for (const FactField &role : SignOffRules::roles(RecordFacts::extract(record))) {
        if (TextKeys::normalizedKey(role.key) == TextKeys::normalizedKey(entry.role))
            entry.role = role.key;
    }
    if (const std::optional<Error> refused = SignOffRules::check(record, loaded->entries, entry)) {
        writeErr(QStringLiteral("countersign: %1: refused: %2\n").arg(refused->file, refused->message));
        return Findings;
    }
    const Result<SignOffEntry> stored = loaded->ledger->append(entry);
    if (!stored)
        return loadError(stored.error());
    writeOut(QStringLiteral("%1: %2 %3 by %4 (ledger entry %5, content digest %6)\n")
            .arg(record.fileName, stored->role,
                stored->decision == SignOffDecision::Approve      ? QStringLiteral("approved")
                    : stored->decision == SignOffDecision::Reject ? QStringLiteral("rejected")
                                                                  : QStringLiteral("withdrawn"),
                stored->signer)
            .arg(stored->id)
            .arg(stored->digest.left(12)));
    return Clean;
}

} // namespace Countersign::Commands
