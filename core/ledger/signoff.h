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
//
// A signed entry also holds the statement its signer signed (SignOffStatement: the same fields, the
// holder, the principal and previousHash) and the armored SSH signature over it; the hash covers both.
// The chain alone has no key, so whoever holds the file can rewrite a row and every hash after it;
// the signature is what such a rewrite cannot recompute.
struct SignOffEntry
{
    qint64 id = 0; // position in the ledger, from 1; 0 until stored
    QString recordPath; // the record's identity (RecordIdentity), an absolute path for early entries
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
    QString principal; // the signer's principal ("ana@example.org"); empty when unsigned
    QString statement; // the signed statement, exactly as signed; empty when unsigned
    QString signature; // the armored SSH signature over the statement; empty when unsigned
    // Who the database server authenticated for the connection that stored the entry (PostgreSQL's
    // session_user, which the server checks): a shared ledger knows who wrote. Empty in a ledger
    // file, which has no such authority.
    QString serverUser;
    // For an entry copied onto a server (ledger copy): who copied it, as the server authenticated
    // them. Not part of the hash (the entry was hashed before it was copied); empty otherwise.
    QString copiedBy;

    bool isSigned() const { return !signature.isEmpty(); }

    // A new entry for `record` as it is now, known in the ledger as `identity`: its kind, its current
    // canonical digest, the time now, the OS user and host. The ledger fills id and the hashes.
    static SignOffEntry now(const Document &record, const QString &identity, const QString &role,
        const QString &signer, SignOffDecision decision, const QString &comment = {});

    // The hash this entry should have, from its fields and previousHash.
    QString computeHash() const;
    // The time as stored: "2026-03-14T09:30:00.000Z".
    QString timeText() const;

    friend bool operator==(const SignOffEntry &, const SignOffEntry &) = default;
};

} // namespace Countersign
