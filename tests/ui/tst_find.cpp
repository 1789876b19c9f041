// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Edit > Find, with real key events on the focused widget: Ctrl+F opens the find bar with the pane's
// selection in it, typing selects the first match from the cursor and counts, F3 / Shift+F3 / Enter /
// Shift+Enter step and wrap around, Match case and Whole words (Alt+C, Alt+W) change the count, Both
// panes (Alt+B) walks on into the other pane, an edit is counted at once, no match is shown as such,
// and Escape closes the bar, gives the focus back to the pane and takes the marks away. The records are never
// changed. Typing in a 100,000-line text stays quick. With COUNTERSIGN_SCREENSHOTS=DIR set, saves
// DIR/find.png.
#include "documentcontroller.h"
#include "findbar.h"
#include "mainwindow.h"
#include "recordpane.h"
#include "testsupport.h"
#include "textrenderer.h"
#include "textview.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <algorithm>

using namespace Countersign;

namespace {

const QString leftRecord = QStringLiteral("input/decision-record.md");
const QString rightRecord = QStringLiteral("compare/drift-combined.md");

void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), modifiers);
}

// The producer's record and a drifted copy, compared, in a shown and active window; the left pane
// has the focus, its cursor at the start.
class FindWindow
{
public:
    FindWindow()
    {
        m_window.resize(1200, 800);
        m_window.show();
        if (!QTest::qWaitForWindowActive(&m_window))
            qFatal("the window did not become active");
        QSignalSpy shown(&m_window, &MainWindow::comparisonShown);
        m_window.documents(Pane::Left)->openFile(TestSupport::dataPath(leftRecord));
        m_window.documents(Pane::Right)->openFile(TestSupport::dataPath(rightRecord));
        if (!shown.wait(10000))
            qFatal("the pair was not compared");
        // Into the right pane first: the left one is then the pane worked in last.
        focusPane(Pane::Right);
        focusPane(Pane::Left);
    }

    MainWindow &window() { return m_window; }
    FindBar *bar() const { return m_window.findBar(); }
    TextView *editor(Pane side) const { return m_window.pane(side)->editor(); }
    QString status() const { return m_window.statusBar()->currentMessage(); }

    // The pane gets the keyboard focus as from a click into it.
    void focusPane(Pane side)
    {
        QWidget *editor = this->editor(side);
        editor->setFocus(Qt::MouseFocusReason);
        if (!QTest::qWaitFor([editor] { return QApplication::focusWidget() == editor; }, 5000))
            qFatal("the pane did not get the focus");
    }

    // Ctrl+F, from where the focus is, and `text` typed into the find bar; false when the bar did not
    // get the focus.
    [[nodiscard]] bool find(const QString &text)
    {
        press(Qt::Key_F, Qt::ControlModifier);
        if (!QTest::qWaitFor([this] { return QApplication::focusWidget() == bar()->lineEdit(); }, 5000))
            return false;
        QTest::keyClicks(QApplication::focusWidget(), text);
        return true;
    }

    // Both panes hold their files' bytes, unmodified.
    bool unchanged() const
    {
        return m_window.pane(Pane::Left)->currentBytes() ==
            TestSupport::readBytes(TestSupport::dataPath(leftRecord)) &&
            m_window.pane(Pane::Right)->currentBytes() ==
            TestSupport::readBytes(TestSupport::dataPath(rightRecord)) &&
            !m_window.pane(Pane::Left)->isModified() && !m_window.pane(Pane::Right)->isModified();
    }

private:
    MainWindow m_window;
};

// How many pixels of the editor's text area have the colour that marks a match.
int markedPixels(const TextView *editor)
{
    const QImage image = editor->viewport()->grab().toImage();
    const QRgb mark = TextRenderer::matchBackground().rgb();
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) == mark ? 1 : 0;
    }
    return count;
}

