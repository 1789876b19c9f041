// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Records with enormous lines in the editor (a pasted image in base64, a minified blob): the end of a
// long line can be scrolled to, with the keyboard and with the scroll bars, wrapped or not; a line
// longer than LineFolds::foldLength is shown folded, and moving, selecting, copying, finding, editing
// and undoing work across its pieces with the text unchanged; a 10 MB line opens in the window, is
// painted and scrolled to its end.
#include "documentcontroller.h"
#include "linefolds.h"
#include "mainwindow.h"
#include "recordpane.h"
#include "testsupport.h"
#include "textview.h"

#include <QApplication>
#include <QClipboard>
#include <QFontMetricsF>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

// `length` characters of base64, as a pasted image gives them.
QString base64Blob(qsizetype length, quint32 seed = 1)
{
    QRandomGenerator random(seed);
    QByteArray raw(length * 3 / 4 + 4, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    return QString::fromLatin1(raw.toBase64().left(length));
}

// A short record whose third line (line 2) is "Attachment: " and base64, `length` characters in all.
QString recordWithLongLine(qsizetype length)
{
    const QString prefix = QStringLiteral("Attachment: ");
    return QStringLiteral("# Release record\n\n") + prefix + base64Blob(length - prefix.size()) +
        QStringLiteral("\n\n## Decision Outcome\n1. Runtime cutover execution: **GO**\n");
}

// The cursor as drawn, in viewport coordinates.
QRect cursorRect(TextView &view)
{
    return static_cast<QWidget &>(view).inputMethodQuery(Qt::ImCursorRectangle).toRect();
}

// The rectangle lies in the viewport.
bool inView(TextView &view, const QRect &rect)
{
    return view.viewport()->rect().contains(rect);
}

// Shows `text` in `view` (600x400, wrapped or not) and gives it the focus; false if it does not get it.
bool showFocused(TextView &view, const QString &text, bool wrap)
{
    view.resize(600, 400);
    view.setWordWrap(wrap);
    view.setSource(SourceText::fromText(text));
    view.show();
    view.activateWindow();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    view.setFocus();
    return QTest::qWaitFor([&view] { return QApplication::focusWidget() == &view; });
}

void keyClick(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(QApplication::focusWidget(), key, modifiers);
}

} // namespace

