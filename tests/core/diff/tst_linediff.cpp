// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// LineDiff, SequenceDiff and UnifiedDiff: named cases with edit scripts worked out by hand, shortest
// scripts checked against a textbook LCS table, and every script applied by the real GNU patch.
#include "diff/linediff.h"
#include "diff/sequencediff.h"
#include "diff/unifieddiff.h"
#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QPromise>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace Countersign;

namespace Countersign {
inline char *toString(const DiffChange &c)
{
    return QTest::toString(QStringLiteral("DiffChange(-%1,%2 +%3,%4%5)")
            .arg(c.leftStart)
            .arg(c.leftCount)
            .arg(c.rightStart)
            .arg(c.rightCount)
            .arg(c.ignorable ? QStringLiteral(" ignorable") : QString()));
}
} // namespace Countersign

namespace {

using Changes = QList<DiffChange>;

// Applies an edit script to the left lines: what the right text must be.
QByteArray applyScript(const DiffText &left, const DiffText &right, const Changes &changes)
{
    QByteArray out;
    int i = 0;
    for (const DiffChange &change : changes) {
        for (; i < change.leftStart; ++i)
            out += left.line(i);
        for (int k = change.rightStart; k < change.rightEnd(); ++k)
            out += right.line(k);
        i = change.leftEnd();
    }
    for (; i < left.lineCount(); ++i)
        out += left.line(i);
    return out;
}

// The length of a longest common subsequence, by the O(nm) table.
int lcsLength(const DiffText &a, const DiffText &b)
{
    std::vector<int> previous(size_t(b.lineCount() + 1)), current(size_t(b.lineCount() + 1));
    for (int i = 1; i <= a.lineCount(); ++i) {
        for (int j = 1; j <= b.lineCount(); ++j) {
            current[size_t(j)] = a.line(i - 1) == b.line(j - 1)
                ? previous[size_t(j - 1)] + 1
                : std::max(previous[size_t(j)], current[size_t(j - 1)]);
        }
        std::swap(previous, current);
    }
    return previous[size_t(b.lineCount())];
}

int editCount(const Changes &changes)
{
    int count = 0;
    for (const DiffChange &change : changes)
        count += change.leftCount + change.rightCount;
    return count;
}

QString patchProgram()
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("patch"));
    if (program.isEmpty())
        qFatal("GNU patch is missing; the build root installs it (packaging/buildroot-packages.txt)");
    return program;
}

// Runs GNU patch in `dir` with `patchFile`; returns its output when it fails.
QString runPatch(const QString &dir, const QString &patchFile, const QStringList &extra = {})
{
    QProcess patch;
    patch.setWorkingDirectory(dir);
    patch.setProcessChannelMode(QProcess::MergedChannels);
    patch.start(patchProgram(),
        QStringList{QStringLiteral("--binary"), QStringLiteral("--batch"), QStringLiteral("--silent"),
            QStringLiteral("-p0"), QStringLiteral("-i"), patchFile} +
            extra);
    if (!patch.waitForFinished(120000) || patch.exitStatus() != QProcess::NormalExit || patch.exitCode() != 0)
        return QStringLiteral("patch failed (%1): %2")
            .arg(patch.exitCode())
            .arg(QString::fromUtf8(patch.readAll()));
    return {};
}

// Random texts whose lines repeat (a small vocabulary, blank lines, CRLF lines), and a random edit
// of them; a final newline may be missing on either side.
struct RandomPair
{
    QByteArray left;
    QByteArray right;
};

