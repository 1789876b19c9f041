// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Runs the real countersign executable as a user would, for the command-line tests.
#include <QByteArray>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QtGlobal>

#include <functional>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

namespace TestSupport {

struct Run
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QString err;
};

// `wrapper` runs the binary under another program (setpriv, say) with `wrapperArguments` first.
// `setup`, when given, adjusts the process before it starts (where its standard output goes, what
// the child does before it runs the binary).
inline Run run(const QStringList &arguments,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
    const QString &wrapper = {}, const QStringList &wrapperArguments = {},
    const std::function<void(QProcess &)> &setup = {})
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (setup)
        setup(process);
    if (wrapper.isEmpty())
        process.start(QStringLiteral(COUNTERSIGN_BINARY), arguments);
    else
        process.start(
            wrapper, wrapperArguments + QStringList{QStringLiteral(COUNTERSIGN_BINARY)} + arguments);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        qWarning("countersign %s did not finish within 60 s", qPrintable(arguments.join(u' ')));
        return result;
    }
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// Runs the binary with its standard output going to /dev/full, where every write fails with "No
// space left on device", as on a full disk.
inline Run runToFullDevice(const QStringList &arguments,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return run(arguments, environment, {}, {},
        [](QProcess &process) { process.setStandardOutputFile(QStringLiteral("/dev/full")); });
}

// Runs the binary unable to make any file longer than `bytes` (RLIMIT_FSIZE, as `ulimit -f` sets):
// a write beyond that is short or fails, as on a full disk, and the process is not killed for it
// (SIGXFSZ ignored). Works as root too.
inline Run runWithFileSizeLimit(const QStringList &arguments, rlim_t bytes,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return run(arguments, environment, {}, {}, [bytes](QProcess &process) {
        process.setChildProcessModifier([bytes] {
            // Between fork and exec: only async-signal-safe calls.
            ::signal(SIGXFSZ, SIG_IGN);
            const struct rlimit limit{bytes, bytes};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    });
}

// Runs the binary without the capabilities that let root read or write any file, so that a file of
// mode 000 is unreadable to it (and a folder of mode 555 unwritable) even when the tests run as root.
// Empty `exitCode` (-1) if setpriv is missing.
inline Run runWithoutReadOverride(const QStringList &arguments,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    if (geteuid() != 0)
        return run(arguments, environment);
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty()) {
        qWarning("setpriv (util-linux) is needed to test unreadable files as root");
        return {};
    }
    const QString caps = QStringLiteral("-dac_override,-dac_read_search");
    return run(arguments, environment, setpriv,
        {QStringLiteral("--inh-caps=") + caps, QStringLiteral("--bounding-set=") + caps});
}

} // namespace TestSupport
