// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Moving around the window from the keyboard, with real key events on the focused widget: Go > First
// and Last Difference (Alt+Home, Alt+End) and Meld's Alt+Down/Alt+Up, Next and Previous Blocking
// Finding (F8, Shift+F8) selecting the finding and showing its lines, Go to Line (Ctrl+G) through its
// dialog; View > Zoom (Ctrl++, Ctrl+-, Ctrl+0) on both panes and remembered; F9 and F10 bringing a
// panel behind the other's tab to the front before hiding it, and Ctrl+F9 raising the findings; and
// the window's size, docks and split remembered for the next window.
#include "comparedwindow.h"
#include "diffconnector.h"
#include "differencenavigator.h"
#include "documentcontroller.h"
#include "findingsmodel.h"
#include "findingspanel.h"
#include "helpdialogs.h"
#include "mainwindow.h"
#include "recentpairs.h"
#include "recordpane.h"
#include "startpage.h"
#include "testsupport.h"
#include "textrenderer.h"
#include "textview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>

using namespace Countersign;
using TestSupport::ComparedWindow;
using TestSupport::screenshot;

namespace {

// The findings the model holds that block, as (left line, right line), in the model's order.
QList<std::pair<int, int>> blockingLines(const FindingsModel &model)
{
    QList<std::pair<int, int>> lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(FindingsModel::SeverityRole).toInt() == int(CompareFinding::Severity::Blocking) &&
            !index.data(FindingsModel::LintRole).toBool())
            lines.append({index.data(FindingsModel::LeftLineRole).toInt(),
                index.data(FindingsModel::RightLineRole).toInt()});
    }
    return lines;
}

// The dock in front of its tab group: the one whose area the window shows.
bool inFront(const QDockWidget *dock)
{
    return dock->isVisible() && !dock->visibleRegion().isEmpty();
}

} // namespace

