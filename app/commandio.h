// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// How every subcommand reports: results to stdout, messages to stderr, each prefixed "countersign: "
// and naming the file they are about, and one of these exit codes.
namespace Countersign::Commands {

// NotComparable: compare was given a pair with nothing to compare (a file that is not a record).
enum ExitCode { Clean = 0, Findings = 1, Trouble = 2, NotComparable = 3 };

// Bytes as they are (JSON, an exported record); text with control characters escaped.
void writeOut(const QByteArray &bytes);
void writeOut(const QString &text);
void writeErr(const QString &text);
// `text` with every control character but line feed and tab, and every bidirectional control,
// written as "\u{1b}": a name or comment cannot move the cursor, recolour or reorder what the
// terminal shows (an ESC sequence in a signer's name cannot make a rejection print like an approval).
QString terminalSafe(const QString &text);

// Ends a command: flushes standard output and checks that everything written to it arrived. When
// something did not (a full disk, a closed file), says "cannot write standard output: REASON" once and
// returns Trouble, else `status`. Every command ends through it (CommandLine::run, finish()): exit 0 or 1
// never hides an output that was lost.
int endOutput(int status);
// A write to standard output through a device (QFile over stdout) failed for `reason`: said as
// endOutput() says it, once. Returns Trouble.
int outputError(const QString &reason);
// Ends a command that built a model, through endOutput(): see commandio.cpp for why release builds
// skip freeing it.
int finish(int status);

// Bad usage: `message`, then where to find the usage. Returns Trouble.
int usageError(const QString &message);
// A file, record or ledger that cannot be used. Returns Trouble.
int loadError(const Error &error);
// Problems that do not stop the command (a checkpoint the review could not read), one per line.
void writeWarnings(const QStringList &warnings);

} // namespace Countersign::Commands
