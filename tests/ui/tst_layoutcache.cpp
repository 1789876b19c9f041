// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// LayoutCache, the laid-out lines of the editor: bounded however far a view scrolls, highlighting
// asked once per line until dropped, drops that keep what they can (lines before an edit, lines
// whose word marks did not change), and line heights that agree with the layouts. Under it,
// LineFolds (long lines folded into pieces, kept in step with edits) and RowIndex (the rows of every
// visual line, for the vertical scroll bar).
#include "appearance.h"
#include "contrast.h"
#include "layoutcache.h"
#include "linefolds.h"
#include "rowindex.h"

#include <QFontDatabase>
#include <QTest>

using namespace Countersign;

namespace {

TextBuffer bufferOf(const QString &text)
{
    return TextBuffer(SourceText::fromText(text));
}

QString numberedLines(int count)
{
    QString text;
    for (int i = 0; i < count; ++i)
        text += QStringLiteral("- item %1: `value`\n").arg(i);
    return text;
}

// A highlight function that records which lines it was asked for and makes the first character of
// every line bold.
struct Recorder
{
    QList<std::pair<int, int>> calls;
    LayoutCache::Highlight function()
    {
        return [this](int first, int last) {
            calls.append({first, last});
            QTextCharFormat bold;
            bold.setFontWeight(QFont::Bold);
            return QList<LayoutCache::Formats>(last - first + 1, {{0, 1, bold}});
        };
    }
};

// Whether `folds` maps every line and visual line as folding `buffer` afresh does.
bool sameAsFresh(const LineFolds &folds, const TextBuffer &buffer)
{
    const LineFolds fresh(buffer);
    if (folds.visualLineCount() != fresh.visualLineCount())
        return false;
    for (int visual = 0; visual < fresh.visualLineCount(); ++visual) {
        if (!(folds.pieceAt(visual) == fresh.pieceAt(visual)))
            return false;
    }
    for (int line = 0; line <= buffer.lineCount(); ++line) {
        if (folds.visualLine(line) != fresh.visualLine(line))
            return false;
    }
    return true;
}

bool hasBackground(const QTextLayout *layout, const QColor &color)
{
    const QList<QTextLayout::FormatRange> formats = layout->formats();
    return std::any_of(formats.cbegin(), formats.cend(), [&color](const QTextLayout::FormatRange &range) {
        return range.format.background().color() == color;
    });
}

} // namespace

class TestLayoutCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Scrolling page by page through 100,000 lines keeps a few hundred layouts, those near the view.
    void layoutsStayBoundedWhileScrolling()
    {
        const TextBuffer buffer = bufferOf(numberedLines(100000));
        LayoutCache cache(buffer);
        cache.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        cache.setWrapWidth(400);
        constexpr int rows = 40;
        int most = 0;
        for (int first = 0; first < buffer.lineCount(); first += 250) {
            cache.setView(first, rows);
            for (int line = first; line < std::min(first + rows, buffer.lineCount()); ++line)
                QVERIFY(cache.layout(line));
            most = std::max(most, cache.layoutCount());
        }
        QVERIFY(most >= rows);
        QVERIFY2(most < 1000, qPrintable(QString::number(most)));
        // The lines in view are among those kept.
        const int count = cache.layoutCount();
        cache.layout(buffer.lineCount() - 1);
        QCOMPARE(cache.layoutCount(), count);
    }

    // A line's highlighting is asked for once, with a page of lines either side, until it is dropped.
    void highlightsOncePerLine()
    {
        const TextBuffer buffer = bufferOf(numberedLines(100));
        LayoutCache cache(buffer);
        Recorder recorder;
        cache.setHighlight(recorder.function());
        cache.setView(0, 10);
        const QTextLayout *layout = cache.layout(50);
        QCOMPARE(recorder.calls, (QList<std::pair<int, int>>{{40, 60}}));
        QCOMPARE(layout->formats().size(), 1);
        QCOMPARE(cache.lineFormats(45).size(), 1);
        cache.layout(55);
        QCOMPARE(recorder.calls.size(), 1);
        cache.prepareLines(55, 70);
        QCOMPARE(recorder.calls.last(), (std::pair<int, int>{61, 70}));
        cache.clear();
        QCOMPARE(cache.layoutCount(), 0);
        cache.lineFormats(50);
        QCOMPARE(recorder.calls.last(), (std::pair<int, int>{50, 50}));
    }

    // An edit drops the lines from the edited one on; the lines before it stay laid out and
    // highlighted.
    void droppingFromALineKeepsEarlierLines()
    {
        const TextBuffer buffer = bufferOf(numberedLines(100));
        LayoutCache cache(buffer);
        Recorder recorder;
        cache.setHighlight(recorder.function());
        cache.setView(0, 30);
        for (int line = 0; line < 20; ++line)
            cache.layout(line);
        QCOMPARE(cache.layoutCount(), 20);
        const QTextLayout *kept = cache.layout(5);
        cache.dropFrom(10);
        QCOMPARE(cache.layoutCount(), 10);
        const qsizetype calls = recorder.calls.size();
        QCOMPARE(cache.layout(5), kept);
        QCOMPARE(recorder.calls.size(), calls);
        cache.layout(12);
        QCOMPARE(recorder.calls.size(), calls + 1);
        QCOMPARE(recorder.calls.last().first, 10);
        QCOMPARE(cache.layoutCount(), 11);
    }

    // Word marks are formats of the layout; changing the marks of one line lays out that line only,
    // changing the tint lays out every line.
    void wordMarksRelayOutTheirLines()
    {
        const TextBuffer buffer = bufferOf(numberedLines(20));
        LayoutCache cache(buffer);
        const QColor tint(Qt::yellow);
        cache.setTints(QColor(), tint);
        QHash<int, LineMark> marks{{3, {4, DiffRow::Kind::Changed, {{2, 4}}}}};
        cache.setWordMarks(marks);
        for (int line = 0; line < 10; ++line)
            cache.layout(line);
        QVERIFY(hasBackground(cache.layout(3), tint));
        QVERIFY(!hasBackground(cache.layout(4), tint));

        marks.insert(4, {5, DiffRow::Kind::Changed, {{0, 1}}});
        cache.setWordMarks(marks);
        QCOMPARE(cache.layoutCount(), 9);
        QVERIFY(hasBackground(cache.layout(4), tint));
        marks.insert(4, {5, DiffRow::Kind::Added, {{0, 1}}}); // same words: nothing to lay out
        cache.setWordMarks(marks);
        QCOMPARE(cache.layoutCount(), 10);

        cache.setTints(QColor(), Qt::green);
        QCOMPARE(cache.layoutCount(), 0);
        QVERIFY(hasBackground(cache.layout(3), Qt::green));
    }

    // Text too faint for what it is drawn on is drawn lighter (on a dark base) until it reads at
    // 4.5:1: on the base, and on a changed line on its word tint over its line tint; colours that
    // read already stay as they are.
    void faintTextIsDrawnReadable()
    {
        const TextBuffer buffer = bufferOf(numberedLines(4));
        LayoutCache cache(buffer);
        const QColor base(0x23, 0x26, 0x29), faint(0x8e, 0x44, 0xad), clear(0xee, 0xee, 0xee);
        cache.setHighlight([faint](int first, int last) {
            QTextCharFormat purple;
            purple.setForeground(faint);
            return QList<LayoutCache::Formats>(last - first + 1, {{0, 2, purple}});
        });
        cache.setColors(base, clear);
        const QColor lineTint(46, 160, 67, 45), wordTint(46, 160, 67, 130);
        cache.setTints(lineTint, wordTint);
        cache.setWordMarks({{2, {3, DiffRow::Kind::Changed, {{0, 4}}}}});
        const auto drawn = [&cache](int line, int at) {
            QColor color;
            for (const QTextLayout::FormatRange &range : cache.layout(line)->formats()) {
                if (at >= range.start && at < range.start + range.length &&
                    range.format.hasProperty(QTextFormat::ForegroundBrush))
                    color = range.format.foreground().color();
            }
            return color;
        };
        const auto ratio = [](const QColor &a, const QColor &b) { return TestSupport::contrast(a, b); };
        const QColor onBase = drawn(0, 0);
        QVERIFY(ratio(faint, base) < 3); // the theme's colour, as it is
        QVERIFY2(ratio(onBase, base) >= 4.5, qPrintable(onBase.name()));
        QVERIFY(onBase.lightness() > faint.lightness());
        QVERIFY(onBase.blue() > onBase.green()); // still purple
        QCOMPARE(drawn(0, 3), clear); // the normal text reads: unchanged
        const QColor under = Appearance::over(wordTint, Appearance::over(lineTint, base));
        QVERIFY2(ratio(drawn(2, 0), under) >= 4.5, qPrintable(drawn(2, 0).name()));
        QVERIFY2(ratio(drawn(2, 3), under) >= 4.5, qPrintable(drawn(2, 3).name()));
        QVERIFY(ratio(clear, under) < 4.5 || drawn(2, 3) == clear);
    }

    // A line longer than LineFolds::foldLength is shown as pieces of that length; visual lines map
    // to pieces and back; edits fold what they changed and shift the rest.
    void foldsLongLines()
    {
        constexpr int fold = LineFolds::foldLength;
        // 0 short, 1 three pieces, 2 short, 3 exactly the fold length (one piece), 4 two pieces, 5 short
        TextBuffer buffer =
            bufferOf(QStringLiteral("short\n") + QString(2 * fold + 5, u'a') + QStringLiteral("\nmiddle\n") +
                QString(fold, u'b') + u'\n' + QString(fold + 1, u'c') + QStringLiteral("\nend"));
        LineFolds folds(buffer);
        QCOMPARE(folds.pieceCount(0), 1);
        QCOMPARE(folds.pieceCount(1), 3);
        QVERIFY(!folds.isFolded(3));
        QCOMPARE(folds.pieceCount(4), 2);
        QCOMPARE(folds.visualLineCount(), 9);
        QCOMPARE(folds.visualLine(2), 4);
        QCOMPARE(folds.visualLine(5), 8);
        QCOMPARE(folds.visualLine(6), 9);
        QCOMPARE(folds.pieceAt(0), (LineFolds::Piece{0, 0}));
        QCOMPARE(folds.pieceAt(3), (LineFolds::Piece{1, 2}));
        QCOMPARE(folds.pieceAt(4), (LineFolds::Piece{2, 0}));
        QCOMPARE(folds.pieceAt(7), (LineFolds::Piece{4, 1}));
        QCOMPARE(folds.pieceAt(8), (LineFolds::Piece{5, 0}));
        QCOMPARE(folds.pieceStart(1, 2), 2 * fold);
        QCOMPARE(folds.pieceEnd(1, 2), 2 * fold + 5);
        QCOMPARE(folds.pieceEnd(4, 1), fold + 1);
        QCOMPARE(folds.visualLine(TextPosition{1, fold - 1}), 1);
        QCOMPARE(folds.visualLine(TextPosition{1, fold}), 2); // where a piece starts is in it
        QCOMPARE(folds.visualLine(TextPosition{1, 2 * fold + 5}), 3); // the end, in the last piece

        // Join "middle" with the b's (now folded), split the a's, remove the c's, undo it all.
        LineChange change;
        buffer.replace({2, 6}, {3, 0}, QString(), &change);
        folds.linesChanged(change);
        QCOMPARE(folds.pieceCount(2), 2);
        QVERIFY(sameAsFresh(folds, buffer));
        buffer.replace({1, 5000}, {1, 5000}, QStringLiteral("\n"), &change);
        folds.linesChanged(change);
        QCOMPARE(folds.pieceCount(1), 1);
        QCOMPARE(folds.pieceCount(2), 2);
        QVERIFY(sameAsFresh(folds, buffer));
        buffer.replace({4, 0}, {5, 0}, QString(), &change);
        folds.linesChanged(change);
        QVERIFY(sameAsFresh(folds, buffer));
        while (buffer.canUndo()) {
            buffer.undo(&change);
            folds.linesChanged(change);
            QVERIFY(sameAsFresh(folds, buffer));
        }
        QCOMPARE(folds.visualLineCount(), 9);
    }

    // A piece never starts inside a surrogate pair or on a combining mark.
    void foldsKeepCharactersWhole()
    {
        constexpr int fold = LineFolds::foldLength;
        QString line(fold - 1, u'x');
        line += QStringLiteral("\U0001F600"); // 😀: a surrogate pair across the fold
        line += QString(fold - 2, u'y');
        line += QStringLiteral("e\u0301\u0301z"); // e and two combining acute accents
        const TextBuffer buffer = bufferOf(line);
        const LineFolds folds(buffer);
        QCOMPARE(folds.pieceCount(0), 3);
        QCOMPARE(folds.pieceStart(0, 1), fold + 1);
        QCOMPARE(folds.pieceStart(0, 2), 2 * fold + 2);
        QCOMPARE(buffer.line(0).at(folds.pieceStart(0, 2)), u'z');
    }

    // RowIndex: where each line's rows start and which line a row is in, through changes.
    void rowIndex()
    {
        RowIndex rows;
        rows.reset({1, 3, 1, 2}, false);
        QCOMPARE(rows.totalRows(), 7);
        QCOMPARE(rows.rowOf(0), 0);
        QCOMPARE(rows.rowOf(2), 4);
        QCOMPARE(rows.rowOf(4), 7);
        QCOMPARE(rows.lineAt(0), (std::pair{0, 0}));
        QCOMPARE(rows.lineAt(3), (std::pair{1, 2}));
        QCOMPARE(rows.lineAt(4), (std::pair{2, 0}));
        QCOMPARE(rows.lineAt(6), (std::pair{3, 1}));
        QCOMPARE(rows.lineAt(100), (std::pair{3, 1})); // clamped
        QVERIFY(!rows.isExact(1));
        QVERIFY(rows.setRows(1, 1));
        QVERIFY(rows.isExact(1));
        QVERIFY(!rows.setRows(1, 1));
        QCOMPARE(rows.totalRows(), 5);
        QCOMPARE(rows.lineAt(2), (std::pair{2, 0}));
        rows.replace(1, 2, {5});
        QCOMPARE(rows.lineCount(), 3);
        QCOMPARE(rows.totalRows(), 8);
        QCOMPARE(rows.lineAt(5), (std::pair{1, 4}));
        QCOMPARE(rows.lineAt(6), (std::pair{2, 0}));
        QVERIFY(!rows.isExact(1));
        // Lines take a row at least.
        rows.replace(0, 0, {0, 0});
        QCOMPARE(rows.totalRows(), 10);
        QCOMPARE(rows.rowOf(2), 2);
    }

    // The pieces of a folded line are laid out one by one, never the whole line; the diff's word
    // tints are cut to each piece, and a folded line is not highlighted.
    void foldedLinesAreLaidOutByPiece()
    {
        constexpr int fold = LineFolds::foldLength;
        const TextBuffer buffer = bufferOf(QStringLiteral("# Title\n") + QString(3 * fold, u'a') + u'\n');
        LayoutCache cache(buffer);
        Recorder recorder;
        cache.setHighlight(recorder.function());
        cache.setWrap(false);
        const QColor tint(Qt::yellow);
        cache.setTints(QColor(), tint);
        const QHash<int, LineMark> marks{{1, {2, DiffRow::Kind::Changed, {{fold - 2, 4}}}}};
        cache.setWordMarks(marks);
        QCOMPARE(cache.visualLineCount(), 5);
        QCOMPARE(cache.layout(2)->text().size(), fold);
        QCOMPARE(cache.layoutCount(), 1);
        QVERIFY(hasBackground(cache.layout(1), tint));
        QVERIFY(hasBackground(cache.layout(2), tint));
        QVERIFY(!hasBackground(cache.layout(3), tint));
        const QList<QTextLayout::FormatRange> formats = cache.layout(2)->formats();
        QCOMPARE(formats.size(), 1);
        QCOMPARE(formats.first().start, 0);
        QCOMPARE(formats.first().length, 2);
        QVERIFY(cache.lineFormats(1).isEmpty());
        QCOMPARE(cache.lineFormats(0).size(), 1);
        QCOMPARE(cache.rows().totalRows(), 5);
        QCOMPARE(cache.position(3, 7), (TextPosition{1, 2 * fold + 7}));
    }

    // A long line wraps at the wrap width; measured (not laid out), it has as many rows as laid out.
    void wrappedLineHeights()
    {
        const TextBuffer buffer =
            bufferOf(QStringLiteral("word ").repeated(200) + QStringLiteral("\nshort\n"));
        LayoutCache cache(buffer);
        cache.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        cache.setWrapWidth(300);
        const qreal row = cache.rowHeight();
        const qreal measured = cache.lineHeight(0);
        QVERIFY(measured >= 3 * row);
        QCOMPARE(cache.layoutCount(), 0);
        QCOMPARE(cache.layout(0)->lineCount(), qRound(measured / row));
        QCOMPARE(cache.lineHeight(1), row);

        cache.setWrapWidth(600);
        QCOMPARE(cache.layoutCount(), 0);
        QVERIFY(cache.lineHeight(0) < measured);
        cache.setWrap(false);
        QCOMPARE(cache.lineHeight(0), row);
        QCOMPARE(cache.layout(0)->lineCount(), 1);
        cache.setWrapWidth(300); // without wrapping the width changes nothing
        QCOMPARE(cache.layoutCount(), 1);
    }
};

QTEST_MAIN(TestLayoutCache)
#include "tst_layoutcache.moc"
