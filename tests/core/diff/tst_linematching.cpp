// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// LineMatching: which line of the other side stands level with a line of one side, over edit scripts
// worked out by hand (the expected lines are counted from the texts the scripts describe).
#include "diff/linematching.h"

#include <QTest>

using namespace Countersign;

Q_DECLARE_METATYPE(Countersign::DiffSide)

namespace {

// A 12-line left text and the 13-line right text made from it by: line 3 reworded; three lines
// inserted after line 5; lines 9 and 10 deleted.
QList<DiffChange> edited()
{
    return {{2, 1, 2, 1}, {5, 0, 5, 3}, {8, 2, 11, 0}};
}

// Left lines 2-5 replaced by right lines 2-3.
QList<DiffChange> shortened()
{
    return {{1, 4, 1, 2}};
}

} // namespace

class TestLineMatching : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchingLine_data()
    {
        QTest::addColumn<QList<DiffChange>>("changes");
        QTest::addColumn<DiffSide>("side");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("expected");

        QTest::newRow("no changes: the same line") << QList<DiffChange>() << DiffSide::Left << 7 << 7;
        QTest::newRow("no changes, from the right") << QList<DiffChange>() << DiffSide::Right << 40 << 40;
        QTest::newRow("line 0 is taken as the first") << QList<DiffChange>() << DiffSide::Left << 0 << 1;
        QTest::newRow("before every change") << edited() << DiffSide::Left << 2 << 2;
        QTest::newRow("a reworded line faces its new wording") << edited() << DiffSide::Left << 3 << 3;
        QTest::newRow("between changes of equal size") << edited() << DiffSide::Left << 5 << 5;
        QTest::newRow("after an insertion the right runs 3 ahead") << edited() << DiffSide::Left << 6 << 9;
        QTest::newRow("the last line before the deletion") << edited() << DiffSide::Left << 8 << 11;
        QTest::newRow("a deleted line faces where it went") << edited() << DiffSide::Left << 9 << 12;
        QTest::newRow("the second deleted line, too") << edited() << DiffSide::Left << 10 << 12;
        QTest::newRow("after the deletion the right runs 1 ahead") << edited() << DiffSide::Left << 11 << 12;
        QTest::newRow("the left's last line") << edited() << DiffSide::Left << 12 << 13;
        QTest::newRow("an inserted line faces where it goes") << edited() << DiffSide::Right << 6 << 6;
        QTest::newRow("the last inserted line, too") << edited() << DiffSide::Right << 8 << 6;
        QTest::newRow("from the right, after the insertion") << edited() << DiffSide::Right << 9 << 6;
        QTest::newRow("from the right, after the deletion") << edited() << DiffSide::Right << 12 << 11;
        QTest::newRow("the right's last line") << edited() << DiffSide::Right << 13 << 12;
        QTest::newRow("inside a shorter change: line by line") << shortened() << DiffSide::Left << 3 << 3;
        QTest::newRow("past the other side's end of a change: its last line")
            << shortened() << DiffSide::Left << 5 << 3;
        QTest::newRow("after a shortened change the right runs 2 behind")
            << shortened() << DiffSide::Left << 6 << 4;
        QTest::newRow("from the shorter side, inside the change") << shortened() << DiffSide::Right << 3 << 3;
        QTest::newRow("from the shorter side, after the change") << shortened() << DiffSide::Right << 4 << 6;
    }

    void matchingLine()
    {
        QFETCH(QList<DiffChange>, changes);
        QFETCH(DiffSide, side);
        QFETCH(int, line);
        QFETCH(int, expected);
        QCOMPARE(LineMatching::matchingLine(changes, side, line), expected);
    }
};

QTEST_GUILESS_MAIN(TestLineMatching)
#include "tst_linematching.moc"
