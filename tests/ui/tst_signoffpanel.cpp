// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The sign-off panel and dialog on the offscreen platform: the model under QAbstractItemModelTester,
// mixed states (approved, rejected, stale, pending) as a user sees them, the dialog's OK rules, the
// window's panel following edits, export from the window (markdown, and a PDF through File > Export
// PDF and its dialogs), and a bad ledger that leaves the records usable. With COUNTERSIGN_SCREENSHOTS=DIR
// set, mixedStates() also saves DIR/signoff-panel.png.
#include "base/settingskeys.h"
#include "documentcontroller.h"
#include "export/finalizedrecord.h"
#include "ledger/ledgerconnection.h"
#include "ledger/sqliteledgerstore.h"
#include "mainwindow.h"
#include "record/canonicalcontent.h"
#include "record/documentloader.h"
#include "record/markdownparser.h"
#include "recordpane.h"
#include "signing/recordidentity.h"
#include "signingsupport.h"
#include "signoffcontroller.h"
#include "signoffdialog.h"
#include "signoffmodel.h"
#include "signoffpanel.h"
#include "sqlsupport.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

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

// The digest of the file's canonical content as it is on disk now.
QString fileDigest(const QString &path)
{
    return CanonicalContent::digest(TestSupport::load(path).source.text());
}

QList<SignOffEntry> entriesOf(const QString &ledger, const QString &record)
{
    auto store = SqliteLedgerStore::open(ledger);
    if (!store)
        qFatal("%s", qPrintable(store.error().toString()));
    const auto entries = store.value()->entries(RecordIdentity::legacyOf(record));
    if (!entries)
        qFatal("%s", qPrintable(entries.error().toString()));
    return entries.value();
}

// Every text a dialog shows in its labels, one per line.
QString labelsOf(const QWidget *dialog)
{
    QStringList texts;
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (!label->isHidden())
            texts.append(label->text());
    }
    return texts.join(u'\n');
}

// The dialog's button whose text, without its mnemonic, is `text`; null when there is none.
QPushButton *buttonNamed(const QWidget *dialog, const QString &text)
{
    for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
        if (!button->isHidden() && button->text().remove(u'&') == text)
            return button;
    }
    return nullptr;
}

// The window's action with `shortcut`; null when there is none.
QAction *actionFor(const QWidget &window, const QKeySequence &shortcut)
{
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcut() == shortcut)
            return action;
    }
    return nullptr;
}

// A window with `path` open in the left pane and its sign-off panel on screen, over `ledger`.
struct SigningWindow
{
    MainWindow window;
    SignOffPanel *panel = nullptr;
    QTableView *roles = nullptr;

    bool open(const QString &path, const QString &ledger)
    {
        if (!window.signOff()->setLedgerPath(ledger).isEmpty() ||
            !window.documents(Pane::Left)->openFile(path).isEmpty())
            return false;
        window.resize(1400, 900);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        panel = window.signOff()->panel();
        roles = panel->findChild<QTableView *>();
        panel->waitForLedger();
        return roles != nullptr && panel->status().roles.size() == 5;
    }

    // Enter on the role in `row` of the panel: the Sign Off dialog opens (exec() runs until
    // `user` has closed it).
    void signRow(int row, const std::function<void(QDialog *)> &user)
    {
        window.findChild<QDockWidget *>(QStringLiteral("signoff"))->raise();
        roles->setFocus();
        roles->setCurrentIndex(panel->model()->index(row, 0));
        bool opened = false;
        QTimer::singleShot(0, roles, [user, &opened] {
            QDialog *dialog = nullptr;
            if (!QTest::qWaitFor([&dialog] {
                    dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
                    return dialog != nullptr;
                }))
                return;
            opened = true;
            // As a window manager would: the new dialog is the active window, its focus widget has
            // the keyboard.
            dialog->activateWindow();
            if (!QTest::qWaitFor([dialog] {
                    return QApplication::focusWidget() && QApplication::focusWidget()->window() == dialog;
                }))
                qWarning("the dialog did not get the keyboard focus");
            user(dialog);
            if (dialog->isVisible()) // a check failed: leave exec() all the same
                dialog->reject();
        });
        QTest::keyClick(roles, Qt::Key_Return);
        QVERIFY2(opened, "Enter on a role opens no dialog");
    }
};

} // namespace

class TestSignOffPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Dana approves, the record is edited, Ana approves the new content, Ben rejects: stale,
    // approved, rejected and two pending roles.
    void mixedStates()
    {
        QTemporaryDir dir;
        const QString path = copyRecord(dir);
        auto store = LedgerConnection::open(dir.filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(store);
        SignOffPanel panel;
        QAbstractItemModelTester tester(
            panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setLedger(store.value().get());
        QByteArray bytes = TestSupport::readBytes(path);
        panel.setRecord(path, parsed(path, bytes));
        panel.waitForLedger();
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

    // At a panel of 900 px every holder shows whole while the digest column is no wider than its
    // twelve characters; History (Alt+I) shows every column, the digest included, and a long comment
    // wrapped in full.
    void columnsFitWhatTheyHold()
    {
        QTemporaryDir dir;
        const QString path = copyRecord(dir);
        auto store = LedgerConnection::open(dir.filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(store);
        SignOffPanel panel;
        panel.setLedger(store.value().get());
        const QByteArray bytes = TestSupport::readBytes(path);
        panel.setRecord(path, parsed(path, bytes));
        panel.waitForLedger();
        const QString comment =
            QStringLiteral("Rollback drill not run yet: the consumer's runbook still points at "
                           "the old queue, and the on-call rota for the weekend is not final.");
        QCOMPARE(panel.sign(panel.status().roles.at(0).role, signers.at(0), SignOffDecision::Reject, comment),
            QString());
        panel.resize(900, 260);
        panel.show();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        auto *view = panel.findChild<QTableView *>();
        QVERIFY(view);
        const QFontMetrics metrics(view->font());
        for (int row = 0; row < panel.model()->rowCount(); ++row) {
            const QString holder = panel.model()->index(row, SignOffModel::HolderColumn).data().toString();
            QVERIFY2(view->columnWidth(SignOffModel::HolderColumn) >= metrics.horizontalAdvance(holder),
                qPrintable(holder));
        }
        const QString digest = panel.model()->index(0, SignOffModel::DigestColumn).data().toString();
        QCOMPARE(digest.size(), 12);
        QVERIFY(view->columnWidth(SignOffModel::DigestColumn) <= metrics.horizontalAdvance(digest) + 40);

        bool inspected = false;
        QString problem;
        QTimer user;
        connect(&user, &QTimer::timeout, &user, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || inspected)
                return;
            auto *history = dialog->findChild<QTableView *>();
            if (!history || !history->isVisible())
                return;
            inspected = true;
            const QRect viewport = history->viewport()->rect();
            for (int column = 0; column < SignOffHistoryModel::ColumnCount; ++column) {
                const int right = history->columnViewportPosition(column) + history->columnWidth(column);
                if (right > viewport.width() + 1)
                    problem += QStringLiteral("column %1 ends at %2 of %3; ")
                                   .arg(column)
                                   .arg(right)
                                   .arg(viewport.width());
            }
            const int commentWidth = history->columnWidth(SignOffHistoryModel::CommentColumn);
            const QRect needed =
                QFontMetrics(history->font())
                    .boundingRect(QRect(0, 0, commentWidth - 8, 10000), Qt::TextWordWrap, comment);
            if (history->rowHeight(0) < needed.height())
                problem += QStringLiteral("the comment needs %1 px, its row has %2; ")
                               .arg(needed.height())
                               .arg(history->rowHeight(0));
            dialog->reject();
        });
        user.start(10);
        panel.findChild<QTableView *>()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_I, Qt::AltModifier);
        QTRY_VERIFY(inspected);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void dialogNeedsASignerAndAReason()
    {
        SignOffDialog dialog(
            {QStringLiteral("RECORD.md"), DocumentKind::DecisionRecord, DocumentSide::Consumer,
                QStringLiteral("Role B"), QStringLiteral("Holder B"), QStringLiteral("b140674e1bf5c80e")},
            {});
        QPushButton *sign = buttonNamed(&dialog, QStringLiteral("Sign"));
        QVERIFY(sign);
        QCOMPARE(dialog.role(), QStringLiteral("Role B"));
        QVERIFY(!sign->isEnabled());
        // Without a name, the focus is on the name.
        auto *signer = dialog.findChild<QLineEdit *>();
        QCOMPARE(dialog.focusWidget(), signer);
        QTest::keyClicks(signer, QStringLiteral("Ana"));
        QVERIFY(sign->isEnabled());
        dialog.setDecision(SignOffDecision::Withdraw);
        QVERIFY(!sign->isEnabled());
        QTest::keyClicks(dialog.findChild<QPlainTextEdit *>(), QStringLiteral("signed too early"));
        QVERIFY(sign->isEnabled());
        QCOMPARE(dialog.comment(), QStringLiteral("signed too early"));
        QCOMPARE(dialog.decision(), SignOffDecision::Withdraw);
        // Unsaved edits: Sign is refused, Save and Sign offered.
        dialog.setUnsavedEdits(true);
        QVERIFY(!sign->isEnabled());
        QVERIFY(buttonNamed(&dialog, QStringLiteral("Save and Sign")));
    }

    // With a trust folder and a signing key set, the window signs with the key: the panel and the
    // history say who signed with which key; a key the roles file does not allow is refused; a
    // ledger rewritten by hand is shown as untrusted and nothing more is signed into it.
    void signsWithTheConfiguredKey()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("repo"));
        TestSupport::makeRepository(repo);
        const QString path = repo + QStringLiteral("/record.md");
        QVERIFY(TestSupport::writeBytes(
            path, TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")))));
        const TestSupport::TestKey ana =
            TestSupport::makeKey(dir.path(), QStringLiteral("ana"), QStringLiteral("ana@tessera.example"));
        TestSupport::writeTrustFolder(repo, {ana}, {QStringLiteral("Tessera incident commander role")}, {},
            QStringLiteral("repository = acme/runtime\n"));
        QSettings().setValue(SettingsKeys::signingKey, ana.privateKey);
        const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
        auto store = SqliteLedgerStore::open(ledger); // another connection, as another process would be
        QVERIFY(store);
        auto connection = LedgerConnection::open(ledger);
        QVERIFY(connection);
        SignOffPanel panel;
        panel.setLedger(connection.value().get());
        panel.setRecord(path, TestSupport::load(path));
        panel.waitForLedger();
        const QList<RoleSignOff> roles = panel.status().roles;
        QCOMPARE(panel.sign(roles.at(0).role, signers.at(0), SignOffDecision::Approve), QString());
        QSettings().remove(SettingsKeys::signingKey);
        const QList<SignOffEntry> stored = store.value()->entries().value();
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.constFirst().isSigned());
        QCOMPARE(stored.constFirst().principal, ana.principal);
        QCOMPARE(stored.constFirst().recordPath, QStringLiteral("acme/runtime:record.md"));
        QCOMPARE(stateOf(panel, 0), QStringLiteral("Approved"));
        const QModelIndex signature = panel.model()->index(0, SignOffModel::SignatureColumn);
        QCOMPARE(signature.data().toString(), QStringLiteral("Signed: ana@tessera.example"));
        QVERIFY(signature.data(Qt::ToolTipRole).toString().contains(QStringLiteral("SHA256:")));
        SignOffHistoryModel history;
        history.setEntries(panel.history());
        const QString historyCell = history.index(0, SignOffHistoryModel::SignatureColumn).data().toString();
        QVERIFY2(
            historyCell.startsWith(QStringLiteral("ana@tessera.example, SHA256:")), qPrintable(historyCell));

        // An unsigned approval stored around the rules (an earlier version, another tool): shown,
        // not counted.
        SignOffEntry unsignedEntry =
            SignOffEntry::now(TestSupport::load(path), QStringLiteral("acme/runtime:record.md"),
                roles.at(1).role, signers.at(1), SignOffDecision::Approve);
        QVERIFY(store.value()->append(unsignedEntry));
        panel.reload();
        panel.waitForLedger();
        QCOMPARE(stateOf(panel, 1), QStringLiteral("Pending"));
        QCOMPARE(panel.model()->index(1, SignOffModel::SignatureColumn).data().toString(),
            QStringLiteral("unsigned, not counted"));
        QVERIFY(panel.model()
                ->index(1, SignOffModel::SignatureColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("requires signatures")));
        panel.resize(1300, 260);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        if (const QString screenshots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
            !screenshots.isEmpty()) {
            const QString png = QDir(screenshots).filePath(QStringLiteral("signoff-panel-signed.png"));
            QVERIFY(panel.grab().save(png));
            qInfo("saved %s", qPrintable(png));
        }

        // Ana's key may not sign the Harbor role: refused, nothing stored.
        QSettings().setValue(SettingsKeys::signingKey, ana.privateKey);
        const QString refused = panel.sign(roles.at(1).role, signers.at(1), SignOffDecision::Approve);
        QSettings().remove(SettingsKeys::signingKey);
        QVERIFY2(refused.contains(QStringLiteral("may sign")), qPrintable(refused));
        QCOMPARE(store.value()->entries().value().size(), 2);

        // The entry rewritten in the file, its hash recomputed: untrusted, shown, never signed into.
        SignOffEntry forged = stored.constFirst();
        forged.signer = QStringLiteral("Mallory");
        forged.hash = forged.computeHash();
        QVERIFY(TestSupport::execSql(ledger,
            {QStringLiteral("DROP TRIGGER signoff_append_only_update"),
                QStringLiteral("UPDATE signoff SET signer = 'Mallory', hash = '%1' WHERE id = 1")
                    .arg(forged.hash)}));
        panel.reload();
        panel.waitForLedger();
        QVERIFY2(panel.headline().contains(QStringLiteral("UNTRUSTED LEDGER")), qPrintable(panel.headline()));
        QVERIFY(!panel.canSign());
        QVERIFY(!panel.sign(roles.at(1).role, signers.at(1), SignOffDecision::Approve).isEmpty());
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
        QVERIFY(verified && verified->isValid() && verified->isFinal());

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
    // then the file dialog proposes RECORD_NOT-FINAL.pdf next to the record; Enter, and the handout is
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
            dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14_NOT-FINAL.pdf"));
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

    // The Sign Off dialog as the issue saw it: a signer remembered, Enter on the third role. It
    // names the record, its kind and side, the role and its holder and the full digest of the file;
    // focus is on the decision (Approve), and neither a letter, Down nor Enter changes the role or
    // signs. With COUNTERSIGN_SCREENSHOTS=DIR set, it saves DIR/signoff-dialog.png.
    void dialogNamesWhatIsSignedAndStartsOnTheDecision()
    {
        QTemporaryDir dir;
        const QString path = copyRecord(dir);
        const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
        QSettings().setValue(QStringLiteral("signoff/signer"), signers.at(2));
        SigningWindow signing;
        QVERIFY(signing.open(path, ledger));
        const RoleSignOff role = signing.panel->status().roles.at(2);
        signing.signRow(2, [&](QDialog *dialog) {
            auto *signOff = qobject_cast<SignOffDialog *>(dialog);
            QVERIFY(signOff);
            const QString shown = labelsOf(dialog);
            QVERIFY2(shown.contains(QFileInfo(path).fileName()), qPrintable(shown));
            QVERIFY2(shown.contains(QStringLiteral("decision record")), qPrintable(shown));
            QVERIFY2(shown.contains(QStringLiteral("consumer")), qPrintable(shown));
            QVERIFY2(shown.contains(role.role), qPrintable(shown));
            QVERIFY2(shown.contains(role.holder), qPrintable(shown));
            QVERIFY2(shown.contains(fileDigest(path)), qPrintable(shown));
            // No box that a key could turn to another role.
            for (const QComboBox *box : dialog->findChildren<QComboBox *>())
                QVERIFY(!box->isVisible() || !box->isEnabled());
            auto *decision = qobject_cast<QRadioButton *>(QApplication::focusWidget());
            QVERIFY2(decision,
                QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className()
                                            : "nothing has focus");
            QVERIFY(decision->isChecked());
            QCOMPARE(decision->text().remove(u'&'), QStringLiteral("Approve"));
            // The style draws the focus ring only in a window marked as focused by the keyboard.
            QVERIFY(dialog->testAttribute(Qt::WA_KeyboardFocusChange));
            if (const QString screenshots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
                !screenshots.isEmpty())
                QVERIFY(
                    dialog->grab().save(QDir(screenshots).filePath(QStringLiteral("signoff-dialog.png"))));
            for (const int key : {int(Qt::Key_A), int(Qt::Key_Down), int(Qt::Key_End), int(Qt::Key_Return)})
                QTest::keyClick(QApplication::focusWidget(), Qt::Key(key));
            QCOMPARE(signOff->role(), role.role);
            QVERIFY2(dialog->isVisible(), "Enter on a decision signed");
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
            QVERIFY(!dialog->isVisible());
        });
        QVERIFY(entriesOf(ledger, path).isEmpty());
    }

    // With unsaved edits, Sign is refused ("Save first"); Save and Sign writes the file, then signs
    // the digest of its bytes as read back, which the ledger then counts as current. With
    // COUNTERSIGN_SCREENSHOTS=DIR set, it saves DIR/signoff-save-first.png.
    void unsavedEditsAreSavedBeforeSigning()
    {
        QTemporaryDir dir;
        const QString path = copyRecord(dir);
        const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
        QSettings().setValue(QStringLiteral("signoff/signer"), signers.at(0));
        SigningWindow signing;
        QVERIFY(signing.open(path, ledger));
        const QString before = fileDigest(path);
        RecordPane *pane = signing.window.pane(Pane::Left);
        pane->editor()->setCursorPosition({0, 1});
        QTest::keyClicks(pane->editor(), QStringLiteral("X"));
        QVERIFY(pane->isModified());
        const QString role = signing.panel->status().roles.at(0).role;
        // Programmatic signing is refused too.
        QVERIFY2(signing.panel->sign(role, signers.at(0), SignOffDecision::Approve)
                     .contains(QStringLiteral("Save first")),
            "signed unsaved text");
        signing.signRow(0, [&](QDialog *dialog) {
            QVERIFY2(labelsOf(dialog).contains(QStringLiteral("Save first")), qPrintable(labelsOf(dialog)));
            QPushButton *sign = buttonNamed(dialog, QStringLiteral("Sign"));
            QVERIFY(sign);
            QVERIFY(!sign->isEnabled());
            QPushButton *saveAndSign = buttonNamed(dialog, QStringLiteral("Save and Sign"));
            QVERIFY(saveAndSign);
            if (const QString screenshots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
                !screenshots.isEmpty())
                QVERIFY(dialog->grab().save(
                    QDir(screenshots).filePath(QStringLiteral("signoff-save-first.png"))));
            QTest::mouseClick(saveAndSign, Qt::LeftButton);
            QVERIFY(!dialog->isVisible());
        });
        QVERIFY(!pane->isModified());
        const QString after = fileDigest(path);
        QVERIFY(after != before);
        const QList<SignOffEntry> entries = entriesOf(ledger, path);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).digest, after);
        // What `countersign status` says: approved on the file's content, not stale.
        const SignOffStatus status = SignOffRules::evaluate(TestSupport::load(path), entries);
        QCOMPARE(status.roles.at(0).state, RoleState::Approved);
    }

    // The digest signed is the file's as read when Sign is pressed: a file changed on disk behind
    // the open dialog is not signed until the dialog has shown its new digest.
    void signsTheFileAsReadWhenSigning()
    {
        QTemporaryDir dir;
        const QString path = copyRecord(dir);
        const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
        QSettings().setValue(QStringLiteral("signoff/signer"), signers.at(1));
        SigningWindow signing;
        QVERIFY(signing.open(path, ledger));
        QString changed;
        signing.signRow(1, [&](QDialog *dialog) {
            QByteArray bytes = TestSupport::readBytes(path);
            bytes.replace("api.v4", "api.v5");
            QVERIFY(TestSupport::writeBytes(path, bytes));
            changed = fileDigest(path);
            QPushButton *sign = buttonNamed(dialog, QStringLiteral("Sign"));
            QVERIFY(sign);
            QTest::mouseClick(sign, Qt::LeftButton);
            QVERIFY2(dialog->isVisible(), "signed a digest the dialog did not show");
            const QString shown = labelsOf(dialog);
            QVERIFY2(shown.contains(QStringLiteral("changed")), qPrintable(shown));
            QVERIFY2(shown.contains(changed), qPrintable(shown));
            QTest::mouseClick(sign, Qt::LeftButton);
            QVERIFY(!dialog->isVisible());
        });
        const QList<SignOffEntry> entries = entriesOf(ledger, path);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).digest, changed);
    }

    // Export of a record that is not final: the question names the open roles and defaults to No
    // (Enter exports nothing); Yes proposes a file name without _FINAL.
    void notFinalExportAsksWithNoAsDefault()
    {
        QTemporaryDir dir;
        const QString path = copyRecord(dir);
        SigningWindow signing;
        QVERIFY(signing.open(path, dir.filePath(QStringLiteral("ledger.sqlite"))));
        const SignOffStatus &status = signing.panel->status();
        QCOMPARE(
            signing.panel->sign(status.roles.at(0).role, signers.at(0), SignOffDecision::Approve), QString());
        QAction *exportRecord = actionFor(signing.window, QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(exportRecord);

        QString question;
        bool defaultIsNo = false;
        bool fileDialog = false;
        QTimer user;
        connect(&user, &QTimer::timeout, &user, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                question = box->text();
                defaultIsNo = box->defaultButton() && box->defaultButton() == box->button(QMessageBox::No);
                if (defaultIsNo)
                    QTest::keyClick(box, Qt::Key_Return);
                else
                    box->button(QMessageBox::No)->click();
            } else if (auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                fileDialog = true;
                static_cast<QDialog *>(files)->reject();
            }
        });
        user.start(10);
        exportRecord->trigger();
        user.stop();
        QVERIFY2(defaultIsNo, "the NOT FINAL question's default is not No");
        QVERIFY2(!fileDialog, "Enter on the NOT FINAL question went on to export");
        for (int role = 1; role < 5; ++role)
            QVERIFY2(question.contains(status.roles.at(role).role), qPrintable(question));
        QVERIFY2(!question.contains(status.roles.at(0).role), qPrintable(question));

        QString proposed;
        QTimer yes;
        connect(&yes, &QTimer::timeout, &yes, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                box->button(QMessageBox::Yes)->click();
            } else if (auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                proposed = files->selectedFiles().value(0);
                static_cast<QDialog *>(files)->reject();
            }
        });
        yes.start(10);
        exportRecord->trigger();
        yes.stop();
        QVERIFY(!proposed.isEmpty());
        QVERIFY2(!QFileInfo(proposed).fileName().contains(QStringLiteral("_FINAL")), qPrintable(proposed));
    }

    // A final export whose residual risks are not all decided says how many before it writes: its
    // question comes before the file dialog.
    void finalExportCountsUndecidedRisks()
    {
        QTemporaryDir dir;
        const QString path = TestSupport::dataPath(QStringLiteral(
            "review/AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));
        SigningWindow signing;
        QVERIFY(signing.open(path, dir.filePath(QStringLiteral("ledger.sqlite"))));
        for (int role = 0; role < 5; ++role)
            QCOMPARE(signing.panel->sign(signing.panel->status().roles.at(role).role, signers.at(role),
                         SignOffDecision::Approve),
                QString());
        QVERIFY(signing.panel->status().isFinal());
        QAction *exportRecord = actionFor(signing.window, QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(exportRecord);
        QStringList said; // in the order the user saw them
        QTimer user;
        connect(&user, &QTimer::timeout, &user, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                said.append(box->text());
                if (QAbstractButton *button = box->button(QMessageBox::Yes))
                    button->click();
                else
                    box->close();
            } else if (auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                said.append(QStringLiteral("file dialog"));
                static_cast<QDialog *>(files)->reject(); // this test is done before anything is written
            }
        });
        user.start(10);
        exportRecord->trigger();
        user.stop();
        QVERIFY2(said.size() == 2, qPrintable(said.join(u'\n')));
        QVERIFY2(said.at(0).contains(QStringLiteral("6 of the 6")), qPrintable(said.join(u'\n')));
        QCOMPARE(said.at(1), QStringLiteral("file dialog"));
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
