// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Benchmark of `countersign diff` against GNU `diff -u` and `git diff --no-index --histogram`, on
// generated markdown-like pairs (1k to 1M lines, 1% and 10% of lines edited) and adversarial pairs
// (most lines drawn from a handful of repeated lines). Every tool runs on the same files in the
// same run; the figures are medians of wall time, with the peak RSS of each process. It also times
// the word-level pass (SideBySideDiff with highlights) against the line diff alone, in process.
//
// Not part of the test suite. Run it in the build root:
//   packaging/buildroot.sh exec build/default/tests/benchmarks/bench_diff [--quick] [WORKDIR]
// WORKDIR (default: build/bench-diff under the source tree) receives the generated files (~200 MB).
#include "benchoptions.h"
#include "diff/difftext.h"
#include "diff/linediff.h"
#include "diff/sidebysidediff.h"
#include "diffpairs.h"
#include "timedrun.h"

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <algorithm>
#include <cstdio>

using namespace Countersign;

namespace {

using DiffPairs::makePair;
using DiffPairs::Pair;
using TimedRun::median;
using TimedRun::Sample;

// What the word-level pass adds: the line diff, the side-by-side rows without and with word
// highlights, in process.
void wordOverhead(const Pair &pair)
{
    QFile a(pair.left), b(pair.right);
    if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly))
        return;
    const DiffText left(a.readAll()), right(b.readAll());
    QList<double> lineOnly, rows, words;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const LineDiffResult diff = LineDiff::compute(left, right);
        lineOnly.append(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        const auto plain = SideBySideDiff::build(left, right, diff, 3, SideBySideDiff::Words::Skip);
        rows.append(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        const auto marked = SideBySideDiff::build(left, right, diff, 3, SideBySideDiff::Words::Highlight);
        words.append(double(timer.nsecsElapsed()) / 1e6);
        if (!plain || !marked)
            return;
    }
    for (QList<double> *list : {&lineOnly, &rows, &words})
        std::sort(list->begin(), list->end());
    const double wordPart = words[2] - rows[2];
    std::printf("| %-22s | %9.1f | %9.1f | %9.1f | %7.0f%% |\n", qPrintable(pair.name), lineOnly[2], rows[2],
        words[2], 100.0 * wordPart / (lineOnly[2] + rows[2]));
}

} // namespace

int main(int argc, char **argv)
{
    const Bench::Options options =
        Bench::options(argc, argv, QStringLiteral(COUNTERSIGN_SOURCE_DIR "/build/bench-diff"));
    const bool quick = options.quick;
    const QString dir = options.directory;
    const QString diff = QStandardPaths::findExecutable(QStringLiteral("diff"));
    const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (diff.isEmpty() || git.isEmpty())
        qFatal("GNU diff and git are needed (the build root installs both)");

    QList<Pair> pairs;
    const QList<int> sizes =
        quick ? QList<int>{1000, 10000, 100000} : QList<int>{1000, 10000, 100000, 1000000};
    for (const int size : sizes) {
        for (const int percent : {1, 10}) {
            const QString label = size >= 1000000 ? QStringLiteral("%1M").arg(size / 1000000)
                                                  : QStringLiteral("%1k").arg(size / 1000);
            pairs.append(
                makePair(dir, QStringLiteral("md-%1-%2pct").arg(label).arg(percent), size, percent, false));
        }
    }
    for (const int size : quick ? QList<int>{100000} : QList<int>{100000, 1000000}) {
        const QString label = size >= 1000000 ? QStringLiteral("1M") : QStringLiteral("100k");
        pairs.append(makePair(dir, QStringLiteral("adversarial-%1").arg(label), size, 10, true));
    }

    std::printf(
        "countersign diff vs GNU diff -u vs git diff --no-index --histogram (medians, wall time)\n\n");
    std::printf("| %-22s | %10s | %10s | %10s | %8s | %8s | %9s | %9s |\n", "pair", "countersign", "GNU diff",
        "git hist.", "vs diff", "vs git", "cs MiB", "diff MiB");
    std::printf("|%s|\n", QByteArray(120, '-').constData());
    for (const Pair &pair : pairs) {
        const int runs = pair.lines >= 1000000 ? 3 : pair.lines >= 100000 ? 5 : 11;
        const Sample ours =
            median({QStringLiteral(COUNTERSIGN_BINARY), QStringLiteral("diff"), pair.left, pair.right}, runs);
        const Sample gnu = median({diff, QStringLiteral("-u"), pair.left, pair.right}, runs);
        const Sample hist =
            median({git, QStringLiteral("diff"), QStringLiteral("--no-index"), QStringLiteral("--histogram"),
                       QStringLiteral("--no-color"), QStringLiteral("--no-ext-diff"), pair.left, pair.right},
                runs);
        if (ours.exitCode != 1 || gnu.exitCode != 1)
            std::printf("unexpected exit codes: countersign %d, diff %d\n", ours.exitCode, gnu.exitCode);
        std::printf("| %-22s | %8.1f ms | %8.1f ms | %8.1f ms | %7.2fx | %7.2fx | %9.1f | %9.1f |\n",
            qPrintable(pair.name), ours.seconds * 1000, gnu.seconds * 1000, hist.seconds * 1000,
            ours.seconds / gnu.seconds, ours.seconds / hist.seconds, ours.peakMiB, gnu.peakMiB);
        std::fflush(stdout);
    }

    std::printf("\nword-level pass (in process, medians of 5, ms)\n\n");
    std::printf(
        "| %-22s | %9s | %9s | %9s | %8s |\n", "pair", "line diff", "rows", "rows+words", "words add");
    for (const Pair &pair : pairs) {
        if (pair.lines >= 100000)
            wordOverhead(pair);
    }
    return 0;
}
