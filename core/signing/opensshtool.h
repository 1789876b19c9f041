// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Countersign {

// Runs one of OpenSSH's client programs (ssh-keygen, ssh-add) to its end: `input` on its standard
// input, its output and error output captured, in `environment`. The program is looked up in that
// environment's PATH (the parent's when it sets none). Standard input is a pipe, but the controlling
// terminal stays the parent's: ssh-keygen asks a passphrase on /dev/tty, or through SSH_ASKPASS
// when there is no terminal. An Error when the program is missing, cannot start, crashes, or has not
// finished after `timeoutMs` (it is killed then); any exit status is a result.
class OpenSshTool
{
public:
    struct Outcome
    {
        int exitCode = 0;
        QByteArray output;
        QByteArray errorOutput;
    };

    static Result<Outcome> run(const QString &program, const QStringList &arguments, const QByteArray &input,
        const QProcessEnvironment &environment, int timeoutMs);

    // The error output made one line for a message: trimmed, the lines joined with "; ", without
    // ssh-keygen's "Signing data on standard input" notice.
    static QString describe(const QByteArray &errorOutput);
};

} // namespace Countersign
