// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// WordDiff and SideBySideDiff: which characters of a changed line are marked, and how the rows of a
// side-by-side view pair removed and added lines. Expected ranges are counted off the strings.
#include "diff/linediff.h"
#include "diff/sidebysidediff.h"
#include "diff/worddiff.h"
#include "testsupport.h"

#include <QTest>

using namespace Countersign;

namespace {

using Ranges = QList<TextRange>;

// The marked parts of `text`, for readable comparisons.
QStringList marked(const QString &text, const Ranges &ranges)
{
    QStringList out;
    for (const TextRange &range : ranges)
        out.append(text.mid(range.start, range.length));
    return out;
}

} // namespace

class TestWordDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens()
    {
        const QString text = QStringLiteral("- commit_sha:  `7e48` v0.4.0");
        QStringList tokens;
        for (const TextRange &token : WordDiff::tokenize(text))
            tokens.append(text.mid(token.start, token.length));
        QCOMPARE(tokens,
            (QStringList{QStringLiteral("-"), QStringLiteral(" "), QStringLiteral("commit_sha"),
                QStringLiteral(":"), QStringLiteral("  "), QStringLiteral("`"), QStringLiteral("7e48"),
                QStringLiteral("`"), QStringLiteral(" "), QStringLiteral("v0"), QStringLiteral("."),
                QStringLiteral("4"), QStringLiteral("."), QStringLiteral("0")}));
    }

    void markedParts_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QStringList>("leftMarked");
        QTest::addColumn<QStringList>("rightMarked");

        QTest::newRow("one-digit-of-a-commit-sha")
            << QStringLiteral("- commit_sha: `7e4806a34b98e6c06ee33fa9f11499a975e7b922`")
            << QStringLiteral("- commit_sha: `7e4806a34b98e6c06ee33fa9f11499a975e7b923`")
            << QStringList{QStringLiteral("2")} << QStringList{QStringLiteral("3")};
        QTest::newRow("digit-in-the-middle-of-a-sha")
            << QStringLiteral("`3f9c2a7`") << QStringLiteral("`3f9d2a7`") << QStringList{QStringLiteral("c")}
            << QStringList{QStringLiteral("d")};
        QTest::newRow("release-tag") << QStringLiteral("- release_tag: `v0.4.0`")
                                     << QStringLiteral("- release_tag: `v0.5.0`")
                                     << QStringList{QStringLiteral("4")} << QStringList{QStringLiteral("5")};
        QTest::newRow("outcome-word") << QStringLiteral("1. Runtime cutover execution: **GO**")
                                      << QStringLiteral("1. Runtime cutover execution: **NO-GO**")
                                      << QStringList{} << QStringList{QStringLiteral("NO-")};
        QTest::newRow("different-words-marked-whole")
            << QStringLiteral("Owner: Harbor team") << QStringLiteral("Owner: Tessera team")
            << QStringList{QStringLiteral("Harbor")} << QStringList{QStringLiteral("Tessera")};
        QTest::newRow("word-inserted")
            << QStringLiteral("Phase 4 Active") << QStringLiteral("Phase 4 still Active") << QStringList{}
            << QStringList{QStringLiteral("still ")};
        QTest::newRow("whitespace-only") << QStringLiteral("a b") << QStringLiteral("a   b") << QStringList{}
                                         << QStringList{QStringLiteral("  ")};
        QTest::newRow("identical") << QStringLiteral("same") << QStringLiteral("same") << QStringList{}
                                   << QStringList{};
        QTest::newRow("non-ascii-name")
            << QStringLiteral("- Incident commander: Zoë Åberg")
            << QStringLiteral("- Incident commander: Zoe Åberg") << QStringList{QStringLiteral("ë")}
            << QStringList{QStringLiteral("e")};
        // A surrogate pair (an emoji) is never cut in half.
        QTest::newRow("surrogate-pair")
            << QStringLiteral("ok \U0001F600") << QStringLiteral("ok \U0001F601")
            << QStringList{QStringLiteral("\U0001F600")} << QStringList{QStringLiteral("\U0001F601")};
        QTest::newRow("empty-left") << QString() << QStringLiteral("new") << QStringList{}
                                    << QStringList{QStringLiteral("new")};
    }

    void markedParts()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QStringList, leftMarked);
        QFETCH(QStringList, rightMarked);
        const WordDiffResult result = WordDiff::compare(left, right);
        QCOMPARE(marked(left, result.left), leftMarked);
        QCOMPARE(marked(right, result.right), rightMarked);
    }

    void shaRangeIsOneCharacter()
    {
        const QString left = QStringLiteral("- commit_sha: `7e4806a34b98e6c06ee33fa9f11499a975e7b922`");
        QString right = left;
        right[30] = u'f'; // the SHA's 16th digit, a 0
        const WordDiffResult result = WordDiff::compare(left, right);
        QCOMPARE(result.left, (Ranges{{30, 1}}));
        QCOMPARE(result.right, (Ranges{{30, 1}}));
    }

    // Blobs (a pasted image in base64): one changed character in a long line is marked alone; two
    // lines that differ throughout are marked whole after what they share, not diffed word by word
    // (which costs the product of their numbers of words).
    void longLinesAreComparedInLinearTime()
    {
        const QString prefix = QStringLiteral("Attachment: ");
        QString left = prefix;
        for (int i = 1; left.size() < 30000; ++i)
            left += QString::number(quint64(i) * 2654435761u % 1000003, 36) + (i % 3 == 0 ? u'+' : u'/');
        QString right = left;
        right[20000] = right[20000] == u'a' ? u'b' : u'a';
        WordDiffResult result = WordDiff::compare(left, right);
        QCOMPARE(result.left.size(), 1);
        QVERIFY(result.left.first().start <= 20000 && result.left.first().end() > 20000);
        QVERIFY(result.left.first().length <= 8);

        QString other = prefix + u'Z';
        for (int i = 1; other.size() < left.size(); ++i)
            other += QString::number(quint64(i) * 40503u % 999983, 36) + (i % 2 == 0 ? u'+' : u'/');
        other += u'Z';
        result = WordDiff::compare(left, other);
        const int shared = int(prefix.size());
        QCOMPARE(result.left, (Ranges{{shared, int(left.size()) - shared}}));
        QCOMPARE(result.right, (Ranges{{shared, int(other.size()) - shared}}));
    }

    void sideBySideRows()
    {
        const DiffText left(
            QByteArray("# Record\n- release_tag: `v0.4.0`\n- commit_sha: `abc123`\nOld paragraph.\nend\n"));
        const DiffText right(
            QByteArray("# Record\n- release_tag: `v0.5.0`\n- new_field: `x`\n- commit_sha: `abc124`\nend\n"));
        const LineDiffResult diff = LineDiff::compute(left, right);
        const std::optional<QList<DiffHunk>> hunks = SideBySideDiff::build(left, right, diff, 1);
        QVERIFY(hunks);
        QCOMPARE(hunks->size(), 1);
        const QList<DiffRow> &rows = hunks->first().rows;
        using K = DiffRow::Kind;
        QList<QPair<K, QPair<int, int>>> shape;
        for (const DiffRow &row : rows)
            shape.append({row.kind, {row.leftLine, row.rightLine}});
        // release_tag pairs with release_tag, new_field stands alone, commit_sha pairs with
        // commit_sha, the paragraph has no similar line left.
        const QList<QPair<K, QPair<int, int>>> expected = {{K::Context, {1, 1}}, {K::Changed, {2, 2}},
            {K::Added, {0, 3}}, {K::Changed, {3, 4}}, {K::Removed, {4, 0}}, {K::Context, {5, 5}}};
        QCOMPARE(shape, expected);
        QCOMPARE(marked(left.lineText(1), rows[1].leftRanges), QStringList{QStringLiteral("4")});
        QCOMPARE(marked(right.lineText(3), rows[3].rightRanges), QStringList{QStringLiteral("4")});
        QCOMPARE(marked(left.lineText(2), rows[3].leftRanges), QStringList{QStringLiteral("3")});
    }

    void rewrittenPassage()
    {
        const DiffText left(
            QByteArray("# R\nOld line, non-ASCII: Zo\xC3\xAB \xF0\x9F\x98\x80\r\nOld second line.\nend\n"));
        const DiffText right(QByteArray("# R\nCompletely new text here\nend\n"));
        const std::optional<QList<DiffHunk>> hunks =
            SideBySideDiff::build(left, right, LineDiff::compute(left, right), 0);
        const QList<DiffRow> &rows = hunks->first().rows;
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].kind, DiffRow::Kind::Changed);
        // No word in common: the whole lines, counted in UTF-16 units (the emoji is two, the CR none).
        QCOMPARE(left.lineText(1).size(), 27);
        QCOMPARE(rows[0].leftRanges, (QList<TextRange>{{0, 27}}));
        QCOMPARE(rows[0].rightRanges, (QList<TextRange>{{0, 24}}));
        QCOMPARE(rows[1].kind, DiffRow::Kind::Removed);
    }

    // A value replaced outright in a paired line: the key stays unmarked, the value is marked.
    void valueReplacedKeepsTheKey()
    {
        const DiffText left(QByteArray("- commit_sha: `3f9c2a7d5e8b1c4f6a0d9e2b7c5a8f1e3d6b9c0a`\n"));
        const DiffText right(QByteArray("- commit_sha: `9b1d4e6f8a0c2e4f6a8b0d2f4a6c8e0a2b4d6f8a`\n"));
        const std::optional<QList<DiffHunk>> hunks =
            SideBySideDiff::build(left, right, LineDiff::compute(left, right), 3);
        const DiffRow &row = hunks->first().rows.first();
        QCOMPARE(row.kind, DiffRow::Kind::Changed);
        QCOMPARE(marked(left.lineText(0), row.leftRanges),
            QStringList{QStringLiteral("3f9c2a7d5e8b1c4f6a0d9e2b7c5a8f1e3d6b9c0a")});
        QCOMPARE(marked(right.lineText(0), row.rightRanges),
            QStringList{QStringLiteral("9b1d4e6f8a0c2e4f6a8b0d2f4a6c8e0a2b4d6f8a")});
    }

    void sideBySideWholeFile()
    {
        const DiffText left(QByteArray("a\nb\nc\nd\ne\nf\ng\nh\n"));
        const DiffText right(QByteArray("a\nb\nc\nD\ne\nf\ng\nh\n"));
        const LineDiffResult diff = LineDiff::compute(left, right);
        const std::optional<QList<DiffHunk>> all = SideBySideDiff::build(left, right, diff, -1);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().rows.size(), 8);
        // "d" and "D" share nothing: a rewritten line, marked whole.
        QCOMPARE(all->first().rows[3].kind, DiffRow::Kind::Changed);
        QCOMPARE(all->first().rows[3].leftRanges, (QList<TextRange>{{0, 1}}));
        QCOMPARE(all->first().rows[3].rightRanges, (QList<TextRange>{{0, 1}}));
        const std::optional<QList<DiffHunk>> none =
            SideBySideDiff::build(left, left, LineDiff::compute(left, left), -1);
        QVERIFY(none->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWordDiff)
#include "tst_worddiff.moc"
