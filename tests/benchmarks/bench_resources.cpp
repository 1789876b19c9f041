// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// bench_resources: peak memory and time of whole commands on the input shapes that once took
// gigabytes (a million one-word list items, a table of thousands of columns), on ordinary large
// records, and on a small record beside a large unrelated markdown file. Run on demand; it prints
// figures and is deliberately not a CTest test.
//
//   packaging/buildroot.sh build && packaging/buildroot.sh exec
//   build/default/tests/benchmarks/bench_resources
//
//   bench_resources [--quick] [WORKDIR]
// --quick skips the 30 MiB inputs and runs each command once instead of three times (medians; peak
// RSS is the largest seen). For each input it prints the command's exit code, wall time, throughput and peak
// RSS next to the bound the README states: 16 times the file plus 60 MiB. A shape Countersign refuses is
// expected to exit 2 quickly; one it reads, to exit 0 or 1 within the bound.
#include "benchoptions.h"
#include "recordgenerator.h"
#include "timedrun.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

namespace {

constexpr double boundBaseMiB = 60;
constexpr double boundPerByte = 16;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// `unit` repeated after `head` until the text holds `size` bytes.
QByteArray repeated(const QByteArray &head, const QByteArray &unit, qint64 size)
{
    QByteArray out = head;
    out.reserve(size + unit.size());
    while (out.size() < size)
        out += unit;
    return out;
}

QByteArray items(qint64 size)
{
    return repeated("# Runtime Cutover Decision Record\n\n", "- i\n", size);
}

QByteArray wideTable(int columns, int rows)
{
    QByteArray header = "# Runtime Cutover Decision Record\n\n";
    QByteArray row;
    for (int c = 0; c < columns; ++c)
        row += "|a";
    row += "|\n";
    QByteArray delimiter;
    for (int c = 0; c < columns; ++c)
        delimiter += "|-";
    delimiter += "|\n";
    QByteArray out = header + row + delimiter;
    out.reserve(out.size() + qint64(rows) * row.size());
    for (int r = 0; r < rows; ++r)
        out += row;
    return out;
}

QByteArray record(qint64 size)
{
    Bench::RecordGenerator generator(20260208);
    QByteArray out = generator.header();
    for (int n = 1; out.size() < size; ++n)
        generator.group(out, n);
    return out;
}

QByteArray prose(qint64 size)
{
    return repeated("# Runtime Cutover Decision Record\n\nUpdated: 2026-02-08\n\n",
        "The rehearsal ran against the release candidate and every gate held; the producer's on-call "
        "lead confirmed the rollback path twice.\nNothing in the window changed the contract.\n\n",
        size);
}

struct Input
{
    const char *name;
    std::function<QByteArray()> make;
    bool big = false; // skipped with --quick
};

void measure(const QString &program, const QStringList &arguments, const char *name, qint64 bytes, int runs)
{
    const TimedRun::Sample sample = TimedRun::median(QStringList{program} + arguments, runs);
    const double mib = double(bytes) / (1024.0 * 1024.0);
    const double bound = boundBaseMiB + boundPerByte * mib;
    std::printf("  %-34s %8.1f MiB  exit %d  %8.3f s  %8.1f MiB/s  peak %8.1f MiB  (bound %7.1f) %s\n", name,
        mib, sample.exitCode, sample.seconds, mib / std::max(sample.seconds, 1e-9), sample.peakMiB, bound,
        sample.peakMiB <= bound ? "within" : "OVER");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const Bench::Options options = Bench::options(argc, argv, temporary.path());
    const bool quick = options.quick;
    const int runs = quick ? 1 : 3;
    const QDir dir(options.directory);
    const QString countersign = QStringLiteral(COUNTERSIGN_BINARY);
    constexpr qint64 mib = 1024 * 1024;

    const QList<Input> inputs{
        {"12 MB of '- i' lines", [] { return items(12 * 1000 * 1000); }},
        {"32 MiB of '- i' lines", [] { return items(32 * mib - 64); }, true},
        {"table 5,000 columns x 1,000 rows", [] { return wideTable(5000, 1000); }},
        {"table 100 columns x 50,000 rows", [] { return wideTable(100, 50000); }},
        {"generated record, 10 MiB", [] { return record(10 * mib); }},
        {"generated record, 30 MiB", [] { return record(30 * mib); }, true},
        {"prose paragraphs, 30 MiB", [] { return prose(30 * mib); }, true},
    };
    std::printf(
        "countersign lint FILE and show --json FILE, median of %d (peak RSS: the largest seen):\n", runs);
    for (const Input &input : inputs) {
        if (input.big && quick)
            continue;
        const QString path = dir.filePath(QStringLiteral("input.md"));
        const QByteArray bytes = input.make();
        if (!writeFile(path, bytes))
            return 2;
        measure(countersign, {QStringLiteral("lint"), path}, input.name, bytes.size(), runs);
        measure(countersign, {QStringLiteral("show"), QStringLiteral("--json"), path}, "  show --json",
            bytes.size(), runs);
    }

    // A 2 KB record beside a 12 MB unrelated markdown file: review and export look for the previous
    // record of the pair, and must not parse the neighbour.
    const QString folder = dir.filePath(QStringLiteral("neighbour"));
    QDir().mkpath(folder);
    const QString recordPath =
        QDir(folder).filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));
    if (!writeFile(recordPath, record(2000)) ||
        !writeFile(QDir(folder).filePath(QStringLiteral("CHANGELOG.md")), items(12 * 1000 * 1000)))
        return 2;
    std::printf("a 2 KB record beside a 12 MB CHANGELOG.md, median of %d:\n", runs);
    // No ledger yet in a data folder of its own: the default ledger reads as empty.
    qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toLocal8Bit());
    measure(countersign, {QStringLiteral("export"), recordPath, QStringLiteral("--allow-open")},
        "export --allow-open", 2000, runs);
    measure(countersign, {QStringLiteral("review"), recordPath}, "review", 2000, runs);
    return 0;
}
