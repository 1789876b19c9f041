// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Benchmark of the window: the time from starting `countersign open LEFT RIGHT --screenshot OUT.png`
// to the PNG of the loaded, highlighted and compared pair, against a minimal Qt Widgets program that
// shows one window and saves its screenshot (minimalwindow), in the same run, on the offscreen
// platform. Pairs: the two sample records, and generated records of 10k, 100k and 1M lines with 1% of
// lines edited. Medians of wall time, with peak RSS (through peakrss). "first paint" is the same run
// saving its PNG at the first paint instead (highlighted text, before the diff is known:
// COUNTERSIGN_SCREENSHOT_AT=paint).
//
// Not part of the test suite. Run it in the build root:
//   packaging/buildroot.sh exec build/default/tests/benchmarks/bench_window [--quick] [WORKDIR]
// --quick stops at 100k lines. WORKDIR (default build/bench-window) receives the generated files.
#include "benchoptions.h"
#include "records.h"
#include "timedrun.h"

#include <QDir>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdio>

using TimedRun::Sample;
using TimedRun::window;

int main(int argc, char **argv)
{
    const Bench::Options options =
        Bench::options(argc, argv, QStringLiteral(COUNTERSIGN_SOURCE_DIR "/build/bench-window"));
    const bool quick = options.quick;
    const QString dir = options.directory;
    const QString samples = QStringLiteral(COUNTERSIGN_SOURCE_DIR "/resources/samples/");
    struct Case
    {
        QString name;
        QString left;
        QString right;
        int runs;
    };
    QList<Case> cases = {{QStringLiteral("samples"),
        samples + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"),
        samples + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"), 9}};
    for (const int lines : quick ? QList<int>{10000, 100000} : QList<int>{10000, 100000, 1000000}) {
        const Records::Pair pair = Records::writePair(dir, lines);
        cases.append({pair.name, pair.left, pair.right, lines >= 1000000 ? 1 : 3});
    }

    const Sample anchor = window({QStringLiteral(COUNTERSIGN_MINIMAL_WINDOW)}, 9);
    std::printf("window benchmark, offscreen platform, medians (anchor: a minimal Qt Widgets window with a "
                "screenshot: %.1f ms, %.1f MiB)\n\n",
        anchor.seconds * 1000, anchor.peakMiB);
    std::printf("| %-12s | %16s | %12s | %10s | %9s | %s |\n", "pair", "first paint (ms)", "ready (ms)",
        "vs anchor", "peak MiB", "exit");
    std::printf("|%s|\n", QByteArray(83, '-').constData());
    const QString shot = dir + QStringLiteral("/shot.png");
    for (const Case &c : cases) {
        const QStringList command{QStringLiteral(COUNTERSIGN_BINARY), QStringLiteral("open"), c.left, c.right,
            QStringLiteral("--screenshot"), shot};
        const Sample painted = window(command, c.runs, true);
        const Sample s = window(command, c.runs);
        std::printf("| %-12s | %16.1f | %12.1f | %9.2fx | %9.1f | %d |\n", qPrintable(c.name),
            painted.seconds * 1000, s.seconds * 1000, s.seconds / anchor.seconds, s.peakMiB,
            std::max(s.exitCode, painted.exitCode));
        std::fflush(stdout);
    }
    return 0;
}
