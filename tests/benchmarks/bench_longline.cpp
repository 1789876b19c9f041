// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Benchmark of the window on one enormous line: a decision record (tests/data/input) with one line of
// base64 appended, as a pasted image or a minified blob makes it, of about 1 MB, 10 MB and 100 MB.
// Each size is opened alone (in the right pane), then as a pair (the left record's blob and the right
// one's differ throughout, the word diff's worst case), in the real MainWindow, in process, on the
// offscreen platform, as the app does: openFile, then show(). Figures, from the start of openFile:
//   first paint   the window's first paint (a 1x1 probe on top of it is painted last);
//   diff shown    comparisonShown: the line diff, the word diff and the findings are in;
//   to the end    Ctrl+End, Up, End, typed into the focused right pane, until repainted; "end in
//                 view" when the cursor is then at the end of the long line and drawn in the view;
//   peak RSS      of the process (VmHWM), after all of it, with the size of the files opened and the
//                 bound the issue sets (16 times the files plus 60 MB).
// A first row opens the record without a blob, for the window's own cost. Each size runs in a process
// of its own (this program, with `--case BYTES`), which is stopped after
// 120 s or at 12 GiB of RSS; what it reached by then is printed.
//
// Not part of the test suite. Run it in the build root:
//   packaging/buildroot.sh exec build/default/tests/benchmarks/bench_longline [--quick] [WORKDIR]
// --quick stops at 10 MB. WORKDIR (default build/bench-longline) receives the generated files.
#include "benchoptions.h"
#include "documentcontroller.h"
#include "mainwindow.h"
#include "paintprobe.h"
#include "recordpane.h"
#include "textview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

using namespace Countersign;

namespace {

constexpr int TimeLimit = 120; // s, for one size
constexpr double RssLimitMiB = 12 * 1024.0;

double ms(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

// A field of /proc/PID/status in MiB (VmHWM, VmRSS), 0 when it cannot be read.
double statusMiB(const QString &pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field) && line.size() > field.size() && line.at(field.size()) == ':')
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// The decision record with `bytes` of base64 appended as one line, "Attachment: " first. The two
// sides' blobs come from different seeds.
QByteArray recordWithBlob(qsizetype bytes, quint32 seed)
{
    QFile sample(QStringLiteral(COUNTERSIGN_SOURCE_DIR "/tests/data/input/decision-record.md"));
    if (!sample.open(QIODevice::ReadOnly))
        qFatal("cannot read the sample record");
    QByteArray text = sample.readAll();
    text += "\nAttachment: ";
    QRandomGenerator random(seed);
    QByteArray raw((bytes / 4) * 3, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    text += raw.toBase64();
    text += '\n';
    return text;
}

QString sizeName(qsizetype bytes)
{
    return bytes == 0 ? QStringLiteral("none") : QStringLiteral("%1 MB").arg(bytes / 1000000);
}

// One size, in this process: prints "key value" lines as it goes, so that the parent has what was
// reached when it stops the process.
int runCase(const QString &left, const QString &right)
{
    MainWindow window;
    for (Pane side : bothPanes) {
        window.documents(side)->setRecoveryPolicy(DocumentController::RecoveryPolicy::Discard);
        window.documents(side)->setAutosaveInterval(24 * 3600 * 1000);
    }
    window.resize(1200, 800);
    QElapsedTimer clock;
    PaintProbe probe(&window, clock);
    double shownAt = -1;
    QObject::connect(&window, &MainWindow::comparisonShown, &window, [&] {
        if (!window.isComparing())
            shownAt = ms(clock.nsecsElapsed());
    });
    const auto report = [](const char *key, double value) {
        std::printf("%s %.1f\n", key, value);
        std::fflush(stdout);
    };
    clock.start();
    for (const auto &[side, path] : {std::pair{Pane::Left, left}, std::pair{Pane::Right, right}}) {
        if (path == u"-")
            continue;
        if (const QString error = window.documents(side)->openFile(path); !error.isEmpty())
            qFatal("%s", qPrintable(error));
    }
    report("opened", ms(clock.nsecsElapsed()));
    probe.arm();
    window.show();
    report("painted", probe.waitForPaint(TimeLimit * 1000));
    // A record alone is not compared.
    QSignalSpy shown(&window, &MainWindow::comparisonShown);
    while (left != u"-" && shownAt < 0 && shown.wait(TimeLimit * 1000)) { }
    report("shown", shownAt);

    TextView *editor = window.pane(Pane::Right)->editor();
    editor->setFocus();
    QApplication::processEvents();
    probe.arm();
    const qint64 start = clock.nsecsElapsed();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
    report("end", probe.waitForPaint(TimeLimit * 1000) - ms(start));
    // The cursor is at the end of the long line, and drawn in the view.
    const TextPosition cursor = editor->cursorPosition();
    const QRect drawn = static_cast<QWidget *>(editor)->inputMethodQuery(Qt::ImCursorRectangle).toRect();
    const bool atEnd = cursor.line == editor->lineCount() - 2 &&
        cursor.column == editor->buffer().lineLength(cursor.line) &&
        editor->viewport()->rect().contains(drawn);
    report("at-end", atEnd ? 1 : 0);
    report("peak", statusMiB(QStringLiteral("self"), "VmHWM"));
    return 0;
}

struct Figures
{
    QHash<QByteArray, double> values;
    QString stopped; // why the process was stopped, empty when it finished
};

// Runs one size in a child process, watching its time and memory.
Figures measure(const QString &program, const QString &left, const QString &right)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(program, {QStringLiteral("--case"), left, right});
    Figures out;
    if (!child.waitForStarted())
        qFatal("cannot start %s", qPrintable(program));
    const QString pid = QString::number(child.processId());
    QElapsedTimer clock;
    clock.start();
    double peak = 0;
    while (!child.waitForFinished(100)) {
        peak = std::max(peak, statusMiB(pid, "VmHWM"));
        if (clock.elapsed() > TimeLimit * 1000 || statusMiB(pid, "VmRSS") > RssLimitMiB) {
            out.stopped = clock.elapsed() > TimeLimit * 1000
                ? QStringLiteral("stopped after %1 s").arg(TimeLimit)
                : QStringLiteral("stopped at %1 GiB").arg(RssLimitMiB / 1024);
            child.kill();
            child.waitForFinished();
            break;
        }
    }
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 2)
            out.values.insert(fields[0], fields[1].toDouble());
    }
    if (!out.values.contains("peak"))
        out.values.insert("peak", peak);
    if (out.stopped.isEmpty() && child.exitCode() != 0)
        out.stopped = QStringLiteral("exit %1").arg(child.exitCode());
    return out;
}

