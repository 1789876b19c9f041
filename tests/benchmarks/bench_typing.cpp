// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Benchmark of typing in the window, in process with the real MainWindow on the offscreen platform,
// on generated pairs (records.h: 1% of lines edited):
//   1. keystroke to updated diff, 10k and 100k lines: 50 single keystrokes, each at another line of
//      the right pane, each timed from the keystroke to the diff marks updated (linesShown; goal:
//      median under 50 ms) and to the structural findings updated too (comparisonShown).
//   2. the GUI thread during a burst, 10k and 100k lines: 200 keystrokes 30 ms apart (a QTimer),
//      until the diff after the last one is shown and painted. A 1 ms precise timer records how
//      late each of its ticks came (the gap minus the period: how long the event loop was not
//      available), and each keystroke's own handling is timed (the synchronous cost of the key:
//      edit, relayout, highlighting). Goal: the GUI thread never blocked more than 16 ms.
//   3. opening a 10k, 100k and 1M-line pair: from openFile of both sides (then show(), as the app
//      does) to the first paint of the window and to comparisonShown; next difference (F7) there,
//      the call and until repainted; scrolling the left pane to its middle, until repainted; the
//      peak RSS of the process (VmHWM, all cases so far).
// Autosave is off while measuring: it would land in some bursts and not others.
//
// Not part of the test suite. Run it in the build root:
//   packaging/buildroot.sh exec build/default/tests/benchmarks/bench_typing [--quick] [WORKDIR]
// --quick measures 10k lines only. WORKDIR (default build/bench-typing) receives the generated files.
#include "benchoptions.h"
#include "differencenavigator.h"
#include "documentcontroller.h"
#include "mainwindow.h"
#include "paintprobe.h"
#include "recordpane.h"
#include "records.h"
#include "textview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Countersign;

namespace {

constexpr int Timeout = 300000; // ms, for any one wait: the 1M-line pair is slow

double ms(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

// The nearest-rank percentile `p` (0 to 100) of `values`; 0 when there are none.
double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

double maximum(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}

// The pane's editor, as the widget that takes the keystrokes. recordpane.h only declares the
// editor's class; its header is included above for this conversion and nothing else.
QWidget *editorOf(const RecordPane *pane)
{
    return pane->editor();
}

// The process's peak resident set size in MiB (VmHWM), 0 when /proc cannot tell.
double peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// A window as the benchmark needs it: no recovery prompts (the typed edits are never saved), no
// autosave while measuring.
void prepare(MainWindow &window)
{
    for (Pane side : bothPanes) {
        window.documents(side)->setRecoveryPolicy(DocumentController::RecoveryPolicy::Discard);
        window.documents(side)->setAutosaveInterval(24 * 3600 * 1000);
    }
}

// Opens both sides; returns the first error, empty on success.
QString openFiles(MainWindow &window, const Records::Pair &pair)
{
    for (const auto &[side, path] : {std::pair{Pane::Left, pair.left}, std::pair{Pane::Right, pair.right}}) {
        if (QString error = window.documents(side)->openFile(path); !error.isEmpty())
            return error;
    }
    return {};
}

// Opens the pair in a shown, active window and waits for its first comparison.
void openPair(MainWindow &window, const Records::Pair &pair)
{
    prepare(window);
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        qFatal("the window did not become active");
    QSignalSpy shown(&window, &MainWindow::comparisonShown);
    if (const QString error = openFiles(window, pair); !error.isEmpty())
        qFatal("%s", qPrintable(error));
    if (!shown.wait(Timeout))
        qFatal("no comparison of %s", qPrintable(pair.name));
}

// Puts the cursor of the right pane on `line`, gives its editor the focus and lets the window settle
// (scrolling repaints; a comparison may be pending). Returns the editor.
QWidget *placeCursor(MainWindow &window, int line)
{
    window.pane(Pane::Right)->goToLine(line);
    QWidget *editor = editorOf(window.pane(Pane::Right));
    editor->setFocus();
    QTest::qWait(50);
    QSignalSpy shown(&window, &MainWindow::comparisonShown);
    while (window.isComparing() && shown.wait(Timeout)) { }
    return editor;
}

struct Latency
{
    QList<double> toLines; // keystroke to linesShown: the diff marks updated, ms
    QList<double> toDiff; // keystroke to comparisonShown: the findings updated too, ms
    QList<double> key; // the keystroke's own handling, ms
};

// Part 1: single keystrokes, each at another line spread over the record, each waited out.
Latency keystrokeToDiff(MainWindow &window, int lines, int rounds)
{
    Latency out;
    QElapsedTimer clock;
    clock.start();
    double shownAt = -1;
    double linesAt = -1;
    const QMetaObject::Connection connection =
        QObject::connect(&window, &MainWindow::comparisonShown, &window, [&] {
            if (!window.isComparing())
                shownAt = ms(clock.nsecsElapsed());
        });
    const QMetaObject::Connection linesConnection = QObject::connect(&window, &MainWindow::linesShown,
        &window, [&] { linesAt = linesAt < 0 ? ms(clock.nsecsElapsed()) : linesAt; });
    for (int round = 0; round < rounds; ++round) {
        QWidget *editor = placeCursor(window, 20 + round * (lines - 40) / rounds);
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        shownAt = -1;
        linesAt = -1;
        const double typedAt = ms(clock.nsecsElapsed());
        QTest::keyClick(editor, char('a' + round % 26));
        out.key.append(ms(clock.nsecsElapsed()) - typedAt);
        while (shownAt < 0 && shown.wait(Timeout)) { }
        if (shownAt < 0)
            qFatal("no comparison after keystroke %d", round);
        out.toDiff.append(shownAt - typedAt);
        // A comparison too large to be parsed has no separate line step.
        out.toLines.append((linesAt < 0 ? shownAt : linesAt) - typedAt);
    }
    QObject::disconnect(connection);
    QObject::disconnect(linesConnection);
    return out;
}

struct Burst
{
    QList<double> stalls; // how late each 1 ms tick came, ms
    QList<double> key; // each keystroke's own handling, ms
    double seconds = 0; // first keystroke to the end of the settle after the last diff
};

// Part 2: `count` keystrokes `interval` ms apart in the middle of the right pane, until the diff
// after the last one is shown and 100 ms more (its marks are painted then).
Burst burst(MainWindow &window, int lines, int count, int interval)
{
    QWidget *editor = placeCursor(window, lines / 2);
    Burst out;
    QElapsedTimer clock;
    QEventLoop loop;

    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    qint64 lastTick = -1;
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick >= 0)
            out.stalls.append(ms(now - lastTick) - 1.0);
        lastTick = now;
    });

    QTimer typist;
    typist.setTimerType(Qt::PreciseTimer);
    typist.setInterval(interval);
    int typed = 0;
    QObject::connect(&typist, &QTimer::timeout, &typist, [&] {
        const qint64 start = clock.nsecsElapsed();
        QTest::keyClick(editor, char('a' + typed % 26));
        out.key.append(ms(clock.nsecsElapsed() - start));
        if (++typed == count)
            typist.stop();
    });
    QObject::connect(&window, &MainWindow::comparisonShown, &loop, [&] {
        if (typed == count && !window.isComparing())
            QTimer::singleShot(100, &loop, &QEventLoop::quit);
    });
    QTimer::singleShot(Timeout, &loop, [] { qFatal("no comparison after the burst"); });

    clock.start();
    ticker.start();
    typist.start();
    loop.exec();
    out.seconds = double(clock.elapsed()) / 1000.0;
    return out;
}

