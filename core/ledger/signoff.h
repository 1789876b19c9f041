// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Countersign {

struct Document;

enum class SignOffDecision { Approve, Reject, Withdraw };

QString decisionName(SignOffDecision decision); // "approve", "reject", "withdraw"
std::optional<SignOffDecision> decisionFromName(QStringView name);

// One entry of the sign-off ledger: who signed which role of which record, how, when, and on which
// content (the canonical digest at signing time). Entries are append-only. `hash` is the SHA-256 of
// the entry's own fields and `previousHash` (the hash of the entry before it in the ledger, empty for
// the first), so that changing any stored entry breaks the chain from there on.
struct SignOffEntry
{
    qint64 id = 0; // position in the ledger, from 1; 0 until stored
    QString recordPath; // the record's identity: its absolute path
    QString recordKind; // kindName() of the record
    QString role;
    QString signer;
    SignOffDecision decision = SignOffDecision::Approve;
    QString comment; // required for reject and withdraw
    QDateTime time; // UTC, millisecond precision
    QString digest; // canonical content digest of the record when signed
    QString osUser;
    QString host;
    QString previousHash;
    QString hash;

    // A new entry for `record` as it is now: its identity and kind, its current canonical digest, the
    // time now, the OS user and host. The ledger fills id and the hashes.
    static SignOffEntry now(const Document &record, const QString &role, const QString &signer,
        SignOffDecision decision, const QString &comment = {});
    // A record's identity in the ledger: its absolute path, symbolic links resolved.
    static QString identityOf(const QString &path);

    // The hash this entry should have, from its fields and previousHash.
    QString computeHash() const;
    // The time as stored: "2026-03-14T09:30:00.000Z".
    QString timeText() const;

    friend bool operator==(const SignOffEntry &, const SignOffEntry &) = default;
};

} // namespace Countersign
