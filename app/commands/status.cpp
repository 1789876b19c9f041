// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign status RECORD: each role's sign-off (signed or not, and what does not count), and
// whether the record is final.
#include "commandio.h"
#include "commands.h"
#include "ledger/signoffrules.h"
#include "signedrecord.h"

namespace Countersign::Commands {

namespace {

// "signed as ana@example.org (SHA256:...)", "unsigned".
QString standingText(const EntryStanding &standing)
{
    if (standing.standing == SignatureStanding::Unsigned)
        return QStringLiteral("unsigned");
    return QStringLiteral("signed as %1 (%2)").arg(standing.principal, standing.fingerprint);
}

QString describeStatus(const SignOffStatus &status)
{
    QString out;
    for (const RoleSignOff &role : status.roles) {
        out += QStringLiteral("  %1 (%2): %3").arg(role.role, role.holder, roleStateName(role.state));
        if (role.latest) {
            out += QStringLiteral(" — %1 %2 at %3 on %4, %5")
                       .arg(role.latest->signer, decisionName(role.latest->decision), role.latest->timeText(),
                           role.latest->digest.left(12), standingText(role.standing));
            if (!role.latest->comment.isEmpty())
                out += QStringLiteral(": \"%1\"").arg(role.latest->comment);
        }
        out += u'\n';
        if (role.ignored) {
            out += QStringLiteral("    not counted: %1 %2 at %3: %4\n")
                       .arg(role.ignored->signer, decisionName(role.ignored->decision),
                           role.ignored->timeText(), role.ignoredStanding.reason);
        }
    }
    for (const QString &problem : status.problems)
        out += QStringLiteral("  problem: %1\n").arg(problem);
    return out;
}

} // namespace

int status(const QStringList &arguments)
{
    CommandOptions options(
        QStringLiteral("status"), {SignedRecord::ledgerOption()}, CommandOptions::Reading::OneRecord);
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    if (options.operands().size() != 1)
        return usageError(QStringLiteral("status takes exactly one RECORD"));
    const Result<SignedRecord> loaded =
        SignedRecord::load(options.operands().first(), options, SignedRecord::Use::Read);
    if (!loaded)
        return loadError(loaded.error());
    const Document &record = loaded->record;
    const SignOffStatus signOffs = SignOffRules::evaluate(record, loaded->entries, loaded->trust);
    QString out = QStringLiteral("%1: content digest %2\n").arg(record.fileName, signOffs.digest);
    if (loaded->untrusted) {
        // What an untrusted ledger holds is shown, never counted: the record is not final on it.
        out += QStringLiteral("UNTRUSTED LEDGER: %1\n").arg(loaded->untrusted->toString());
        out += describeStatus(signOffs);
        out += QStringLiteral("Not final: the ledger fails its check.\n");
        writeOut(out);
        return Findings;
    }
    out += describeStatus(signOffs);
    if (signOffs.roles.isEmpty())
        out += QStringLiteral("Not final: the record names no roles (an Ownership section lists them).\n");
    else if (signOffs.isFinal())
        out += QStringLiteral("Final: every role approved this content.\n");
    else
        out += QStringLiteral("Not final: %1.\n")
                   .arg((signOffs.openRoles() + signOffs.problems).join(QStringLiteral("; ")));
    writeOut(out);
    return signOffs.isFinal() ? Clean : Findings;
}

} // namespace Countersign::Commands
