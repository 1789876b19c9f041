// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Shared by the benchmarks that time whole programs: runs a command through peakrss (see there),
// with its output sent to /dev/null, and reports wall time, peak RSS and exit code.
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <algorithm>
#include <cstdio>

namespace TimedRun {

struct Sample
{
    double seconds = 0;
    double peakMiB = 0;
    int exitCode = -1;
};

inline Sample once(const QStringList &command,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(COUNTERSIGN_PEAKRSS), command);
    Sample sample;
    if (!process.waitForFinished(-1) || process.exitCode() != 0) {
        std::fprintf(stderr, "cannot run %s\n", qPrintable(command.join(u' ')));
        return sample;
    }
    const QList<QByteArray> fields = process.readAllStandardOutput().trimmed().split(' ');
    if (fields.size() == 3) {
        sample.seconds = fields[0].toDouble() / 1e9;
        sample.peakMiB = fields[1].toDouble() / 1024.0;
        sample.exitCode = fields[2].toInt();
    }
    return sample;
}

// The median wall time of `runs` runs, with the largest peak RSS seen.
inline Sample median(const QStringList &command, int runs,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QList<Sample> samples;
    for (int i = 0; i < runs; ++i)
        samples.append(once(command, environment));
    std::sort(samples.begin(), samples.end(),
        [](const Sample &a, const Sample &b) { return a.seconds < b.seconds; });
    Sample out = samples[samples.size() / 2];
    out.peakMiB = std::max_element(samples.cbegin(), samples.cend(), [](const Sample &a, const Sample &b) {
        return a.peakMiB < b.peakMiB;
    })->peakMiB;
    return out;
}

// As median(), for `countersign open … --screenshot OUT.png` on the offscreen platform: the time to
// the screenshot of the ready window, or with `firstPaint` to the window's first paint (highlighted
// text, before the diff is known: COUNTERSIGN_SCREENSHOT_AT=paint).
inline Sample window(const QStringList &command, int runs, bool firstPaint = false)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (firstPaint)
        environment.insert(QStringLiteral("COUNTERSIGN_SCREENSHOT_AT"), QStringLiteral("paint"));
    return median(command, runs, environment);
}

// The median time from starting `command` (`countersign open … --screenshot OUT.png`, offscreen) to the
// moment it reports `mark` in its start-up trace (COUNTERSIGN_TRACE_STARTUP=1 on standard error),
// timed here as the line arrives: "painted" is the window, compared and highlighted, rendered whole
// (what a display would show), before the screenshot's PNG is encoded; with `firstPaint`, the first
// paint. 0 when the mark never came.
inline double untilMark(const QStringList &command, int runs, const QByteArray &mark, bool firstPaint = false)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("COUNTERSIGN_TRACE_STARTUP"), QStringLiteral("1"));
    if (firstPaint)
        environment.insert(QStringLiteral("COUNTERSIGN_SCREENSHOT_AT"), QStringLiteral("paint"));
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setReadChannel(QProcess::StandardError);
        QElapsedTimer clock;
        clock.start();
        process.start(command.first(), command.mid(1));
        QByteArray trace;
        double at = 0;
        while (at == 0 && process.waitForReadyRead(60000)) {
            trace += process.readAllStandardError();
            if (trace.contains(QByteArray("  " + mark + '\n')))
                at = double(clock.nsecsElapsed()) / 1e9;
        }
        process.waitForFinished(-1);
        if (at == 0)
            std::fprintf(
                stderr, "no '%s' in the trace of %s\n", mark.constData(), qPrintable(command.join(u' ')));
        times.append(at);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace TimedRun
