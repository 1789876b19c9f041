// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/signoff.h"

#include "ledger/chainhash.h"
#include "record/canonicalcontent.h"
#include "record/document.h"

#include <QSysInfo>

namespace Countersign {

QString decisionName(SignOffDecision decision)
{
    switch (decision) {
    case SignOffDecision::Approve:
        return QStringLiteral("approve");
    case SignOffDecision::Reject:
        return QStringLiteral("reject");
    case SignOffDecision::Withdraw:
        break;
    }
    return QStringLiteral("withdraw");
}

std::optional<SignOffDecision> decisionFromName(QStringView name)
{
    for (const SignOffDecision decision :
        {SignOffDecision::Approve, SignOffDecision::Reject, SignOffDecision::Withdraw}) {
        if (name == decisionName(decision))
            return decision;
    }
    return std::nullopt;
}

SignOffEntry SignOffEntry::now(const Document &record, const QString &identity, const QString &role,
    const QString &signer, SignOffDecision decision, const QString &comment)
{
    SignOffEntry entry;
    entry.recordPath = identity;
    entry.recordKind = kindName(record.kind);
    entry.role = role.simplified();
    entry.signer = signer.simplified();
    entry.decision = decision;
    entry.comment = comment.trimmed();
    entry.time = QDateTime::currentDateTimeUtc();
    entry.digest = CanonicalContent::digest(record.source.text());
    entry.osUser = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    entry.host = QSysInfo::machineHostName();
    return entry;
}

QString SignOffEntry::timeText() const
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString SignOffEntry::computeHash() const
{
    // Each field with its length in front, so that no two different entries hash the same input.
    ChainHash chain;
    const auto add = [&chain](const QString &field) { chain.add(field); };
    add(QString::number(id));
    add(recordPath);
    add(recordKind);
    add(role);
    add(signer);
    add(decisionName(decision));
    add(comment);
    add(timeText());
    add(digest);
    add(osUser);
    add(host);
    add(previousHash);
    // Signed entries add their principal, statement and signature; unsigned ones hash as entries
    // always did, so that ledgers written before signatures keep their chain.
    if (!principal.isEmpty() || !statement.isEmpty() || !signature.isEmpty()) {
        add(QStringLiteral("signed"));
        add(principal);
        add(statement);
        add(signature);
    }
    // Entries of a shared ledger add the server's user; the others hash as they always did.
    if (!serverUser.isEmpty()) {
        add(QStringLiteral("server-user"));
        add(serverUser);
    }
    return chain.result();
}

} // namespace Countersign
