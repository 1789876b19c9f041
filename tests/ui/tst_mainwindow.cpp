// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// MainWindow and RecordPane on the offscreen platform: records load into highlighted panes, and a
// bad file is reported in its pane without closing anything.
#include "diffconnector.h"
#include "differencenavigator.h"
#include "documentcontroller.h"
#include "findingsfiltermodel.h"
#include "findingsmodel.h"
#include "findingspanel.h"
#include "highlighting.h"
#include "mainwindow.h"
#include "recentpairs.h"
#include "record/canonicalcontent.h"
#include "record/documentloader.h"
#include "recordpane.h"
#include "testsupport.h"

#include <KSyntaxHighlighting/Repository>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDropEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace Countersign;
using namespace Qt::StringLiterals;

namespace {

// The menu bar as a user reads it: each menu's title, then its entries indented ("text  shortcut",
// "[x]" or "[ ]" before a checkable one, "---" for a separator), submenus below their entry.
QStringList menuTree(const QList<QAction *> &actions, const QString &indent = {})
{
    QStringList lines;
    for (const QAction *action : actions) {
        if (action->isSeparator()) {
            lines.append(indent + QStringLiteral("---"));
            continue;
        }
        QString line = indent;
        if (action->isCheckable())
            line += action->isChecked() ? QStringLiteral("[x] ") : QStringLiteral("[ ] ");
        line += action->text();
        if (!action->shortcut().isEmpty())
            line += QStringLiteral("  ") + action->shortcut().toString(QKeySequence::PortableText);
        lines.append(line);
        if (action->menu())
            lines += menuTree(action->menu()->actions(), indent + QStringLiteral("  "));
    }
    return lines;
}

// Opens `left` and `right` (files under tests/data) in the window's panes and waits until their
// comparison is shown; false when it is not within ten seconds.
bool openCompared(MainWindow &window, const QString &left, const QString &right)
{
    QSignalSpy shown(&window, &MainWindow::comparisonShown);
    window.documents(Pane::Left)->openFile(TestSupport::dataPath(left));
    window.documents(Pane::Right)->openFile(TestSupport::dataPath(right));
    return shown.wait(10000);
}

// The action of the window's menus bound to `shortcut`, or null.
QAction *actionFor(const QList<QAction *> &actions, const QKeySequence &shortcut)
{
    for (QAction *action : actions) {
        if (action->shortcuts().contains(shortcut))
            return action;
        if (action->menu()) {
            if (QAction *found = actionFor(action->menu()->actions(), shortcut))
                return found;
        }
    }
    return nullptr;
}

// Puts the keyboard focus back in `editor`, with its window active (a dialog or another window may
// have taken it).
bool focusEditor(MainWindow &window, QWidget *editor)
{
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return false;
    editor->setFocus();
    return QTest::qWaitFor([editor] { return QApplication::focusWidget() == editor; }, 5000);
}

// While it lives, closes whatever modal dialog opens with Escape, as a user backing out would.
class DialogDismisser
{
public:
    DialogDismisser()
    {
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal)
                return;
            QWidget *focus = QApplication::focusWidget();
            QTest::keyClick(focus && modal->isAncestorOf(focus) ? focus : modal, Qt::Key_Escape);
        });
        m_timer.start();
    }

private:
    QTimer m_timer;
};

} // namespace

