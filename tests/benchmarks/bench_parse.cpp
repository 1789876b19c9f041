// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// bench_parse: end-to-end parse benchmark on a large generated record. Run on demand; it prints
// figures and is deliberately not a CTest test (nothing here is pass/fail for the suite).
//
//   packaging/buildroot.sh build && packaging/buildroot.sh exec build/default/tests/benchmarks/bench_parse
//
// Options:
//   --size-mb N   size of the generated record in MiB (default 10; DocumentLoader reads at most 32 MiB)
//   --runs N      timed runs of each measurement (default 5); medians are reported
//   --keep FILE   write the generated record to FILE and leave it there (default: a temporary dir)
//   --input FILE  measure an existing record instead of generating one (e.g. to compare shapes)
//
// What it does, in this order:
//   1. Generates a deterministic record (seeded QRandomGenerator) shaped like the samples in
//      resources/samples (recordgenerator.h): title, Updated:/Owner: header, then section groups
//      repeated until the size is reached (decision outcome, runtime target, named roles, decision
//      inputs, GFM gate table, completion evidence with prose and the odd fenced block, residual
//      risks, ...).
//   2. Out of process, interleaved, in the same run: `countersign show --json FILE` against
//      `cmark-gfm -e table --sourcepos -t xml FILE`, stdout to /dev/null, one untimed warm-up each.
//      Every child is started with posix_spawn and reaped with wait4(), giving its wall time and
//      ru_maxrss. Prints the table and PASS/MISS against the goals: time <= 1.2x cmark-gfm's, peak
//      RSS <= 10x the input.
//   3. In process: MarkdownParser::parseFile() + RecordFacts::extract() (what `show` does before writing),
//      median of --runs, with a per-stage breakdown (read, decode, parse, facts, and the JSON that
//      `show --json` adds). For the first run it also prints, after each stage, how far this
//      process's peak RSS and its live heap (mallinfo2: allocated bytes, touched or not, so a buffer
//      reserved but never written counts there and not in RSS) have grown since the run began.
// The children are measured before the in-process runs on purpose: Linux carries a parent's RSS
// high-water mark into ru_maxrss of a child it spawns, so the parent must still be small then (its
// own peak is printed as the floor below which child figures mean nothing).
//
// Units: MiB = 1,048,576 bytes, MiB/s likewise. Exit status: 0 whether or not the goals are met;
// 2 when something cannot run (bad option, cmark-gfm or countersign missing, a child failing).
#include "record/documentjson.h"
#include "record/documentloader.h"
#include "record/markdownparser.h"
#include "record/recordfacts.h"
#include "record/sourcetext.h"
#include "recordgenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <malloc.h>
#include <optional>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace {

using Clock = std::chrono::steady_clock;
constexpr double mib = 1024.0 * 1024.0;
constexpr double timeGoal = 1.2; // countersign's time / cmark-gfm's time
constexpr double memoryGoal = 10.0; // countersign's peak RSS / input size

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_parse: %s\n", qUtf8Printable(message));
    return 2;
}

qint64 selfMaxRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// ---------------------------------------------------------------------------------------------
// The generated record (its generator: recordgenerator.h)

using Bench::RecordGenerator;

struct Generated
{
    qint64 bytes = 0;
    qint64 lines = 0;
    int groups = 0;
};

