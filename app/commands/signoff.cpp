// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign signoff RECORD --role R --signer NAME --approve|--reject|--withdraw [--comment C]
// [--key KEY] [--principal P] [--sign | --unsigned]: one role's sign-off, signed with the signer's SSH
// key, checked against the record, its trust folder and the ledger (SignOffRules), then appended.
#include "base/settingskeys.h"
#include "commandio.h"
#include "commands.h"
#include "ledger/signoffrules.h"
#include "record/recordfacts.h"
#include "record/textkeys.h"
#include "signedrecord.h"
#include "signing/signoffrecorder.h"
#include "signing/signoffstatement.h"

#include <QSettings>

namespace Countersign::Commands {

int signOff(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("signoff"),
        {CommandOptions::valued(u"role", QStringLiteral("R")),
            CommandOptions::valued(u"signer", QStringLiteral("NAME")),
            CommandOptions::valued(u"comment", QStringLiteral("C")), SignedRecord::ledgerOption(),
            CommandOptions::valued(u"key", QStringLiteral("KEY")),
            CommandOptions::valued(u"principal", QStringLiteral("P")), CommandOptions::flag(u"sign"),
            CommandOptions::flag(u"unsigned"), CommandOptions::flag(u"approve"),
            CommandOptions::flag(u"reject"), CommandOptions::flag(u"withdraw")},
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
    const bool forceUnsigned = options.isSet(QStringLiteral("unsigned"));
    if (forceUnsigned &&
        (options.isSet(QStringLiteral("key")) || options.isSet(QStringLiteral("sign")) ||
            options.isSet(QStringLiteral("principal"))))
        return usageError(QStringLiteral("--unsigned does not go with --key, --sign or --principal"));
    Result<SignedRecord> loaded =
        SignedRecord::load(options.operands().first(), options, SignedRecord::Use::Write);
    if (!loaded)
        return loadError(loaded.error());
    if (loaded->untrusted)
        return loadError(*loaded->untrusted);
    const Document &record = loaded->record;
    SignOffEntry entry = SignOffEntry::now(record, loaded->trust.identity,
        options.value(QStringLiteral("role")), options.value(QStringLiteral("signer")),
        *decisionFromName(decisions.first()), options.value(QStringLiteral("comment")));
    // The role as the record spells it.
    const RecordFacts facts = RecordFacts::extract(record);
    for (const FactField &role : SignOffRules::roles(facts)) {
        if (TextKeys::normalizedKey(role.key) == TextKeys::normalizedKey(entry.role))
            entry.role = role.key;
    }
    const auto refused = [](const Error &error) {
        writeErr(QStringLiteral("countersign: %1: refused: %2\n").arg(error.file, error.message));
        return Findings;
    };
    // Signed as git signs commits: whenever a trust folder governs the record or a key is named (the
    // option, the setting, or --sign for ssh-agent's first key); unsigned only when asked or when
    // nothing asks for a signature.
    const QString settingKey = QSettings().value(SettingsKeys::signingKey).toString();
    const QString key =
        options.isSet(QStringLiteral("key")) ? options.value(QStringLiteral("key")) : settingKey;
    const bool sign = !forceUnsigned &&
        (loaded->trust.folder || options.isSet(QStringLiteral("key")) || !settingKey.isEmpty() ||
            options.isSet(QStringLiteral("sign")));
    SignOffRecorder::Sign signer;
    QString fingerprint;
    if (sign) {
        const Result<SshPublicKey> publicKey = SshSigner::publicKey(key);
        if (!publicKey)
            return loadError(publicKey.error());
        const Result<QString> principal =
            SignOffRecorder::principalFor(loaded->trust, publicKey.value(), entry.role,
                SignOffRules::holderOf(facts, entry.role), options.value(QStringLiteral("principal")));
        if (!principal)
            return refused(principal.error());
        entry.principal = principal.value();
        fingerprint = publicKey->fingerprint();
        signer = [&key](const QByteArray &statement) {
            return SshSigner::sign(statement, key, SignOffStatement::nameSpace.toString());
        };
    }
    const Result<SignOffEntry> stored =
        SignOffRecorder::record(*loaded->ledger, record, loaded->trust, entry, signer);
    if (!stored)
        return stored.error().code == Error::Code::Refused ? refused(stored.error())
                                                           : loadError(stored.error());
    writeOut(QStringLiteral("%1: %2 %3 by %4, %5 (ledger entry %6, content digest %7)\n")
            .arg(record.fileName, stored->role,
                stored->decision == SignOffDecision::Approve      ? QStringLiteral("approved")
                    : stored->decision == SignOffDecision::Reject ? QStringLiteral("rejected")
                                                                  : QStringLiteral("withdrawn"),
                stored->signer,
                stored->isSigned()
                    ? QStringLiteral("signed as %1 with %2").arg(stored->principal, fingerprint)
                    : QStringLiteral("unsigned"))
            .arg(stored->id)
            .arg(stored->digest.left(12)));
    return Clean;
}

} // namespace Countersign::Commands