QCheckBox *checkBox(const FindBar *bar, const QString &text)
{
    const QList<QCheckBox *> boxes = bar->findChildren<QCheckBox *>();
    const auto found = std::find_if(
        boxes.cbegin(), boxes.cend(), [&text](const QCheckBox *box) { return box->text() == text; });
    return found == boxes.cend() ? nullptr : *found;
}

// The selection as "line:column text" (0-based), to compare in one go.
QString selection(const TextView *editor)
{
    const TextPosition start = std::min(editor->anchorPosition(), editor->cursorPosition());
    return QStringLiteral("%1:%2 %3").arg(start.line).arg(start.column).arg(editor->selectedText());
}

} // namespace

class TestFind : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void init() { TestSupport::forgetWindowLayout(); }

    void ctrlFTakesTheSelection()
    {
        FindWindow w;
        QVERIFY(w.bar()->isHidden());
        // "commit_sha" on line 16, selected as with the mouse.
        w.editor(Pane::Left)->select({15, 2}, {15, 12});
        press(Qt::Key_F, Qt::ControlModifier);
        QVERIFY(w.bar()->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), w.bar()->lineEdit());
        QCOMPARE(w.bar()->lineEdit()->text(), QStringLiteral("commit_sha"));
        QCOMPARE(w.bar()->lineEdit()->selectedText(), QStringLiteral("commit_sha"));
        QCOMPARE(w.bar()->countText(), QStringLiteral("1 of 1 match"));
        QCOMPARE(selection(w.editor(Pane::Left)), QStringLiteral("15:2 commit_sha"));

        // Typing replaces the selected text; a selection over several lines is not taken.
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Phase"));
        QCOMPARE(w.bar()->lineEdit()->text(), QStringLiteral("Phase"));
        press(Qt::Key_Escape);
        w.editor(Pane::Left)->select({10, 0}, {12, 0});
        press(Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), w.bar()->lineEdit());
        QCOMPARE(w.bar()->lineEdit()->text(), QStringLiteral("Phase"));
        QCOMPARE(w.bar()->lineEdit()->selectedText(), QStringLiteral("Phase"));
        QVERIFY(w.unchanged());
    }

    void typeThenStepAndWrap()
    {
        FindWindow w;
        TextView *left = w.editor(Pane::Left);
        // From line 21 on, the first match is the short hash on line 37.
        left->setCursorPosition({20, 0});
        QVERIFY(w.find(QStringLiteral("3f9c2a7")));
        QCOMPARE(selection(left), QStringLiteral("36:53 3f9c2a7"));
        QCOMPARE(w.bar()->countText(), QStringLiteral("2 of 2 matches"));
        QCOMPARE(w.bar()->lineEdit()->text(), QStringLiteral("3f9c2a7"));

        // F3 from the line edit: around the end to the first, in the full hash on line 16.
        press(Qt::Key_F3);
        QCOMPARE(selection(left), QStringLiteral("15:15 3f9c2a7"));
        QCOMPARE(w.bar()->countText(), QStringLiteral("1 of 2 matches"));
        QCOMPARE(w.status(), QStringLiteral("Reached the end, continued from the top"));
        press(Qt::Key_F3);
        QCOMPARE(selection(left), QStringLiteral("36:53 3f9c2a7"));
        QCOMPARE(w.status(), QString());
        // Shift+F3: back, then around the top to the last.
        press(Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(selection(left), QStringLiteral("15:15 3f9c2a7"));
        press(Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(selection(left), QStringLiteral("36:53 3f9c2a7"));
        QCOMPARE(w.status(), QStringLiteral("Reached the top, continued from the end"));
        // Enter and Shift+Enter in the line edit do the same.
        QCOMPARE(QApplication::focusWidget(), w.bar()->lineEdit());
        press(Qt::Key_Return);
        QCOMPARE(selection(left), QStringLiteral("15:15 3f9c2a7"));
        QCOMPARE(w.status(), QStringLiteral("Reached the end, continued from the top"));
        press(Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(selection(left), QStringLiteral("36:53 3f9c2a7"));
        QCOMPARE(w.bar()->countText(), QStringLiteral("2 of 2 matches"));
        // The right pane was not searched: nothing selected there.
        QVERIFY(!w.editor(Pane::Right)->hasSelection());

        // F3 from the pane itself goes on from its selection.
        w.focusPane(Pane::Left);
        press(Qt::Key_F3);
        QCOMPARE(selection(left), QStringLiteral("15:15 3f9c2a7"));
        press(Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(selection(left), QStringLiteral("36:53 3f9c2a7"));
        QCOMPARE(QApplication::focusWidget(), left);
        // The cursor moved away: the count no longer names a match.
        left->setCursorPosition({0, 0});
        QCOMPARE(w.bar()->countText(), QStringLiteral("2 matches"));
        QVERIFY(w.unchanged());
    }

    void matchCaseAndWholeWordsChangeTheCount()
    {
        FindWindow w;
        QVERIFY(w.find(QStringLiteral("cutover")));
        // Any case: "Cutover" in the title first.
        QCOMPARE(selection(w.editor(Pane::Left)), QStringLiteral("0:10 Cutover"));
        QCOMPARE(w.bar()->countText(), QStringLiteral("1 of 9 matches"));
        QCheckBox *matchCase = checkBox(w.bar(), QStringLiteral("Match &case"));
        QCheckBox *wholeWords = checkBox(w.bar(), QStringLiteral("&Whole words"));
        QVERIFY(matchCase && wholeWords);
        // Alt+C: only "cutover" as typed; the selection goes on to the first of them.
        press(Qt::Key_C, Qt::AltModifier);
        QTRY_VERIFY(matchCase->isChecked());
        QCOMPARE(w.bar()->countText(), QStringLiteral("1 of 3 matches"));
        QCOMPARE(selection(w.editor(Pane::Left)), QStringLiteral("6:54 cutover"));
        press(Qt::Key_C, Qt::AltModifier);
        QTRY_VERIFY(!matchCase->isChecked());
        QCOMPARE(w.bar()->countText(), QStringLiteral("2 of 9 matches"));
        // Alt+W: not inside ENGINE_V2_CUTOVER_CHECKPOINT (the underscores join the words).
        press(Qt::Key_W, Qt::AltModifier);
        QTRY_VERIFY(wholeWords->isChecked());
        QCOMPARE(w.bar()->countText(), QStringLiteral("2 of 6 matches"));
        press(Qt::Key_F3);
        press(Qt::Key_F3);
        press(Qt::Key_F3);
        // Line 36's Cutover: the CUTOVER ones in the file names on lines 30 to 34 are passed over.
        QCOMPARE(selection(w.editor(Pane::Left)), QStringLiteral("35:11 Cutover"));
        QCOMPARE(w.bar()->countText(), QStringLiteral("5 of 6 matches"));
        QVERIFY(w.unchanged());
    }

    void bothPanesWalkIntoTheOtherPane()
    {
        FindWindow w;
        TextView *left = w.editor(Pane::Left);
        TextView *right = w.editor(Pane::Right);
        QVERIFY(w.find(QStringLiteral("3f9c2a7")));
        QCOMPARE(w.bar()->countText(), QStringLiteral("1 of 2 matches"));
        const int narrowest = w.window().minimumSizeHint().width();
        right->scrollToLine(30);
        QCOMPARE(markedPixels(right), 0);
        press(Qt::Key_B, Qt::AltModifier);
        QTRY_VERIFY(checkBox(w.bar(), QStringLiteral("&Both panes"))->isChecked());
        // The right record changed the full hash: only the short one on line 37 is left there.
        QCOMPARE(w.bar()->countText(), QStringLiteral("1 of 3 matches (2 left, 1 right)"));
        QVERIFY2(markedPixels(right) > 0, "the right pane's match is marked");
        // A longer count does not widen the window, which fits half of a 1920 px screen.
        QCOMPARE(w.window().minimumSizeHint().width(), narrowest);
        QVERIFY2(narrowest <= 960, qPrintable(QString::number(narrowest)));
        press(Qt::Key_F3);
        QCOMPARE(selection(left), QStringLiteral("36:53 3f9c2a7"));
        QCOMPARE(w.bar()->countText(), QStringLiteral("2 of 3 matches (2 left, 1 right)"));
        QCOMPARE(w.window().activePane(), Pane::Left);
        press(Qt::Key_F3);
        QCOMPARE(selection(right), QStringLiteral("36:53 3f9c2a7"));
        QCOMPARE(w.bar()->countText(), QStringLiteral("3 of 3 matches (2 left, 1 right)"));
        QCOMPARE(w.status(), QStringLiteral("Continued in the right pane"));
        QCOMPARE(w.window().activePane(), Pane::Right);
        // Past the right pane's last: around to the left pane's first.
        press(Qt::Key_F3);
        QCOMPARE(selection(left), QStringLiteral("15:15 3f9c2a7"));
        QCOMPARE(w.status(), QStringLiteral("Reached the end, continued from the top"));
        QCOMPARE(w.window().activePane(), Pane::Left);
        // And back, before the left pane's first: around to the right pane's last.
        press(Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(selection(right), QStringLiteral("36:53 3f9c2a7"));
        QCOMPARE(w.status(), QStringLiteral("Reached the top, continued from the end"));
        press(Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(selection(left), QStringLiteral("36:53 3f9c2a7"));
        QCOMPARE(w.status(), QStringLiteral("Continued in the left pane"));

        // Off again: the count is the left pane's alone.
        press(Qt::Key_B, Qt::AltModifier);
        QTRY_COMPARE(w.bar()->countText(), QStringLiteral("2 of 2 matches"));
        press(Qt::Key_Escape);
        QVERIFY(w.bar()->isHidden());
        QTRY_COMPARE(QApplication::focusWidget(), left);
        QVERIFY(w.unchanged());
    }

    void anEditIsCountedAtOnce()
    {
        FindWindow w;
        QVERIFY(w.find(QStringLiteral("3f9c2a7")));
        QCOMPARE(w.bar()->countText(), QStringLiteral("1 of 2 matches"));
        // Typed into the pane with the bar open, then undone.
        w.focusPane(Pane::Left);
        w.editor(Pane::Left)->setCursorPosition({0, 0});
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("3f9c2a7 "));
        QCOMPARE(w.bar()->countText(), QStringLiteral("3 matches"));
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.bar()->countText(), QStringLiteral("2 matches"));
        QVERIFY(w.unchanged());
    }

    void noMatchIsShown()
    {
        FindWindow w;
        QVERIFY(w.find(QString()));
        QLineEdit *edit = w.bar()->lineEdit();
        const QColor normal = edit->palette().color(QPalette::Base);
        QTest::keyClicks(edit, QStringLiteral("GO-LIVE"));
        QCOMPARE(w.bar()->countText(), QStringLiteral("No matches"));
        const QColor tinted = edit->palette().color(QPalette::Base);
        QVERIFY2(tinted.red() > tinted.green() + 40 && tinted.red() > tinted.blue() + 40,
            qPrintable(tinted.name()));
        // F3 finds nothing and moves nothing.
        const QString before = selection(w.editor(Pane::Left));
        press(Qt::Key_F3);
        QCOMPARE(selection(w.editor(Pane::Left)), before);
        // Back to "GO": matches again, the tint gone.
        for (int i = 0; i < 5; ++i)
            press(Qt::Key_Backspace);
        QCOMPARE(edit->text(), QStringLiteral("GO"));
        QCOMPARE(w.bar()->countText(), QStringLiteral("1 of 2 matches"));
        QCOMPARE(edit->palette().color(QPalette::Base), normal);
        QVERIFY(w.unchanged());
    }

    void escapeClosesAndTakesTheMarksAway()
    {
        FindWindow w;
        TextView *left = w.editor(Pane::Left);
        QCOMPARE(markedPixels(left), 0);
        QVERIFY(w.find(QStringLiteral("harbor")));
        QCOMPARE(w.bar()->countText(), QStringLiteral("1 of 6 matches"));
        // The other five are marked; the one selected shows as the selection.
        QVERIFY(markedPixels(left) > 0);
        QCOMPARE(markedPixels(w.editor(Pane::Right)), 0);
        // From a check box too, Escape closes the bar.
        press(Qt::Key_W, Qt::AltModifier);
        QTRY_VERIFY(checkBox(w.bar(), QStringLiteral("&Whole words"))->isChecked());
        QTRY_COMPARE(QApplication::focusWidget(), checkBox(w.bar(), QStringLiteral("&Whole words")));
        press(Qt::Key_Escape);
        QVERIFY(w.bar()->isHidden());
        QTRY_COMPARE(QApplication::focusWidget(), left);
        QCOMPARE(markedPixels(left), 0);
        // The match stays selected; typing in the pane types there again.
        QCOMPARE(left->selectedText(), QStringLiteral("Harbor"));
        QVERIFY(w.unchanged());

        // F3 brings the bar back, marks and all, and leaves the focus in the pane.
        press(Qt::Key_F3);
        QVERIFY(w.bar()->isVisible());
        QVERIFY(markedPixels(left) > 0);
        QCOMPARE(QApplication::focusWidget(), left);
        QCOMPARE(w.bar()->countText(), QStringLiteral("2 of 6 matches"));
        if (const QString shots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS"); !shots.isEmpty()) {
            press(Qt::Key_F, Qt::ControlModifier);
            press(Qt::Key_B, Qt::AltModifier);
            QTRY_VERIFY(checkBox(w.bar(), QStringLiteral("&Both panes"))->isChecked());
            const QString png = QDir(shots).filePath(QStringLiteral("find.png"));
            QVERIFY(w.window().grab().save(png));
            qInfo("saved %s", qPrintable(png));
        }
        QVERIFY(w.unchanged());
    }

    // Each keystroke searches at once and counts a slice at a time: typing never waits for the whole
    // text to be counted.
    void typingStaysQuickInAHugeText()
    {
        QString text;
        for (int line = 0; line < 100000; ++line) {
            text += line % 100 == 50 ? QStringLiteral("- repinned to `3f9c2a7` at step %1\n").arg(line)
                                     : QStringLiteral("- step %1 of the rehearsal: nominal\n").arg(line);
        }
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        TextView *editor = window.pane(Pane::Left)->editor();
        editor->setSource(SourceText::fromText(text));
        editor->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), editor);
        press(Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), window.findBar()->lineEdit());
        // The last key finds nothing anywhere: each search goes through every line.
        qint64 slowest = 0;
        for (const QChar c : QStringLiteral("3f9c2a7x")) {
            QElapsedTimer timer;
            timer.start();
            QTest::keyClicks(QApplication::focusWidget(), QString(c));
            slowest = std::max(slowest, timer.elapsed());
        }
        qInfo("slowest keystroke: %lld ms", slowest);
#if !defined(__SANITIZE_ADDRESS__)
        // About 40 ms here; a sanitizer build's figure says nothing of what a user sees.
        QVERIFY2(slowest < 300, qPrintable(QStringLiteral("a keystroke took %1 ms").arg(slowest)));
#endif
        QTRY_COMPARE(window.findBar()->countText(), QStringLiteral("No matches"));
        press(Qt::Key_Backspace);
        QCOMPARE(editor->selectedText(), QStringLiteral("3f9c2a7"));
        QCOMPARE(editor->cursorPosition().line, 50);
        QTRY_COMPARE(
            window.findBar()->countText(), QStringLiteral("1 of %1 matches").arg(QLocale().toString(1000)));
    }
};

QTEST_MAIN(TestFind)
#include "tst_find.moc"