RandomPair randomPair(QRandomGenerator &random)
{
    static const QList<QByteArray> vocabulary = {"- release_tag: `v2.1.0`", "- commit_sha: `3f9c2a7`", "",
        "## Decision Outcome", "1. Runtime cutover execution: **GO**", "| Gate | Status |", "  ", "text\r",
        "- Phase 4: **Active**", "x", "y", "Owner: Harbor"};
    auto line = [&] {
        const int pick = int(random.bounded(vocabulary.size() + 4));
        return pick < vocabulary.size() ? vocabulary.at(pick)
                                        : QByteArray("unique ") + QByteArray::number(random.generate());
    };
    QList<QByteArray> lines;
    const int count = int(random.bounded(40));
    for (int i = 0; i < count; ++i)
        lines.append(line());
    QList<QByteArray> edited = lines;
    const int edits = int(random.bounded(8));
    for (int e = 0; e < edits; ++e) {
        const int at = int(random.bounded(edited.size() + 1));
        const int span = std::min(int(random.bounded(4)), int(edited.size()) - at);
        switch (random.bounded(3)) {
        case 0:
            edited.insert(at, line());
            break;
        case 1:
            edited.remove(at, span);
            break;
        default:
            for (int k = 0; k < span; ++k)
                edited[at + k] = line();
        }
    }
    auto join = [&](const QList<QByteArray> &list) {
        QByteArray text = list.join('\n');
        if (!list.isEmpty() && random.bounded(4) != 0)
            text += '\n';
        return text;
    };
    return {join(lines), join(edited)};
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Lines split at every '\n' and nowhere else, whatever surrounds it (the splitter reads eight
    // bytes at a time): against a byte-by-byte split of random text.
    void splitting()
    {
        QRandomGenerator random(11);
        const char alphabet[] = {'\n', '\n', '\x0b', '\r', 'a', '\x01', '\x7f', char(0x8a), ' ', '\x0a'};
        for (int round = 0; round < 2000; ++round) {
            QByteArray text;
            const int size = int(random.bounded(200)); // several 32-byte blocks, and their tails
            for (int i = 0; i < size; ++i)
                text += alphabet[random.bounded(int(sizeof alphabet))];
            QList<QByteArray> expected;
            qsizetype start = 0;
            for (qsizetype i = 0; i < text.size(); ++i) {
                if (text[i] == '\n') {
                    expected.append(text.mid(start, i + 1 - start));
                    start = i + 1;
                }
            }
            if (start < text.size())
                expected.append(text.mid(start));
            const DiffText split(text);
            QList<QByteArray> lines;
            for (int i = 0; i < split.lineCount(); ++i)
                lines.append(split.line(i).toByteArray());
            QCOMPARE(lines, expected);
            QCOMPARE(split.hasFinalNewline(), text.isEmpty() || text.endsWith('\n'));
        }
    }

    void namedCases_data()
    {
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QTest::addColumn<Changes>("expected");

        QTest::newRow("both-empty") << QByteArray() << QByteArray() << Changes{};
        QTest::newRow("empty-left") << QByteArray() << QByteArray("a\nb\n") << Changes{{0, 0, 0, 2}};
        QTest::newRow("empty-right") << QByteArray("a\nb\n") << QByteArray() << Changes{{0, 2, 0, 0}};
        QTest::newRow("identical") << QByteArray("a\nb\nc\n") << QByteArray("a\nb\nc\n") << Changes{};
        QTest::newRow("all-different")
            << QByteArray("a\nb\nc\n") << QByteArray("x\ny\n") << Changes{{0, 3, 0, 2}};
        QTest::newRow("insert-at-start")
            << QByteArray("b\nc\n") << QByteArray("a\nb\nc\n") << Changes{{0, 0, 0, 1}};
        QTest::newRow("insert-at-end")
            << QByteArray("a\nb\n") << QByteArray("a\nb\nc\n") << Changes{{2, 0, 2, 1}};
        QTest::newRow("delete-in-middle")
            << QByteArray("a\nb\nc\n") << QByteArray("a\nc\n") << Changes{{1, 1, 1, 0}};
        QTest::newRow("replace-in-middle")
            << QByteArray("a\nb\nc\n") << QByteArray("a\nB\nc\n") << Changes{{1, 1, 1, 1}};
        // "b" and "b\n" are different lines: the last line changes.
        QTest::newRow("no-final-newline-right")
            << QByteArray("a\nb\n") << QByteArray("a\nb") << Changes{{1, 1, 1, 1}};
        QTest::newRow("no-final-newline-left")
            << QByteArray("a\nb") << QByteArray("a\nb\n") << Changes{{1, 1, 1, 1}};
        QTest::newRow("no-final-newline-append")
            << QByteArray("a\nb") << QByteArray("a\nb\nc") << Changes{{1, 1, 1, 2}};
        QTest::newRow("crlf-vs-lf") << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n")
                                    << Changes{{0, 2, 0, 2}};
        // A run of equal lines grows at its end: the insertion slides as low as it goes.
        QTest::newRow("repeated-lines-grow")
            << QByteArray("x\nx\nx\n") << QByteArray("x\nx\nx\nx\n") << Changes{{3, 0, 3, 1}};
        QTest::newRow("repeated-lines-shrink")
            << QByteArray("x\nx\ny\nx\nx\n") << QByteArray("x\nx\nx\nx\n") << Changes{{2, 1, 2, 0}};
        QTest::newRow("blank-line-paragraph")
            << QByteArray("a\n\nc\n") << QByteArray("a\n\nb\n\nc\n") << Changes{{2, 0, 2, 2}};
        QTest::newRow("two-separate-changes")
            << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n") << QByteArray("1\nX\n3\n4\n5\n6\n7\n8\n9\nY\n")
            << Changes{{1, 1, 1, 1}, {9, 0, 9, 1}};
    }

    void namedCases()
    {
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QFETCH(Changes, expected);
        const DiffText a(left), b(right);
        const LineDiffResult result = LineDiff::compute(a, b);
        QCOMPARE(result.changes, expected);
        QCOMPARE(result.isIdentical(), expected.isEmpty());
        QCOMPARE(applyScript(a, b, result.changes), right);
    }

    void options_data()
    {
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QTest::addColumn<DiffOptions>("options");
        QTest::addColumn<Changes>("expected");
        DiffOptions space;
        space.whitespace = DiffOptions::Whitespace::IgnoreChanges;
        DiffOptions allSpace;
        allSpace.whitespace = DiffOptions::Whitespace::IgnoreAll;
        DiffOptions blank;
        blank.ignoreBlankLines = true;
        DiffOptions caseless;
        caseless.ignoreCase = true;

        QTest::newRow("crlf-vs-lf-ignore-space")
            << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n") << space << Changes{};
        QTest::newRow("space-runs") << QByteArray("- a:  `x`\n") << QByteArray("- a: `x`   \n") << space
                                    << Changes{};
        QTest::newRow("space-vs-none-still-differs")
            << QByteArray("a b\n") << QByteArray("ab\n") << space << Changes{{0, 1, 0, 1}};
        QTest::newRow("ignore-all-space")
            << QByteArray("a b\n") << QByteArray("ab\n") << allSpace << Changes{};
        QTest::newRow("missing-final-newline-ignore-space")
            << QByteArray("a\nb\n") << QByteArray("a\nb") << space << Changes{};
        QTest::newRow("case") << QByteArray("Release GO\n") << QByteArray("release go\n") << caseless
                              << Changes{};
        QTest::newRow("case-non-ascii")
            << QByteArray("Ölçüm Åberg\n") << QByteArray("ÖLÇÜM ÅBERG\n") << caseless << Changes{};
        QTest::newRow("case-still-sees-words")
            << QByteArray("GO\n") << QByteArray("NO-GO\n") << caseless << Changes{{0, 1, 0, 1}};
        // Blank-line changes stay in the script, marked ignorable; other changes do not.
        QTest::newRow("blank-lines") << QByteArray("a\nb\n") << QByteArray("a\n\n  \nb\n") << blank
                                     << Changes{{1, 0, 1, 2, true}};
        QTest::newRow("blank-lines-and-a-real-change")
            << QByteArray("a\nb\n") << QByteArray("a\n\nc\n") << blank << Changes{{1, 1, 1, 2, false}};
    }

    void options()
    {
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QFETCH(DiffOptions, options);
        QFETCH(Changes, expected);
        const LineDiffResult result = LineDiff::compute(DiffText(left), DiffText(right), options);
        QCOMPARE(result.changes, expected);
        QCOMPARE(result.isIdentical(),
            std::all_of(expected.cbegin(), expected.cend(), [](const DiffChange &c) { return c.ignorable; }));
    }

    void hunks_data()
    {
        QTest::addColumn<int>("secondChangeLine");
        QTest::addColumn<int>("context");
        QTest::addColumn<int>("hunkCount");
        // Changes at line 1 and at `secondChangeLine` (0-based) of 30 lines.
        QTest::newRow("gap-of-6-context-3-one-hunk") << 8 << 3 << 1;
        QTest::newRow("gap-of-7-context-3-two-hunks") << 9 << 3 << 2;
        QTest::newRow("context-0-two-hunks") << 3 << 0 << 2;
        QTest::newRow("whole-file") << 25 << -1 << 1;
    }

    void hunks()
    {
        QFETCH(int, secondChangeLine);
        QFETCH(int, context);
        QFETCH(int, hunkCount);
        QByteArray left, right;
        for (int i = 0; i < 30; ++i) {
            left += QByteArray::number(i) + '\n';
            right += (i == 1 || i == secondChangeLine ? QByteArray("changed ") : QByteArray()) +
                QByteArray::number(i) + '\n';
        }
        const LineDiffResult result = LineDiff::compute(DiffText(left), DiffText(right));
        QCOMPARE(result.changes.size(), 2);
        const QList<HunkRange> hunks = result.hunks(context);
        QCOMPARE(hunks.size(), hunkCount);
        if (context >= 0) {
            QCOMPARE(hunks.first().leftStart, std::max(0, 1 - context));
            QCOMPARE(hunks.last().leftStart + hunks.last().leftCount,
                std::min(30, secondChangeLine + 1 + context));
        } else {
            QCOMPARE(hunks.first().leftCount, 30);
        }
    }

    void hunksLeaveOutIgnorableGroups()
    {
        DiffOptions options;
        options.ignoreBlankLines = true;
        QByteArray left, right;
        for (int i = 0; i < 30; ++i) {
            left += QByteArray::number(i) + '\n';
            right += QByteArray::number(i) + '\n' + (i == 3 ? "\n" : "") + (i == 20 ? "x\n" : "");
        }
        const LineDiffResult result = LineDiff::compute(DiffText(left), DiffText(right), options);
        QCOMPARE(result.changes.size(), 2);
        const QList<HunkRange> hunks = result.hunks(3);
        QCOMPARE(hunks.size(), 1);
        QCOMPARE(hunks.first().firstChange, 1);
        QVERIFY(!result.isIdentical());
    }

    // Fast mode matches the shortest script on small inputs, and Minimal mode always does: the
    // number of removed plus added lines equals n + m - 2 * LCS.
    void shortestScripts()
    {
        QRandomGenerator random(20261124);
        for (int round = 0; round < 1500; ++round) {
            const RandomPair pair = randomPair(random);
            const DiffText a(pair.left), b(pair.right);
            const LineDiffResult result = LineDiff::compute(a, b);
            QCOMPARE(applyScript(a, b, result.changes), pair.right);
            QCOMPARE(editCount(result.changes), a.lineCount() + b.lineCount() - 2 * lcsLength(a, b));
            for (qsizetype c = 1; c < result.changes.size(); ++c)
                QVERIFY(result.changes[c].leftStart > result.changes[c - 1].leftEnd());
        }
    }

    // Long inputs are first cut at lines unique to both sides: the scripts stay valid and within a
    // few percent of the shortest (computed here by the LCS table).
    void longInputsStayNearShortest()
    {
        QRandomGenerator random(99);
        for (int round = 0; round < 4; ++round) {
            QList<QByteArray> lines;
            for (int i = 0; i < 3000; ++i) {
                lines.append(random.bounded(3) == 0 ? QByteArray::number(random.bounded(6))
                                                    : "unique " + QByteArray::number(i));
            }
            QList<QByteArray> edited = lines;
            for (int e = 0; e < 150; ++e) {
                const int at = int(random.bounded(edited.size()));
                switch (random.bounded(3)) {
                case 0:
                    edited.insert(at, QByteArray::number(random.bounded(6)));
                    break;
                case 1:
                    edited.remove(at);
                    break;
                default:
                    edited[at] = "new " + QByteArray::number(e);
                }
            }
            const QByteArray left = lines.join('\n') + '\n', right = edited.join('\n') + '\n';
            const DiffText a(left), b(right);
            const LineDiffResult result = LineDiff::compute(a, b);
            QCOMPARE(applyScript(a, b, result.changes), right);
            const int shortest = a.lineCount() + b.lineCount() - 2 * lcsLength(a, b);
            QVERIFY2(editCount(result.changes) <= shortest + shortest / 20,
                qPrintable(
                    QStringLiteral("%1 edits, shortest %2").arg(editCount(result.changes)).arg(shortest)));
        }
    }

    // Inputs built to be hard (a few distinct lines, heavily edited) still give a valid script, and
    // not the useless "remove everything, add everything".
    void adversarialInputStaysUseful()
    {
        QRandomGenerator random(7);
        QByteArray left, right;
        for (int i = 0; i < 20000; ++i) {
            const QByteArray line = "line " + QByteArray::number(random.bounded(4)) + '\n';
            left += line;
            if (random.bounded(10) == 0)
                right += "line " + QByteArray::number(random.bounded(4)) + '\n';
            else if (random.bounded(10) != 0)
                right += line;
        }
        const DiffText a(left), b(right);
        const LineDiffResult result = LineDiff::compute(a, b);
        QCOMPARE(applyScript(a, b, result.changes), right);
        QVERIFY2(editCount(result.changes) < (a.lineCount() + b.lineCount()) / 2,
            qPrintable(QStringLiteral("%1 edits").arg(editCount(result.changes))));
    }

    void cancelled()
    {
        // Two unrelated sequences of four distinct lines: a long search.
        QRandomGenerator random(3);
        QByteArray left, right;
        for (int i = 0; i < 20000; ++i) {
            left += "a" + QByteArray::number(random.bounded(4)) + '\n';
            right += "a" + QByteArray::number(random.bounded(4)) + '\n';
        }
        QPromise<void> promise;
        promise.start();
        QFuture<void> future = promise.future();
        const LineDiffResult live = LineDiff::compute(DiffText(left), DiffText(right), {}, future);
        QVERIFY(!live.cancelled);
        QVERIFY(!live.changes.isEmpty());
        future.cancel();
        const LineDiffResult stale = LineDiff::compute(DiffText(left), DiffText(right), {}, future);
        QVERIFY(stale.cancelled);
        QVERIFY(stale.changes.isEmpty());
    }

    void unifiedFormat()
    {
        const DiffText a(QByteArray("a\nb\nc\n")), b(QByteArray("a\nB\nc"));
        const QByteArray out = UnifiedDiff::toByteArray(
            a, b, LineDiff::compute(a, b), 3, {QStringLiteral("L"), QStringLiteral("R")});
        QCOMPARE(out,
            QByteArray("--- L\n+++ R\n@@ -1,3 +1,3 @@\n a\n-b\n-c\n+B\n+c\n\\ No newline at end of file\n"));
        const DiffText empty;
        QCOMPARE(UnifiedDiff::toByteArray(
                     empty, a, LineDiff::compute(empty, a), 3, {QStringLiteral("L"), QStringLiteral("R")}),
            QByteArray("--- L\n+++ R\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n"));
        QCOMPARE(UnifiedDiff::toByteArray(a, a, LineDiff::compute(a, a), 3, {}), QByteArray());
    }

    // The unified output of every named case, every committed input pair and a few thousand random
    // edits, applied by GNU patch, gives back the right text byte for byte.
    void patchRoundTrip()
    {
        QList<RandomPair> pairs;
        for (const QByteArray &left :
            {QByteArray(), QByteArray("a\nb\n"), QByteArray("a\nb"), QByteArray("a\r\nb\r\n")}) {
            for (const QByteArray &right : {QByteArray(), QByteArray("a\nb\n"), QByteArray("a\nb"),
                     QByteArray("a\nb\nc"), QByteArray("x\ny\n")})
                pairs.append({left, right});
        }
        const QStringList inputs = TestSupport::allInputs();
        for (const QString &left : inputs) {
            for (const QString &right : inputs)
                pairs.append({TestSupport::readBytes(left), TestSupport::readBytes(right)});
        }
        QRandomGenerator random(42);
        for (int round = 0; round < 3000; ++round)
            pairs.append(randomPair(random));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray patch;
        int files = 0;
        for (qsizetype i = 0; i < pairs.size(); ++i) {
            const DiffText a(pairs[i].left), b(pairs[i].right);
            const QString name = QStringLiteral("case%1.txt").arg(i, 5, 10, QLatin1Char('0'));
            QVERIFY(TestSupport::writeBytes(dir.filePath(name), pairs[i].left));
            patch += UnifiedDiff::toByteArray(a, b, LineDiff::compute(a, b), int(i % 4), {name, name});
            ++files;
        }
        QVERIFY(TestSupport::writeBytes(dir.filePath(QStringLiteral("all.patch")), patch));
        const QString failure = runPatch(dir.path(), dir.filePath(QStringLiteral("all.patch")));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (qsizetype i = 0; i < pairs.size(); ++i) {
            const QString name = QStringLiteral("case%1.txt").arg(i, 5, 10, QLatin1Char('0'));
            QFile patched(dir.filePath(name));
            QVERIFY2(patched.open(QIODevice::ReadOnly), qPrintable(name));
            QVERIFY2(patched.readAll() == pairs[i].right, qPrintable(name));
        }
        QVERIFY(files > 3000);
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
