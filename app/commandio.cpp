// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "commandio.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace Countersign::Commands {

namespace {

int outputErrno = 0; // why the first write to standard output failed, if one did
bool outputReported = false; // "cannot write standard output" was said

} // namespace

void writeOut(const QByteArray &bytes)
{
    if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size()) &&
        outputErrno == 0)
        outputErrno = errno;
}

QString terminalSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // C0 and C1 controls other than line feed and tab, DEL, and the bidirectional controls that
        // reorder what a terminal shows: written as escapes, never sent raw.
        const bool control = (u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u < 0xa0);
        const bool bidi = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e ||
            u == 0x200f || u == 0x061c;
        if (control || bidi)
            out += QStringLiteral("\\u{%1}").arg(int(u), 0, 16);
        else
            out += c;
    }
    return out;
}

void writeOut(const QString &text)
{
    writeOut(terminalSafe(text).toUtf8());
}

void writeErr(const QString &text)
{
    const QByteArray bytes = terminalSafe(text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

int outputError(const QString &reason)
{
    if (!outputReported) {
        outputReported = true;
        writeErr(QStringLiteral("countersign: cannot write standard output: %1\n").arg(reason));
    }
    return Trouble;
}

int endOutput(int status)
{
    if (outputReported)
        return Trouble;
    // Small outputs are still in stdio's buffer: this flush is their only write, and may fail.
    const bool flushed = std::fflush(stdout) == 0;
    const int error = flushed ? outputErrno : errno;
    if (flushed && !std::ferror(stdout))
        return status;
    return outputError(
        error != 0 ? QString::fromLocal8Bit(std::strerror(error)) : QStringLiteral("a write failed"));
}

// Freeing the model of a large record takes about a sixth of the run, and the process is ending
// anyway: release builds check the output and leave the memory to the OS. Sanitizer builds free
// everything, so leak checks still cover the model.
int finish(int status)
{
    status = endOutput(status);
#if !defined(__SANITIZE_ADDRESS__)
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
