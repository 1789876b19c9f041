// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// ComparisonSession: the line diff is handed over before the findings; an edited pair is compared
// again correctly (the unchanged side's parse is kept); a record too large to parse is compared
// line by line only.
#include "compare/comparisonsession.h"
#include "record/documentloader.h"
#include "testsupport.h"

#include <QTest>

using namespace Countersign;

namespace {

SourceText text(const char *relative)
{
    return TestSupport::load(TestSupport::dataPath(QString::fromUtf8(relative))).source;
}

} // namespace

class TestComparisonSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesComeFirst()
    {
        ComparisonSession session;
        int calls = 0;
        ComparisonResult lines;
        const ComparisonResult result = session.run(QStringLiteral("left.md"),
            text("input/decision-record.md"), QStringLiteral("right.md"), text("compare/drift-commit-sha.md"),
            std::nullopt, [&](const ComparisonResult &partial) {
                ++calls;
                lines = partial;
            });
        QCOMPARE(calls, 1);
        QCOMPARE(lines.hunks.size(), 1);
        QVERIFY(lines.findings.isEmpty());
        QCOMPARE(result.lines, lines.lines);
        QCOMPARE(result.hunks, lines.hunks);
        QCOMPARE(result.summary.blockingKeys, QStringList{QStringLiteral("commit_sha")});
        QCOMPARE(result.left.kind, DocumentKind::DecisionRecord);
        QVERIFY(!result.left.digest.isEmpty());
        QVERIFY(result.left.digest != result.right.digest);
    }

    // The same session, the right side edited back and forth: each result is the one a fresh
    // session gives.
    void editedPairsAreComparedAgain()
    {
        ComparisonSession session;
        const SourceText left = text("input/decision-record.md");
        for (const char *right : {"compare/drift-commit-sha.md", "input/decision-record.md",
                 "compare/drift-outcome-nogo.md", "compare/drift-commit-sha.md"}) {
            const ComparisonResult again =
                session.run(QStringLiteral("l.md"), left, QStringLiteral("r.md"), text(right));
            const ComparisonResult fresh =
                ComparisonSession().run(QStringLiteral("l.md"), left, QStringLiteral("r.md"), text(right));
            QCOMPARE(again.findings, fresh.findings);
            QCOMPARE(again.lines, fresh.lines);
            QCOMPARE(again.left, fresh.left);
            QCOMPARE(again.right, fresh.right);
        }
    }

    void tooLargeToParse()
    {
        const SourceText small = text("input/decision-record.md");
        const SourceText large = SourceText::fromText(
            small.text().repeated(int(DocumentLoader::maxFileSize / small.text().size()) + 1));
        bool linesReported = false;
        const ComparisonResult result =
            ComparisonSession().run(QStringLiteral("small.md"), small, QStringLiteral("large.md"), large,
                std::nullopt, [&](const ComparisonResult &) { linesReported = true; });
        QVERIFY(!result.isStructural());
        QVERIFY(result.left.parsed);
        QVERIFY(!result.right.parsed);
        QVERIFY(result.findings.isEmpty());
        QCOMPARE(result.lines.changes.size(), 1);
        QCOMPARE(result.lines.changes.first().leftCount, 0); // the rest of the large text, added
        QVERIFY(!linesReported); // no findings to wait for: the result is the line diff
    }
};

QTEST_GUILESS_MAIN(TestComparisonSession)
#include "tst_comparisonsession.moc"
