// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/riskdecisionentry.h"

#include "ledger/chainhash.h"
#include "ledger/signoff.h"
#include "record/canonicalcontent.h"
#include "record/document.h"
#include "signing/recordidentity.h"

#include <QSysInfo>

namespace Countersign {

namespace {

struct DecisionNames
{
    RiskDecision decision;
    QStringView name;
    QStringView label;
};

constexpr DecisionNames decisionNames[] = {
    {RiskDecision::Accepted, u"accepted", u"Accepted"},
    {RiskDecision::Mitigated, u"mitigated", u"Mitigated"},
    {RiskDecision::NeedsAction, u"needs-action", u"Needs action"},
};

const DecisionNames &namesOf(RiskDecision decision)
{
    for (const DecisionNames &names : decisionNames) {
        if (names.decision == decision)
            return names;
    }
    Q_UNREACHABLE_RETURN(decisionNames[0]);
}

} // namespace

QString riskDecisionName(RiskDecision decision)
{
    return namesOf(decision).name.toString();
}

QString riskDecisionLabel(RiskDecision decision)
{
    return namesOf(decision).label.toString();
}

std::optional<RiskDecision> riskDecisionFromName(QStringView name)
{
    for (const DecisionNames &names : decisionNames) {
        if (name == names.name)
            return names.decision;
    }
    return std::nullopt;
}

RiskDecisionEntry RiskDecisionEntry::now(const Document &record, const QString &itemKey,
    const QString &itemText, RiskDecision decision, const QString &owner, const QDate &due,
    const QString &note, const QString &recordedBy)
{
    RiskDecisionEntry entry;
    entry.recordPath = RecordIdentity::legacyOf(record.fileName);
    entry.recordDigest = CanonicalContent::digest(record.source.text());
    entry.itemKey = itemKey;
    entry.itemText = itemText.simplified();
    entry.decision = decision;
    entry.owner = owner.simplified();
    entry.due = due;
    entry.note = note.trimmed();
    entry.recordedBy = recordedBy.simplified();
    entry.time = QDateTime::currentDateTimeUtc();
    entry.osUser = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    entry.host = QSysInfo::machineHostName();
    return entry;
}

QString RiskDecisionEntry::timeText() const
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString RiskDecisionEntry::dueText() const
{
    return due.isValid() ? due.toString(Qt::ISODate) : QString();
}

QString RiskDecisionEntry::computeHash() const
{
    // As SignOffEntry's, led by the chain's name so that no decision hashes the input of a sign-off.
    ChainHash chain;
    const auto add = [&chain](const QString &field) { chain.add(field); };
    add(QStringLiteral("risk-decision"));
    add(QString::number(id));
    add(recordPath);
    add(recordDigest);
    add(itemKey);
    add(itemText);
    add(riskDecisionName(decision));
    add(owner);
    add(dueText());
    add(note);
    add(recordedBy);
    add(timeText());
    add(osUser);
    add(host);
    add(previousHash);
    if (!serverUser.isEmpty()) {
        add(QStringLiteral("server-user"));
        add(serverUser);
    }
    return chain.result();
}

} // namespace Countersign
