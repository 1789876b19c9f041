// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The performance goals in one table: every row is one piece of work timed as whole processes in
// this run, beside its anchor timed in the same run (GNU `diff -u`, a minimal Qt Widgets window), the
// ratio, the goal and whether it is met. KDiff3 and Meld are not in the build root (they need a
// desktop stack); their figures are quoted from the issue that set the goals, measured on this
// machine, and marked "quoted". Medians of wall time; peak RSS through peakrss.
//
// Not part of the test suite. Run it in the build root on an otherwise idle machine:
//   packaging/buildroot.sh exec build/default/tests/benchmarks/bench_goals [--quick] [WORKDIR]
// --quick takes fewer runs and leaves out the 1M-line rows. WORKDIR (default build/bench-goals)
// receives the generated files (~250 MB with the 1M-line pairs).
#include "benchoptions.h"
#include "diffpairs.h"
#include "records.h"
#include "timedrun.h"

#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace {

using TimedRun::Sample;

struct Row
{
    QString work;
    QString ours;
    QString anchor;
    QString goal;
    bool met;
};

void print(const Row &row)
{
    std::printf("| %-44s | %-22s | %-48s | %-26s | %-7s |\n", qPrintable(row.work), qPrintable(row.ours),
        qPrintable(row.anchor), qPrintable(row.goal), row.met ? "met" : "NOT met");
    std::fflush(stdout);
}

QString ms(double seconds)
{
    return seconds >= 1.0 ? QStringLiteral("%1 s").arg(seconds, 0, 'f', 2)
                          : QStringLiteral("%1 ms").arg(seconds * 1000, 0, 'f', 1);
}

QString mib(double value)
{
    return QStringLiteral("%1 MiB").arg(value, 0, 'f', 1);
}

struct DiffRun
{
    Sample ours;
    Sample gnu;
};

DiffRun diffPair(const QString &gnuDiff, const DiffPairs::Pair &pair, int runs)
{
    const Sample ours = TimedRun::median(
        {QStringLiteral(COUNTERSIGN_BINARY), QStringLiteral("diff"), pair.left, pair.right}, runs);
    const Sample gnu = TimedRun::median({gnuDiff, QStringLiteral("-u"), pair.left, pair.right}, runs);
    if (ours.exitCode != 1 || gnu.exitCode != 1)
        std::printf("(unexpected exit codes on %s: countersign %d, diff %d)\n", qPrintable(pair.name),
            ours.exitCode, gnu.exitCode);
    return {ours, gnu};
}

QStringList openCommand(const QString &left, const QString &right, const QString &shot)
{
    return {QStringLiteral(COUNTERSIGN_BINARY), QStringLiteral("open"), left, right,
        QStringLiteral("--screenshot"), shot};
}

} // namespace