struct Opening
{
    double opened = 0; // openFile of both sides returned, ms
    double painted = 0; // the window's first paint after show()
    double shown = 0; // comparisonShown
    double nextCall = 0;
    double nextPainted = 0;
    double scrollPainted = 0; // scrolling the left pane to its middle, until repainted
    QString error; // why the window refused the pair; nothing was measured then
};

// Part 3: the app's order: open both sides, show the window, wait for the comparison.
Opening openLarge(const Records::Pair &pair)
{
    MainWindow window;
    prepare(window);
    QElapsedTimer clock;
    PaintProbe probe(&window, clock);
    double shownAt = -1;
    QObject::connect(
        &window, &MainWindow::comparisonShown, &window, [&] { shownAt = ms(clock.nsecsElapsed()); });
    QSignalSpy shown(&window, &MainWindow::comparisonShown);
    Opening out;
    clock.start();
    out.error = openFiles(window, pair);
    if (!out.error.isEmpty())
        return out;
    out.opened = ms(clock.nsecsElapsed());
    probe.arm();
    window.show();
    out.painted = probe.waitForPaint(Timeout);
    if (shownAt < 0 && !shown.wait(Timeout))
        qFatal("no comparison of %s", qPrintable(pair.name));
    out.shown = shownAt;

    QTest::qWait(200);
    probe.arm();
    const qint64 start = clock.nsecsElapsed();
    if (window.differences()->nextDifference() < 0)
        qFatal("no difference in %s", qPrintable(pair.name));
    out.nextCall = ms(clock.nsecsElapsed() - start);
    out.nextPainted = probe.waitForPaint(Timeout) - ms(start);

    QTest::qWait(200);
    probe.arm();
    const qint64 scrolled = clock.nsecsElapsed();
    window.pane(Pane::Left)->scrollToLine(window.pane(Pane::Left)->editor()->lineCount() / 2);
    out.scrollPainted = probe.waitForPaint(Timeout) - ms(scrolled);
    return out;
}

// The offscreen platform warns whenever the window's size hints change, which typing does often.
QtMessageHandler defaultHandler = nullptr;

void dropSizeHintWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message != u"This plugin does not support propagateSizeHints()")
        defaultHandler(type, context, message);
}

void printRule(int width)
{
    std::printf("|%s|\n", QByteArray(width, '-').constData());
}

// What parts 1 and 2 found for one pair.
struct Typing
{
    QString name;
    Latency latency;
    Burst burst;
};

