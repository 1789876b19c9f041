// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/opensshtool.h"

#include <QProcess>
#include <QStandardPaths>

namespace Countersign {

Result<OpenSshTool::Outcome> OpenSshTool::run(const QString &program, const QStringList &arguments,
    const QByteArray &input, const QProcessEnvironment &environment, int timeoutMs)
{
    const QString executable = environment.contains(QStringLiteral("PATH"))
        ? QStandardPaths::findExecutable(
              program, environment.value(QStringLiteral("PATH")).split(u':', Qt::SkipEmptyParts))
        : QStandardPaths::findExecutable(program);
    if (executable.isEmpty())
        return Error{Error::Code::FileNotFound, program + u" was not found; install OpenSSH's client", {}};

    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(executable, arguments);
    if (!process.waitForStarted(timeoutMs))
        return Error{
            Error::Code::InvalidArgument, program + u" could not be started: " + process.errorString(), {}};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        const bool timedOut = process.state() != QProcess::NotRunning;
        process.kill();
        process.waitForFinished();
        if (timedOut) {
            return Error{Error::Code::InvalidArgument,
                QStringLiteral("%1 did not finish within %2 s and was stopped")
                    .arg(program)
                    .arg(timeoutMs / 1000.0),
                {}};
        }
    }
    if (process.exitStatus() != QProcess::NormalExit)
        return Error{Error::Code::InvalidArgument,
            program + u" crashed: " + describe(process.readAllStandardError()), {}};
    return Outcome{process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QString OpenSshTool::describe(const QByteArray &errorOutput)
{
    QStringList lines;
    for (const QByteArray &line : errorOutput.split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.isEmpty() && text != u"Signing data on standard input")
            lines.append(text);
    }
    return lines.join(u"; ");
}

} // namespace Countersign