class TestNavigation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void cleanup() { QSettings().clear(); }

    void firstAndLastDifference()
    {
        ComparedWindow w;
        QWidget *editor = w.focus(w.window.pane(Pane::Left)->editor());
        QTest::keyClick(editor, Qt::Key_End, Qt::AltModifier);
        const QString last = w.status();
        QVERIFY2(last.startsWith(QStringLiteral("Difference ")), qPrintable(last));
        // "Difference N of N": the last.
        const QStringList words = last.split(u' ');
        QCOMPARE(words.value(1), words.value(3));
        const int lastLine = w.line(Pane::Left);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home, Qt::AltModifier);
        QVERIFY2(w.status().startsWith(QStringLiteral("Difference 1 of ")), qPrintable(w.status()));
        QVERIFY(w.line(Pane::Left) < lastLine);
        // Meld's keys: Alt+Down to the second, Alt+Up back to the first.
        const int firstLine = w.line(Pane::Left);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::AltModifier);
        QVERIFY2(w.status().startsWith(QStringLiteral("Difference 2 of ")), qPrintable(w.status()));
        QVERIFY(w.line(Pane::Left) > firstLine);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(w.line(Pane::Left), firstLine);
        // The keys moved the cursor, they typed nothing.
        QVERIFY(!w.window.pane(Pane::Left)->isModified());
    }

    // The difference Go shows is one block: its lines framed in both panes, its shape stronger in the
    // band; the next one takes the frame. With COUNTERSIGN_SCREENSHOTS=DIR set, saves
    // DIR/current-difference.png.
    void currentDifferenceIsDrawnAsABlock()
    {
        ComparedWindow w;
        auto *connector = w.window.findChild<DiffConnector *>();
        QVERIFY(connector);
        QCOMPARE(connector->current(), -1);
        QCOMPARE(w.window.pane(Pane::Left)->editor()->currentDifference().first, -1);
        QTest::keyClick(w.focus(w.window.pane(Pane::Left)->editor()), Qt::Key_Home, Qt::AltModifier);
        QCOMPARE(connector->current(), 0);
        for (Pane side : bothPanes)
            QCOMPARE(w.window.pane(side)->editor()->currentDifference(), std::pair(11, 1)); // line 12
        // The frame's colour is painted on line 12's rows, and not on line 14's.
        const auto framed = [&w](int line) {
            TextView *editor = w.window.pane(Pane::Left)->editor();
            const QImage image = editor->viewport()->grab().toImage();
            const auto [top, bottom] = editor->lineSpan(line);
            int found = 0;
            for (int y = std::max(0, int(top)); y < std::min(image.height(), int(bottom) + 1); ++y) {
                for (int x = 0; x < image.width(); ++x)
                    found += image.pixelColor(x, y) == TextRenderer::currentDifferenceFrame() ? 1 : 0;
            }
            return found;
        };
        QVERIFY(framed(11) > 20);
        QCOMPARE(framed(13), 0);
        screenshot(&w.window, QStringLiteral("current-difference"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(connector->current(), 1);
        QCOMPARE(w.window.pane(Pane::Right)->editor()->currentDifference(), std::pair(15, 1)); // line 16
        QVERIFY(framed(15) > 20);
        QCOMPARE(framed(11), 0);
    }

    void nextAndPreviousBlockingFinding()
    {
        ComparedWindow w;
        const QList<std::pair<int, int>> blocking = blockingLines(*w.window.findings()->model());
        QVERIFY2(blocking.size() >= 2, "the pair has several blocking findings");
        QWidget *editor = w.focus(w.window.pane(Pane::Right)->editor());
        for (int i = 0; i < 2; ++i) {
            QTest::keyClick(editor, Qt::Key_F8);
            QCOMPARE(w.status(), QStringLiteral("Blocking finding %1 of %2").arg(i + 1).arg(blocking.size()));
            const QModelIndex current = w.window.findings()->view()->currentIndex();
            QCOMPARE(
                current.data(FindingsModel::SeverityRole).toInt(), int(CompareFinding::Severity::Blocking));
            if (blocking.at(i).first > 0)
                QCOMPARE(w.line(Pane::Left), blocking.at(i).first);
            if (blocking.at(i).second > 0)
                QCOMPARE(w.line(Pane::Right), blocking.at(i).second);
        }
        // Back past the first: around to the last.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8, Qt::ShiftModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(w.status(), QStringLiteral("Blocking finding %1 of %1").arg(blocking.size()));

        // An aligned pair has none, and says so.
        QSignalSpy shown(&w.window, &MainWindow::comparisonShown);
        w.window.documents(Pane::Right)
            ->openFile(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        QVERIFY(shown.wait(10000));
        QTest::keyClick(w.focus(w.window.pane(Pane::Right)->editor()), Qt::Key_F8);
        QVERIFY2(w.status().startsWith(QStringLiteral("No blocking finding")), qPrintable(w.status()));
    }

    void goToLine()
    {
        ComparedWindow w;
        QTest::keyClick(w.focus(w.window.pane(Pane::Left)->editor()), Qt::Key_G, Qt::ControlModifier);
        QTRY_VERIFY(qobject_cast<QInputDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY2(dialog->labelText().contains(QStringLiteral("decision-record.md")),
            qPrintable(dialog->labelText()));
        QTRY_VERIFY(dialog->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("12"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QCOMPARE(w.line(Pane::Left), 12);
        // The editor has the window's focus again (it gets the keys once the window is active).
        QTRY_COMPARE(w.window.focusWidget(), w.window.pane(Pane::Left)->editor());
        w.focus(w.window.pane(Pane::Left)->editor());

        // Escape leaves the cursor where it was.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_G, Qt::ControlModifier);
        QTRY_VERIFY(qobject_cast<QInputDialog *>(QApplication::activeModalWidget()));
        QTRY_VERIFY(QApplication::activeModalWidget()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("3"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QCOMPARE(w.line(Pane::Left), 12);
    }

    void zoomIsSharedAndRemembered()
    {
        const qreal base = QFontDatabase::systemFont(QFontDatabase::FixedFont).pointSizeF();
        {
            ComparedWindow w;
            QWidget *editor = w.focus(w.window.pane(Pane::Left)->editor());
            QCOMPARE(w.window.pane(Pane::Left)->editor()->font().pointSizeF(), base);
            QTest::keyClick(editor, Qt::Key_Plus, Qt::ControlModifier);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Equal, Qt::ControlModifier);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Minus, Qt::ControlModifier);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Plus, Qt::ControlModifier);
            for (Pane side : bothPanes)
                QCOMPARE(w.window.pane(side)->editor()->font().pointSizeF(), base + 2);
            QVERIFY(!w.window.pane(Pane::Left)->isModified());
        }
        ComparedWindow next;
        QCOMPARE(next.window.pane(Pane::Right)->editor()->font().pointSizeF(), base + 2);
        QTest::keyClick(next.focus(next.window.pane(Pane::Right)->editor()), Qt::Key_0, Qt::ControlModifier);
        for (Pane side : bothPanes)
            QCOMPARE(next.window.pane(side)->editor()->font().pointSizeF(), base);
        // Bounded: a held key does not shrink the text to nothing.
        for (int i = 0; i < 20; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(next.window.zoom(), MainWindow::minimumZoom);
        QVERIFY(next.window.pane(Pane::Left)->editor()->font().pointSizeF() > 0);
    }

    void panelKeysBringTheirTabToFront()
    {
        ComparedWindow w;
        auto *findings = w.window.findChild<QDockWidget *>(QStringLiteral("findings"));
        auto *signOff = w.window.findChild<QDockWidget *>(QStringLiteral("signoff"));
        QTRY_VERIFY(inFront(findings));
        QVERIFY(!inFront(signOff));
        QWidget *editor = w.focus(w.window.pane(Pane::Left)->editor());
        // F10 with the Sign-off tab behind: it comes to the front (it used to be hidden).
        QTest::keyClick(editor, Qt::Key_F10);
        QTRY_VERIFY(inFront(signOff));
        QVERIFY(!inFront(findings));
        // In front, F10 hides it; F10 again shows it.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F10);
        QTRY_VERIFY(signOff->isHidden());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F10);
        QTRY_VERIFY(inFront(signOff));
        // F9: the findings, behind, to the front.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F9);
        QTRY_VERIFY(inFront(findings));
        // Ctrl+F9 with the findings behind: raised, and the table has the focus.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F10);
        QTRY_VERIFY(inFront(signOff));
        w.focus(w.window.pane(Pane::Left)->editor());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F9, Qt::ControlModifier);
        QTRY_VERIFY(inFront(findings));
        QTRY_COMPARE(QApplication::focusWidget(), w.window.findings()->view());
    }

    // The banner's sentence wraps: however many fields block, the window fits 1024 px, and both
    // panes start at the same height with the band between them. With COUNTERSIGN_SCREENSHOTS=DIR
    // set, saves DIR/narrow-window.png.
    void aLongBannerWrapsAtTheWindowsWidth()
    {
        // Every role has another holder: the sentence names three long role names and counts the rest.
        QByteArray drifted =
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        for (const auto &[from, to] : {std::pair{"Runtime On-Call Lead", "Runtime Duty Lead"},
                 std::pair{"Platform On-Call Lead", "Platform Duty Lead"},
                 std::pair{"Release Manager", "Release Coordination Lead"},
                 std::pair{"Integrations Owner", "Integration Lead"},
                 std::pair{"Cutover Program Owner", "Cutover Program Manager"}})
            drifted.replace(from, to);
        QTemporaryDir dir;
        const QString right = dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
        QVERIFY(TestSupport::writeBytes(right, drifted));
        ComparedWindow w(right);
        QVERIFY2(w.window.bannerText().startsWith(QStringLiteral("Not aligned")) &&
                w.window.bannerText().contains(QStringLiteral(" more")),
            qPrintable(w.window.bannerText()));
        QVERIFY2(w.window.minimumSizeHint().width() <= 1024,
            qPrintable(QString::number(w.window.minimumSizeHint().width())));
        w.window.resize(1024, 700);
        QTRY_COMPARE(w.window.size(), QSize(1024, 700));
        const QList<QLabel *> labels = w.window.findChildren<QLabel *>();
        const auto found = std::find_if(labels.cbegin(), labels.cend(),
            [](const QLabel *label) { return label->accessibleName() == u"Alignment"; });
        QVERIFY(found != labels.cend());
        const QLabel *banner = *found;
        QCOMPARE(banner->text(), w.window.bannerText());
        QVERIFY2(QFontMetrics(banner->font()).horizontalAdvance(banner->text()) > 1024,
            qPrintable(
                QStringLiteral("the sentence is no longer than the window is wide: ") + banner->text()));
        QVERIFY(banner->geometry().right() < w.window.width());
        const auto topOf = [&w](
                               Pane side) { return w.window.pane(side)->mapTo(&w.window, QPoint(0, 0)).y(); };
        QCOMPARE(topOf(Pane::Left), topOf(Pane::Right));
        QCOMPARE(w.window.pane(Pane::Left)->height(), w.window.pane(Pane::Right)->height());
        QVERIFY(topOf(Pane::Left) >= banner->mapTo(&w.window, QPoint(0, banner->height())).y());
        screenshot(&w.window, QStringLiteral("narrow-window"));
    }

    // File dialogs start beside the records (the left record's folder for Open Right and for the
    // producer's cutover folder), not in the working directory.
    void openDialogsStartBesideTheRecords()
    {
        QTemporaryDir dir;
        const QString left = dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
        QVERIFY(TestSupport::writeBytes(
            left, TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")))));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.documents(Pane::Left)->openFile(left), QString());
        for (const QKeySequence &keys :
            {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O)}) {
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            window.pane(Pane::Left)->editor()->setFocus();
            QString shownFolder;
            QTimer user;
            connect(&user, &QTimer::timeout, &user, [&] {
                auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                shownFolder = dialog->directory().absolutePath();
                dialog->reject();
            });
            user.start(10);
            QTest::keySequence(QApplication::focusWidget(), keys);
            QTRY_VERIFY(!shownFolder.isEmpty());
            QCOMPARE(shownFolder, QFileInfo(dir.path()).canonicalFilePath());
        }
        QCOMPARE(window.pane(Pane::Right)->filePath(), QString());
    }

    // Before a record is open the window shows the start page: the pairs opened last with their
    // folders (the names repeat), opened with Enter; its buttons by their mnemonics; files dropped
    // on it open. With COUNTERSIGN_SCREENSHOTS=DIR set, saves DIR/start-page.png.
    void startPage()
    {
        QTemporaryDir dir;
        const QString record = QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md");
        QStringList lefts, rights;
        for (const QString &cutover : {QStringLiteral("2026-02"), QStringLiteral("2026-03")}) {
            for (const QString &team : {QStringLiteral("tessera"), QStringLiteral("harbor")}) {
                const QString folder = dir.filePath(cutover + u'/' + team + QStringLiteral("/docs"));
                QVERIFY(QDir().mkpath(folder));
                const QString path = folder + u'/' + record;
                QVERIFY(TestSupport::writeBytes(path,
                    TestSupport::readBytes(
                        TestSupport::dataPath(QStringLiteral("input/decision-record.md")))));
                (team == u"tessera" ? lefts : rights).append(path);
            }
            RecentPairs::remember(lefts.last(), rights.last());
        }
        MainWindow window;
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.isShowingStartPage());
        QListWidget *recent = window.startPage()->recentList();
        QTRY_COMPARE(QApplication::focusWidget(), recent);
        QCOMPARE(recent->count(), 2);
        // Newest first; the same names, told apart by their folders.
        QVERIFY2(recent->item(0)->text().contains(QStringLiteral("2026-03/tessera/docs")),
            qPrintable(recent->item(0)->text()));
        QVERIFY(recent->item(1)->text().contains(QStringLiteral("2026-02/harbor/docs")));
        QVERIFY(recent->item(0)->text().startsWith(record + QStringLiteral(" ↔ ") + record));
        screenshot(&window, QStringLiteral("start-page"));

        // Alt+C: Open Cutover Folders asks for the producer's folder.
        QString asked;
        QTimer user;
        connect(&user, &QTimer::timeout, &user, [&] {
            if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                asked = dialog->windowTitle();
                dialog->reject();
            }
        });
        user.start(10);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::AltModifier);
        QTRY_VERIFY(!asked.isEmpty());
        QVERIFY2(asked.contains(QStringLiteral("Producer")), qPrintable(asked));
        user.stop();
        QVERIFY(window.isShowingStartPage());

        // Down and Enter open the older pair; the panes take the start page's place.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        recent->setFocus();
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(shown.wait(10000));
        QVERIFY(!window.isShowingStartPage());
        QCOMPARE(window.pane(Pane::Left)->filePath(), lefts.first());
        QCOMPARE(window.pane(Pane::Right)->filePath(), rights.first());
        QVERIFY(window.pane(Pane::Left)->isVisible());

        // Two files dropped on a new window's start page open as the pair.
        MainWindow dropped;
        dropped.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dropped));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(lefts.last()), QUrl::fromLocalFile(rights.last())});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(dropped.startPage(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(dropped.startPage(), &drop);
        QCOMPARE(dropped.pane(Pane::Left)->filePath(), lefts.last());
        QCOMPARE(dropped.pane(Pane::Right)->filePath(), rights.last());
        QVERIFY(!dropped.isShowingStartPage());
    }

    // Help > Keyboard Shortcuts (Alt+H, K) lists every key of every menu entry, read from the
    // actions; its filter narrows the list.
    void keyboardShortcutsListEveryAction()
    {
        ComparedWindow w;
        // What the menus hold, walked here: each entry with its keys.
        QStringList expected;
        const std::function<void(const QMenu *)> walk = [&](const QMenu *menu) {
            for (const QAction *action : menu->actions()) {
                if (action->menu())
                    walk(action->menu());
                for (const QKeySequence &key : action->shortcuts())
                    expected.append(key.toString(QKeySequence::NativeText));
            }
        };
        for (const QAction *action : w.window.menuBar()->actions())
            walk(action->menu());
        QVERIFY2(expected.size() > 30, qPrintable(expected.join(u" ")));

        QTest::keyClick(w.focus(w.window.pane(Pane::Left)->editor()), Qt::Key_H, Qt::AltModifier);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_K);
        QTRY_VERIFY(w.window.findChild<ShortcutsDialog *>());
        auto *dialog = w.window.findChild<ShortcutsDialog *>();
        QStringList listed;
        for (int g = 0; g < dialog->list()->topLevelItemCount(); ++g) {
            const QTreeWidgetItem *group = dialog->list()->topLevelItem(g);
            for (int i = 0; i < group->childCount(); ++i)
                listed += group->child(i)->text(1).split(QStringLiteral(", "));
        }
        expected.sort();
        listed.sort();
        QCOMPARE(listed, expected);

        // Typing in the filter: only what has F7.
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_COMPARE(QApplication::focusWidget(), dialog->filter());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("F7"));
        QStringList shown;
        for (int g = 0; g < dialog->list()->topLevelItemCount(); ++g) {
            const QTreeWidgetItem *group = dialog->list()->topLevelItem(g);
            for (int i = 0; i < group->childCount(); ++i) {
                if (!group->child(i)->isHidden())
                    shown.append(group->child(i)->text(0));
            }
        }
        QCOMPARE(
            shown, QStringList({QStringLiteral("Next Difference"), QStringLiteral("Previous Difference")}));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace);
        screenshot(dialog, QStringLiteral("keyboard-shortcuts"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!w.window.findChild<ShortcutsDialog *>());
    }

    // Help > Handbook (F1) shows the README's sections on the window, compiled in: each of their
    // headings, and nothing of the sections after them.
    void handbookShowsTheWindowSections()
    {
        ComparedWindow w;
        QTest::keyClick(w.focus(w.window.pane(Pane::Left)->editor()), Qt::Key_F1);
        QTRY_VERIFY(w.window.findChild<HandbookDialog *>());
        const QString shown = w.window.findChild<HandbookDialog *>()->browser()->toPlainText();
        const QString readme =
            QString::fromUtf8(TestSupport::readBytes(QStringLiteral(COUNTERSIGN_SOURCE_DIR "/README.md")));
        const qsizetype start = readme.indexOf(QStringLiteral("\n## Using the window"));
        const qsizetype end = readme.indexOf(QStringLiteral("\n## "), start + 1);
        QVERIFY(start > 0 && end > start);
        int headings = 0;
        for (const QString &line : readme.mid(start, end - start).split(u'\n')) {
            if (line.startsWith(QStringLiteral("#"))) {
                ++headings;
                QVERIFY2(shown.contains(line.section(u' ', 1)), qPrintable(line));
            }
        }
        QVERIFY(headings >= 5);
        const QString after = readme.mid(end + 4).section(u'\n', 0, 0); // the next section's heading
        QVERIFY2(!shown.contains(after), qPrintable(after));
        screenshot(w.window.findChild<HandbookDialog *>(), QStringLiteral("handbook"));
    }

    // View > Ignore in the Diff, from the keyboard (Alt+V, D, then the option's letter): whitespace
    // changes, case and blank lines leave the line diff one by one, remembered for the next window;
    // the banner (the structural compare) does not change.
    void ignoreOptionsNarrowTheLineDiff()
    {
        QByteArray right =
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        right.replace("Owner: Harbor + Tessera (bilateral)", "Owner:  Harbor +  Tessera (bilateral)   ");
        right.replace("Consumer-side record of the bilateral", "CONSUMER-SIDE record of the bilateral");
        right.replace("## Decision Scope\n", "## Decision Scope\n\n");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
        QVERIFY(TestSupport::writeBytes(path, right));
        ComparedWindow w(path);
        const QString banner = w.window.bannerText();
        const auto markedLines = [&w] { return w.window.pane(Pane::Right)->diffMarks().size(); };
        QCOMPARE(markedLines(), 3);
        // The menu opened, its submenu, the option chosen: true once the diff is shown again.
        const auto choose = [&w](Qt::Key letter) -> bool {
            QSignalSpy shown(&w.window, &MainWindow::linesShown);
            return w.chooseInViewMenu(Qt::Key_D, u"Ignore in the &Diff", letter) && shown.wait(10000);
        };
        QVERIFY(choose(Qt::Key_H));
        QCOMPARE(w.window.diffOptions().whitespace, DiffOptions::Whitespace::IgnoreChanges);
        QCOMPARE(markedLines(), 2);
        QVERIFY(choose(Qt::Key_C));
        QCOMPARE(markedLines(), 1);
        QVERIFY(choose(Qt::Key_B));
        QCOMPARE(markedLines(), 0);
        QTRY_COMPARE(w.window.bannerText(), banner);

        MainWindow next;
        QCOMPARE(next.diffOptions().whitespace, DiffOptions::Whitespace::IgnoreChanges);
        QVERIFY(next.diffOptions().ignoreCase && next.diffOptions().ignoreBlankLines);
    }

    // The section box names the section the cursor is in, wherever the view's top is: Go to Line and
    // a blocking finding (F8) move it, with the top of the view in another section.
    void sectionBoxFollowsTheCursor()
    {
        ComparedWindow w;
        RecordPane *left = w.window.pane(Pane::Left);
        QComboBox *sections = left->outlineBox();
        const auto sectionOf = [sections](int line) {
            int index = -1;
            for (int i = 0; i < sections->count() && sections->itemData(i).toInt() <= line; ++i)
                index = i;
            return index;
        };
        QTest::keyClick(w.focus(left->editor()), Qt::Key_F8); // the outcome, line 12
        QCOMPARE(left->currentLine(), 12);
        QVERIFY(sectionOf(left->firstVisibleLine()) != sectionOf(12)); // the top is in another section
        QCOMPARE(sections->currentIndex(), sectionOf(12));
        QCOMPARE(sections->currentText().trimmed(), QStringLiteral("Decision Outcome"));
        // Down the text with the keys: the box follows into the next section.
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(left->currentLine(), 16);
        QCOMPARE(sections->currentText().trimmed(), QStringLiteral("Approved Runtime Target"));
        QVERIFY(!left->isModified());
    }

    // Edit > Copy Difference to the Right (Alt+Right) puts the left side's lines of the difference the
    // cursor is in over the right side's, as one undoable edit of the right pane (Ctrl+Z there takes
    // it back, byte for byte); Alt+Left copies the other way. With COUNTERSIGN_SCREENSHOTS=DIR set,
    // saves copy-difference-before.png and copy-difference-after.png.
    // The band's arrows, as in Meld and KDiff3: the one at a difference's left end copies it to the
    // right, the one at its right end to the left, each one undoable edit of the receiving pane.
    void bandArrowsCopyADifference()
    {
        ComparedWindow w;
        RecordPane *left = w.window.pane(Pane::Left);
        RecordPane *right = w.window.pane(Pane::Right);
        const QByteArray rightBefore = right->currentBytes();
        const auto lineOf = [](const RecordPane *pane, int line) {
            return pane->text().split(u'\n').value(line - 1);
        };
        auto *band = w.window.findChild<DiffConnector *>();
        QVERIFY(band);
        const int outcome = w.window.differences()->differenceAt(Pane::Left, 11); // line 12: GO, NO-GO
        QVERIFY(outcome >= 0);
        const QRectF toRight = band->arrowRect(outcome, Pane::Left);
        QVERIFY(!toRight.isEmpty());
        QVERIFY(toRight.right() < band->width() / 2.0);
        QTest::mouseClick(band, Qt::LeftButton, {}, toRight.center().toPoint());
        QCOMPARE(lineOf(right, 12), lineOf(left, 12));
        QVERIFY(!left->isModified());
        QTest::keyClick(w.focus(right->editor()), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(right->currentBytes(), rightBefore);
        QTRY_VERIFY(!w.window.isComparing());

        const int commit = w.window.differences()->differenceAt(Pane::Right, 15); // line 16
        QVERIFY(commit > outcome);
        const QRectF toLeft = band->arrowRect(commit, Pane::Right);
        QVERIFY(toLeft.left() > band->width() / 2.0);
        QTest::mouseClick(band, Qt::LeftButton, {}, toLeft.center().toPoint());
        QCOMPARE(lineOf(left, 16), lineOf(right, 16));
        QVERIFY(lineOf(left, 16).contains(u"9b1d4e6f"));
        QCOMPARE(right->currentBytes(), rightBefore);
    }

    void copyADifferenceToTheOtherSide()
    {
        ComparedWindow w;
        RecordPane *left = w.window.pane(Pane::Left);
        RecordPane *right = w.window.pane(Pane::Right);
        const QByteArray rightBefore = right->currentBytes();
        const QByteArray leftBefore = left->currentBytes();
        const auto lineOf = [](const RecordPane *pane, int line) {
            return pane->text().split(u'\n').value(line - 1);
        };
        QVERIFY(lineOf(left, 12) != lineOf(right, 12)); // GO and NO-GO
        const int differences = int(w.window.pane(Pane::Right)->diffMarks().size());

        // The cursor on the outcome's line in the left pane: its difference goes to the right.
        QTest::keyClick(w.focus(left->editor()), Qt::Key_Home, Qt::AltModifier);
        QCOMPARE(left->currentLine(), 12);
        screenshot(&w.window, QStringLiteral("copy-difference-before"));
        QSignalSpy shown(&w.window, &MainWindow::linesShown);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(lineOf(right, 12), lineOf(left, 12));
        QVERIFY(right->isModified());
        QVERIFY(!left->isModified());
        QVERIFY(shown.wait(10000));
        QCOMPARE(w.window.pane(Pane::Right)->diffMarks().size(), differences - 1);
        QTRY_VERIFY(!w.window.isComparing());
        // The right caption says "(unsaved edits)" now; both texts still start at the same height.
        QVERIFY(right->caption().contains(QStringLiteral("(unsaved edits)")));
        QCOMPARE(left->editor()->mapTo(&w.window, QPoint(0, 0)).y(),
            right->editor()->mapTo(&w.window, QPoint(0, 0)).y());
        screenshot(&w.window, QStringLiteral("copy-difference-after"));
        // Every other line of the right pane kept its bytes.
        QByteArray expected = rightBefore;
        expected.replace("**NO-GO**", "**GO**");
        QCOMPARE(right->currentBytes(), expected);

        // One Ctrl+Z in the right pane undoes the whole copy.
        QTest::keyClick(w.focus(right->editor()), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(right->currentBytes(), rightBefore);
        QTRY_COMPARE(w.window.pane(Pane::Right)->diffMarks().size(), differences);
        QTRY_VERIFY(!w.window.isComparing());

        // The commit's difference (the second), from the right pane with Alt+Left: the left takes the
        // right's hash.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home, Qt::AltModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(right->currentLine(), 16);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(lineOf(left, 16), lineOf(right, 16));
        QVERIFY(left->currentBytes() != leftBefore);
        QCOMPARE(right->currentBytes(), rightBefore);
    }

    void layoutIsRemembered()
    {
        QList<int> split;
        {
            ComparedWindow w;
            // Within the offscreen platform's 800×600 screen, which a restored size is fitted into.
            w.window.resize(760, 560);
            auto *splitter = w.window.findChild<QSplitter *>();
            QVERIFY(splitter);
            split = splitter->sizes();
            split[0] -= 200;
            split[2] += 200;
            splitter->setSizes(split);
            split = splitter->sizes();
            QTest::keyClick(w.focus(w.window.pane(Pane::Left)->editor()), Qt::Key_F9);
            QTRY_VERIFY(w.window.findChild<QDockWidget *>(QStringLiteral("findings"))->isHidden());
            QVERIFY(w.window.close());
        }
        MainWindow next;
        next.show();
        QVERIFY(QTest::qWaitForWindowExposed(&next));
        QCOMPARE(next.size(), QSize(760, 560));
        // The panes, and so the split, show once a record is open.
        QCOMPARE(next.documents(Pane::Left)
                     ->openFile(TestSupport::dataPath(QStringLiteral("input/decision-record.md"))),
            QString());
        QTRY_VERIFY(next.findChild<QSplitter *>()->isVisible());
        QVERIFY(next.findChild<QDockWidget *>(QStringLiteral("findings"))->isHidden());
        QVERIFY(!next.findChild<QDockWidget *>(QStringLiteral("signoff"))->isHidden());
        QCOMPARE(next.findChild<QSplitter *>()->sizes(), split);
    }
};

QTEST_MAIN(TestNavigation)
#include "tst_navigation.moc"
