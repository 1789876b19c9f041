// Benchmark of the window: the time from starting `countersign open LEFT RIGHT --screenshot OUT.png`
// to the PNG of the loaded, highlighted and compared pair, against a minimal Qt Widgets program that
// shows one window and saves its screenshot (minimalwindow), in the same run, on the offscreen
// platform. Pairs: the two sample records, and generated records of 10k, 100k and 1M lines with 1% of
// lines edited. Medians of wall time, with peak RSS (through peakrss).
//
// Not part of the test suite. Run it in the build root:
//   packaging/buildroot.sh exec build/default/tests/benchmarks/bench_window [--quick] [WORKDIR]
// --quick stops at 100k lines. WORKDIR (default build/bench-window) receives the generated files.
#include "timedrun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdio>

namespace {

using TimedRun::Sample;

QProcessEnvironment offscreen()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

Sample median(const QStringList &command, int runs)
{
    return TimedRun::median(command, runs, offscreen());
}

// A record of `lines` lines: the sample's sections, then numbered evidence lines.
QByteArray record(int lines, int seed, int editEvery)
{
    QByteArray text =
        "# Runtime Cutover Decision Record\n\nUpdated: 2026-03-14\n\n## Approved Runtime Target\n"
        "- release_tag: `v2.1.0`\n- commit_sha: `3f9c2a7d5e8b1c4f6a0d9e2b7c5a8f1e3d6b9c0a`\n\n"
        "## Runtime Cutover Completion Evidence\n";
    QRandomGenerator random(static_cast<quint32>(seed));
    for (int i = 0; text.count('\n') < lines; ++i) {
        text +=
            QByteArray::number(i + 1) + ". Verification step " + QByteArray::number(i) + " passed on node ";
        text +=
            QByteArray::number(editEvery > 0 && i % editEvery == 0 ? random.bounded(1000) : i % 97) + ".\n";
    }
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    const TimedRun::Options options =
        TimedRun::options(argc, argv, QStringLiteral(COUNTERSIGN_SOURCE_DIR "/build/bench-window"));
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
        const QString name =
            lines >= 1000000 ? QStringLiteral("1M lines") : QStringLiteral("%1k lines").arg(lines / 1000);
        const QString left = dir + QStringLiteral("/left-%1.md").arg(lines);
        const QString right = dir + QStringLiteral("/right-%1.md").arg(lines);
        QFile l(left), r(right);
        if (!l.open(QIODevice::WriteOnly) || !r.open(QIODevice::WriteOnly) ||
            l.write(record(lines, 1, 0)) < 0 || r.write(record(lines, 1, 100)) < 0)
            qFatal("cannot write %s", qPrintable(left));
        cases.append({name, left, right, lines >= 1000000 ? 1 : 3});
    }

    const Sample anchor = median({QStringLiteral(COUNTERSIGN_MINIMAL_WINDOW)}, 9);
    std::printf("window benchmark, offscreen platform, medians (anchor: a minimal Qt Widgets window with a "
                "screenshot: %.1f ms, %.1f MiB)\n\n",
        anchor.seconds * 1000, anchor.peakMiB);
    std::printf(
        "| %-12s | %12s | %10s | %9s | %s |\n", "pair", "ready (ms)", "vs anchor", "peak MiB", "exit");
    std::printf("|%s|\n", QByteArray(64, '-').constData());
    const QString shot = dir + QStringLiteral("/shot.png");
    for (const Case &c : cases) {
        const Sample s = median({QStringLiteral(COUNTERSIGN_BINARY), QStringLiteral("open"), c.left, c.right,
                                    QStringLiteral("--screenshot"), shot},
            c.runs);
        std::printf("| %-12s | %12.1f | %9.2fx | %9.1f | %d |\n", qPrintable(c.name), s.seconds * 1000,
            s.seconds / anchor.seconds, s.peakMiB, s.exitCode);
        std::fflush(stdout);
    }
    return 0;
}
