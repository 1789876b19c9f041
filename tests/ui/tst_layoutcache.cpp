// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// LayoutCache, the laid-out lines of the editor: bounded however far a view scrolls, highlighting
// asked once per line until dropped, drops that keep what they can (lines before an edit, lines
// whose word marks did not change), and line heights that agree with the layouts.
#include "layoutcache.h"

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
        cache.setWordTint(tint);
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

        cache.setWordTint(Qt::green);
        QCOMPARE(cache.layoutCount(), 0);
        QVERIFY(hasBackground(cache.layout(3), Qt::green));
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
