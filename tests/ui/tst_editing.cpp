// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Editing in the window: the comparison follows the text as it is typed, Save writes the bytes back
// exactly, Undo returns to the saved state, and a file changed on disk is reloaded or flagged.
#include "documentcontroller.h"
#include "editing/recoverystore.h"
#include "findingsmodel.h"
#include "findingspanel.h"
#include "mainwindow.h"
#include "recordpane.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Countersign;

namespace {

// A copy of a committed input in `dir`, so the test may change it.
QString copyOf(const QTemporaryDir &dir, const QString &relative, const QString &name = {})
{
    const QString path = dir.filePath(name.isEmpty() ? QFileInfo(relative).fileName() : name);
    if (!TestSupport::writeBytes(path, TestSupport::readBytes(TestSupport::dataPath(relative))))
        qFatal("cannot copy %s", qPrintable(relative));
    return path;
}

// Types `text` into the pane's editor at the first occurrence of `anchor`, replacing `remove`
// characters there, as keystrokes.
void typeAt(RecordPane *pane, const QString &anchor, int remove, const QString &text)
{
    TextView *editor = pane->editor();
    const std::optional<TextPosition> at = editor->buffer().find(anchor, {0, 0});
    QVERIFY(at);
    editor->setCursorPosition(*at);
    editor->setFocus();
    for (int i = 0; i < remove; ++i)
        QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClicks(editor, text);
}

// The same record as left.md and right.md in `dir`, opened in the window.
void openIdenticalPair(MainWindow &window, const QTemporaryDir &dir)
{
    for (const auto &[side, name] : {std::pair(Pane::Left, u"left.md"), std::pair(Pane::Right, u"right.md")})
        window.documents(side)->openFile(
            copyOf(dir, QStringLiteral("input/decision-record.md"), QString::fromUtf16(name)));
}

// Shows `window`, opens `path` in its left pane and types "GO " before "## Decision Scope", as
// keystrokes. Returns the pane's watch on the file, or null when something failed.
QFileSystemWatcher *openAndTypeGo(MainWindow &window, const QString &path)
{
    window.show();
    if (!QTest::qWaitForWindowActive(&window) || !window.documents(Pane::Left)->openFile(path).isEmpty())
        return nullptr;
    typeAt(window.pane(Pane::Left), QStringLiteral("## Decision Scope"), 0, QStringLiteral("GO "));
    return window.documents(Pane::Left)->findChild<QFileSystemWatcher *>();
}

// Answers the recovery offer with `key` when it shows, after noting what it says (and, with
// COUNTERSIGN_SCREENSHOTS set, saving a picture of it there as `screenshot`). With `tabTo`, Tab
// first moves the focus to the button of that text.
class OfferAnswer
{
public:
    explicit OfferAnswer(Qt::Key key, const QString &screenshot = {}, const QString &tabTo = {})
    {
        m_poll.setInterval(20);
        QObject::connect(&m_poll, &QTimer::timeout, &m_poll, [this, key, screenshot, tabTo] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            // Shown is not yet active: until it is, there is no focus widget to tab from (a slow
            // machine, or a sanitizer build, shows the gap).
            if (!box || QApplication::activeWindow() != box || !QApplication::focusWidget())
                return;
            m_poll.stop();
            text = box->text() + u'\n' + box->informativeText();
            details = box->detailedText();
            if (const QString shots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
                !shots.isEmpty() && !screenshot.isEmpty())
                box->grab().save(shots + u'/' + screenshot);
            for (int i = 0; i < 10 && !tabTo.isEmpty(); ++i) {
                const auto *button = qobject_cast<QAbstractButton *>(QApplication::focusWidget());
                if (button && button->text() == tabTo)
                    break;
                QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : box, Qt::Key_Tab);
            }
            focusedButton = QApplication::focusWidget()
                ? QApplication::focusWidget()->property("text").toString()
                : QString();
            QWidget *focus = QApplication::focusWidget();
            QTest::keyClick(focus && box->isAncestorOf(focus) ? focus : box, key);
        });
        m_poll.start();
    }
    QString text;
    QString details;
    QString focusedButton; // the text of the button with the focus when `key` was pressed

