// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// TextView, the editor of each pane: typing, cursor keys, selection, the clipboard, undo; lazy layout
// of large texts; highlighting that follows edits and corrects assumed states; word wrap.
#include "textview.h"

#include <QApplication>
#include <QClipboard>
#include <QFontMetrics>
#include <QSignalSpy>
#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;

namespace {

SourceText sourceOf(const QString &text)
{
    return SourceText::fromText(text);
}

// Whether any range of `formats` is bold: KSyntaxHighlighting's Markdown makes headings bold.
bool hasBold(const QList<QTextLayout::FormatRange> &formats)
{
    return std::any_of(formats.cbegin(), formats.cend(),
        [](const QTextLayout::FormatRange &range) { return range.format.fontWeight() == QFont::Bold; });
}

class ShownView
{
public:
    explicit ShownView(const QString &text)
    {
        view.resize(600, 400);
        view.setSource(sourceOf(text));
        view.show();
        view.setFocus();
        view.activateWindow();
    }
    TextView view;
};

} // namespace

class TestTextView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingIsUndoneAsOneStep()
    {
        ShownView shown(QStringLiteral("# Title\n\nbody\n"));
        TextView &view = shown.view;
        QSignalSpy modified(&view, &TextView::modificationChanged);
        QSignalSpy edited(&view, &TextView::textEdited);
        view.setCursorPosition({2, 0});
        QTest::keyClicks(&view, QStringLiteral("new "));
        QCOMPARE(view.toPlainText(), QStringLiteral("# Title\n\nnew body\n"));
        QCOMPARE(view.cursorPosition(), (TextPosition{2, 4}));
        QCOMPARE(edited.count(), 4);
        QCOMPARE(modified.count(), 1);
        QVERIFY(view.isModified());

        QTest::keyClick(&view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(view.toPlainText(), QStringLiteral("# Title\n\nbody\n"));
        QVERIFY(!view.isModified());
        QCOMPARE(modified.last().first().toBool(), false);
        QTest::keyClick(&view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(view.toPlainText(), QStringLiteral("# Title\n\nnew body\n"));
    }

    // A key with Ctrl, Alt or Meta is a command, never text, whatever text the platform attaches
    // to it (X11 gives Alt+V the text "v"); a character typed with AltGr is text.
    void commandKeysNeverType_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("typed");
        QTest::newRow("Alt+V (View menu)") << int(Qt::Key_V) << int(Qt::AltModifier) << u"v"_s << QString();
        QTest::newRow("Alt+Z (wrap)") << int(Qt::Key_Z) << int(Qt::AltModifier) << u"z"_s << QString();
        QTest::newRow("Alt+S (scroll in step)")
            << int(Qt::Key_S) << int(Qt::AltModifier) << u"s"_s << QString();
        QTest::newRow("Alt+Shift+F") << int(Qt::Key_F) << int(Qt::AltModifier | Qt::ShiftModifier) << u"F"_s
                                     << QString();
        QTest::newRow("Alt+1") << int(Qt::Key_1) << int(Qt::AltModifier) << u"1"_s << QString();
        QTest::newRow("Meta+V") << int(Qt::Key_V) << int(Qt::MetaModifier) << u"v"_s << QString();
        QTest::newRow("Ctrl+G") << int(Qt::Key_G) << int(Qt::ControlModifier) << u"g"_s << QString();
        QTest::newRow("Ctrl+Alt+O (its own letter)")
            << int(Qt::Key_O) << int(Qt::ControlModifier | Qt::AltModifier) << u"o"_s << QString();
        QTest::newRow("AltGr+Q, German layout (group switch)")
            << int(Qt::Key_At) << int(Qt::GroupSwitchModifier) << u"@"_s << u"@"_s;
        QTest::newRow("AltGr+E, German layout (as Ctrl+Alt)")
            << int(Qt::Key_E) << int(Qt::ControlModifier | Qt::AltModifier) << u"€"_s << u"€"_s;
        QTest::newRow("AltGr+8, German layout")
            << int(Qt::Key_BracketLeft) << int(Qt::GroupSwitchModifier) << u"["_s << u"["_s;
        QTest::newRow("Shift+A") << int(Qt::Key_A) << int(Qt::ShiftModifier) << u"A"_s << u"A"_s;
    }

    void commandKeysNeverType()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(QString, text);
        QFETCH(QString, typed);
        ShownView shown(QStringLiteral("**GO**\n"));
        TextView &view = shown.view;
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(&view));
        view.setCursorPosition({0, 6});
        QTest::sendKeyEvent(
            QTest::Click, QApplication::focusWidget(), Qt::Key(key), text, Qt::KeyboardModifiers(modifiers));
        QCOMPARE(view.toPlainText(), QStringLiteral("**GO**%1\n").arg(typed));
        QCOMPARE(view.isModified(), !typed.isEmpty());
    }

    void cursorKeysAndLineBreaks()
    {
        ShownView shown(QStringLiteral("alpha beta\n  gamma\n"));
        TextView &view = shown.view;
        view.setCursorPosition({0, 0});
        QTest::keyClick(&view, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(view.cursorPosition(), (TextPosition{0, 6}));
        QTest::keyClick(&view, Qt::Key_End);
        QCOMPARE(view.cursorPosition(), (TextPosition{0, 10}));
        QTest::keyClick(&view, Qt::Key_Right); // past the end of a line: the next line
        QCOMPARE(view.cursorPosition(), (TextPosition{1, 0}));
        QTest::keyClick(&view, Qt::Key_Home); // to the indentation first
        QCOMPARE(view.cursorPosition(), (TextPosition{1, 2}));
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(view.cursorPosition(), (TextPosition{1, 0}));
        QTest::keyClick(&view, Qt::Key_Backspace); // joins the lines
        QCOMPARE(view.toPlainText(), QStringLiteral("alpha beta  gamma\n"));
        QCOMPARE(view.cursorPosition(), (TextPosition{0, 10}));
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(view.toPlainText(), QStringLiteral("alpha beta\n  gamma\n"));
        QTest::keyClick(&view, Qt::Key_Delete);
        QCOMPARE(view.toPlainText(), QStringLiteral("alpha beta\n gamma\n"));
        QTest::keyClick(&view, Qt::Key_Up);
        QCOMPARE(view.cursorPosition().line, 0);
        QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(view.cursorPosition(), (TextPosition{2, 0}));
        QTest::keyClick(&view, Qt::Key_Backspace, Qt::ControlModifier); // deletes back to the word start
        QTest::keyClick(&view, Qt::Key_Backspace, Qt::ControlModifier);
        QCOMPARE(view.toPlainText(), QStringLiteral("alpha beta\n "));
    }

    void selectionAndClipboard()
    {
        ShownView shown(QStringLiteral("one two\nthree\n"));
        TextView &view = shown.view;
        view.setCursorPosition({0, 4});
        QTest::keyClick(&view, Qt::Key_End, Qt::ShiftModifier);
        QCOMPARE(view.selectedText(), QStringLiteral("two"));
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("two"));
        QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClick(&view, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(view.toPlainText(), QStringLiteral("one two\nthree\ntwo"));
        // A selection across lines, cut.
        view.setCursorPosition({0, 3});
        view.setCursorPosition({1, 3}, true);
        QCOMPARE(view.selectedText(), QStringLiteral(" two\nthr"));
        QTest::keyClick(&view, Qt::Key_X, Qt::ControlModifier);
        QCOMPARE(view.toPlainText(), QStringLiteral("oneee\ntwo"));
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral(" two\nthr"));
        // Typing replaces a selection; select all and type.
        QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(&view, QStringLiteral("x"));
        QCOMPARE(view.toPlainText(), QStringLiteral("x"));
    }

    void mouseSetsTheCursorAndSelectsWords()
    {
        ShownView shown(QStringLiteral("first line\nsecond line here\n"));
        TextView &view = shown.view;
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto [top, bottom] = view.lineSpan(1);
        const int x = view.viewport()->width() / 2;
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(x, int((top + bottom) / 2)));
        QCOMPARE(view.cursorPosition().line, 1);
        QVERIFY(view.cursorPosition().column > 0);
        // Double click inside "second" (where the cursor is drawn at column 2): the word.
        view.setCursorPosition({1, 2});
        const QPoint inside =
            static_cast<QWidget &>(view).inputMethodQuery(Qt::ImCursorRectangle).toRect().center();
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, inside);
        QCOMPARE(view.selectedText(), QStringLiteral("second"));
    }

    // A text of 300,000 lines: opened and painted with a few dozen lines laid out, wherever it is
    // scrolled to.
    void largeTextsAreLaidOutLazily()
    {
        QString text;
        for (int i = 0; i < 300000; ++i)
            text += QStringLiteral("- item %1: `value`\n").arg(i);
        ShownView shown(text);
        TextView &view = shown.view;
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.viewport()->grab();
        QVERIFY(view.laidOutLineCount() > 10);
        QVERIFY(view.laidOutLineCount() < 1000);
        view.scrollToLine(250000);
        QCOMPARE(view.firstVisibleLine(), 250000);
        view.viewport()->grab();
        QVERIFY(view.laidOutLineCount() < 1000);
        QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(view.cursorPosition(), (TextPosition{300000, 0}));
        QVERIFY(view.firstVisibleLine() > 299900);
    }

    // Opening a fenced code block turns the headings after it into code; undoing it brings them
    // back. The states after an edit are recomputed as far as they change.
    void highlightingFollowsEdits()
    {
        ShownView shown(QStringLiteral("intro\n\n# One\n\ntext\n\n# Two\n"));
        TextView &view = shown.view;
        QVERIFY(view.isHighlighted());
        QVERIFY(hasBold(view.lineFormats(2)));
        QVERIFY(hasBold(view.lineFormats(6)));
        view.setCursorPosition({1, 0});
        QTest::keyClicks(&view, QStringLiteral("```"));
        QVERIFY(!hasBold(view.lineFormats(2)));
        QVERIFY(!hasBold(view.lineFormats(6)));
        QTest::keyClick(&view, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(hasBold(view.lineFormats(2)));
        QVERIFY(hasBold(view.lineFormats(6)));
    }

    // Far from the lines seen so far, a line is first highlighted from an assumed state; the exact
    // state is then worked out in the background and the line corrected.
    void farLinesAreCorrectedInTheBackground()
    {
        QString text = QStringLiteral("```\n");
        for (int i = 0; i < 20000; ++i)
            text += i % 10 == 0 ? QStringLiteral("# inside the code block\n") : QStringLiteral("code\n");
        ShownView shown(text);
        TextView &view = shown.view;
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.scrollToLine(19001);
        view.viewport()->grab();
        // Assumed: a plain state, where "#" starts a heading.
        QVERIFY(!view.isHighlightExact());
        QVERIFY(hasBold(view.lineFormats(19001)));
        QTRY_VERIFY_WITH_TIMEOUT(view.isHighlightExact(), 20000);
        QVERIFY(!hasBold(view.lineFormats(19001)));
    }

    void wordWrap()
    {
        const QString longLine = QStringLiteral("word ").repeated(200);
        ShownView shown(longLine + QStringLiteral("\nshort\n"));
        TextView &view = shown.view;
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const qreal row = QFontMetrics(view.font()).lineSpacing();
        QVERIFY(view.wordWrap());
        auto [top, bottom] = view.lineSpan(0);
        QVERIFY(bottom - top >= 3 * row);
        view.setWordWrap(false);
        std::tie(top, bottom) = view.lineSpan(0);
        QCOMPARE(bottom - top, row);
        QCOMPARE(view.lineSpan(1).first, row);
    }
};

QTEST_MAIN(TestTextView)
#include "tst_textview.moc"
