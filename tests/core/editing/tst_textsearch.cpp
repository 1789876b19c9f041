// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// TextSearch and MatchCount: matches in a line with and without case and whole words, stepping
// forward and back through a buffer without wrapping, meeting exactly the matches counted, and a
// count made in slices agreeing with one made at once.
#include "editing/textsearch.h"
#include "testsupport.h"

#include <QTest>

using namespace Countersign;

namespace {

// A text of `lines` lines where every seventh holds the commit hash twice, the others once in a
// longer word or not at all.
QString manyLines(int lines)
{
    QString text;
    for (int i = 0; i < lines; ++i) {
        if (i % 7 == 0)
            text += QStringLiteral("commit 3f9c2a7 and 3f9c2a7 again\n");
        else if (i % 3 == 0)
            text += QStringLiteral("prefix3f9c2a7suffix\n");
        else
            text += QStringLiteral("nothing on line %1\n").arg(i);
    }
    return text;
}

} // namespace

class TestTextSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesInALine_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("matchCase");
        QTest::addColumn<bool>("wholeWords");
        QTest::addColumn<QString>("line");
        QTest::addColumn<QList<int>>("starts");
        QTest::newRow("any case") << QStringLiteral("go") << false << false
                                  << QStringLiteral("GO or go, Going") << QList<int>{0, 6, 10};
        QTest::newRow("own case") << QStringLiteral("go") << true << false
                                  << QStringLiteral("GO or go, Going") << QList<int>{6};
        QTest::newRow("whole words") << QStringLiteral("go") << false << true
                                     << QStringLiteral("GO or go, Going") << QList<int>{0, 6};
        QTest::newRow("whole words, underscore is a letter")
            << QStringLiteral("id") << false << true << QStringLiteral("id my_id id_x (id)")
            << QList<int>{0, 15};
        // Punctuation at the needle's edge cuts no word: ".md" ends file names.
        QTest::newRow("whole words, needle starting with punctuation")
            << QStringLiteral(".md") << false << true << QStringLiteral("record.md, notes.mdx")
            << QList<int>{6};
        QTest::newRow("whole words after a failed candidate")
            << QStringLiteral("ab") << true << true << QStringLiteral("aab ab") << QList<int>{4};
        QTest::newRow("no overlaps") << QStringLiteral("aa") << true << false << QStringLiteral("aaaaa")
                                     << QList<int>{0, 2};
        QTest::newRow("empty needle") << QString() << false << false << QStringLiteral("abc") << QList<int>{};
        QTest::newRow("empty line") << QStringLiteral("a") << false << false << QString() << QList<int>{};
    }

    void matchesInALine()
    {
        QFETCH(QString, needle);
        QFETCH(bool, matchCase);
        QFETCH(bool, wholeWords);
        QFETCH(QString, line);
        QFETCH(QList<int>, starts);
        const TextSearch search(needle, matchCase ? Qt::CaseSensitive : Qt::CaseInsensitive, wholeWords);
        QCOMPARE(search.matchesIn(line), starts);
        // Stepping within the line meets the same starts, forward and back.
        QList<int> forward;
        for (int at = search.nextIn(line, 0); at >= 0; at = search.nextIn(line, at + 1))
            forward.append(at);
        QCOMPARE(forward, starts);
        QList<int> backward;
        for (int at = search.previousIn(line, int(line.size()) + 1); at >= 0;
            at = search.previousIn(line, at))
            backward.prepend(at);
        QCOMPARE(backward, starts);
    }

    void nextAndPreviousDoNotWrap()
    {
        const TextBuffer buffer(SourceText::fromText(QStringLiteral("alpha beta\ngamma\nbeta beta\n")));
        const TextSearch search(QStringLiteral("beta"), Qt::CaseSensitive, false);
        QCOMPARE(search.next(buffer, {0, 0}), (TextPosition{0, 6}));
        QCOMPARE(search.next(buffer, {0, 6}), (TextPosition{0, 6}));
        QCOMPARE(search.next(buffer, {0, 7}), (TextPosition{2, 0}));
        QCOMPARE(search.next(buffer, {2, 1}), (TextPosition{2, 5}));
        QCOMPARE(search.next(buffer, {2, 6}), std::nullopt);
        QCOMPARE(search.previous(buffer, {2, 5}), (TextPosition{2, 0}));
        QCOMPARE(search.previous(buffer, {2, 0}), (TextPosition{0, 6}));
        QCOMPARE(search.previous(buffer, {0, 6}), std::nullopt);
        // Past the end: from the end.
        QCOMPARE(search.previous(buffer, {99, 0}), (TextPosition{2, 5}));
        QCOMPARE(TextSearch().next(buffer, {0, 0}), std::nullopt);
    }

    void steppingMeetsEveryMatchCounted()
    {
        const TextBuffer buffer(SourceText::fromText(manyLines(2000)));
        const TextSearch search(QStringLiteral("3F9C2A7"), Qt::CaseInsensitive, true);
        MatchCount count(buffer, search);
        QVERIFY(count.countUntil(QDeadlineTimer::Forever));
        // Lines 0, 7, ... 1995: 286 lines with two whole-word matches each.
        QCOMPARE(count.total(), 2 * 286);
        int steps = 0;
        TextPosition at{0, 0};
        while (const std::optional<TextPosition> found = search.next(buffer, at)) {
            QCOMPARE(count.countBefore(*found), steps);
            ++steps;
            at = {found->line, found->column + search.length()};
        }
        QCOMPARE(steps, count.total());
        QCOMPARE(count.countBefore(buffer.endPosition()), count.total());
    }

    void countsInSlices()
    {
        const TextBuffer buffer(SourceText::fromText(manyLines(20000)));
        const TextSearch search(QStringLiteral("3f9c2a7"), Qt::CaseSensitive, false);
        MatchCount atOnce(buffer, search);
        QVERIFY(atOnce.countUntil(QDeadlineTimer::Forever));
        // An expired deadline still counts a slice, so that counting always gets on.
        MatchCount sliced(buffer, search);
        int slices = 0;
        while (!sliced.countUntil(QDeadlineTimer(0)))
            ++slices;
        QVERIFY2(slices > 10, qPrintable(QString::number(slices)));
        QVERIFY(sliced.isComplete());
        QCOMPARE(sliced.total(), atOnce.total());
        QCOMPARE(sliced.countBefore({10000, 0}), atOnce.countBefore({10000, 0}));
        // The count is of the text as it was: editing the buffer afterwards changes nothing in it.
        TextBuffer edited = buffer;
        edited.replace({0, 0}, {0, 0}, u"3f9c2a7 ");
        QCOMPARE(sliced.total(), atOnce.total());
        MatchCount again(edited, search);
        QVERIFY(again.countUntil(QDeadlineTimer::Forever));
        QCOMPARE(again.total(), atOnce.total() + 1);
    }
};

QTEST_GUILESS_MAIN(TestTextSearch)
#include "tst_textsearch.moc"
