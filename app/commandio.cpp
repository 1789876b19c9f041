// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "commandio.h"

#include <cstdio>
#include <cstdlib>

namespace Countersign::Commands {

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void writeOut(const QString &text)
{
    writeOut(text.toUtf8());
}

void writeErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

// Freeing the model of a large record takes about a sixth of the run, and the process is ending
// anyway: release builds flush the output and leave the memory to the OS. Sanitizer builds free
// everything, so leak checks still cover the model.
int finish(int status)
{
#if !defined(__SANITIZE_ADDRESS__)
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(status);
#endif
    return status;
}

int usageError(const QString &message)
{
    writeErr(QStringLiteral("countersign: %1\nRun 'countersign --help' for usage.\n").arg(message));
    return Trouble;
}

int loadError(const Error &error)
{
    writeErr(QStringLiteral("countersign: %1\n").arg(error.toString()));
    return Trouble;
}

void writeWarnings(const QStringList &warnings)
{
    for (const QString &warning : warnings)
        writeErr(QStringLiteral("countersign: warning: %1\n").arg(warning));
}

} // namespace Countersign::Commands
