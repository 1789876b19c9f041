// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Live updates: a window on a ledger shows the sign-off another process (`countersign signoff`, as the
// other team's machine would) stores in it, without a reload by hand, and says who signed in the
// status bar; on a ledger file and on a PostgreSQL server (the test's own). When the server goes
// away the window says "Ledger offline", refuses to sign, reconnects once it is back and shows what
// was signed elsewhere meanwhile.
#include "clirunner.h"
#include "documentcontroller.h"
#include "ledgerbackends.h"
#include "mainwindow.h"
#include "signoffcontroller.h"
#include "signoffpanel.h"
#include "signoffworkspace.h"
#include "testsupport.h"

#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using TestSupport::LedgerBackends;
using TestSupport::roles;
using TestSupport::Run;
using TestSupport::run;
using TestSupport::signers;

namespace {

// `countersign signoff` of `role` by its signer, into `ledger`, from another process.
Run signElsewhere(const QString &record, const QString &ledger, int role)
{
    return run({QStringLiteral("signoff"), record, QStringLiteral("--db"), ledger, QStringLiteral("--role"),
        roles.at(role), QStringLiteral("--signer"), signers.at(role), QStringLiteral("--approve")});
}

// A record in `dir` open in a window on `ledger`, shown.
struct LiveWindow
{
    MainWindow window;
    QString record;
    SignOffPanel *panel = nullptr;

    bool open(const QTemporaryDir &dir, const QString &ledger)
    {
        record = dir.filePath(QStringLiteral("record.md"));
        if (!TestSupport::writeBytes(record,
                TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")))) ||
            !window.signOff()->setLedgerPath(ledger).isEmpty() ||
            !window.documents(Pane::Left)->openFile(record).isEmpty())
            return false;
        window.show();
        panel = window.signOff()->panel();
        return QTest::qWaitForWindowExposed(&window) && panel->status().roles.size() == 5;
    }
};

bool approved(const SignOffPanel *panel, int role)
{
    return panel->status().roles.size() > role && panel->status().roles.at(role).state == RoleState::Approved;
}

} // namespace

class TestLiveLedger : public QObject
{
    Q_OBJECT

private:
    LedgerBackends m_backends;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anotherProcessSignsAndTheWindowShowsIt_data() { LedgerBackends::addRows(); }

    void anotherProcessSignsAndTheWindowShowsIt()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString ledger;
        LEDGER_FOR_ROW(m_backends, backend, dir, ledger);
        LiveWindow live;
        QVERIFY(live.open(dir, ledger));
        SignOffPanel *panel = live.panel;
        const MainWindow &window = live.window;
        const QString &record = live.record;
        QVERIFY(!approved(panel, 1));

        const Run signed_ = signElsewhere(record, ledger, 1);
        QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
        // No reload by hand: the window hears of it (notified by the server, or by the file's revision).
        QTRY_VERIFY_WITH_TIMEOUT(approved(panel, 1), 5000);
        QVERIFY2(window.statusBar()->currentMessage().contains(signers.at(1)),
            qPrintable(window.statusBar()->currentMessage()));
        if (backend == LedgerBackends::postgresql)
            QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("server user postgres")));
    }

    // The server stops while the window is open: it says so and refuses to sign; the server comes
    // back, another process signs, and the window reconnects and shows that sign-off.
    void serverOutageIsShownAndRecovered()
    {
        QTemporaryDir dir;
        QString ledger;
        LEDGER_FOR_ROW(m_backends, LedgerBackends::postgresql, dir, ledger);
        LiveWindow live;
        QVERIFY(live.open(dir, ledger));
        SignOffPanel *panel = live.panel;
        const MainWindow &window = live.window;
        const QString &record = live.record;
        QVERIFY(panel->canSign());

        m_backends.server()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(panel->headline().contains(QStringLiteral("Ledger offline")), 10000);
        QVERIFY(!panel->canSign());
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Ledger offline")));
        const QString refused = panel->sign(roles.at(0), signers.at(0), SignOffDecision::Approve);
        QVERIFY2(refused.contains(QStringLiteral("out of reach")), qPrintable(refused));

        QString why;
        QVERIFY2(m_backends.server()->restart(&why), qPrintable(why));
        const Run signed_ = signElsewhere(record, ledger, 3);
        QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->headline().contains(QStringLiteral("Ledger offline")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(approved(panel, 3), 5000);
        QVERIFY(panel->canSign());
        QCOMPARE(panel->sign(roles.at(0), signers.at(0), SignOffDecision::Approve), QString());
        QVERIFY(approved(panel, 0));
    }
};

QTEST_MAIN(TestLiveLedger)
#include "tst_liveledger.moc"
