// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"
#include "ledger/signoff.h"

#include <QString>

namespace Countersign {

// The text a signer signs for one sign-off: a versioned header line, then one "name: value" line per
// field, UTF-8, LF line ends, a final LF:
//
//   Countersign sign-off statement v1
//   record: github.com/acme/runtime:docs/DR-0042.md
//   kind: decision-record
//   digest: 3f7a...            (the record's canonical content digest)
//   role: Joint decision log owner
//   holder: Integration Program Owner
//   signer: Ana Ruiz
//   decision: approve
//   comment:                   (backslash, CR and LF escaped as \\, \r, \n)
//   time: 2026-02-08T10:00:00.000Z
//   principal: ana@example.org
//   previous: 9c1e...          (the hash of the ledger entry this one follows; empty for the first)
//
// It is signed with `ssh-keygen -Y sign -n countersign-signoff`: a namespace of Countersign's own, so
// that a signature made for git or anything else is never accepted as a sign-off.
class SignOffStatement
{
public:
    static constexpr QStringView nameSpace = u"countersign-signoff";
    static constexpr QStringView header = u"Countersign sign-off statement v1";

    struct Fields
    {
        QString record;
        QString kind;
        QString digest;
        QString role;
        QString holder;
        QString signer;
        QString decision;
        QString comment;
        QString time;
        QString principal;
        QString previous;
        friend bool operator==(const Fields &, const Fields &) = default;
    };

    // The statement of `entry` (its principal and previousHash included) for a role held by `holder`.
    static QString text(const SignOffEntry &entry, const QString &holder);
    // The fields of a statement: an Error (InvalidArgument) naming the line when the text is not one
    // (another header or version, a field missing, out of order or repeated, a line without ": ").
    static Result<Fields> parse(const QString &text);
    // The fields `entry` itself holds, as a statement of it would state them (holder left empty).
    static Fields fieldsOf(const SignOffEntry &entry);
    // Where a statement's fields and an entry's disagree: "the statement's role is \"X\", the entry's
    // \"Y\"" for the first field that differs (holder not compared), else nothing.
    static std::optional<QString> mismatch(const Fields &statement, const SignOffEntry &entry);
};

} // namespace Countersign
