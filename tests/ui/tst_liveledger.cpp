// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Live updates: a window on a ledger shows the sign-off another process (`countersign signoff`, as the
// other team's machine would) stores in it, without a reload by hand, and says who signed in the
// status bar; on a ledger file and on a PostgreSQL server (the test's own). When the server goes
// away the window says "Ledger offline", refuses to sign, reconnects once it is back and shows what
// was signed elsewhere meanwhile.
#include "clirunner.h"
#include "documentcontroller.h"
#include "editing/textbuffer.h"
#include "ledgerbackends.h"
#include "ledgersupport.h"
#include "mainwindow.h"
#include "recordpane.h"
#include "signoffcontroller.h"
#include "signoffmodel.h"
#include "signoffpanel.h"
#include "signoffworkspace.h"
#include "testsupport.h"
#include "textview.h"

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusError>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

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
        panel->waitForLedger();
        return QTest::qWaitForWindowExposed(&window) && panel->status().roles.size() == 5;
    }
};

// The server processes serving the database of `uri` (every connection to it but psql's own).
QList<qint64> serverProcessesOf(const QString &uri)
{
    QProcess psql;
    psql.start(TestSupport::PgServer::binDir() + QStringLiteral("/psql"),
        {QStringLiteral("-Atc"),
            QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
                           "pg_backend_pid()"),
            uri});
    QList<qint64> pids;
    if (!psql.waitForFinished(30000) || psql.exitCode() != 0)
        return pids;
    for (const QByteArray &line : psql.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            pids.append(line.trimmed().toLongLong());
    }
    return pids;
}

// Stops (SIGSTOP) or continues (SIGCONT) `pids`: a server that takes a connection and never answers.
bool signalAll(const QList<qint64> &pids, int signal)
{
    for (qint64 pid : pids) {
        if (::kill(pid_t(pid), signal) != 0)
            return false;
    }
    return true;
}

// A session bus of the test's own (dbus-daemon with a minimal configuration, its socket in a
// temporary folder), so that the window's desktop notifications go somewhere the test can listen.
class SessionBus
{
public:
    static QString daemon() { return QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")); }

    // Starts the bus; its address, empty (and why) when it cannot.
    QString start(QString *why)
    {
        if (daemon().isEmpty()) {
            *why = QStringLiteral("dbus-daemon is not installed");
            return {};
        }
        const QString config = m_folder.filePath(QStringLiteral("bus.conf"));
        TestSupport::writeBytes(config,
            QStringLiteral("<busconfig><type>session</type><listen>unix:dir=%1</listen><auth>EXTERNAL</auth>"
                           "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                           "<allow eavesdrop=\"true\"/><allow own=\"*\"/>"
                           "</policy></busconfig>\n")
                .arg(m_folder.path())
                .toUtf8());
        m_daemon.start(daemon(),
            {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                QStringLiteral("--print-address=1")});
        if (!m_daemon.waitForStarted(10000) || !m_daemon.waitForReadyRead(10000)) {
            *why = QStringLiteral("dbus-daemon did not start: ") +
                QString::fromUtf8(m_daemon.readAllStandardError());
            return {};
        }
        return QString::fromUtf8(m_daemon.readLine()).trimmed();
    }
    ~SessionBus()
    {
        m_daemon.terminate();
        m_daemon.waitForFinished(10000);
    }

private:
    QTemporaryDir m_folder;
    QProcess m_daemon;
};

bool approved(const SignOffPanel *panel, int role)
{
    return panel->status().roles.size() > role && panel->status().roles.at(role).state == RoleState::Approved;
}

// The desktop's notification service, as a desktop runs it (org.freedesktop.Notifications on the
// session bus): what it was asked to show.
class NotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown
    {
        QString application;
        QString summary;
        QString body;
        QVariantMap hints;
    };
    QList<Shown> shown;

public Q_SLOTS:
    uint Notify(const QString &application, uint, const QString &, const QString &summary,
        const QString &body, const QStringList &, const QVariantMap &hints, int)
    {
        shown.append({application, summary, body, hints});
        return uint(shown.size());
    }
};

} // namespace