int main(int argc, char **argv)
{
    const Bench::Options options =
        Bench::options(argc, argv, QStringLiteral(COUNTERSIGN_SOURCE_DIR "/build/bench-goals"));
    const bool quick = options.quick;
    const QString dir = options.directory;
    const QString gnuDiff = QStandardPaths::findExecutable(QStringLiteral("diff"));
    if (gnuDiff.isEmpty())
        qFatal("GNU diff is needed (the build root installs it)");
    const int runs = quick ? 5 : 11;

    std::printf(
        "Countersign's performance goals, whole processes, medians of wall time, this machine, one run\n\n");
    std::printf(
        "| %-44s | %-22s | %-48s | %-26s | %-7s |\n", "work", "Countersign", "anchor (same run)", "goal", "");
    std::printf("|%s|\n", QByteArray(163, '-').constData());

    // The command line.
    {
        const auto pair = DiffPairs::makePair(dir, QStringLiteral("md-1k-1pct"), 1000, 1, false);
        const DiffRun run = diffPair(gnuDiff, pair, runs * 2);
        const double ratio = run.ours.seconds / run.gnu.seconds;
        print({QStringLiteral("diff 1k-line pair"), ms(run.ours.seconds),
            QStringLiteral("GNU diff -u %1 (%2x)").arg(ms(run.gnu.seconds)).arg(ratio, 0, 'f', 2),
            QStringLiteral("<= 1.5x GNU"), ratio <= 1.5});
    }
    for (const int percent : {1, 10}) {
        const auto pair =
            DiffPairs::makePair(dir, QStringLiteral("md-100k-%1pct").arg(percent), 100000, percent, false);
        const DiffRun run = diffPair(gnuDiff, pair, runs);
        const double ratio = run.ours.seconds / run.gnu.seconds;
        print({QStringLiteral("diff 100k lines, %1% edited").arg(percent),
            QStringLiteral("%1, %2").arg(ms(run.ours.seconds), mib(run.ours.peakMiB)),
            QStringLiteral("GNU %1, %2 (%3x)")
                .arg(ms(run.gnu.seconds), mib(run.gnu.peakMiB))
                .arg(ratio, 0, 'f', 2),
            QStringLiteral("<= 0.6x GNU"), ratio <= 0.6});
    }
    if (!quick) {
        const auto pair = DiffPairs::makePair(dir, QStringLiteral("md-1M-1pct"), 1000000, 1, false);
        const DiffRun run = diffPair(gnuDiff, pair, 3);
        const double ratio = run.ours.seconds / run.gnu.seconds;
        print({QStringLiteral("diff 1M lines, 1% edited"),
            QStringLiteral("%1, %2").arg(ms(run.ours.seconds), mib(run.ours.peakMiB)),
            QStringLiteral("GNU %1, %2 (%3x)")
                .arg(ms(run.gnu.seconds), mib(run.gnu.peakMiB))
                .arg(ratio, 0, 'f', 2),
            QStringLiteral("<= 0.6x GNU, memory <= GNU"),
            ratio <= 0.6 && run.ours.peakMiB <= run.gnu.peakMiB});
    }
    {
        const auto pair = DiffPairs::makePair(dir, QStringLiteral("adversarial-100k"), 100000, 10, true);
        const DiffRun run = diffPair(gnuDiff, pair, quick ? 3 : 5);
        const double ratio = run.ours.seconds / run.gnu.seconds;
        print({QStringLiteral("diff adversarial 100k"), ms(run.ours.seconds),
            QStringLiteral("GNU %1 (%2x)").arg(ms(run.gnu.seconds)).arg(ratio, 0, 'f', 2),
            QStringLiteral("keep <= 0.25x GNU"), ratio <= 0.25});
    }

    // The window, on the offscreen platform: "ready" is the compared, highlighted window rendered
    // whole (the trace's "painted"), "visible" its first paint (highlighted text, no diff yet). Each is
    // also given to the screenshot written, whose PNG encoding (~20 ms for 1400x900) no user waits for;
    // the goal is judged on the window.
    const QString shot = dir + QStringLiteral("/shot.png");
    {
        const Records::Pair pair = Records::writePair(dir, 10000);
        const QStringList open = openCommand(pair.left, pair.right, shot);
        const double ready = TimedRun::untilMark(open, runs, "painted");
        const Sample written = TimedRun::window(open, runs);
        print({QStringLiteral("window, 10k pair: start to ready"),
            QStringLiteral("%1 (PNG %2)").arg(ms(ready), ms(written.seconds)),
            QStringLiteral("KDiff3 1,079 ms, Meld 3,389 ms (quoted)"), QStringLiteral("<= 150 ms"),
            ready > 0 && ready <= 0.150});
    }
    for (const int lines : quick ? QList<int>{100000} : QList<int>{100000, 1000000}) {
        const Records::Pair pair = Records::writePair(dir, lines);
        const int times = lines >= 1000000 ? 3 : runs;
        const QStringList open = openCommand(pair.left, pair.right, shot);
        const double visible = TimedRun::untilMark(open, times, "painted", true);
        const double ready = TimedRun::untilMark(open, times, "painted");
        const Sample visibleWritten = TimedRun::window(open, times, true);
        const Sample readyWritten = TimedRun::window(open, times);
        const bool big = lines >= 1000000;
        const double visibleGoal = big ? 0.5 : 0.25, readyGoal = big ? 2.0 : 0.4;
        print({QStringLiteral("window, %1 pair: visible / ready").arg(big ? u"1M" : u"100k"),
            QStringLiteral("%1 / %2").arg(ms(visible), ms(ready)),
            big ? QStringLiteral("-") : QStringLiteral("KDiff3 ready 7,283 ms, Meld 11,287 ms (quoted)"),
            big ? QStringLiteral("<= 0.5 s / <= 2 s") : QStringLiteral("<= 250 ms / <= 400 ms"),
            visible > 0 && ready > 0 && visible <= visibleGoal && ready <= readyGoal});
        std::printf("| %-44s | %-22s | %-48s | %-26s | %-7s |\n", "  the same to the PNG written",
            qPrintable(QStringLiteral("%1 / %2").arg(ms(visibleWritten.seconds), ms(readyWritten.seconds))),
            "", "", "");
    }
    {
        const QString samples = QStringLiteral(COUNTERSIGN_SOURCE_DIR "/resources/samples/");
        const Sample minimal = TimedRun::window({QStringLiteral(COUNTERSIGN_MINIMAL_WINDOW)}, runs);
        const Sample ready = TimedRun::window(
            openCommand(
                samples + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"),
                samples + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"), shot),
            runs);
        const double ratio = ready.seconds / minimal.seconds;
        print({QStringLiteral("sample pair to screenshot"), ms(ready.seconds),
            QStringLiteral("minimal Qt Widgets window %1 (%2x)")
                .arg(ms(minimal.seconds))
                .arg(ratio, 0, 'f', 2),
            QStringLiteral("<= 1.5x minimal window"), ratio <= 1.5});
    }
    return 0;
}
