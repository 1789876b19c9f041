// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// bench_compare: how long StructuralCompare::compare takes on the two sample records (the producer's
// mirror against the consumer's decision record). Run on demand; not a CTest test.
//
//   packaging/buildroot.sh build && packaging/buildroot.sh exec build/default/tests/benchmarks/bench_compare
//
// Options: --runs N (default 2000) timed calls, after 100 untimed warm-up calls. Loading and parsing
// happen once, outside the timing: the figure is the compare alone (facts, matching, classification).
// Prints the median, minimum and 99th percentile in microseconds and PASS/MISS against the goal
// (median under 1 ms). Exit status 0 whether or not the goal is met; 2 when a sample cannot be loaded.
#include "compare/structuralcompare.h"
#include "record/markdownparser.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    using namespace Countersign;
    using Clock = std::chrono::steady_clock;
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    int runs = 2000;
    if (arguments.size() == 2 && arguments.first() == u"--runs") {
        bool ok = false;
        runs = arguments.at(1).toInt(&ok);
        if (!ok || runs <= 0) {
            std::fprintf(stderr, "bench_compare: --runs needs a positive whole number\n");
            return 2;
        }
    } else if (!arguments.isEmpty()) {
        std::fprintf(stderr, "usage: bench_compare [--runs N]\n");
        return 2;
    }

    const QString samples = QStringLiteral(COUNTERSIGN_SAMPLES "/");
    const Result<Document> left = MarkdownParser::parseFile(
        samples + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"));
    const Result<Document> right =
        MarkdownParser::parseFile(samples + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));
    for (const Result<Document> *doc : {&left, &right}) {
        if (!*doc) {
            std::fprintf(stderr, "bench_compare: %s\n", qUtf8Printable(doc->error().toString()));
            return 2;
        }
    }

    qsizetype findings = 0;
    for (int i = 0; i < 100; ++i)
        findings = StructuralCompare::compare(left.value(), right.value()).size();
    std::vector<double> micros;
    micros.reserve(size_t(runs));
    for (int i = 0; i < runs; ++i) {
        const Clock::time_point start = Clock::now();
        const QList<CompareFinding> result = StructuralCompare::compare(left.value(), right.value());
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        findings = result.size();
    }
    std::sort(micros.begin(), micros.end());
    const double median = micros[micros.size() / 2];
    const double p99 = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
    std::printf(
        "bench_compare: StructuralCompare::compare, producer mirror vs consumer record (samples), %d runs\n",
        runs);
    std::printf("  %lld findings (%s)\n", static_cast<long long>(findings),
        qUtf8Printable(
            CompareSummary::of(StructuralCompare::compare(left.value(), right.value())).headline()));
    std::printf("  median %.1f us, min %.1f us, p99 %.1f us   (goal: median < 1000 us)   %s\n", median,
        micros.front(), p99, median < 1000.0 ? "PASS" : "MISS");
    return 0;
}
