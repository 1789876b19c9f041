// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Benchmark of live updates: how long after another connection commits a sign-off the window's
// Sign-off panel shows it. A window (MainWindow, offscreen, in process) has a record open on a ledger;
// a second connection of this process (as another machine would) appends an approval, and the time
// from the return of its commit to the panel counting the role approved is taken, for every role of
// the record, over several rounds (a new ledger each). On a PostgreSQL ledger (a private server, as
// the tests start) the window is notified by the server (LISTEN/NOTIFY); on a ledger file it reads
// SQLite's revision every LedgerWatch::pollMs. Prints the median and the largest latency of each;
// the goal on PostgreSQL is under 100 ms.
//
// With --screenshot OUT.png it instead opens two windows on one PostgreSQL ledger, signs a role in
// the left one (its Sign-off panel, as a user would) and, once the right one shows that approval,
// saves both windows side by side.
//
// Not part of the test suite. Run it in the build root:
//   packaging/buildroot.sh exec build/default/tests/benchmarks/bench_liveledger [ROUNDS]
//   packaging/buildroot.sh exec build/default/tests/benchmarks/bench_liveledger --screenshot OUT.png
#include "documentcontroller.h"
#include "ledger/ledgerwatch.h"
#include "ledgerbackends.h"
#include "ledgersupport.h"
#include "mainwindow.h"
#include "record/markdownparser.h"
#include "signing/recordidentity.h"
#include "signoffcontroller.h"
#include "signoffpanel.h"
#include "signoffworkspace.h"
#include "testsupport.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QPainter>
#include <QPixmap>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Countersign;
using TestSupport::LedgerBackends;

namespace {

struct Latencies
{
    QList<double> ms;
    int missed = 0;
};

// One round on a new ledger of `backend`: each role approved by the second connection in turn.
bool round(LedgerBackends &backends, const QString &backend, Latencies &out)
{
    QTemporaryDir dir;
    QString why;
    const QString ledger = backends.fresh(backend, dir, &why);
    if (ledger.isEmpty()) {
        std::fprintf(stderr, "bench_liveledger: %s\n", qPrintable(why));
        return false;
    }
    const QString record = dir.filePath(QStringLiteral("record.md"));
    TestSupport::writeBytes(
        record, TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md"))));
    MainWindow window;
    window.signOff()->setLedgerPath(ledger);
    window.documents(Pane::Left)->openFile(record);
    window.show();
    SignOffPanel *panel = window.signOff()->panel();
    panel->waitForLedger();
    const Document document = MarkdownParser::parseFile(record).value();
    std::unique_ptr<LedgerStore> other = TestSupport::openLedger(ledger);
    for (int role = 0; role < TestSupport::roles.size(); ++role) {
        SignOffEntry entry = SignOffEntry::now(document, RecordIdentity::legacyOf(record),
            TestSupport::roles.at(role), TestSupport::signers.at(role), SignOffDecision::Approve);
        if (!other->append(entry)) {
            std::fprintf(stderr, "bench_liveledger: the append failed\n");
            return false;
        }
        QElapsedTimer clock;
        clock.start();
        const auto shown = [&] {
            return panel->status().roles.size() > role &&
                panel->status().roles.at(role).state == RoleState::Approved;
        };
        while (!shown() && clock.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        if (shown())
            out.ms.append(double(clock.nsecsElapsed()) / 1e6);
        else
            ++out.missed;
    }
    return true;
}

// Two windows on one server ledger: the left signs, the right shows it; both saved side by side.
int screenshot(const QString &out)
{
    LedgerBackends backends;
    QTemporaryDir dir;
    QString why;
    const QString ledger = backends.fresh(LedgerBackends::postgresql, dir, &why);
    if (ledger.isEmpty()) {
        std::fprintf(stderr, "bench_liveledger: %s\n", qPrintable(why));
        return 1;
    }
    const QString record = dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));
    TestSupport::writeBytes(
        record, TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md"))));
    MainWindow left;
    MainWindow right;
    for (MainWindow *window : {&left, &right}) {
        window->signOff()->setLedgerPath(ledger);
        window->documents(Pane::Left)->openFile(record);
        window->resize(1100, 760);
        window->show();
        if (auto *dock = window->findChild<QDockWidget *>(QStringLiteral("signoff")))
            dock->raise();
    }
    const QString signedNow = left.signOff()->panel()->sign(
        TestSupport::roles.at(1), TestSupport::signers.at(1), SignOffDecision::Approve);
    if (!signedNow.isEmpty()) {
        std::fprintf(stderr, "bench_liveledger: %s\n", qPrintable(signedNow));
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    SignOffPanel *panel = right.signOff()->panel();
    while (panel->status().roles.at(1).state != RoleState::Approved && clock.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    QCoreApplication::processEvents();
    const QPixmap a = left.grab();
    const QPixmap b = right.grab();
    QPixmap both(a.width() + b.width() + 16, std::max(a.height(), b.height()));
    both.fill(Qt::darkGray);
    QPainter painter(&both);
    painter.drawPixmap(0, 0, a);
    painter.drawPixmap(a.width() + 16, 0, b);
    painter.end();
    if (!both.save(out)) {
        std::fprintf(stderr, "bench_liveledger: cannot write %s\n", qPrintable(out));
        return 1;
    }
    std::printf("%s: the right window showed the left one's approval after %lld ms\n", qPrintable(out),
        qlonglong(clock.elapsed()));
    return 0;
}

void report(const char *name, Latencies latencies)
{
    std::sort(latencies.ms.begin(), latencies.ms.end());
    if (latencies.ms.isEmpty()) {
        std::printf("%-12s no update shown (%d missed)\n", name, latencies.missed);
        return;
    }
    std::printf("%-12s %4lld updates  median %7.1f ms  largest %7.1f ms  missed %d\n", name,
        qlonglong(latencies.ms.size()), latencies.ms.at(latencies.ms.size() / 2), latencies.ms.last(),
        latencies.missed);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    if (argc > 2 && qstrcmp(argv[1], "--screenshot") == 0)
        return screenshot(QString::fromLocal8Bit(argv[2]));
    const int rounds = argc > 1 ? std::max(1, atoi(argv[1])) : 10;
    LedgerBackends backends;
    std::printf("bench_liveledger: commit by another connection -> Sign-off panel updated; %d rounds of %lld "
                "approvals each\n",
        rounds, qlonglong(TestSupport::roles.size()));
    for (const QString &backend : {LedgerBackends::postgresql, LedgerBackends::sqlite}) {
        if (const std::optional<QString> missing = LedgerBackends::unavailable(backend)) {
            std::printf("%-12s skipped: %s\n", qPrintable(backend), qPrintable(*missing));
            continue;
        }
        Latencies latencies;
        for (int i = 0; i < rounds; ++i) {
            if (!round(backends, backend, latencies))
                return 1;
        }
        report(qPrintable(backend), latencies);
    }
    std::printf("goal: PostgreSQL under 100 ms (a ledger file is polled every %d ms)\n", LedgerWatch::pollMs);
    return 0;
}