QString figure(const Figures &f, const char *key)
{
    return f.values.contains(key) && f.values.value(key) >= 0 ? QString::number(f.values.value(key), 'f', 1)
                                                              : QStringLiteral("-");
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc == 4 && qstrcmp(argv[1], "--case") == 0) {
        QApplication app(argc, argv);
        QStandardPaths::setTestModeEnabled(true);
        return runCase(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    }
    QCoreApplication app(argc, argv);
    const Bench::Options options =
        Bench::options(argc, argv, QStringLiteral(COUNTERSIGN_SOURCE_DIR "/build/bench-longline"));
    // "none": the record with an empty attachment line, for the window's own cost.
    const QList<qsizetype> sizes = options.quick ? QList<qsizetype>{0, 1000000, 10000000}
                                                 : QList<qsizetype>{0, 1000000, 10000000, 100000000};
    std::printf("one enormous line, in process with the real window, offscreen platform; ms from openFile\n"
                "(pair: the sample record with a line of base64 appended, different on each side)\n\n");
    std::printf("| %-6s | %-5s | %9s | %11s | %11s | %11s | %11s | %9s | %9s |\n", "line", "open",
        "files MiB", "first paint", "diff shown", "to the end", "end in view", "peak MiB", "bound MiB");
    std::printf("|%s|\n", QByteArray(108, '-').constData());
    for (const qsizetype bytes : sizes) {
        const QString left = options.directory + QStringLiteral("/left-%1.md").arg(bytes);
        const QString right = options.directory + QStringLiteral("/right-%1.md").arg(bytes);
        qsizetype fileBytes = 0;
        for (const auto &[path, seed] : {std::pair{left, 1u}, std::pair{right, 2u}}) {
            QFile file(path);
            const QByteArray text = recordWithBlob(bytes, seed);
            fileBytes = text.size();
            if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
                qFatal("cannot write %s", qPrintable(path));
        }
        const double fileMiB = double(fileBytes) / (1024.0 * 1024.0);
        for (const bool pair : {false, true}) {
            const Figures f =
                measure(QCoreApplication::applicationFilePath(), pair ? left : QStringLiteral("-"), right);
            const double filesMiB = pair ? 2 * fileMiB : fileMiB;
            std::printf("| %-6s | %-5s | %9.1f | %11s | %11s | %11s | %11s | %9s | %9.0f | %s\n",
                qPrintable(sizeName(bytes)), pair ? "pair" : "alone", filesMiB,
                qPrintable(figure(f, "painted")), qPrintable(figure(f, "shown")),
                qPrintable(figure(f, "end")),
                f.values.contains("at-end") ? (f.values.value("at-end") > 0 ? "yes" : "no") : "-",
                qPrintable(figure(f, "peak")), 16 * filesMiB + 60, qPrintable(f.stopped));
            std::fflush(stdout);
        }
    }
    return 0;
}