class TestLiveLedger : public QObject
{
    Q_OBJECT

private:
    LedgerBackends m_backends;
    SessionBus m_bus;
    QString m_busAddress;
    QString m_noBus; // why there is no session bus of the test's own

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Before anything asks for the session bus: the window's connection to it is made once.
        m_busAddress = m_bus.start(&m_noBus);
        if (!m_busAddress.isEmpty())
            qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());
    }

    // The other side signs while the user works in another window: the desktop shows who signed,
    // through the desktop's notification service. While the window is the active one, the status
    // bar says it and no notification pops up.
    void signingElsewhereNotifiesTheDesktop()
    {
        if (m_busAddress.isEmpty())
            QSKIP(qPrintable(m_noBus));
        QDBusConnection listener =
            QDBusConnection::connectToBus(m_busAddress, QStringLiteral("notification-service"));
        QVERIFY2(listener.isConnected(), qPrintable(listener.lastError().message()));
        NotificationService service;
        QVERIFY(listener.registerObject(
            QStringLiteral("/org/freedesktop/Notifications"), &service, QDBusConnection::ExportAllSlots));
        QVERIFY(listener.registerService(QStringLiteral("org.freedesktop.Notifications")));
        QTemporaryDir dir;
        QString ledger;
        LEDGER_FOR_ROW(m_backends, LedgerBackends::sqlite, dir, ledger);
        LiveWindow live;
        QVERIFY(live.open(dir, ledger));
        live.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&live.window));

        Run signed_ = signElsewhere(live.record, ledger, 1);
        QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
        QTRY_VERIFY_WITH_TIMEOUT(approved(live.panel, 1), 5000);
        QVERIFY(live.window.statusBar()->currentMessage().contains(signers.at(1)));

        QWidget elsewhere; // the window the user works in now
        elsewhere.show();
        elsewhere.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&elsewhere));
        QVERIFY(!live.window.isActiveWindow());
        signed_ = signElsewhere(live.record, ledger, 3);
        QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
        QTRY_VERIFY_WITH_TIMEOUT(!service.shown.isEmpty(), 5000);
        // One notification, of the second sign-off: the first (window active) was not sent, or it would
        // have arrived before it (a bus keeps a sender's order).
        QCOMPARE(service.shown.size(), 1);
        const NotificationService::Shown &shown = service.shown.constFirst();
        QCOMPARE(shown.application, QStringLiteral("Countersign"));
        QVERIFY2(
            shown.body.contains(signers.at(3)) && shown.body.contains(roles.at(3)), qPrintable(shown.body));
        QVERIFY(!shown.body.contains(signers.at(1)));
        QVERIFY(!shown.summary.isEmpty());
        QCOMPARE(shown.hints.value(QStringLiteral("desktop-entry")).toString(),
            QStringLiteral("io.github.countersign.Countersign"));
        listener.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        QDBusConnection::disconnectFromBus(QStringLiteral("notification-service"));
    }

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
        if (backend == LedgerBackends::postgresql) {
            QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("server user postgres")));
            // Beside the signer: who the server authenticated.
            QCOMPARE(panel->model()->index(1, SignOffModel::SignerColumn).data().toString(),
                signers.at(1) + QStringLiteral(" (server user postgres)"));
        }
    }

    // File > Sign-off Ledger takes a server's URI typed on the keyboard: Enter opens that ledger, the
    // window signs into it, and the settings remember it.
    void chooseAServerLedgerByTyping()
    {
        QTemporaryDir dir;
        QString ledger;
        LEDGER_FOR_ROW(m_backends, LedgerBackends::postgresql, dir, ledger);
        LiveWindow live;
        QVERIFY(live.open(dir, dir.filePath(QStringLiteral("first.sqlite"))));
        QAction *choose = nullptr;
        for (QAction *action : live.window.findChildren<QAction *>()) {
            if (action->text() == QStringLiteral("Sign-off &Ledger..."))
                choose = action;
        }
        QVERIFY(choose);
        bool typed = false;
        QTimer::singleShot(0, &live.window, [&] {
            QWidget *dialog = nullptr;
            if (!QTest::qWaitFor(
                    [&dialog] { return (dialog = QApplication::activeModalWidget()) != nullptr; }))
                return;
            dialog->activateWindow();
            if (!QTest::qWaitFor([dialog] {
                    return QApplication::focusWidget() && QApplication::focusWidget()->window() == dialog;
                }))
                return;
            QWidget *field = QApplication::focusWidget();
            typed = qobject_cast<QLineEdit *>(field) != nullptr;
            QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(field, ledger);
            QTest::keyClick(field, Qt::Key_Return);
        });
        choose->trigger();
        QVERIFY(typed);
        QCOMPARE(live.window.signOff()->ledgerPath(), ledger);
        QCOMPARE(LedgerStore::configuredLocation(), ledger);
        live.panel->waitForLedger();
        QVERIFY(live.panel->canSign());
        QCOMPARE(live.panel->sign(roles.at(2), signers.at(2), SignOffDecision::Approve), QString());
        QCOMPARE(TestSupport::openLedger(ledger)->entries()->size(), 1);
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
        QCOMPARE(panel->sign(roles.at(1), signers.at(1), SignOffDecision::Approve), QString());

        m_backends.server()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(panel->headline().contains(QStringLiteral("Ledger offline")), 10000);
        QVERIFY(!panel->canSign());
        // What the server last said stays shown meanwhile, also when the panel is drawn again.
        QVERIFY(approved(panel, 1));
        panel->reload();
        QVERIFY(approved(panel, 1) && panel->headline().contains(QStringLiteral("Ledger offline")));
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

    // The server takes the connection and stops answering (its processes stopped: no error, no
    // timeout from the server, no TCP reset). The ledger is read in its own thread, so the window
    // keeps working: the user types in the record, the panel says the server is not answering and
    // refuses to sign at once; when the server answers again all is as before.
    void serverThatStopsAnsweringDoesNotFreezeTheWindow()
    {
        QTemporaryDir dir;
        QString ledger;
        LEDGER_FOR_ROW(m_backends, LedgerBackends::postgresql, dir, ledger);
        LiveWindow live;
        QVERIFY(live.open(dir, ledger));
        SignOffPanel *panel = live.panel;
        QCOMPARE(panel->sign(roles.at(1), signers.at(1), SignOffDecision::Approve), QString());
        const QList<qint64> serving = serverProcessesOf(ledger);
        QVERIFY(!serving.isEmpty());
        QVERIFY(signalAll(serving, SIGSTOP));
        struct Continue
        {
            QList<qint64> pids;
            ~Continue() { signalAll(pids, SIGCONT); } // however the test ends
        } resume{serving};

        panel->reload(); // the reading waits on the stopped server, in the ledger's thread
        QVERIFY(panel->isReading());
        QVERIFY(approved(panel, 1)); // what it last said stays shown
        live.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&live.window));
        RecordPane *pane = live.window.pane(Pane::Left);
        pane->editor()->setFocus();
        QVERIFY(QApplication::focusWidget() == pane->editor());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("typed while the server hangs "));
        QVERIFY(pane->isModified());
        QVERIFY(pane->buffer().toSource().text().contains(QStringLiteral("typed while the server hangs")));
        QVERIFY(panel->isReading());

        QTRY_VERIFY_WITH_TIMEOUT(panel->headline().contains(QStringLiteral("has not answered")), 10000);
        QVERIFY2(panel->headline().contains(QStringLiteral("not answering — waiting")) &&
                !panel->headline().contains(QStringLiteral("reconnecting")),
            qPrintable(panel->headline()));
        QVERIFY(panel->isReading());
        QVERIFY(!panel->canSign());
        if (const QString screenshots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
            !screenshots.isEmpty()) {
            if (auto *dock = live.window.findChild<QDockWidget *>(QStringLiteral("signoff")))
                dock->raise();
            const QString png = QDir(screenshots).filePath(QStringLiteral("ledger-not-answering.png"));
            QVERIFY(live.window.grab().save(png));
            qInfo("saved %s", qPrintable(png));
        }
        const QString refused = panel->sign(roles.at(0), signers.at(0), SignOffDecision::Approve);
        QVERIFY2(refused.contains(QStringLiteral("out of reach")), qPrintable(refused));
        QVERIFY(panel->isReading()); // refused without waiting on the server

        QVERIFY(signalAll(serving, SIGCONT));
        resume.pids.clear();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->headline().contains(QStringLiteral("has not answered")), 10000);
        panel->waitForLedger(); // the reading of what was missed, once the server answered
        QVERIFY(!panel->isReading());
        // The approval is read again; the text typed meanwhile makes it one of other content.
        QCOMPARE(panel->history().size(), 1);
        QCOMPARE(panel->status().roles.at(1).state, RoleState::Stale);
        QVERIFY(panel->canSign());
    }
};

QTEST_MAIN(TestLiveLedger)
#include "tst_liveledger.moc"
