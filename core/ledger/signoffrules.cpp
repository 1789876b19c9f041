// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "ledger/signoffrules.h"

#include "record/canonicalcontent.h"
#include "record/textkeys.h"
#include "signing/personname.h"

namespace Countersign {

namespace {

// "Several roles per signer: allowed", "Dual-role sign-off: allowed": the permission, not a role.
bool isAllowanceKey(const QString &key)
{
    const QString normalized = TextKeys::normalizedKey(key);
    return normalized.contains(u"several roles") || normalized.contains(u"dual role") ||
        normalized.contains(u"multiple roles");
}

// Whether two roles' deciding approvals are one person's: signed ones by principal or key, the others
// by name.
bool samePerson(const RoleSignOff &a, const RoleSignOff &b)
{
    const bool bothSigned =
        a.standing.standing == SignatureStanding::Valid && b.standing.standing == SignatureStanding::Valid;
    if (bothSigned)
        return a.standing.principal == b.standing.principal ||
            a.standing.fingerprint == b.standing.fingerprint;
    return PersonName::samePerson(a.latest->signer, b.latest->signer);
}

// Whether `name` is the whole of `title` or a run of its words ("Release Manager" of "Tessera Release
// Manager"), compared as PersonName keys: a role's or holder's name typed where a person's belongs.
bool isPartOf(const QString &name, const QString &title)
{
    const QString words = PersonName::key(name);
    const QString of = PersonName::key(title);
    if (words.isEmpty())
        return false;
    return QString(u' ' + of + u' ').contains(QString(u' ' + words + u' '));
}

// The signer as messages name them: "Ana Ruiz (ana@example.org)" when signed.
QString who(const RoleSignOff &role)
{
    const QString name = role.latest->signer.simplified();
    return role.standing.principal.isEmpty() ? name
                                             : QStringLiteral("%1 (%2)").arg(name, role.standing.principal);
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

QString SignOffRules::holderOf(const RecordFacts &facts, const QString &role)
{
    for (const FactField &field : roles(facts)) {
        if (sameRole(field.key, role))
            return field.value;
    }
    return {};
}

SignOffStatus SignOffRules::evaluate(
    const Document &record, const QList<SignOffEntry> &entries, const RecordTrust &trust)
{
    const RecordFacts facts = RecordFacts::extract(record);
    SignOffStatus status;
    status.digest = CanonicalContent::digest(record.source.text());
    for (const FactField &field : roles(facts)) {
        RoleSignOff role;
        role.role = field.key;
        role.holder = field.value;
        role.line = field.line;
        for (const SignOffEntry &entry : entries) {
            if (!sameRole(entry.role, field.key))
                continue;
            const EntryStanding standing = trust.assess(entry, field.value);
            if (!standing.counts) {
                role.ignored = entry;
                role.ignoredStanding = standing;
                continue;
            }
            role.latest = entry;
            role.standing = standing;
            role.ignored.reset();
            role.ignoredStanding = {};
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
        // Approvals grouped by person: each joins the group of the first earlier approval by the same
        // person, so that "Ana Ruiz", "A. Ruiz" and a look-alike spelling make one group.
        QList<QList<const RoleSignOff *>> groups;
        for (const RoleSignOff &role : std::as_const(status.roles)) {
            if (role.state != RoleState::Approved)
                continue;
            const auto group = std::find_if(groups.begin(), groups.end(),
                [&role](const auto &members) { return samePerson(*members.constFirst(), role); });
            if (group == groups.end())
                groups.append({&role});
            else
                group->append(&role);
        }
        for (const QList<const RoleSignOff *> &group : std::as_const(groups)) {
            if (group.size() < 2)
                continue;
            QStringList names;
            for (const RoleSignOff *role : group)
                names.append(role->role);
            status.problems.append(QStringLiteral("%1 approved %2 roles (%3); the record does not allow one "
                                                  "person to sign several roles")
                    .arg(who(*group.constFirst()))
                    .arg(group.size())
                    .arg(names.join(QStringLiteral(", "))));
        }
        status.problems.sort();
    }
    return status;
}

std::optional<Error> SignOffRules::check(const Document &record, const QList<SignOffEntry> &entries,
    const SignOffEntry &entry, const RecordTrust &trust)
{
    const auto refuse = [&record](
                            const QString &why) { return Error{Error::Code::Refused, why, record.fileName}; };
    if (entry.signer.simplified().isEmpty())
        return refuse(QStringLiteral("a sign-off needs the signer's name"));
    if (PersonName::forbiddenCharacter(entry.signer, false))
        return refuse(QStringLiteral("the signer's name holds a control character; type the name as it is"));
    if (PersonName::forbiddenCharacter(entry.role, false) ||
        PersonName::forbiddenCharacter(entry.comment, true))
        return refuse(QStringLiteral("the %1 holds a control character")
                .arg(PersonName::forbiddenCharacter(entry.role, false) ? QStringLiteral("role")
                                                                       : QStringLiteral("comment")));
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
    for (const FactField &field : named) {
        if (isPartOf(entry.signer, field.key) || isPartOf(entry.signer, field.value)) {
            return refuse(QStringLiteral("\"%1\" is a role or holder of this record, not a person's name; "
                                         "sign with your own name")
                    .arg(entry.signer.simplified()));
        }
    }
    const EntryStanding standing = trust.assess(entry, role->value);
    if (!standing.counts) {
        return refuse(entry.isSigned()
                ? QStringLiteral("the signature does not count: %1").arg(standing.reason)
                : QStringLiteral("this record's trust folder (%1) requires signed "
                                 "sign-offs; sign with an SSH key")
                      .arg(trust.folder ? trust.folder->path() : QString()));
    }
    if (entry.decision == SignOffDecision::Approve && !allowsSeveralRoles(facts)) {
        RoleSignOff candidate;
        candidate.role = role->key;
        candidate.latest = entry;
        candidate.standing = standing;
        const SignOffStatus status = evaluate(record, entries, trust);
        for (const RoleSignOff &other : status.roles) {
            if (other.state == RoleState::Approved && !sameRole(other.role, entry.role) &&
                samePerson(other, candidate)) {
                return refuse(
                    QStringLiteral("%1 already approved the role \"%2\" of this record as %3; one person "
                                   "may sign only one role unless the record allows it")
                        .arg(who(candidate), other.role, who(other)));
            }
        }
    }
    return std::nullopt;
}

} // namespace Countersign