class TestLongLines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void initTestCase()
    {
        // The window keeps recent pairs and recovery copies: apart from the user's.
        QStandardPaths::setTestModeEnabled(true);
    }

    // End on a 4,000-character line brings its last characters into view: wrapped, the view scrolls
    // down through the line's rows; not wrapped, the horizontal scroll bar reaches the end of the
    // laid-out line (it stopped about 125 characters short: its range came from a rounded character
    // width), and Home goes back.
    void endKeyShowsTheEndOfALongLine_data()
    {
        QTest::addColumn<bool>("wrap");
        QTest::newRow("not wrapped") << false;
        QTest::newRow("wrapped") << true;
    }

    void endKeyShowsTheEndOfALongLine()
    {
        QFETCH(bool, wrap);
        const QString text = recordWithLongLine(4000);
        TextView view;
        QVERIFY(showFocused(view, text, wrap));
        keyClick(Qt::Key_Down);
        keyClick(Qt::Key_Down);
        keyClick(Qt::Key_End);
        QCOMPARE(view.cursorPosition(), (TextPosition{2, 4000}));
        view.viewport()->grab();
        const QRect end = cursorRect(view);
        QVERIFY2(inView(view, end),
            qPrintable(QStringLiteral("cursor at %1,%2 in a view of %3x%4")
                    .arg(end.x())
                    .arg(end.y())
                    .arg(view.viewport()->width())
                    .arg(view.viewport()->height())));
        // The characters before the cursor on its row are in view too.
        const int charWidth = qCeil(QFontMetricsF(view.font()).horizontalAdvance(u'x'));
        QVERIFY(end.x() - 3 * charWidth > 0);
        keyClick(Qt::Key_Home);
        QCOMPARE(view.cursorPosition(), (TextPosition{2, 0}));
        QVERIFY(inView(view, cursorRect(view)));
        QCOMPARE(view.toPlainText(), text);
    }

    // At the horizontal scroll bar's maximum, a click at the right edge of the view lands at the end
    // of the long line: nothing of it is out of reach.
    void scrollBarReachesTheEndOfALongLine()
    {
        TextView view;
        view.resize(600, 400);
        view.setWordWrap(false);
        view.setSource(SourceText::fromText(recordWithLongLine(4000)));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QScrollBar *bar = view.horizontalScrollBar();
        QVERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum());
        view.viewport()->grab();
        const auto [top, bottom] = view.lineSpan(2);
        QTest::mouseClick(
            view.viewport(), Qt::LeftButton, {}, QPoint(view.viewport()->width() - 3, int(top + bottom) / 2));
        QCOMPARE(view.cursorPosition(), (TextPosition{2, 4000}));
    }

    // Wrapped, a line taller than the view is scrolled through row by row: the vertical scroll bar
    // counts rows, and at its maximum the view shows the line's last row.
    void scrollBarScrollsThroughATallLine()
    {
        TextView view;
        view.resize(600, 400);
        const QString text = recordWithLongLine(4000);
        view.setSource(SourceText::fromText(text));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.viewport()->grab();
        const auto [top, bottom] = view.lineSpan(2);
        QVERIFY(bottom - top > view.viewport()->height());
        QScrollBar *bar = view.verticalScrollBar();
        bar->setValue(bar->maximum());
        view.viewport()->grab();
        bar->setValue(bar->maximum()); // the maximum, once the rows in view are known exactly
        view.viewport()->grab();
        // The last row of the long line and the lines after it are in view.
        QVERIFY(view.lineSpan(view.lineCount() - 1).second <= view.viewport()->height());
        QVERIFY(view.lineSpan(2).second > 0);
        // Half way, the view starts inside the long line.
        bar->setValue(bar->maximum() / 2);
        QCOMPARE(view.firstVisibleLine(), 2);
        QVERIFY(view.firstVisiblePosition().column > 0);
    }

    // A line of 25,000 characters is folded into three pieces of at most LineFolds::foldLength; the
    // text stays as it was, and the editing keys, the clipboard, find and undo work across pieces.
    void foldedLineKeepsItsTextAndEdits()
    {
        QString line = base64Blob(25000);
        line.replace(9997, 6, QStringLiteral("NEEDLE")); // across the first fold
        const QString text = QStringLiteral("# Title\n") + line + QStringLiteral("\n## After\n");
        TextView view;
        QVERIFY(showFocused(view, text, false));
        view.viewport()->grab();
        const qreal row = QFontMetricsF(view.font()).lineSpacing();
        const auto [top, bottom] = view.lineSpan(1);
        QCOMPARE(qRound((bottom - top) / row), 3); // three pieces, a row each
        QCOMPARE(view.toPlainText(), text);
        // Folded lines are not highlighted; the lines after one still are.
        QVERIFY(view.lineFormats(1).isEmpty());
        QVERIFY(!view.lineFormats(2).isEmpty());

        // Across a fold, character by character and row by row.
        view.setCursorPosition({1, LineFolds::foldLength - 2});
        for (int i = 0; i < 3; ++i)
            keyClick(Qt::Key_Right);
        QCOMPARE(view.cursorPosition(), (TextPosition{1, LineFolds::foldLength + 1}));
        for (int i = 0; i < 3; ++i)
            keyClick(Qt::Key_Left);
        QCOMPARE(view.cursorPosition(), (TextPosition{1, LineFolds::foldLength - 2}));
        view.setCursorPosition({1, 5});
        keyClick(Qt::Key_Down);
        QCOMPARE(view.cursorPosition(), (TextPosition{1, LineFolds::foldLength + 5}));
        keyClick(Qt::Key_Down);
        QCOMPARE(view.cursorPosition(), (TextPosition{1, 2 * LineFolds::foldLength + 5}));
        keyClick(Qt::Key_Down);
        QCOMPARE(view.cursorPosition().line, 2);
        keyClick(Qt::Key_Up);
        QCOMPARE(view.cursorPosition(), (TextPosition{1, 2 * LineFolds::foldLength + 5}));
        keyClick(Qt::Key_End);
        QCOMPARE(view.cursorPosition(), (TextPosition{1, 25000}));
        view.viewport()->grab();
        QVERIFY(inView(view, cursorRect(view)));

        // Select the whole line and copy it.
        keyClick(Qt::Key_Home, Qt::ShiftModifier);
        QCOMPARE(view.selectedText(), line);
        keyClick(Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), line);

        // Find what lies across a fold.
        view.setCursorPosition({0, 0});
        QVERIFY(view.find(QStringLiteral("NEEDLE")));
        QCOMPARE(view.selectedText(), QStringLiteral("NEEDLE"));
        QCOMPARE(view.cursorPosition(), (TextPosition{1, 10003}));
        view.viewport()->grab();
        QVERIFY(inView(view, cursorRect(view)));

        // Type at a fold, then undo.
        view.setCursorPosition({1, LineFolds::foldLength});
        keyClick(Qt::Key_X);
        QCOMPARE(view.cursorPosition(), (TextPosition{1, LineFolds::foldLength + 1}));
        QString typed = text;
        typed.insert(QStringLiteral("# Title\n").size() + LineFolds::foldLength, u'x');
        QCOMPARE(view.toPlainText(), typed);
        view.viewport()->grab();
        keyClick(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(view.toPlainText(), text);
        QVERIFY(!view.isModified());
        // Joining it with the line before, and undoing that.
        view.setCursorPosition({1, 0});
        keyClick(Qt::Key_Backspace);
        QCOMPARE(view.lineCount(), 3);
        view.viewport()->grab();
        keyClick(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(view.toPlainText(), text);
    }

    // A record with a 10 MB line (and the sample record's lines around it) opens in the window, is
    // painted, and its end is reached with the keys; the text is what the file holds.
    void tenMegabyteLineOpensAndScrollsToItsEnd()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray bytes =
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        const QString blob = QStringLiteral("Attachment: ") + base64Blob(10 * 1000 * 1000);
        bytes += '\n' + blob.toLatin1() + '\n';
        const QString path = dir.filePath(QStringLiteral("record-with-blob.md"));
        QVERIFY(TestSupport::writeBytes(path, bytes));

        MainWindow window;
        window.resize(1200, 800);
        window.documents(Pane::Right)->setRecoveryPolicy(DocumentController::RecoveryPolicy::Discard);
        QCOMPARE(window.documents(Pane::Right)->openFile(path), QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.grab().isNull());
        RecordPane *pane = window.pane(Pane::Right);
        TextView *editor = pane->editor();
        editor->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(editor));
        keyClick(Qt::Key_End, Qt::ControlModifier);
        keyClick(Qt::Key_Up);
        keyClick(Qt::Key_End);
        const int blobLine = editor->lineCount() - 2;
        QCOMPARE(editor->cursorPosition(), (TextPosition{blobLine, int(blob.size())}));
        QVERIFY(!window.grab().isNull());
        QVERIFY(inView(*editor, cursorRect(*editor)));
        QCOMPARE(editor->firstVisibleLine(), blobLine);
        QVERIFY(editor->firstVisiblePosition().column > int(blob.size()) - 10000);
        // And back to its start.
        keyClick(Qt::Key_Home);
        QVERIFY(!window.grab().isNull());
        QVERIFY(inView(*editor, cursorRect(*editor)));
        QVERIFY(editor->buffer().line(blobLine) == blob);
        QVERIFY(pane->currentBytes() == bytes);
        QVERIFY(!pane->isModified());
    }
};

QTEST_MAIN(TestLongLines)
#include "tst_longlines.moc"
