// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// File > New Window: a second window in the same process, deleted when it closes while the first
// stays; one with unsaved edits asks before closing, as the first does; two windows sign into the
// same ledger, one chain.
#include "documentcontroller.h"
#include "ledger/ledgerstore.h"
#include "ledger/sqliteledgerstore.h"
#include "mainwindow.h"
#include "recordpane.h"
#include "signoffcontroller.h"
#include "signoffpanel.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Countersign;

namespace {

QAction *actionFor(const MainWindow &window, const QKeySequence &shortcut)
{
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcut() == shortcut)
            return action;
    }
    return nullptr;
}

QList<MainWindow *> visibleWindows()
{
    QList<MainWindow *> windows;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<MainWindow *>(widget); window && window->isVisible())
            windows.append(window);
    }
    return windows;
}

} // namespace

class TestNewWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensAndClosesASecondWindow()
    {
        QTemporaryDir dir;
        MainWindow first;
        const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
        QCOMPARE(first.signOff()->setLedgerPath(ledger), QString());
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        QVERIFY(QApplication::quitOnLastWindowClosed());

        QAction *newWindow = actionFor(first, QKeySequence(Qt::CTRL | Qt::Key_N));
        QVERIFY(newWindow);
        QCOMPARE(newWindow->text(), QStringLiteral("New &Window"));
        newWindow->trigger();
        const QList<MainWindow *> windows = visibleWindows();
        QCOMPARE(windows.size(), 2);
        QPointer<MainWindow> second = windows.at(0) == &first ? windows.at(1) : windows.at(0);
        QVERIFY(second->testAttribute(Qt::WA_DeleteOnClose));
        QVERIFY(!first.testAttribute(Qt::WA_DeleteOnClose));
        QVERIFY(QTest::qWaitForWindowExposed(second));
        // Its own panes, the first window's ledger.
        QVERIFY(second->pane(Pane::Left) != first.pane(Pane::Left));
        QCOMPARE(second->signOff()->ledgerPath(), ledger);

        QVERIFY(second->close());
        QTRY_VERIFY(second.isNull());
        QCOMPARE(visibleWindows(), QList<MainWindow *>{&first});
        QVERIFY(first.isVisible());
    }

    // The second window is a MainWindow like the first: closing it with unsaved edits asks; Cancel
    // keeps it, Discard closes (and deletes) it.
    void asksAboutUnsavedEdits()
    {
        MainWindow first;
        first.show();
        QPointer<MainWindow> second = first.newWindow();
        QVERIFY(second->documents(Pane::Left)
                ->showDraft(QStringLiteral("# Draft\n"), QStringLiteral("/nowhere/draft.md")));
        QVERIFY(second->pane(Pane::Left)->isModified());

        // The user answers with keys: Escape cancels, Alt+D (the Discard button's mnemonic) discards.
        QStringList asked;
        std::pair<Qt::Key, Qt::KeyboardModifiers> answer{Qt::Key_Escape, Qt::NoModifier};
        QPointer<QMessageBox> asking; // the question being answered: each is counted once
        QTimer user;
        connect(&user, &QTimer::timeout, &user, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            if (box != asking) {
                asking = box;
                asked.append(box->text());
            }
            // A mnemonic works in the active window, as the box is on a desktop (the offscreen
            // platform activates it a moment after it shows: the key is pressed until it is taken).
            if (QApplication::activeWindow() != box) {
                box->activateWindow();
                return;
            }
            QTest::keyClick(box->windowHandle(), answer.first, answer.second);
        });
        user.start(10);
        QVERIFY(!second->close());
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.at(0).contains(QStringLiteral("unsaved edits")), qPrintable(asked.at(0)));
        QVERIFY(second);
        QVERIFY(second->isVisible());

        answer = {Qt::Key_D, Qt::AltModifier};
        QVERIFY(second->close());
        user.stop();
        QCOMPARE(asked.size(), 2);
        QTRY_VERIFY(second.isNull());
        QVERIFY(first.isVisible());
    }

    // Each window opens the ledger on its own connection; sign-offs from both land in one chain.
    void twoWindowsSignIntoOneLedger()
    {
        QTemporaryDir dir;
        const QString record = dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
        QVERIFY(TestSupport::writeBytes(record,
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")))));
        MainWindow first;
        QCOMPARE(first.signOff()->setLedgerPath(dir.filePath(QStringLiteral("ledger.sqlite"))), QString());
        first.show();
        QPointer<MainWindow> second = first.newWindow();
        for (MainWindow *window : {&first, second.data()})
            QCOMPARE(window->documents(Pane::Left)->openFile(record), QString());
        const QStringList roles = {first.signOff()->panel()->status().roles.at(0).role,
            first.signOff()->panel()->status().roles.at(1).role,
            first.signOff()->panel()->status().roles.at(2).role};
        QCOMPARE(
            first.signOff()->panel()->sign(roles.at(0), QStringLiteral("Ana Ruiz"), SignOffDecision::Approve),
            QString());
        QCOMPARE(second->signOff()->panel()->sign(
                     roles.at(1), QStringLiteral("Ben Okafor"), SignOffDecision::Approve),
            QString());
        QCOMPARE(
            first.signOff()->panel()->sign(roles.at(2), QStringLiteral("Chen Wei"), SignOffDecision::Approve),
            QString());

        auto store = SqliteLedgerStore::open(first.signOff()->ledgerPath());
        QVERIFY(store);
        const auto entries = store.value()->entries();
        QVERIFY(entries);
        QCOMPARE(entries.value().size(), 3);
        QCOMPARE(entries.value().at(1).signer, QStringLiteral("Ben Okafor"));
        QVERIFY(!LedgerStore::verifyChain(entries.value()));
        second->close();
    }
};

QTEST_MAIN(TestNewWindow)
#include "tst_newwindow.moc"