void printLatencies(const QList<Typing> &figures, int rounds, int debounce)
{
    std::printf(
        "1. keystroke to updated diff: %d keystrokes, each at another line of the right pane, ms\n", rounds);
    std::printf(
        "   diff: to the diff marks updated (linesShown; goal: median under 50 ms); findings: to the\n"
        "   structural findings updated as well (comparisonShown); edit debounce %d ms\n",
        debounce);
    std::printf("| %-10s | %11s | %8s | %8s | %15s | %12s | %10s |\n", "pair", "diff median", "diff p90",
        "diff max", "findings median", "findings p90", "key median");
    printRule(96);
    for (const Typing &f : figures) {
        const QList<double> &d = f.latency.toLines;
        const QList<double> &t = f.latency.toDiff;
        std::printf("| %-10s | %11.1f | %8.1f | %8.1f | %15.1f | %12.1f | %10.1f |\n", qPrintable(f.name),
            percentile(d, 50), percentile(d, 90), maximum(d), percentile(t, 50), percentile(t, 90),
            percentile(f.latency.key, 50));
    }
}

void printBursts(const QList<Typing> &figures, int keys, int interval)
{
    std::printf("\n2. GUI thread during a burst of %d keystrokes %d ms apart, until the diff after the last "
                "is shown, ms\n",
        keys, interval);
    std::printf("   stall: how late a 1 ms precise timer's tick came; key: one keystroke's handling "
                "(goal: nothing over 16 ms)\n");
    std::printf("| %-10s | %9s | %9s | %11s | %9s | %9s | %10s | %9s |\n", "pair", "stall max", "stall p99",
        "stalls > 16", "key max", "key p99", "key median", "burst s");
    printRule(99);
    for (const Typing &f : figures) {
        const Burst &b = f.burst;
        const auto over =
            std::count_if(b.stalls.cbegin(), b.stalls.cend(), [](double stall) { return stall > 16; });
        std::printf("| %-10s | %9.1f | %9.1f | %11lld | %9.1f | %9.1f | %10.2f | %9.2f |\n",
            qPrintable(f.name), maximum(b.stalls), percentile(b.stalls, 99), qlonglong(over), maximum(b.key),
            percentile(b.key, 99), percentile(b.key, 50), b.seconds);
    }
}

void printOpenings(const QList<std::pair<QString, Opening>> &openings)
{
    std::printf("\n3. opening a pair: openFile of both sides, then show(), as the app does, ms (the\n"
                "   highlighting repository is loaded already; bench_window times a fresh process)\n");
    std::printf("| %-11s | %8s | %11s | %11s | %9s | %13s | %16s |\n", "pair", "opened", "first paint",
        "diff shown", "F7 call", "F7 repainted", "scroll to middle");
    printRule(98);
    for (const auto &[name, o] : openings) {
        if (!o.error.isEmpty()) {
            std::printf(
                "| %-11s | not measured, the window refused it: %s\n", qPrintable(name), qPrintable(o.error));
            continue;
        }
        std::printf("| %-11s | %8.1f | %11.1f | %11.1f | %9.1f | %13.1f | %16.1f |\n", qPrintable(name),
            o.opened, o.painted, o.shown, o.nextCall, o.nextPainted, o.scrollPainted);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    defaultHandler = qInstallMessageHandler(dropSizeHintWarnings);
    // Settings (recent pairs) and recovery files go to a folder of their own, away from the user's.
    QStandardPaths::setTestModeEnabled(true);
    const Bench::Options options =
        Bench::options(argc, argv, QStringLiteral(COUNTERSIGN_SOURCE_DIR "/build/bench-typing"));
    constexpr int Rounds = 50;
    constexpr int BurstKeys = 200;
    constexpr int BurstInterval = 30;

    int debounce = 0;
    QList<Typing> figures;
    for (const int lines : options.quick ? QList<int>{10000} : QList<int>{10000, 100000}) {
        const Records::Pair pair = Records::writePair(options.directory, lines);
        MainWindow window;
        openPair(window, pair);
        debounce = window.editDebounceInterval();
        const Latency latency = keystrokeToDiff(window, lines, Rounds);
        figures.append({pair.name, latency, burst(window, lines, BurstKeys, BurstInterval)});
    }
    std::printf("typing benchmark, %s platform, in process with the real window\n\n",
        qPrintable(QApplication::platformName()));
    printLatencies(figures, Rounds, debounce);
    printBursts(figures, BurstKeys, BurstInterval);
    std::fflush(stdout);

    QList<std::pair<QString, Opening>> openings;
    for (const int lines : options.quick ? QList<int>{10000} : QList<int>{10000, 100000, 1000000}) {
        const Records::Pair pair = Records::writePair(options.directory, lines);
        openings.append({pair.name, openLarge(pair)});
    }
    printOpenings(openings);
    std::printf("\npeak RSS of the process (VmHWM): %.1f MiB\n", peakRssMiB());
    return 0;
}
