// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/signoffrules.h"

#include "record/canonicalcontent.h"
#include "record/textkeys.h"

#include <QHash>

namespace Countersign {

namespace {

// "Several roles per signer: allowed", "Dual-role sign-off: allowed": the permission, not a role.
bool isAllowanceKey(const QString &key)
{
    const QString normalized = TextKeys::normalizedKey(key);
    return normalized.contains(u"several roles") || normalized.contains(u"dual role") ||
        normalized.contains(u"multiple roles");
}

QString person(const QString &name)
{
    return name.simplified().toCaseFolded();
}

bool sameRole(const QString &a, const QString &b)
{
    return TextKeys::normalizedKey(a) == TextKeys::normalizedKey(b);
}

} // namespace

QString roleStateName(RoleState state)
{
    switch (state) {
    case RoleState::Pending:
        return QStringLiteral("pending");
    case RoleState::Approved:
        return QStringLiteral("approved");
    case RoleState::Rejected:
        return QStringLiteral("rejected");
    case RoleState::Stale:
        break;
    }
    return QStringLiteral("stale");
}

bool SignOffStatus::isFinal() const
{
    if (roles.isEmpty() || !problems.isEmpty())
        return false;
    return std::all_of(roles.cbegin(), roles.cend(),
        [](const RoleSignOff &role) { return role.state == RoleState::Approved; });
}

QStringList SignOffStatus::openRoles() const
{
    QStringList open;
    for (const RoleSignOff &role : roles) {
        if (role.state != RoleState::Approved)
            open.append(QStringLiteral("%1 (%2)").arg(role.role, roleStateName(role.state)));
    }
    return open;
}

QList<FactField> SignOffRules::roles(const RecordFacts &facts)
{
    QList<FactField> out;
    for (const FactField &field : facts.roles) {
        if (!isAllowanceKey(field.key))
            out.append(field);
    }
    return out;
}

bool SignOffRules::allowsSeveralRoles(const RecordFacts &facts)
{
    for (const FactField &field : facts.roles) {
        if (isAllowanceKey(field.key)) {
            const QString value = field.value.trimmed().toCaseFolded();
            return value.startsWith(u"allowed") || value.startsWith(u"yes");
        }
    }
    return false;
}

SignOffStatus SignOffRules::evaluate(const Document &record, const QList<SignOffEntry> &entries)
{
    const RecordFacts facts = RecordFacts::extract(record);
    SignOffStatus status;
    status.digest = CanonicalContent::digest(record.source.text());
    for (const FactField &field : roles(facts)) {
        RoleSignOff role{field.key, field.value, field.line, RoleState::Pending, std::nullopt};
        for (const SignOffEntry &entry : entries) {
            if (!sameRole(entry.role, field.key))
                continue;
            role.latest = entry;
            switch (entry.decision) {
            case SignOffDecision::Approve:
                role.state = entry.digest == status.digest ? RoleState::Approved : RoleState::Stale;
                break;
            case SignOffDecision::Reject:
                role.state = RoleState::Rejected;
                break;
            case SignOffDecision::Withdraw:
                role.state = RoleState::Pending;
                break;
            }
        }
        status.roles.append(role);
    }
    if (!allowsSeveralRoles(facts)) {
        QHash<QString, QStringList> approvedBy;
        QHash<QString, QString> names;
        for (const RoleSignOff &role : status.roles) {
            if (role.state == RoleState::Approved) {
                approvedBy[person(role.latest->signer)].append(role.role);
                names.insert(person(role.latest->signer), role.latest->signer.simplified());
            }
        }
        for (auto it = approvedBy.cbegin(); it != approvedBy.cend(); ++it) {
            if (it.value().size() > 1) {
                status.problems.append(
                    QStringLiteral("%1 approved %2 roles (%3); the record does not allow one "
                                   "person to sign several roles")
                        .arg(names.value(it.key()))
                        .arg(it.value().size())
                        .arg(it.value().join(QStringLiteral(", "))));
            }
        }
        status.problems.sort();
    }
    return status;
}

std::optional<Error> SignOffRules::check(
    const Document &record, const QList<SignOffEntry> &entries, const SignOffEntry &entry)
{
    const auto refuse = [&record](
                            const QString &why) { return Error{Error::Code::Refused, why, record.fileName}; };
    if (entry.signer.simplified().isEmpty())
        return refuse(QStringLiteral("a sign-off needs the signer's name"));
    if (entry.decision != SignOffDecision::Approve && entry.comment.trimmed().isEmpty())
        return refuse(QStringLiteral("a %1 needs a comment saying why").arg(decisionName(entry.decision)));
    const RecordFacts facts = RecordFacts::extract(record);
    const QList<FactField> named = roles(facts);
    const auto role = std::find_if(named.cbegin(), named.cend(),
        [&entry](const FactField &field) { return sameRole(field.key, entry.role); });
    if (role == named.cend()) {
        QStringList known;
        for (const FactField &field : named)
            known.append(field.key);
        return refuse(QStringLiteral("the record names no role \"%1\"; its roles: %2")
                .arg(
                    entry.role, known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral("; "))));
    }
    if (entry.decision == SignOffDecision::Approve && !allowsSeveralRoles(facts)) {
        const SignOffStatus status = evaluate(record, entries);
        for (const RoleSignOff &other : status.roles) {
            if (other.state == RoleState::Approved && !sameRole(other.role, entry.role) &&
                person(other.latest->signer) == person(entry.signer)) {
                return refuse(
                    QStringLiteral("%1 already approved the role \"%2\" of this record; one person may "
                                   "sign only one role unless the record allows it")
                        .arg(entry.signer.simplified(), other.role));
            }
        }
    }
    return std::nullopt;
}

} // namespace Countersign
