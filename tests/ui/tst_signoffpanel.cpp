// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The sign-off panel and dialog on the offscreen platform: the model under QAbstractItemModelTester,
// mixed states (approved, rejected, stale, pending) as a user sees them, the dialog's OK rules, the
// window's panel following edits, export from the window (markdown, and a PDF through File > Export
// PDF and its dialogs), and a bad ledger that leaves the records usable. With COUNTERSIGN_SCREENSHOTS=DIR
// set, mixedStates() also saves DIR/signoff-panel.png.
#include "documentcontroller.h"
#include "export/finalizedrecord.h"
#include "ledger/sqliteledgerstore.h"
#include "mainwindow.h"
#include "record/markdownparser.h"
#include "recordpane.h"
#include "signoffcontroller.h"
#include "signoffdialog.h"
#include "signoffmodel.h"
#include "signoffpanel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Countersign;

namespace {

const QStringList signers{QStringLiteral("Ana Ruiz"), QStringLiteral("Ben Okafor"),
    QStringLiteral("Chen Wei"), QStringLiteral("Dana Levi"), QStringLiteral("Eli Novak")};

QString copyRecord(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
    if (!TestSupport::writeBytes(
            path, TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")))))
        qFatal("cannot copy the record");
    return path;
}

Document parsed(const QString &path, const QByteArray &bytes)
{
    return MarkdownParser::parse(SourceText::fromUtf8(bytes).value(), path);
}

QString stateOf(const SignOffPanel &panel, int row)
{
    return panel.model()->index(row, SignOffModel::StateColumn).data().toString();
}

} // namespace

class TestSignOffPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Dana approves, the record is edited, Ana approves the new content, Ben rejects: stale,
    // approved, rejected and two pending roles.
    void mixedStates()
    {
        QTemporaryDir dir;
        const QString path = copyRecord(dir);
        auto store = SqliteLedgerStore::open(dir.filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(store);
        SignOffPanel panel;
        QAbstractItemModelTester tester(
            panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setLedger(store.value().get());
        QByteArray bytes = TestSupport::readBytes(path);
        panel.setRecord(path, parsed(path, bytes));
        QCOMPARE(panel.model()->rowCount(), 5);
        QVERIFY(panel.canSign());
        QSignalSpy signedOff(&panel, &SignOffPanel::signedOff);
        const QString roles[] = {panel.status().roles.at(0).role, panel.status().roles.at(1).role,
            panel.status().roles.at(2).role, panel.status().roles.at(3).role};

        QCOMPARE(panel.sign(roles[3], signers.at(3), SignOffDecision::Approve), QString());
        bytes.replace("api.v4", "api.v5");
        QVERIFY(TestSupport::writeBytes(path, bytes));
        panel.setRecord(path, parsed(path, bytes));
        QCOMPARE(panel.sign(roles[0], signers.at(0), SignOffDecision::Approve), QString());
        QVERIFY(panel.sign(roles[1], signers.at(1), SignOffDecision::Reject)
                .contains(QStringLiteral("needs a comment")));
        QCOMPARE(panel.sign(roles[1], signers.at(1), SignOffDecision::Reject,
                     QStringLiteral("Rollback drill not run yet")),
            QString());
        QCOMPARE(signedOff.count(), 3);
        // The signer's name is remembered for the next dialog.
        QCOMPARE(QSettings().value(QStringLiteral("signoff/signer")).toString(), signers.at(1));

        QCOMPARE(stateOf(panel, 0), QStringLiteral("Approved"));
        QCOMPARE(stateOf(panel, 1), QStringLiteral("Rejected"));
        QCOMPARE(stateOf(panel, 2), QStringLiteral("Pending"));
        QCOMPARE(stateOf(panel, 3), QStringLiteral("Stale (content changed)"));
        QCOMPARE(panel.model()->index(0, SignOffModel::SignerColumn).data().toString(), signers.at(0));
        QCOMPARE(panel.model()->index(1, SignOffModel::RoleColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Rollback drill not run yet"));
        QCOMPARE(panel.history().size(), 3);
        QVERIFY(panel.headline().contains(QStringLiteral("not final")));
        // The same person may not take a second role.
        QVERIFY(panel.sign(roles[2], signers.at(0), SignOffDecision::Approve)
                .contains(QStringLiteral("already approved")));

        panel.resize(1200, 260);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QPixmap shot = panel.grab();
        QVERIFY(!shot.isNull());
        if (const QString screenshots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
            !screenshots.isEmpty()) {
            const QString png = QDir(screenshots).filePath(QStringLiteral("signoff-panel.png"));
            QVERIFY(shot.save(png));
            qInfo("saved %s", qPrintable(png));
        }
    }

    void dialogNeedsASignerAndAReason()
    {
        SignOffDialog dialog(
            {QStringLiteral("Role A"), QStringLiteral("Role B")}, 1, {}, QStringLiteral("b140674e1bf5c80e"));
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QCOMPARE(dialog.role(), QStringLiteral("Role B"));
        QVERIFY(!ok->isEnabled());
        auto *signer = dialog.findChild<QLineEdit *>();
        QTest::keyClicks(signer, QStringLiteral("Ana"));
        QVERIFY(ok->isEnabled());
        dialog.setDecision(SignOffDecision::Withdraw);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog.findChild<QPlainTextEdit *>(), QStringLiteral("signed too early"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.comment(), QStringLiteral("signed too early"));
        QCOMPARE(dialog.decision(), SignOffDecision::Withdraw);
    }

    // The window's panel follows the active record as it is edited, and exports it once final.
    void windowSignsAndExports()
    {
        QTemporaryDir dir;
        const QString path = copyRecord(dir);
        MainWindow window;
        QCOMPARE(window.signOff()->setLedgerPath(dir.filePath(QStringLiteral("ledger.sqlite"))), QString());
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        // The record opened (or edited, or focused) last is the one the panel shows: the left one.
        QCOMPARE(window.documents(Pane::Right)
                     ->openFile(TestSupport::dataPath(QStringLiteral("compare/drift-commit-sha.md"))),
            QString());
        QCOMPARE(window.documents(Pane::Left)->openFile(path), QString());
        QVERIFY(shown.wait(10000));
        SignOffPanel *panel = window.signOff()->panel();
        QVERIFY(panel->headline().startsWith(QFileInfo(path).fileName()));
        QCOMPARE(panel->status().roles.size(), 5);
        const QString out = dir.filePath(QStringLiteral("final.md"));
        QVERIFY(window.signOff()
                ->exportFinalized(window.activePane(), out)
                .contains(QStringLiteral("not final")));
        for (int role = 0; role < 5; ++role)
            QCOMPARE(
                panel->sign(panel->status().roles.at(role).role, signers.at(role), SignOffDecision::Approve),
                QString());
        QVERIFY(panel->status().isFinal());
        QCOMPARE(window.signOff()->exportFinalized(window.activePane(), out), QString());
        const Result<FinalizedRecord::Verification> verified =
            FinalizedRecord::verify(QString::fromUtf8(TestSupport::readBytes(out)), out);
        QVERIFY(verified && verified->isValid() && verified->final);

        // An edit makes the approvals stale as soon as it is compared; export then asks for a save.
        window.pane(Pane::Left)->editor()->setCursorPosition({0, 1});
        QTest::keyClicks(window.pane(Pane::Left)->editor(), QStringLiteral("X"));
        QVERIFY(shown.wait(10000));
        QCOMPARE(stateOf(*panel, 0), QStringLiteral("Stale (content changed)"));
        QVERIFY(window.signOff()
                ->exportFinalized(window.activePane(), out)
                .contains(QStringLiteral("unsaved edits")));
    }

    // File > Export PDF as a user goes through it: the record is not final, so it asks first; yes,
    // then the file dialog proposes RECORD_FINAL.pdf next to the record; Enter, and the handout is
    // written and the status bar says so. An unwritable file is named in the error.
    void exportPdfFromTheMenu()
    {
        QTemporaryDir dir;
        const QString path = copyRecord(dir);
        MainWindow window;
        QCOMPARE(window.signOff()->setLedgerPath(dir.filePath(QStringLiteral("ledger.sqlite"))), QString());
        QCOMPARE(window.documents(Pane::Left)->openFile(path), QString());
        SignOffPanel *panel = window.signOff()->panel();
        QCOMPARE(panel->sign(panel->status().roles.at(0).role, signers.at(0), SignOffDecision::Approve),
            QString());
        QVERIFY(!panel->status().isFinal());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QAction *exportPdf = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E))
                exportPdf = action;
        }
        QVERIFY(exportPdf);
        QCOMPARE(exportPdf->text(), QStringLiteral("Export P&DF..."));

        const QString out =
            dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14_FINAL.pdf"));
        QString question;
        QString proposed;
        // Answers the dialogs as they open (each runs its own event loop inside trigger()).
        QTimer user;
        connect(&user, &QTimer::timeout, &user, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                question = box->text();
                box->button(QMessageBox::Yes)->click();
            } else if (auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                proposed = files->selectedFiles().value(0);
                static_cast<QDialog *>(files)->accept(); // Enter: the name proposed
            }
        });
        user.start(10);
        exportPdf->trigger();
        user.stop();
        QVERIFY2(question.contains(QStringLiteral("not final")), qPrintable(question));
        QCOMPARE(proposed, out); // next to the record
        QVERIFY(QFileInfo::exists(out));
        QVERIFY(TestSupport::readBytes(out).startsWith("%PDF-"));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Exported %1").arg(out));

        const QString unwritable = dir.filePath(QStringLiteral("missing/handout.pdf"));
        const QString error = window.signOff()->exportFinalized(
            window.activePane(), unwritable, true, SignOffController::ExportFormat::Pdf);
        QVERIFY2(error.startsWith(unwritable + QStringLiteral(": cannot be written")), qPrintable(error));
        QVERIFY(window.signOff()
                ->exportFinalized(window.activePane(), out, false, SignOffController::ExportFormat::Pdf)
                .contains(QStringLiteral("not final")));
    }

    void badLedgerLeavesRecordsUsable()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("ledger.sqlite"));
        QVERIFY(TestSupport::writeBytes(bad, "not a database\n"));
        MainWindow window;
        const QString error = window.signOff()->setLedgerPath(bad);
        QVERIFY(error.contains(bad));
        QVERIFY(error.contains(QStringLiteral("not an SQLite database")));
        QCOMPARE(window.documents(Pane::Left)->openFile(copyRecord(dir)), QString());
        SignOffPanel *panel = window.signOff()->panel();
        QCOMPARE(panel->status().roles.size(), 5); // still shown, all pending
        QVERIFY(!panel->canSign());
        QVERIFY(panel->headline().contains(QStringLiteral("unavailable")));
        QVERIFY(!panel->sign(panel->status().roles.at(0).role, signers.at(0), SignOffDecision::Approve)
                .isEmpty());
        QCOMPARE(TestSupport::readBytes(bad), QByteArray("not a database\n"));
    }
};

QTEST_MAIN(TestSignOffPanel)
#include "tst_signoffpanel.moc"
