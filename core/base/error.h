// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QMetaType>
#include <QString>

namespace Countersign {

// Why an operation failed, in words a user can act on. `file` names the file concerned and `line`
// (1-based) and `byteOffset` (0-based) locate the problem inside it where that applies.
struct Error
{
    enum class Code {
        FileNotFound,
        NotARegularFile,
        Unreadable,
        TooLarge,
        Empty,
        Binary,
        InvalidUtf8,
        WriteFailed,
        InvalidArgument,
        Database, // a ledger that cannot be opened, read or written
        Refused, // a request the domain rules do not allow (a sign-off that breaks a rule)
        Conflict, // the ledger moved on while a sign-off was being signed: sign again on the new head
        Untrusted, // a ledger or file that fails its own checks (a broken chain, a forged signature)
    };

    Code code = Code::InvalidArgument;
    QString message;
    QString file;
    int line = 0; // 0: not tied to a line
    qint64 byteOffset = -1; // -1: not tied to a position

    // "file:line: message", leaving out what is unknown.
    [[nodiscard]] QString toString() const;

    friend bool operator==(const Error &, const Error &) = default;
};

} // namespace Countersign