private:
    QTimer m_poll;
};

} // namespace

class TestEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void typingInCommitShaMakesItBlocking()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        openIdenticalPair(window, dir);
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.bannerText(), QStringLiteral("Aligned."));

        // One digit of the right side's commit_sha, typed.
        typeAt(window.pane(Pane::Right), QStringLiteral("3f9c2a7d"), 1, QStringLiteral("4"));
        QVERIFY(window.pane(Pane::Right)->isModified());
        QVERIFY(window.isComparing());
        QVERIFY(shown.wait(window.editDebounceInterval() + 5000));
        QCOMPARE(window.bannerText(), QStringLiteral("Not aligned: 1 blocking difference (commit_sha)."));
        QCOMPARE(window.findings()->model()->index(0, FindingsModel::FieldColumn).data().toString(),
            QStringLiteral("commit_sha"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("right.md*")));

        // Undo brings back the saved text, unmodified, and aligned again.
        window.pane(Pane::Right)->editor()->undo();
        window.pane(Pane::Right)->editor()->undo();
        QVERIFY(!window.pane(Pane::Right)->isModified());
        QVERIFY(shown.wait(window.editDebounceInterval() + 5000));
        QCOMPARE(window.bannerText(), QStringLiteral("Aligned."));
    }

    // View > Swap Panes (Ctrl+Shift+W): each record moves to the other side with its unsaved edits,
    // undo history, cursor and the focus; the pair is compared again, and the watch for changes on
    // disk follows each file.
    void swapPanesKeepsEditsAndUndo()
    {
        QTemporaryDir dir;
        const QString mirror = copyOf(dir, QStringLiteral("input/producer-mirror.md"));
        const QString record = copyOf(dir, QStringLiteral("input/decision-record.md"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QVERIFY(window.openPair(mirror, record).isEmpty());
        QVERIFY(shown.wait(10000));
        const QString mirrorText = window.pane(Pane::Left)->text();
        const QString recordText = window.pane(Pane::Right)->text();

        typeAt(window.pane(Pane::Left), QStringLiteral("## Decision Scope"), 0, QStringLiteral("Mine "));
        const TextPosition cursor = window.pane(Pane::Left)->editor()->cursorPosition();
        QCOMPARE(QApplication::focusWidget(), window.pane(Pane::Left)->editor());
        QVERIFY(shown.wait(window.editDebounceInterval() + 5000));
        shown.clear();

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        RecordPane *left = window.pane(Pane::Left);
        RecordPane *right = window.pane(Pane::Right);
        QCOMPARE(left->filePath(), record);
        QCOMPARE(right->filePath(), mirror);
        QCOMPARE(left->text(), recordText);
        QVERIFY(!left->isModified());
        QVERIFY(right->isModified());
        QVERIFY(right->text().contains(QStringLiteral("Mine ## Decision Scope")));
        QVERIFY(right->caption().startsWith(QStringLiteral("Right: producer-mirror.md (unsaved edits)")));
        QVERIFY(left->caption().startsWith(QStringLiteral("Left: decision-record.md")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("producer-mirror.md*")));
        // The focus and the cursor went with the text.
        QCOMPARE(QApplication::focusWidget(), right->editor());
        QCOMPARE(right->editor()->cursorPosition(), cursor);
        // Compared again, the sides' marks on the swapped texts.
        QVERIFY(shown.wait(10000));
        QVERIFY(!left->diffMarks().isEmpty());
        QVERIFY(std::ranges::any_of(right->diffMarks(), [&](const LineMark &mark) {
            return right->editor()->buffer().line(mark.line - 1).contains(u"Mine ## Decision Scope");
        }));

        // Undo, in the pane the text went to, takes the edit back to the file's text.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(right->text(), mirrorText);
        QVERIFY(!right->isModified());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Y, Qt::ControlModifier);
        QVERIFY(right->text().contains(QStringLiteral("Mine ## Decision Scope")));

        // The left pane now follows the record's file on disk.
        QByteArray changed = TestSupport::readBytes(record);
        changed.replace("Owner: Harbor + Tessera", "Owner: Harbor + Tessera + Quay");
        QVERIFY(TestSupport::writeBytes(record, changed));
        QTRY_VERIFY_WITH_TIMEOUT(left->text().contains(QStringLiteral("Tessera + Quay")), 10000);
        QCOMPARE(right->filePath(), mirror);
        QVERIFY(right->text().contains(QStringLiteral("Mine ## Decision Scope")));

        // And back: each record is where it started, the edit still unsaved.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(window.pane(Pane::Left)->filePath(), mirror);
        QVERIFY(window.pane(Pane::Left)->isModified());
        QVERIFY(window.pane(Pane::Right)->text().contains(QStringLiteral("Tessera + Quay")));
        QCOMPARE(QApplication::focusWidget(), window.pane(Pane::Left)->editor());
    }

    // An unedited record is written back byte for byte; an edited one keeps its BOM and line endings.
    void lintFollowsTheText()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        openIdenticalPair(window, dir);
        QVERIFY(shown.wait(10000));
        const FindingsModel *findings = window.findings()->model();
        const auto lintRows = [findings] {
            QList<QModelIndex> rows;
            for (int row = 0; row < findings->rowCount(); ++row) {
                if (findings->index(row, 0).data(FindingsModel::LintRole).toBool())
                    rows.append(findings->index(row, 0));
            }
            return rows;
        };
        QVERIFY(lintRows().isEmpty());
        TextView *editor = window.pane(Pane::Right)->editor();
        const int line = editor->buffer().find(QStringLiteral("3f9c2a7d"), {0, 0})->line + 1;
        QVERIFY(editor->lintMessage(line).isEmpty());
        const QImage clean = editor->viewport()->grab().toImage();

        // Shortening the commit SHA while typing: the line is underlined, its tooltip and the
        // findings panel say why, under the right side at that line.
        typeAt(window.pane(Pane::Right), QStringLiteral("3f9c2a7d"), 3, {});
        QVERIFY(shown.wait(5000));
        QVERIFY2(editor->lintMessage(line).contains(QStringLiteral("not a 40-digit hexadecimal commit SHA")),
            qPrintable(editor->lintMessage(line)));
        const QList<QModelIndex> rows = lintRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data(FindingsModel::RightLineRole).toInt(), line);
        QCOMPARE(rows.first().data(FindingsModel::LeftLineRole).toInt(), 0);
        QCOMPARE(rows.first().data().toString(), FindingsModel::lintText(LintFinding::Severity::Error));
        QVERIFY(findings->index(rows.first().row(), FindingsModel::FieldColumn)
                .data()
                .toString()
                .contains(QStringLiteral("commit_sha")));
        // The wave is drawn in red below the line's text.
        editor->setCursorPosition({0, 0});
        editor->scrollToLine(0);
        const QImage marked = editor->viewport()->grab().toImage();
        const auto [top, bottom] = editor->lineSpan(line - 1);
        int red = 0;
        for (int y = int(top); y < int(bottom) && y < marked.height(); ++y) {
            for (int x = 0; x < marked.width(); ++x) {
                const QColor color = marked.pixelColor(x, y);
                if (color.red() > 180 && color.green() < 120 && color.blue() < 120 &&
                    color != clean.pixelColor(x, y))
                    ++red;
            }
        }
        QVERIFY2(red > 20, qPrintable(QString::number(red)));
        // Hovering the line shows the message.
        const QPoint at(editor->viewport()->width() / 4, int((top + bottom) / 2));
        QHelpEvent help(QEvent::ToolTip, at, editor->viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(editor->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("commit SHA")), qPrintable(QToolTip::text()));
        QToolTip::hideText();

        // Undoing the three deletions: the finding and the underline are gone.
        while (editor->isModified())
            editor->undo();
        QTRY_VERIFY(editor->lintMessage(line).isEmpty());
        QTRY_VERIFY(lintRows().isEmpty());
    }

    void recordAloneIsLinted()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        window.documents(Pane::Left)->openFile(copyOf(dir, QStringLiteral("lint/flawed-record.md")));
        TextView *editor = window.pane(Pane::Left)->editor();
        const int updated = editor->buffer().find(QStringLiteral("Updated:"), {0, 0})->line + 1;
        QVERIFY(editor->lintMessage(updated).contains(QStringLiteral("ISO 8601")));
        const int before = window.findings()->model()->rowCount();
        QVERIFY(before > 1);
        QCOMPARE(window.findings()->model()->lintCount(), before);
        // Fixing the date as the user would type it: the finding goes at once.
        typeAt(window.pane(Pane::Left), QStringLiteral("14/03/2026"), 10, QStringLiteral("2026-03-14"));
        QTRY_VERIFY(editor->lintMessage(updated).isEmpty());
        QCOMPARE(window.findings()->model()->rowCount(), before - 1);
    }

    void saveRoundTripsBytes_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("lf") << QStringLiteral("input/decision-record.md");
        QTest::newRow("crlf") << QStringLiteral("input/variant-crlf.md");
        QTest::newRow("bom") << QStringLiteral("input/variant-bom.md");
        QTest::newRow("non-ascii") << QStringLiteral("input/variant-non-ascii.md");
    }

    void saveRoundTripsBytes()
    {
        QFETCH(QString, input);
        QTemporaryDir dir;
        const QString path = copyOf(dir, input);
        const QByteArray original = TestSupport::readBytes(path);
        MainWindow window;
        QCOMPARE(window.documents(Pane::Left)->openFile(path), QString());
        QCOMPARE(window.documents(Pane::Left)->saveFile(), QString());
        QCOMPARE(TestSupport::readBytes(path), original);

        // Type a word and take it out again: edited, the same text.
        typeAt(window.pane(Pane::Left), QStringLiteral("## Decision Outcome"), 0, QStringLiteral("x"));
        QTest::keyClick(window.pane(Pane::Left)->editor(), Qt::Key_Backspace);
        QCOMPARE(window.documents(Pane::Left)->saveFile(), QString());
        QCOMPARE(TestSupport::readBytes(path), original);

        // A real edit: only that line changes.
        typeAt(window.pane(Pane::Left), QStringLiteral("## Decision Outcome"), 0, QStringLiteral("X"));
        QVERIFY(window.pane(Pane::Left)->isModified());
        QCOMPARE(window.documents(Pane::Left)->saveFile(), QString());
        QVERIFY(!window.pane(Pane::Left)->isModified());
        QByteArray expected = original;
        expected.replace("## Decision Outcome", "X## Decision Outcome");
        QCOMPARE(TestSupport::readBytes(path), expected);
    }

    void saveAsWritesTheNewFile()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("input/variant-crlf.md"));
        MainWindow window;
        window.documents(Pane::Left)->openFile(path);
        const QString other = dir.filePath(QStringLiteral("elsewhere.md"));
        QCOMPARE(window.documents(Pane::Left)->saveFile(other), QString());
        QCOMPARE(TestSupport::readBytes(other), TestSupport::readBytes(path));
        QCOMPARE(window.pane(Pane::Left)->filePath(), other);
        QVERIFY(window.documents(Pane::Left)
                ->saveFile(dir.filePath(QStringLiteral("no/such/dir/x.md")))
                .contains(QStringLiteral("cannot be saved")));
    }

    // Edits typed in a process that is then killed (SIGKILL: no chance to save or clean up) are
    // offered back when the file is opened again; the file itself was never touched.
    void killedProcessLeavesRecoverableEdits()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        const QByteArray original = TestSupport::readBytes(path);
        RecoveryStore().remove(path);

        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("COUNTERSIGN_RECOVERY_CHILD"), path);
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray said;
        while (!said.contains("ready") && child.waitForReadyRead(20000))
            said += child.readAllStandardOutput();
        QVERIFY2(said.contains("ready"), child.readAllStandardError().constData());
        QCOMPARE(child.state(), QProcess::Running);
        child.kill();
        QVERIFY(child.waitForFinished());
        QCOMPARE(TestSupport::readBytes(path), original);

        MainWindow window;
        window.documents(Pane::Left)->setRecoveryPolicy(DocumentController::RecoveryPolicy::Restore);
        QCOMPARE(window.documents(Pane::Left)->openFile(path), QString());
        QVERIFY(window.pane(Pane::Left)->isModified());
        QVERIFY(window.pane(Pane::Left)
                ->text()
                .contains(QStringLiteral("Typed before the crash. ## Decision Scope")));
        // Saving keeps the edits and clears the recovery entry.
        QCOMPARE(window.documents(Pane::Left)->saveFile(), QString());
        QVERIFY(TestSupport::readBytes(path).contains("Typed before the crash. ## Decision Scope"));
        QVERIFY(!window.documents(Pane::Left)->recoveryStore().load(path));
    }

    void discardedRecoveryIsGone()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        const RecoveryStore store;
        QCOMPARE(store.save(path, "# Something else\n"), QString());
        MainWindow window;
        window.documents(Pane::Left)->setRecoveryPolicy(DocumentController::RecoveryPolicy::Discard);
        window.documents(Pane::Left)->openFile(path);
        QVERIFY(!window.pane(Pane::Left)->isModified());
        QVERIFY(!store.load(path));
    }

    // Ctrl+S is not a change on disk: the rename of the saved file reaches the watch, and the pane
    // keeps its undo history and its cursor; nothing is reloaded.
    void ownSaveIsNotAnOutsideChange()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        MainWindow window;
        QSignalSpy messages(window.documents(Pane::Left), &DocumentController::message);
        QFileSystemWatcher *watcher = openAndTypeGo(window, path);
        QVERIFY(watcher);
        RecordPane *pane = window.pane(Pane::Left);
        const QString edited = pane->text();
        const TextPosition cursor = pane->editor()->cursorPosition();
        QVERIFY(cursor.column > 0);

        QSignalSpy changed(watcher, &QFileSystemWatcher::fileChanged);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!pane->isModified());
        QVERIFY(TestSupport::readBytes(path).contains("GO ## Decision Scope"));
        // The watch saw the file replaced (and the window handled it before the spy heard it).
        QVERIFY(!changed.isEmpty() || changed.wait(10000));
        QVERIFY(!pane->isChangedOnDisk());
        QVERIFY(!pane->isModified());
        QCOMPARE(pane->text(), edited);
        QCOMPARE(pane->editor()->cursorPosition(), cursor);
        for (const QList<QVariant> &message : std::as_const(messages))
            QVERIFY2(!message.first().toString().contains(QStringLiteral("changed on disk")),
                qPrintable(message.first().toString()));
        // The typing is still one undo step away, and redo brings it back, saved.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!pane->text().contains(QStringLiteral("GO ## Decision Scope")));
        QVERIFY(pane->isModified());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(pane->text(), edited);
        QVERIFY(!pane->isModified());

        // A real change on disk afterwards is still seen, and reloaded.
        QByteArray outside = TestSupport::readBytes(path);
        outside.replace("Owner: Harbor + Tessera", "Owner: Harbor + Tessera + Quay");
        QVERIFY(TestSupport::writeBytes(path, outside));
        QTRY_VERIFY_WITH_TIMEOUT(pane->text().contains(QStringLiteral("Tessera + Quay")), 10000);
        QVERIFY(!pane->isModified());
    }

    // Ctrl+S twice: the second save writes the edited text again, not the text as it was opened.
    void savingAgainKeepsTheEdit()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        MainWindow window;
        QVERIFY(openAndTypeGo(window, path));
        RecordPane *pane = window.pane(Pane::Left);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!pane->isModified());
        QVERIFY(pane->currentBytes().contains("GO ## Decision Scope"));
        QCOMPARE(pane->currentBytes(), TestSupport::readBytes(path));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(TestSupport::readBytes(path).contains("GO ## Decision Scope"));
    }

    // Typing on straight after Ctrl+S, before the watch reports the save: the save is still ours,
    // so the pane is not flagged; a later change by someone else is.
    void typingOnAfterSaveIsNotFlagged()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        MainWindow window;
        QFileSystemWatcher *watcher = openAndTypeGo(window, path);
        QVERIFY(watcher);
        RecordPane *pane = window.pane(Pane::Left);
        QSignalSpy changed(watcher, &QFileSystemWatcher::fileChanged);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("and "));
        QVERIFY(pane->isModified());
        QVERIFY(!changed.isEmpty() || changed.wait(10000));
        QVERIFY(!pane->isChangedOnDisk());
        QVERIFY(!pane->caption().contains(QStringLiteral("changed on disk")));
        QVERIFY(pane->text().contains(QStringLiteral("GO and ## Decision Scope")));

        QByteArray outside = TestSupport::readBytes(path);
        outside.replace("Owner: Harbor + Tessera", "Owner: Harbor + Tessera + Quay");
        QVERIFY(TestSupport::writeBytes(path, outside));
        QTRY_VERIFY_WITH_TIMEOUT(pane->isChangedOnDisk(), 10000);
        QVERIFY(pane->text().contains(QStringLiteral("GO and ## Decision Scope")));
    }

    // Undoing back to the saved text takes the recovery copy away at once: nothing the user took
    // back is offered again.
    void recoveryGoesWhenUndoneToTheFile()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        const RecoveryStore store;
        store.remove(path);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        DocumentController *controller = window.documents(Pane::Left);
        controller->setAutosaveInterval(20);
        QCOMPARE(controller->openFile(path), QString());
        RecordPane *pane = window.pane(Pane::Left);
        typeAt(pane, QStringLiteral("**GO**"), 6, QStringLiteral("**NO-GO**"));
        QTRY_VERIFY(store.load(path));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
        while (pane->isModified())
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!store.load(path));
        // Nor does a later autosave write it again.
        QVERIFY(!QTest::qWaitFor([&] { return bool(store.load(path)); }, 200));
    }

    // A recovery copy of a pane that is clean goes when the pane is replaced or the window closes.
    void recoveryGoesWithACleanPane()
    {
        QTemporaryDir dir;
        const QString first = copyOf(dir, QStringLiteral("input/decision-record.md"));
        const QString second = copyOf(dir, QStringLiteral("input/variant-crlf.md"));
        const RecoveryStore store;
        store.remove(second);
        auto window = std::make_unique<MainWindow>();
        QCOMPARE(window->documents(Pane::Left)->openFile(first), QString());
        QCOMPARE(store.save(first, "# Left over\n"), QString());
        QCOMPARE(window->documents(Pane::Left)->openFile(second), QString());
        QVERIFY(!store.load(first));
        QCOMPARE(store.save(second, "# Left over\n"), QString());
        QVERIFY(window->close());
        QVERIFY(!store.load(second));
    }

    // Text typed and deleted again by hand (not undone): the buffer is the file's again, so the
    // next autosave removes the recovery copy instead of keeping one.
    void recoveryGoesWhenTypedBackToTheFile()
    {
        QTemporaryDir dir;
        MainWindow window;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        const RecoveryStore store;
        store.remove(path);
        window.documents(Pane::Left)->setAutosaveInterval(20);
        QVERIFY(openAndTypeGo(window, path));
        QTRY_VERIFY(store.load(path));
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        QCOMPARE(window.pane(Pane::Left)->currentBytes(), TestSupport::readBytes(path));
        QTRY_VERIFY(!store.load(path));
    }

    // File > Open Left (Ctrl+O in the pane) over unsaved edits asks before it drops them; Escape keeps
    // the edits and the file the pane shows.
    void openOverUnsavedEditsAsks()
    {
        QTemporaryDir dir;
        MainWindow window;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        const QString other = copyOf(dir, QStringLiteral("input/producer-mirror.md"));
        QVERIFY(openAndTypeGo(window, path));
        RecordPane *pane = window.pane(Pane::Left);
        QVERIFY(pane->isModified());
        const QByteArray edited = pane->currentBytes();
        // The file is picked without a dialog (the chooser); the question is answered with Escape.
        window.documents(Pane::Left)->setFileChooser([&] { return other; });
        QString question;
        QTimer user;
        connect(&user, &QTimer::timeout, &user, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                question = box->text();
                QTest::keyClick(box, Qt::Key_Escape);
            }
        });
        user.start(10);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::ControlModifier);
        QTRY_VERIFY(!question.isEmpty());
        user.stop();
        QVERIFY2(question.contains(QStringLiteral("Drop your unsaved edits")), qPrintable(question));
        QCOMPARE(pane->filePath(), path);
        QVERIFY(pane->isModified());
        QCOMPARE(pane->currentBytes(), edited);

        // Enter takes the default, which keeps the edits; the drop button's mnemonic (Alt+D) drops
        // them and opens the other file.
        disconnect(&user, &QTimer::timeout, nullptr, nullptr);
        const std::pair<Qt::Key, Qt::KeyboardModifiers> answers[] = {
            {Qt::Key_Return, Qt::NoModifier}, {Qt::Key_D, Qt::AltModifier}};
        for (const auto &[key, modifiers] : answers) {
            QStringList buttons;
            const QMetaObject::Connection answering = connect(&user, &QTimer::timeout, &user, [&] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box || !buttons.isEmpty())
                    return;
                // A mnemonic works in the active window, as the box is on a desktop.
                if (QApplication::activeWindow() != box) {
                    box->activateWindow();
                    return;
                }
                for (const QAbstractButton *button : box->buttons())
                    buttons.append(button->text());
                QTest::keyClick(box, key, modifiers);
            });
            user.start(10);
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            pane->editor()->setFocus();
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::ControlModifier);
            QTRY_VERIFY(!buttons.isEmpty());
            QTRY_VERIFY(!QApplication::activeModalWidget());
            user.stop();
            disconnect(answering);
            buttons.sort();
            QCOMPARE(buttons,
                QStringList({QStringLiteral("&Drop Edits and Open"), QStringLiteral("&Keep Edits")}));
            if (key == Qt::Key_Return)
                QCOMPARE(pane->currentBytes(), edited);
        }
        QCOMPARE(pane->filePath(), other);
        QVERIFY(!pane->isModified());
    }

    // The offer to restore shows what restoring would change, as a diff against the file, and its
    // default keeps the file: Enter declines it, and a declined copy is gone.
    void recoveryOfferDefaultsToKeepingTheFile()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        const QByteArray original = TestSupport::readBytes(path);
        QByteArray recovered = original;
        recovered.replace("**GO**", "**NO-GO**");
        QVERIFY(recovered != original);
        const RecoveryStore store;
        QCOMPARE(store.save(path, recovered), QString());

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        OfferAnswer answer(Qt::Key_Return, QStringLiteral("recovery-offer.png"));
        QCOMPARE(window.documents(Pane::Left)->openFile(path), QString());
        QVERIFY2(!answer.text.isEmpty(), "no offer was shown");
        const QString &details = answer.details;
        // A unified diff: the file's line taken out, the recovered one put in.
        const QStringList lines = details.split(u'\n');
        const auto hasLine = [&lines](QChar sign, const QString &word) {
            return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) {
                return line.startsWith(sign) && !line.startsWith(QString(3, sign)) && line.contains(word);
            });
        };
        QVERIFY2(hasLine(u'-', QStringLiteral("**GO**")), qPrintable(details));
        QVERIFY2(hasLine(u'+', QStringLiteral("**NO-GO**")), qPrintable(details));
        QVERIFY(!window.pane(Pane::Left)->isModified());
        QCOMPARE(window.pane(Pane::Left)->currentBytes(), original);
        QVERIFY(!store.load(path));
        QCOMPARE(TestSupport::readBytes(path), original);

        // Enter keeps the file even with the focus on Restore Edits (Tab put it there).
        QCOMPARE(store.save(path, recovered), QString());
        OfferAnswer tabbed(Qt::Key_Return, {}, QStringLiteral("&Restore Edits"));
        QCOMPARE(window.documents(Pane::Right)->openFile(path), QString());
        QCOMPARE(tabbed.focusedButton, QStringLiteral("&Restore Edits"));
        QVERIFY(!window.pane(Pane::Right)->isModified());
        QCOMPARE(window.pane(Pane::Right)->currentBytes(), original);
        QVERIFY(!store.load(path));
    }

    // A recovery copy written before the file was last saved says so in the offer.
    void recoveryOlderThanTheFileSaysSo()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        QByteArray recovered = TestSupport::readBytes(path);
        recovered.replace("**GO**", "**NO-GO**");
        const RecoveryStore store;
        QCOMPARE(store.save(path, recovered), QString());
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(
                QDateTime::currentDateTime().addSecs(120), QFileDevice::FileModificationTime));
        }
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        OfferAnswer answer(Qt::Key_Escape, QStringLiteral("recovery-offer-older.png"));
        QCOMPARE(window.documents(Pane::Left)->openFile(path), QString());
        QVERIFY2(answer.text.contains(QStringLiteral("older than the file")), qPrintable(answer.text));
        QVERIFY(!window.pane(Pane::Left)->isModified());
        QVERIFY(!store.load(path));
    }

    void externalChangeReloadsOrFlags()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir, QStringLiteral("input/decision-record.md"));
        MainWindow window;
        window.documents(Pane::Left)->openFile(path);
        // No unsaved edits: the pane follows the file.
        QByteArray changed = TestSupport::readBytes(path);
        changed.replace("Owner: Harbor + Tessera", "Owner: Harbor + Tessera + Quay");
        QVERIFY(TestSupport::writeBytes(path, changed));
        QTRY_VERIFY_WITH_TIMEOUT(
            window.pane(Pane::Left)->text().contains(QStringLiteral("Tessera + Quay")), 10000);
        QVERIFY(!window.pane(Pane::Left)->isChangedOnDisk());

        // Unsaved edits: they are kept and the pane says the file changed.
        typeAt(window.pane(Pane::Left), QStringLiteral("## Decision Scope"), 0, QStringLiteral("Mine "));
        changed.replace("Quay", "Quay and Pier");
        QVERIFY(TestSupport::writeBytes(path, changed));
        QTRY_VERIFY_WITH_TIMEOUT(window.pane(Pane::Left)->isChangedOnDisk(), 10000);
        QVERIFY(window.pane(Pane::Left)->text().contains(QStringLiteral("Mine ## Decision Scope")));
        QVERIFY(window.pane(Pane::Left)->caption().contains(QStringLiteral("changed on disk")));
        // Reloading takes the disk's version.
        QCOMPARE(window.documents(Pane::Left)->reloadFile(), QString());
        QVERIFY(window.pane(Pane::Left)->text().contains(QStringLiteral("Quay and Pier")));
        QVERIFY(!window.pane(Pane::Left)->isModified());
    }
};

// The child of killedProcessLeavesRecoverableEdits: opens the file, types an edit, waits until the
// edit is in the recovery store, says "ready" and waits to be killed.
int recoveryChild(const QString &path)
{
    MainWindow window;
    for (Pane side : bothPanes)
        window.documents(side)->setAutosaveInterval(50);
    window.show();
    if (!window.documents(Pane::Left)->openFile(path).isEmpty())
        return 3;
    typeAt(window.pane(Pane::Left), QStringLiteral("## Decision Scope"), 0,
        QStringLiteral("Typed before the crash. "));
    while (!window.documents(Pane::Left)->recoveryStore().load(path))
        QTest::qWait(20);
    std::printf("ready\n");
    std::fflush(stdout);
    return QApplication::exec();
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Parent and child share a recovery folder of their own, away from the user's.
    QStandardPaths::setTestModeEnabled(true);
    if (const QString child = qEnvironmentVariable("COUNTERSIGN_RECOVERY_CHILD"); !child.isEmpty())
        return recoveryChild(child);
    TestEditing test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_editing.moc"
