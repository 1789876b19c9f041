// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign status RECORD: each role's sign-off, and whether the record is final.
#include "commandio.h"
#include "commands.h"
#include "ledger/signoffrules.h"
#include "signedrecord.h"

namespace Countersign::Commands {

namespace {

QString describeStatus(const SignOffStatus &status)
{
    QString out;
    for (const RoleSignOff &role : status.roles) {
        out += QStringLiteral("  %1 (%2): %3").arg(role.role, role.holder, roleStateName(role.state));
        if (role.latest) {
            out += QStringLiteral(" — %1 %2 at %3 on %4")
                       .arg(role.latest->signer, decisionName(role.latest->decision), role.latest->timeText(),
                           role.latest->digest.left(12));
            if (!role.latest->comment.isEmpty())
                out += QStringLiteral(": \"%1\"").arg(role.latest->comment);
        }
        out += u'\n';
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
    const Result<SignedRecord> loaded = SignedRecord::load(options.operands().first(), options);
    if (!loaded)
        return loadError(loaded.error());
    const Document &record = loaded->record;
    const SignOffStatus signOffs = SignOffRules::evaluate(record, loaded->entries);
    QString out = QStringLiteral("%1: content digest %2\n").arg(record.fileName, signOffs.digest);
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