// Streams the record to `path` so that this process stays small (see the note at the top).
std::optional<Generated> generate(const QString &path, qint64 targetBytes, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    RecordGenerator generator(20260208);
    Generated result;
    QByteArray buffer = generator.header();
    auto flush = [&] {
        result.bytes += buffer.size();
        result.lines += buffer.count('\n');
        const bool ok = file.write(buffer) == buffer.size();
        buffer.clear();
        return ok;
    };
    while (result.bytes + buffer.size() < targetBytes) {
        generator.group(buffer, ++result.groups);
        if (buffer.size() >= 256 * 1024 && !flush()) {
            error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
            return std::nullopt;
        }
    }
    if (!flush() || !file.flush()) {
        error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// Child processes

struct ChildRun
{
    double seconds = 0;
    qint64 maxRssKiB = 0;
};

struct Command
{
    QString name;
    QList<QByteArray> argv;
    std::vector<double> seconds;
    qint64 maxRssKiB = 0; // the largest over all timed runs
};

// Runs argv[0] (an absolute path) with stdin and stdout on /dev/null and stderr into errorFile.
std::optional<ChildRun> runChild(const QList<QByteArray> &argv, const QByteArray &errorFile, QString &error)
{
    std::vector<char *> args;
    for (const QByteArray &arg : argv)
        args.push_back(const_cast<char *>(arg.constData()));
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(
        &actions, STDERR_FILENO, errorFile.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

    const Clock::time_point start = Clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        error =
            QStringLiteral("cannot start %1: %2")
                .arg(QString::fromLocal8Bit(argv.first()), QString::fromLocal8Bit(std::strerror(spawned)));
        return std::nullopt;
    }
    int status = 0;
    rusage usage{};
    pid_t waited = 0;
    do {
        waited = wait4(pid, &status, 0, &usage);
    } while (waited < 0 && errno == EINTR);
    ChildRun run;
    run.seconds = secondsSince(start);
    run.maxRssKiB = usage.ru_maxrss; // KiB on Linux
    if (waited < 0) {
        error = QStringLiteral("wait4 failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return std::nullopt;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        QFile errors(QString::fromLocal8Bit(errorFile));
        QString text;
        if (errors.open(QIODevice::ReadOnly))
            text = QString::fromUtf8(errors.read(4096)).trimmed();
        QStringList words;
        for (const QByteArray &arg : argv)
            words.append(QString::fromLocal8Bit(arg));
        error = QStringLiteral("'%1' %2%3")
                    .arg(words.join(u' '),
                        WIFEXITED(status) ? QStringLiteral("exited with status %1").arg(WEXITSTATUS(status))
                                          : QStringLiteral("was killed by signal %1").arg(WTERMSIG(status)),
                        text.isEmpty() ? QString() : QStringLiteral(":\n%1").arg(text));
        return std::nullopt;
    }
    return run;
}

// ---------------------------------------------------------------------------------------------
// In-process stages

struct Stages
{
    std::vector<double> read, decode, parse, facts, json, loadAndFacts;
    // First run only, after each stage: this process's peak RSS and its live heap (malloc'd bytes).
    std::array<qint64, 6> peakKiB{}; // [0] before the first stage
    std::array<qint64, 6> heapKiB{};
    qsizetype jsonBytes = 0;
    int sections = 0;
    int gates = 0;
    int outcomes = 0;
    int roles = 0;
    int decisionInputs = 0;
};

qint64 liveHeapKiB()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64((info.uordblks + info.hblkhd) / 1024); // small blocks + mmap()ed large ones
}

bool measureInProcess(const QString &path, int runs, Stages &stages, QString &error)
{
    using namespace Countersign;
    // Stage by stage first, while this process's peak RSS still says something about the stages: what
    // MarkdownParser::parseFile() does (read, decode, parse), then RecordFacts::extract() and the JSON
    // `show --json` adds. Everything stays alive until the end of the run, as it does in `show`.
    stages.peakKiB[0] = selfMaxRssKiB();
    stages.heapKiB[0] = liveHeapKiB();
    for (int run = 0; run < runs; ++run) {
        auto mark = [&](size_t stage, std::vector<double> &times, Clock::time_point start) {
            times.push_back(secondsSince(start));
            if (run == 0) {
                stages.peakKiB[stage] = selfMaxRssKiB();
                stages.heapKiB[stage] = liveHeapKiB();
            }
        };
        Clock::time_point start = Clock::now();
        const Result<QByteArray> bytes = DocumentLoader::readFile(path);
        if (!bytes) {
            error = bytes.error().toString();
            return false;
        }
        mark(1, stages.read, start);
        start = Clock::now();
        const Result<SourceText> source = SourceText::fromUtf8(bytes.value(), path);
        if (!source) {
            error = source.error().toString();
            return false;
        }
        mark(2, stages.decode, start);
        start = Clock::now();
        const Document doc = MarkdownParser::parse(source.value(), bytes.value(), path);
        mark(3, stages.parse, start);
        start = Clock::now();
        const RecordFacts facts = RecordFacts::extract(doc);
        mark(4, stages.facts, start);
        start = Clock::now();
        const QByteArray json = DocumentJson::toJson(doc, facts);
        mark(5, stages.json, start);
        stages.jsonBytes = json.size();
    }
    // What `countersign show` does before writing, as one call each.
    for (int run = 0; run < runs; ++run) {
        const Clock::time_point start = Clock::now();
        const Result<Document> doc = MarkdownParser::parseFile(path);
        if (!doc) {
            error = doc.error().toString();
            return false;
        }
        const RecordFacts facts = RecordFacts::extract(doc.value());
        stages.loadAndFacts.push_back(secondsSince(start));
        if (run == 0) {
            stages.sections = int(doc->sections.size());
            stages.gates = int(facts.gates.size());
            stages.outcomes = int(facts.outcomes.size());
            stages.roles = int(facts.roles.size());
            stages.decisionInputs = int(facts.decisionInputs.size());
        }
    }
    return true;
}

const char *verdict(bool met)
{
    return met ? "PASS" : "MISS";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);

    int sizeMb = 10;
    int runs = 5;
    QString keep;
    QString input;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        auto number = [&](int &target) {
            bool ok = false;
            if (i + 1 < arguments.size())
                target = arguments.at(++i).toInt(&ok);
            return ok && target > 0;
        };
        if (argument == u"--size-mb") {
            if (!number(sizeMb))
                return fail(QStringLiteral("--size-mb needs a positive whole number of MiB"));
        } else if (argument == u"--runs") {
            if (!number(runs))
                return fail(QStringLiteral("--runs needs a positive whole number"));
        } else if (argument == u"--keep") {
            if (++i >= arguments.size())
                return fail(QStringLiteral("--keep needs a file name"));
            keep = arguments.at(i);
        } else if (argument == u"--input") {
            if (++i >= arguments.size())
                return fail(QStringLiteral("--input needs a file name"));
            input = arguments.at(i);
        } else if (argument == u"-h" || argument == u"--help") {
            std::printf("usage: bench_parse [--size-mb N] [--runs N] [--keep FILE | --input FILE]\n"
                        "Times countersign show --json against cmark-gfm on a generated record.\n");
            return 0;
        } else {
            return fail(QStringLiteral("unknown option '%1'; usage: bench_parse [--size-mb N] [--runs N] "
                                       "[--keep FILE | --input FILE]")
                    .arg(argument));
        }
    }
    const qint64 targetBytes = qint64(sizeMb) * 1024 * 1024;
    // A group overshoots the target by a few KiB; leave room below the loader's limit.
    if (targetBytes + 64 * 1024 > Countersign::DocumentLoader::maxFileSize) {
        return fail(QStringLiteral("--size-mb %1 is too large: countersign reads files of up to %2 MiB")
                .arg(sizeMb)
                .arg(Countersign::DocumentLoader::maxFileSize / (1024 * 1024)));
    }

    const QString countersign = QStringLiteral(COUNTERSIGN_BINARY);
    if (!QFileInfo(countersign).isExecutable())
        return fail(QStringLiteral("countersign binary not found at %1; build it first").arg(countersign));
    const QString cmark = QStandardPaths::findExecutable(QStringLiteral("cmark-gfm"));
    if (cmark.isEmpty()) {
        return fail(QStringLiteral("cmark-gfm not found on PATH; the comparison needs the cmark-gfm command "
                                   "(Debian package cmark-gfm). Run inside the build root: "
                                   "packaging/buildroot.sh exec build/default/tests/benchmarks/bench_parse"));
    }

    QTemporaryDir tempDir;
    if (!tempDir.isValid())
        return fail(QStringLiteral("cannot create a temporary directory: %1").arg(tempDir.errorString()));
    if (!keep.isEmpty() && !input.isEmpty())
        return fail(QStringLiteral("--keep and --input exclude each other"));
    const QString path = !input.isEmpty() ? QFileInfo(input).absoluteFilePath()
        : keep.isEmpty() ? tempDir.filePath(QStringLiteral("BENCH_CUTOVER_DECISION_RECORD.md"))
                         : QFileInfo(keep).absoluteFilePath();
    const QByteArray errorFile = QFile::encodeName(tempDir.filePath(QStringLiteral("child-stderr.txt")));

    QString error;
    const Clock::time_point generateStart = Clock::now();
    std::optional<Generated> generated;
    if (input.isEmpty()) {
        generated = generate(path, targetBytes, error);
    } else {
        // Counted in chunks, so that this process stays small (see the note at the top).
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            generated = Generated{};
            for (QByteArray chunk; !(chunk = file.read(1 << 20)).isEmpty();) {
                generated->bytes += chunk.size();
                generated->lines += chunk.count('\n');
            }
        } else {
            error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        }
    }
    if (!generated)
        return fail(error);
    const double generateSeconds = secondsSince(generateStart);
    const double inputMib = double(generated->bytes) / mib;

    std::printf("bench_parse: %d run(s) each, medians; MiB = 1,048,576 bytes\n", runs);
    std::printf("input:       %s\n", qUtf8Printable(path));
    std::printf("             %lld bytes (%.2f MiB, %.2f MB), %lld lines, %d section groups, "
                "%s in %.2f s\n",
        static_cast<long long>(generated->bytes), inputMib, double(generated->bytes) / 1e6,
        static_cast<long long>(generated->lines), generated->groups, input.isEmpty() ? "generated" : "read",
        generateSeconds);
    std::printf("countersign: %s\n", qUtf8Printable(countersign));
    std::printf("cmark-gfm:   %s\n\n", qUtf8Printable(cmark));
    std::fflush(stdout);

    // Out of process first, while this process is still small.
    const QByteArray file = QFile::encodeName(path);
    Command show{QStringLiteral("countersign show --json"),
        {QFile::encodeName(countersign), QByteArrayLiteral("show"), QByteArrayLiteral("--json"), file}, {},
        0};
    Command reference{QStringLiteral("cmark-gfm -e table --sourcepos -t xml"),
        {QFile::encodeName(cmark), QByteArrayLiteral("-e"), QByteArrayLiteral("table"),
            QByteArrayLiteral("--sourcepos"), QByteArrayLiteral("-t"), QByteArrayLiteral("xml"), file},
        {}, 0};
    const qint64 floorKiB = selfMaxRssKiB();
    for (Command *command : {&show, &reference}) { // warm-up: page cache, binaries, libraries
        if (!runChild(command->argv, errorFile, error))
            return fail(error);
    }
    for (int run = 0; run < runs; ++run) {
        // Alternate which goes first, so neither always runs on the other's warm caches.
        const std::array<Command *, 2> order = run % 2 ? std::array<Command *, 2>{&reference, &show}
                                                       : std::array<Command *, 2>{&show, &reference};
        for (Command *command : order) {
            const std::optional<ChildRun> result = runChild(command->argv, errorFile, error);
            if (!result)
                return fail(error);
            command->seconds.push_back(result->seconds);
            command->maxRssKiB = std::max(command->maxRssKiB, result->maxRssKiB);
        }
    }

    const double referenceSeconds = median(reference.seconds);
    std::printf(
        "out of process (wall time from spawn to wait4; peak RSS = ru_maxrss, largest of the runs)\n");
    std::printf("%-40s %9s %9s %9s %9s %13s %10s %10s\n", "command", "median s", "min s", "max s", "MiB/s",
        "peak RSS MiB", "time/cmark", "RSS/input");
    for (const Command *command : {&show, &reference}) {
        const double seconds = median(command->seconds);
        const double rssMib = double(command->maxRssKiB) / 1024.0;
        std::printf("%-40s %9.3f %9.3f %9.3f %9.1f %13.1f %9.2fx %9.2fx\n", qUtf8Printable(command->name),
            seconds, *std::min_element(command->seconds.begin(), command->seconds.end()),
            *std::max_element(command->seconds.begin(), command->seconds.end()), inputMib / seconds, rssMib,
            seconds / referenceSeconds, rssMib / inputMib);
    }
    const double timeRatio = median(show.seconds) / referenceSeconds;
    const double memoryRatio = double(show.maxRssKiB) / 1024.0 / inputMib;
    std::printf("\ngoals for countersign show --json:\n");
    std::printf("  time   %.3f s / cmark-gfm %.3f s = %.2fx   (goal <= %.1fx)   %s\n", median(show.seconds),
        referenceSeconds, timeRatio, timeGoal, verdict(timeRatio <= timeGoal));
    std::printf("  memory %.1f MiB peak / %.2f MiB input = %.2fx   (goal <= %.0fx)   %s\n",
        double(show.maxRssKiB) / 1024.0, inputMib, memoryRatio, memoryGoal,
        verdict(memoryRatio <= memoryGoal));
    std::printf("  (this process's own peak RSS when spawning: %.1f MiB; child figures below it are "
                "inherited, not measured)\n\n",
        double(floorKiB) / 1024.0);
    std::fflush(stdout);

    // In process.
    Stages stages;
    if (!measureInProcess(path, runs, stages, error))
        return fail(error);
    const double loadAndFacts = median(stages.loadAndFacts);
    std::printf("in process: MarkdownParser::parseFile + RecordFacts::extract\n");
    std::printf("  median %.3f s (min %.3f, max %.3f), %.1f MiB/s\n", loadAndFacts,
        *std::min_element(stages.loadAndFacts.begin(), stages.loadAndFacts.end()),
        *std::max_element(stages.loadAndFacts.begin(), stages.loadAndFacts.end()), inputMib / loadAndFacts);
    std::printf("  model: %d sections; facts: %d outcomes, %d roles, %d decision inputs, %d gates\n",
        stages.sections, stages.outcomes, stages.roles, stages.decisionInputs, stages.gates);
    std::printf("  stages (median time; first run: growth of this process's peak RSS and live heap since the "
                "start of the run)\n");
    std::printf("    %-38s %9s %7s %13s %13s\n", "", "s", "share", "peak RSS MiB", "live heap MiB");
    const struct
    {
        const char *name;
        const std::vector<double> *seconds;
    } rows[] = {{"read      DocumentLoader::readFile", &stages.read},
        {"decode    SourceText::fromUtf8", &stages.decode},
        {"parse     MarkdownParser::parse", &stages.parse}, {"facts     RecordFacts::extract", &stages.facts},
        {"json      DocumentJson::toJson", &stages.json}};
    double total = 0;
    for (const auto &row : rows)
        total += median(*row.seconds);
    for (size_t i = 0; i < std::size(rows); ++i) {
        const double seconds = median(*rows[i].seconds);
        std::printf("    %-38s %9.3f %6.1f%% %13.1f %13.1f\n", rows[i].name, seconds, 100.0 * seconds / total,
            double(stages.peakKiB[i + 1] - stages.peakKiB[0]) / 1024.0,
            double(stages.heapKiB[i + 1] - stages.heapKiB[0]) / 1024.0);
    }
    std::printf("    %-38s %9.3f  (JSON output %.1f MiB)\n", "sum", total, double(stages.jsonBytes) / mib);
    return 0;
}