namespace {
bool isGreen(const QColor &color)
{
    return color.green() > color.red() && color.green() > color.blue() && color.hslSaturation() > 100;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void initTestCase()
    {
        // The theme choice is remembered in QSettings: keep the tests' settings apart from the user's.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void themeMenuAndMemory()
    {
        {
            MainWindow window;
            QVERIFY(window.themeName().isEmpty()); // follows the palette by default
            QVERIFY(window.setThemeName(QStringLiteral("Breeze Dark")));
            QCOMPARE(window.pane(Pane::Left)->themeName(), QStringLiteral("Breeze Dark"));
            QCOMPARE(window.pane(Pane::Right)->themeName(), QStringLiteral("Breeze Dark"));
            QVERIFY(window.pane(Pane::Left)->editor()->palette().color(QPalette::Base).lightness() < 128);
            QVERIFY(!window.setThemeName(QStringLiteral("No Such Theme")));
            QCOMPARE(window.themeName(), QStringLiteral("Breeze Dark"));
        }
        {
            MainWindow window; // remembered
            QCOMPARE(window.themeName(), QStringLiteral("Breeze Dark"));
            QVERIFY(window.setThemeName({}));
            QVERIFY(window.pane(Pane::Left)->editor()->palette().color(QPalette::Base).lightness() >= 128);
        }
    }

    // Every menu, entry, mnemonic and shortcut of a new window, in order (the standard keys as the
    // platform binds them).
    void menusAndShortcuts()
    {
        MainWindow window;
        const auto entry = [](const QString &text, const QKeySequence &shortcut = {}) {
            return QStringLiteral("  ") + text +
                (shortcut.isEmpty() ? QString()
                                    : QStringLiteral("  ") + shortcut.toString(QKeySequence::PortableText));
        };
        const QStringList expected = {
            QStringLiteral("&File"),
            entry(QStringLiteral("New &Window"), QKeySequence::New),
            entry(QStringLiteral("Open &Left..."), QKeySequence::Open),
            entry(QStringLiteral("Open &Right..."), QKeySequence(QStringLiteral("Ctrl+Shift+O"))),
            entry(QStringLiteral("Open Cutover &Folders..."), QKeySequence(QStringLiteral("Ctrl+Alt+O"))),
            entry(QStringLiteral("Recent &Pairs")),
            entry(QStringLiteral("&New from Template..."), QKeySequence(QStringLiteral("Ctrl+Shift+N"))),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("&Save"), QKeySequence::Save),
            entry(QStringLiteral("Save &As..."), QKeySequence(QStringLiteral("Ctrl+Shift+S"))),
            entry(QStringLiteral("&Export Finalized Record..."), QKeySequence(QStringLiteral("Ctrl+E"))),
            entry(QStringLiteral("Export P&DF..."), QKeySequence(QStringLiteral("Ctrl+Shift+E"))),
            entry(QStringLiteral("Sign-off &Ledger...")),
            entry(QStringLiteral("&Reload from Disk"), QKeySequence(QStringLiteral("F5"))),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("&Close Window"), QKeySequence(QStringLiteral("Ctrl+W"))),
            entry(QStringLiteral("&Quit"), QKeySequence::Quit),
            QStringLiteral("&Edit"),
            entry(QStringLiteral("&Undo"), QKeySequence::Undo),
            entry(QStringLiteral("&Redo"), QKeySequence::Redo),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("&Find..."), QKeySequence(QStringLiteral("Ctrl+F"))),
            entry(QStringLiteral("Find &Next"), QKeySequence(QStringLiteral("F3"))),
            entry(QStringLiteral("Find &Previous"), QKeySequence(QStringLiteral("Shift+F3"))),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("Copy Difference to the Ri&ght"), QKeySequence(QStringLiteral("Alt+Right"))),
            entry(QStringLiteral("Copy Difference to the &Left"), QKeySequence(QStringLiteral("Alt+Left"))),
            QStringLiteral("&Record"),
            entry(QStringLiteral("Create &Mirror"), QKeySequence(QStringLiteral("Ctrl+Shift+M"))),
            entry(QStringLiteral("&Update from Checkpoint..."), QKeySequence(QStringLiteral("Ctrl+Shift+U"))),
            entry(QStringLiteral("Residual Risk &Meeting..."), QKeySequence(QStringLiteral("Ctrl+Shift+R"))),
            QStringLiteral("&Go"),
            entry(QStringLiteral("&Next Difference"), QKeySequence(QStringLiteral("F7"))),
            entry(QStringLiteral("&Previous Difference"), QKeySequence(QStringLiteral("Shift+F7"))),
            entry(QStringLiteral("&First Difference"), QKeySequence(QStringLiteral("Alt+Home"))),
            entry(QStringLiteral("&Last Difference"), QKeySequence(QStringLiteral("Alt+End"))),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("Next &Blocking Finding"), QKeySequence(QStringLiteral("F8"))),
            entry(QStringLiteral("Previous Bl&ocking Finding"), QKeySequence(QStringLiteral("Shift+F8"))),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("Go to Li&ne..."), QKeySequence(QStringLiteral("Ctrl+G"))),
            QStringLiteral("&View"),
            entry(QStringLiteral("[x] &Wrap Long Lines"), QKeySequence(QStringLiteral("Alt+Z"))),
            entry(QStringLiteral("[ ] &Preview"), QKeySequence(QStringLiteral("Ctrl+Shift+P"))),
            entry(QStringLiteral("Swap P&anes"), QKeySequence(QStringLiteral("Ctrl+Shift+W"))),
            entry(QStringLiteral("[x] Scroll in &Step"), QKeySequence(QStringLiteral("Alt+S"))),
            entry(QStringLiteral("&Color Scheme")),
            entry(QStringLiteral("  [x] Follow the &Desktop")),
            entry(QStringLiteral("  [ ] &Light")),
            entry(QStringLiteral("  [ ] Dar&k")),
            entry(QStringLiteral("&Theme")),
            entry(QStringLiteral("  [x] Follow the Palette")),
            entry(QStringLiteral("  ---")),
            entry(QStringLiteral("Ignore in the &Diff")),
            entry(QStringLiteral("  [ ] Whitespace C&hanges (-b)")),
            entry(QStringLiteral("  [ ] &All Whitespace (-w)")),
            entry(QStringLiteral("  [ ] &Blank Lines (-B)")),
            entry(QStringLiteral("  [ ] &Case (-i)")),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("Zoom &In"), QKeySequence::ZoomIn),
            entry(QStringLiteral("Zoom &Out"), QKeySequence::ZoomOut),
            entry(QStringLiteral("&Reset Zoom"), QKeySequence(QStringLiteral("Ctrl+0"))),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("[x] &Findings Panel"), QKeySequence(QStringLiteral("F9"))),
            entry(QStringLiteral("[x] &Sign-off Panel"), QKeySequence(QStringLiteral("F10"))),
            entry(QStringLiteral("Go to Si&gn-off"), QKeySequence(QStringLiteral("Ctrl+F10"))),
            entry(QStringLiteral("Go to F&indings"), QKeySequence(QStringLiteral("Ctrl+F9"))),
            QStringLiteral("&Help"),
            entry(QStringLiteral("&Handbook"), QKeySequence::HelpContents),
            entry(QStringLiteral("&Keyboard Shortcuts")),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("&About Countersign")),
        };
        QCOMPARE(menuTree(window.menuBar()->actions()), expected);
    }

    // With the focus in a pane, Alt and a menu's mnemonic opens that menu, whichever panel is
    // raised below, and never types its letter into the record.
    void menuMnemonicsFromAPane_data()
    {
        QTest::addColumn<QString>("raised");
        QTest::newRow("findings raised") << QStringLiteral("findings");
        QTest::newRow("sign-off raised") << QStringLiteral("signoff");
    }

    void menuMnemonicsFromAPane()
    {
        QFETCH(QString, raised);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("record.md"));
        QVERIFY(TestSupport::writeBytes(
            path, TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")))));
        const QByteArray original = TestSupport::readBytes(path);
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.documents(Pane::Left)->openFile(path), QString());
        window.findChild<QDockWidget *>(raised)->raise();
        RecordPane *pane = window.pane(Pane::Left);
        const std::pair<Qt::Key, QString> menus[] = {{Qt::Key_F, QStringLiteral("&File")},
            {Qt::Key_E, QStringLiteral("&Edit")}, {Qt::Key_R, QStringLiteral("&Record")},
            {Qt::Key_G, QStringLiteral("&Go")}, {Qt::Key_V, QStringLiteral("&View")},
            {Qt::Key_H, QStringLiteral("&Help")}};
        for (const auto &[key, title] : menus) {
            QVERIFY(focusEditor(window, pane->editor()));
            pane->editor()->setCursorPosition({0, 2});
            QTest::keyClick(QApplication::focusWidget(), key, Qt::AltModifier);
            QTRY_VERIFY2(qobject_cast<QMenu *>(QApplication::activePopupWidget()), qPrintable(title));
            QCOMPARE(qobject_cast<QMenu *>(QApplication::activePopupWidget())->title(), title);
            QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Escape);
            QTRY_VERIFY(!QApplication::activePopupWidget());
            // Escape again leaves the menu bar for the pane.
            if (QApplication::focusWidget() == window.menuBar())
                QTest::keyClick(window.menuBar(), Qt::Key_Escape);
            QTRY_COMPARE(QApplication::focusWidget(), pane->editor());
            QCOMPARE(pane->currentBytes(), original);
            QVERIFY(!pane->isModified());
        }
    }

    // Every shortcut the README lists does its work with the focus in a pane, and leaves the
    // pane's text byte for byte as it was. Dialogs they open are closed with Escape.
    void readmeShortcutsFromAPane()
    {
        QTemporaryDir dir;
        const QString left = dir.filePath(QStringLiteral("left.md"));
        const QString right = dir.filePath(QStringLiteral("right.md"));
        QVERIFY(TestSupport::writeBytes(
            left, TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")))));
        QVERIFY(TestSupport::writeBytes(right,
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("compare/drift-combined.md")))));
        const QByteArray original = TestSupport::readBytes(left);
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.documents(Pane::Left)->openFile(left);
        window.documents(Pane::Right)->openFile(right);
        QVERIFY(shown.wait(10000));
        window.findChild<QDockWidget *>(QStringLiteral("signoff"))->raise();
        TextView *editor = window.pane(Pane::Left)->editor();
        const DialogDismisser dismisser;

        // Last, Ctrl+W: it asks about the mirror's unsaved draft, and Escape keeps the window open.
        const QList<QKeySequence> shortcuts = {QKeySequence(u"F7"_s), QKeySequence(u"Shift+F7"_s),
            QKeySequence(u"Alt+Down"_s), QKeySequence(u"Alt+Up"_s), QKeySequence(u"Alt+Home"_s),
            QKeySequence(u"Alt+End"_s), QKeySequence(u"F8"_s), QKeySequence(u"Shift+F8"_s),
            QKeySequence(u"Ctrl+G"_s), QKeySequence(QKeySequence::ZoomIn), QKeySequence(u"Ctrl+="_s),
            QKeySequence(QKeySequence::HelpContents), QKeySequence(QKeySequence::ZoomOut),
            QKeySequence(u"Ctrl+0"_s), QKeySequence(u"F9"_s), QKeySequence(u"F10"_s),
            QKeySequence(u"Ctrl+F9"_s), QKeySequence(u"Ctrl+F10"_s), QKeySequence(u"Alt+Z"_s),
            QKeySequence(u"Alt+S"_s), QKeySequence(u"Ctrl+Shift+P"_s), QKeySequence(u"F5"_s),
            QKeySequence(QKeySequence::Save), QKeySequence(QKeySequence::Open), QKeySequence(u"Ctrl+F"_s),
            QKeySequence(u"F3"_s), QKeySequence(u"Shift+F3"_s), QKeySequence(u"Ctrl+Shift+O"_s),
            QKeySequence(u"Ctrl+Alt+O"_s), QKeySequence(u"Ctrl+Shift+N"_s), QKeySequence(u"Ctrl+Shift+U"_s),
            QKeySequence(u"Ctrl+Shift+R"_s), QKeySequence(u"Ctrl+E"_s), QKeySequence(u"Ctrl+Shift+E"_s),
            QKeySequence(u"Ctrl+Shift+S"_s), QKeySequence(u"Ctrl+Shift+M"_s), QKeySequence(QKeySequence::New),
            QKeySequence(u"Ctrl+W"_s)};
        for (const QKeySequence &shortcut : shortcuts) {
            const QString text = shortcut.toString();
            QVERIFY(!text.isEmpty());
            QAction *action = actionFor(window.menuBar()->actions(), shortcut);
            QVERIFY2(action, qPrintable(text));
            QSignalSpy triggered(action, &QAction::triggered);
            const bool wasChecked = action->isChecked();
            QVERIFY2(focusEditor(window, editor), qPrintable(text));
            editor->setCursorPosition({0, 2});
            QTest::keySequence(QApplication::focusWidget(), shortcut);
            QTRY_VERIFY2_WITH_TIMEOUT(triggered.count() == 1, qPrintable(text), 10000);
            if (action->isCheckable() && action->text().endsWith(u"Panel") && triggered.count() == 1 &&
                action->isChecked() == wasChecked) {
                // A panel that was behind the other's tab came to the front (tst_navigation); pressed
                // again it hides, and again it is back.
                QTest::keySequence(QApplication::focusWidget(), shortcut);
                QTRY_COMPARE(triggered.count(), 2);
                QCOMPARE(action->isChecked(), false);
                QTest::keySequence(QApplication::focusWidget(), shortcut);
                QTRY_COMPARE(triggered.count(), 3);
                QCOMPARE(action->isChecked(), true);
            } else if (action->isCheckable()) {
                // A toggle: it toggled, and pressed again (from wherever the focus went), it is back.
                QCOMPARE(action->isChecked(), !wasChecked);
                QTest::keySequence(QApplication::focusWidget(), shortcut);
                QTRY_COMPARE(triggered.count(), 2);
                QCOMPARE(action->isChecked(), wasChecked);
            }
            QTRY_VERIFY_WITH_TIMEOUT(!QApplication::activeModalWidget(), 10000);
            for (QWidget *other : QApplication::topLevelWidgets()) {
                if (other != &window && other->isVisible() && qobject_cast<QMainWindow *>(other))
                    other->close();
            }
            QVERIFY2(window.pane(Pane::Left)->currentBytes() == original, qPrintable(text));
            QVERIFY2(!window.pane(Pane::Left)->isModified(), qPrintable(text));
        }
        // Undo and redo are the pane's own: with nothing to undo, nothing changes.
        for (const QKeySequence::StandardKey key : {QKeySequence::Undo, QKeySequence::Redo}) {
            QVERIFY(focusEditor(window, editor));
            QTest::keySequence(QApplication::focusWidget(), QKeySequence(key));
            QCOMPARE(window.pane(Pane::Left)->currentBytes(), original);
        }
        QVERIFY(window.isVisible());
        QCOMPARE(TestSupport::readBytes(left), original);
    }

    void opensTwoRecords()
    {
        MainWindow window;
        const QString left = TestSupport::dataPath(QStringLiteral("input/producer-mirror.md"));
        const QString right = TestSupport::dataPath(QStringLiteral("input/variant-crlf.md"));
        QCOMPARE(window.documents(Pane::Left)->openFile(left), QString());
        QCOMPARE(window.documents(Pane::Right)->openFile(right), QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.pane(Pane::Left)->text(), QString::fromUtf8(TestSupport::readBytes(left)));
        QVERIFY(window.pane(Pane::Left)->caption().contains(QStringLiteral("producer-mirror")));
        QVERIFY(window.pane(Pane::Right)->caption().contains(QStringLiteral("decision-record")));
        QVERIFY(window.pane(Pane::Left)->isHighlighted());
        QVERIFY(window.pane(Pane::Right)->isHighlighted());
    }

    // The sample pair is compared off the GUI thread; the banner reads the headline aloud and the
    // findings panel lists the 11 findings the compare engine reports for it. Nothing blocks and
    // nothing warns (each side's own evidence, inputs and risks are notes): the banner is green.
    void comparesTheSamplePair()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QCOMPARE(window.documents(Pane::Left)
                     ->openFile(TestSupport::samplePath(
                         QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"))),
            QString());
        QVERIFY(!window.isComparing()); // one side alone is not compared
        QCOMPARE(window.documents(Pane::Right)
                     ->openFile(TestSupport::samplePath(
                         QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"))),
            QString());
        QVERIFY(window.isComparing());
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.bannerText(), QStringLiteral("Aligned, with 11 notes."));
        QCOMPARE(window.findings()->model()->rowCount(), 11);
        QVERIFY(isGreen(window.bannerColor()));
    }

    // A file that is not a record against a record: "Not comparable", on grey, never "Aligned".
    void notComparableBanner()
    {
        MainWindow window;
        QVERIFY(openCompared(
            window, QStringLiteral("compare/not-a-record.md"), QStringLiteral("input/decision-record.md")));
        QCOMPARE(
            window.bannerText(), QStringLiteral("Not comparable: not-a-record.md is not a cutover record."));
        const QColor color = window.bannerColor();
        QVERIFY2(color.hslSaturation() < 60, qPrintable(color.name()));
        QVERIFY(!isGreen(color));
        QCOMPARE(window.findings()->model()->rowCount(), 1);
    }

    void findingPutsBothPanesOnItsLines()
    {
        MainWindow window;
        QVERIFY(openCompared(window, QStringLiteral("input/decision-record.md"),
            QStringLiteral("compare/drift-extra-risk.md")));
        QCOMPARE(window.bannerText(), QStringLiteral("Aligned, with 1 warning."));
        window.findings()->showFinding(0);
        // The extra risk sits at line 44 of the right file; the left pane stays where it was.
        QCOMPARE(window.pane(Pane::Right)->currentLine(), 44);
        QCOMPARE(window.pane(Pane::Left)->currentLine(), 1);

        // Filtering to blocking findings hides it.
        window.findings()->filter()->setMinimumSeverity(CompareFinding::Severity::Blocking);
        QCOMPARE(window.findings()->view()->model()->rowCount(), 0);
    }

    void blockingDriftTurnsTheBannerRed()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.documents(Pane::Left)
            ->openFile(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        window.documents(Pane::Right)
            ->openFile(TestSupport::dataPath(QStringLiteral("compare/drift-combined.md")));
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.bannerText(),
            QStringLiteral(
                "Not aligned: 2 blocking differences (Runtime cutover execution, commit_sha), 1 warning."));
        // Reopening one side with an aligned copy recomputes.
        window.documents(Pane::Right)
            ->openFile(TestSupport::dataPath(QStringLiteral("input/variant-star-bullets.md")));
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.bannerText(), QStringLiteral("Aligned."));
        QCOMPARE(window.findings()->model()->rowCount(), 0);
    }

    // The line diff is drawn over both panes (changed lines tinted, differing words marked) and
    // F7 / Shift+F7 walk its differences in both panes at once, wrapping around.
    void diffMarksAndNavigation()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.documents(Pane::Left)
            ->openFile(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        window.documents(Pane::Right)
            ->openFile(TestSupport::dataPath(QStringLiteral("compare/drift-combined.md")));
        QVERIFY(shown.wait(10000));
        // drift-combined changes lines 12 (GO -> NO-GO), 16 (commit_sha) and 47 (Phase 4 status).
        QList<int> lines;
        for (const LineMark &mark : window.pane(Pane::Right)->diffMarks())
            lines.append(mark.line);
        QCOMPARE(lines, (QList<int>{12, 16, 47}));
        const LineMark outcome = window.pane(Pane::Right)->diffMarks().first();
        QCOMPARE(outcome.kind, DiffRow::Kind::Changed);
        const QString line12 = window.pane(Pane::Right)->text().split(u'\n').at(11);
        QCOMPARE(
            line12.mid(outcome.ranges.first().start, outcome.ranges.first().length), QStringLiteral("NO-"));

        QCOMPARE(window.differences()->nextDifference(), 0);
        QCOMPARE(window.pane(Pane::Left)->currentLine(), 12);
        QCOMPARE(window.pane(Pane::Right)->currentLine(), 12);
        QCOMPARE(window.differences()->nextDifference(), 1);
        QCOMPARE(window.pane(Pane::Right)->currentLine(), 16);
        QCOMPARE(window.differences()->nextDifference(), 2);
        QCOMPARE(window.pane(Pane::Left)->currentLine(), 47);
        QCOMPARE(window.differences()->nextDifference(), 0); // wraps
        QCOMPARE(window.differences()->previousDifference(), 2);
        QCOMPARE(window.pane(Pane::Right)->currentLine(), 47);
    }

    // F7 and Shift+F7, pressed in a pane, walk the differences in both panes and say which one is
    // shown in the status bar.
    void f7WalksTheDifferencesFromTheKeyboard()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(openCompared(
            window, QStringLiteral("input/decision-record.md"), QStringLiteral("compare/drift-combined.md")));
        window.pane(Pane::Left)->editor()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), window.pane(Pane::Left)->editor());

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F7);
        QCOMPARE(window.pane(Pane::Left)->currentLine(), 12);
        QCOMPARE(window.pane(Pane::Right)->currentLine(), 12);
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Difference 1 of 3"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F7);
        QCOMPARE(window.pane(Pane::Right)->currentLine(), 16);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F7, Qt::ShiftModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F7, Qt::ShiftModifier); // wraps
        QCOMPARE(window.pane(Pane::Left)->currentLine(), 47);
        QCOMPARE(window.pane(Pane::Right)->currentLine(), 47);
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Difference 3 of 3"));
    }

    // With five lines inserted on the right at line 50, scrolling either pane keeps matching lines
    // level in the other.
    void scrollingInStep()
    {
        QTemporaryDir dir;
        QByteArray left = "# Record\n\n", right = left;
        for (int i = 1; i <= 300; ++i) {
            left += "line " + QByteArray::number(i) + '\n';
            right += "line " + QByteArray::number(i) + '\n';
            if (i == 50)
                right += "new a\nnew b\nnew c\nnew d\nnew e\n";
        }
        const QString l = dir.filePath(QStringLiteral("l.md")), r = dir.filePath(QStringLiteral("r.md"));
        QVERIFY(TestSupport::writeBytes(l, left) && TestSupport::writeBytes(r, right));
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.documents(Pane::Left)->openFile(l);
        window.documents(Pane::Right)->openFile(r);
        QVERIFY(shown.wait(10000));
        // "line 200" is line 202 on the left and 207 on the right.
        QCOMPARE(window.differences()->matchingLine(Pane::Left, 202), 207);
        QCOMPARE(window.differences()->matchingLine(Pane::Right, 207), 202);
        QCOMPARE(window.differences()->matchingLine(Pane::Left, 10), 10);
        QCOMPARE(window.differences()->matchingLine(Pane::Right, 54),
            53); // inside the insertion: the left side's line across
        window.pane(Pane::Left)->scrollToLine(202);
        QCOMPARE(window.pane(Pane::Left)->firstVisibleLine(), 202);
        QCOMPARE(window.pane(Pane::Right)->firstVisibleLine(), 207);
        window.pane(Pane::Right)->scrollToLine(40);
        QCOMPARE(window.pane(Pane::Left)->firstVisibleLine(), 40);
        window.differences()->setScrollInStep(false);
        window.pane(Pane::Left)->scrollToLine(100);
        QCOMPARE(window.pane(Pane::Right)->firstVisibleLine(), 40);
    }

    void recentPairsAreRemembered()
    {
        QSettings().remove(QStringLiteral("recent/pairs"));
        const QString left = TestSupport::dataPath(QStringLiteral("input/decision-record.md"));
        const QString right = TestSupport::dataPath(QStringLiteral("compare/drift-combined.md"));
        {
            MainWindow window;
            window.documents(Pane::Left)->openFile(left);
            QVERIFY(RecentPairs::list().isEmpty()); // one side is not a pair
            window.documents(Pane::Right)->openFile(right);
        }
        QCOMPARE(RecentPairs::list().size(), 1);
        QCOMPARE(RecentPairs::list().first().first, QFileInfo(left).absoluteFilePath());
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QCOMPARE(window.openPair(RecentPairs::list().first().first, RecentPairs::list().first().second),
            QStringList());
        QVERIFY(shown.wait(10000));
        QVERIFY(window.bannerText().startsWith(QStringLiteral("Not aligned")));
        QCOMPARE(RecentPairs::list().size(), 1); // the same pair again, not twice
    }

    // A file dropped on a pane opens there (not pasted as text).
    void droppedFileOpensInThePane()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString path = TestSupport::dataPath(QStringLiteral("input/checkpoint-producer.md"));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QWidget *viewport = window.pane(Pane::Right)->editor()->viewport();
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        QCOMPARE(window.pane(Pane::Right)->filePath(), path);
        QCOMPARE(window.pane(Pane::Right)->text(), QString::fromUtf8(TestSupport::readBytes(path)));
        QVERIFY(!window.pane(Pane::Right)->isModified());
    }

    void outlineAndPreview()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.documents(Pane::Left)
            ->openFile(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        QComboBox *outline = window.pane(Pane::Left)->outlineBox();
        // The title and the eight sections of the record.
        QCOMPARE(outline->count(), 9);
        QCOMPARE(outline->itemText(4).trimmed(), QStringLiteral("Ownership (Named Roles)"));
        QCOMPARE(outline->itemData(4).toInt(), 21);
        outline->activated(4);
        QCOMPARE(window.pane(Pane::Left)->currentLine(), 21);
        // Scrolled away from the cursor (on the title), the box names the section at the top of the view.
        window.pane(Pane::Left)->goToLine(1);
        window.pane(Pane::Left)->scrollToLine(23);
        QCOMPARE(outline->currentIndex(), 4);
        window.pane(Pane::Left)->scrollToLine(1);
        QCOMPARE(outline->currentIndex(), 0);

        window.pane(Pane::Left)->setPreview(true);
        QVERIFY(window.pane(Pane::Left)->isPreview());
        // Rendered: no Markdown syntax left in the text of the heading.
        QVERIFY(window.pane(Pane::Left)->previewText().contains(QStringLiteral("Ownership (Named Roles)")));
        QVERIFY(!window.pane(Pane::Left)->previewText().contains(QStringLiteral("## Ownership")));
        window.pane(Pane::Left)->setPreview(false);
        QVERIFY(!window.pane(Pane::Left)->isPreview());
    }

    // The band between the panes links the difference on line 16 of both sides; clicking it puts
    // both panes there. Elsewhere there is nothing to click.
    void connectorLinksTheDifference()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openCompared(window, QStringLiteral("input/decision-record.md"),
            QStringLiteral("compare/drift-commit-sha.md")));
        auto *connector = window.findChild<DiffConnector *>();
        QVERIFY(connector);
        const int x = connector->width() / 2;
        QList<int> hits;
        for (int y = 0; y < connector->height(); ++y) {
            if (connector->differenceAt(QPointF(x, y)) == 0)
                hits.append(y);
        }
        QVERIFY(!hits.isEmpty());
        // One line tall, where line 16 of the left pane is (rounding and the hit margin aside).
        TextView *left = window.pane(Pane::Left)->editor();
        const qreal top = left->viewport()->mapTo(&window, QPoint(0, 0)).y() -
            connector->mapTo(&window, QPoint(0, 0)).y() + left->lineSpan(15).first;
        QVERIFY2(
            qAbs(hits.first() - top) <= 4, qPrintable(QStringLiteral("%1 vs %2").arg(hits.first()).arg(top)));
        QVERIFY(hits.size() <= QFontMetrics(left->font()).lineSpacing() + 8);
        QCOMPARE(connector->differenceAt(QPointF(x, top - 30)), -1);

        QTest::mouseClick(connector, Qt::LeftButton, {}, QPoint(x, hits.at(hits.size() / 2)));
        QCOMPARE(window.pane(Pane::Left)->currentLine(), 16);
        QCOMPARE(window.pane(Pane::Right)->currentLine(), 16);
    }

    // A record over the 32 MiB a record may have opens all the same, and is compared line by line.
    void largeRecordIsComparedLineByLine()
    {
        QTemporaryDir dir;
        QByteArray text = "# Generated\n\n## Evidence\n";
        const QByteArray line = "- step passed on the node that was checked last, as the runbook says\n";
        text.reserve(DocumentLoader::maxFileSize + 2 * line.size());
        while (text.size() <= DocumentLoader::maxFileSize)
            text += line;
        const QString left = dir.filePath(QStringLiteral("left.md"));
        const QString right = dir.filePath(QStringLiteral("right.md"));
        QVERIFY(TestSupport::writeBytes(left, text));
        const qsizetype changed = text.size() / 2 / line.size() * line.size(); // a line start
        text.replace(changed, 4, "- STEP");
        QVERIFY(TestSupport::writeBytes(right, text));

        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QCOMPARE(window.documents(Pane::Left)->openFile(left), QString());
        QCOMPARE(window.documents(Pane::Right)->openFile(right), QString());
        QVERIFY(shown.wait(60000));
        QVERIFY2(window.bannerText().startsWith(QStringLiteral("Compared line by line only")),
            qPrintable(window.bannerText()));
        QVERIFY(window.bannerText().endsWith(QStringLiteral(": 1 difference.")));
        QVERIFY2(window.bannerText().contains(
                     QStringLiteral("neither record is compared section by section: over 32 MiB")),
            qPrintable(window.bannerText()));
        QVERIFY(window.pane(Pane::Right)
                ->caption()
                .contains(QStringLiteral("not compared section by section (over 32 MiB)")));
        QVERIFY(window.findings()->model()->findings().isEmpty());
        QCOMPARE(window.differences()->nextDifference(), 0);
        const int expectedLine = int(text.left(changed).count('\n')) + 1;
        QCOMPARE(window.pane(Pane::Left)->currentLine(), expectedLine);
        QCOMPARE(window.pane(Pane::Right)->currentLine(), expectedLine);
    }

    // One side beyond what is compared section by section (over 32 MiB, or a shape beyond the
    // parser's bound): the other, a valid record, is still described with its kind, side and digest.
    void theValidSideIsDescribedBesideOneTooLarge_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        const QByteArray line = "- step passed on the node that was checked last, as the runbook says\n";
        QTest::newRow("over 32 MiB") << "# Generated\n\n" +
                line.repeated(int(DocumentLoader::maxFileSize / line.size()) + 2)
                                     << QStringLiteral("over 32 MiB");
        QTest::newRow("too much structure")
            << "# Generated\n\n" + QByteArray("- i\n").repeated(300'000)
            << QStringLiteral("has more markdown structure than Countersign reads");
    }
    void theValidSideIsDescribedBesideOneTooLarge()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString right = dir.filePath(QStringLiteral("right.md"));
        QVERIFY(TestSupport::writeBytes(right, text));
        const QString left = TestSupport::dataPath(QStringLiteral("input/decision-record.md"));
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QCOMPARE(window.documents(Pane::Left)->openFile(left), QString());
        QCOMPARE(window.documents(Pane::Right)->openFile(right), QString());
        QVERIFY(shown.wait(60000));
        QVERIFY2(
            window.bannerText().startsWith(
                QStringLiteral(
                    "Compared line by line only (the right record is not compared section by section: ") +
                reason),
            qPrintable(window.bannerText()));
        const QString digest = CanonicalContent::digest(TestSupport::load(left).source.text()).left(12);
        QVERIFY2(
            window.pane(Pane::Left)->caption().contains(QStringLiteral("decision-record, consumer side")) &&
                window.pane(Pane::Left)->caption().contains(QStringLiteral("digest ") + digest),
            qPrintable(window.pane(Pane::Left)->caption()));
        QVERIFY2(window.pane(Pane::Right)
                     ->caption()
                     .contains(QStringLiteral("not compared section by section (") + reason),
            qPrintable(window.pane(Pane::Right)->caption()));
    }

    void badFileIsReportedInItsPane()
    {
        MainWindow window;
        const QString bad = TestSupport::dataPath(QStringLiteral("bad/invalid-utf8.md"));
        const QString error = window.documents(Pane::Right)->openFile(bad);
        QVERIFY(error.startsWith(bad + QStringLiteral(":3: invalid UTF-8")));
        QVERIFY(window.pane(Pane::Right)->caption().contains(error));
        QVERIFY(window.pane(Pane::Right)->text().isEmpty());
    }

    void themeFollowsPalette()
    {
        QPalette dark;
        dark.setColor(QPalette::Base, Qt::black);
        dark.setColor(QPalette::Text, Qt::white);
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        const KSyntaxHighlighting::Theme darkTheme = Highlighting::themeFor(dark);
        const KSyntaxHighlighting::Theme lightTheme = Highlighting::themeFor(light);
        QVERIFY(darkTheme.isValid() && lightTheme.isValid());
        QVERIFY(
            QColor::fromRgba(darkTheme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)).lightness() <
            128);
        QVERIFY(QColor::fromRgba(lightTheme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor))
                    .lightness() >= 128);
        QVERIFY(Highlighting::markdown().isValid());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
