// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// ComparisonWorker: results arrive on the GUI thread, only the newest request counts, and a burst of
// requests within the debounce interval runs once.
#include "comparisonworker.h"
#include "record/markdownparser.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Countersign;

namespace {

Document input(const char *name)
{
    return TestSupport::load(TestSupport::dataPath(QString::fromLatin1(name)));
}

} // namespace

class TestComparisonWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversTheComparison()
    {
        ComparisonWorker worker;
        QSignalSpy spy(&worker, &ComparisonWorker::finished);
        worker.request(input("input/decision-record.md"), input("compare/drift-commit-sha.md"));
        QVERIFY(worker.isBusy());
        QVERIFY(spy.wait(10000));
        QVERIFY(!worker.isBusy());
        const auto result = spy.first().first().value<ComparisonResult>();
        QCOMPARE(result.summary.blocking, 1);
        QCOMPARE(result.summary.blockingKeys, QStringList{QStringLiteral("commit_sha")});
        QCOMPARE(result.lines.changes.size(), 1);
        QCOMPARE(result.lines.changes.first().leftStart, 15); // line 16, 0-based
        QCOMPARE(result.hunks.size(), 1);
        QCOMPARE(result.hunks.first().rows.first().kind, DiffRow::Kind::Changed);
    }

    void onlyTheNewestRequestCounts()
    {
        ComparisonWorker worker;
        worker.setDebounceInterval(0);
        QSignalSpy spy(&worker, &ComparisonWorker::finished);
        worker.request(input("input/decision-record.md"), input("compare/drift-commit-sha.md"));
        worker.request(input("input/decision-record.md"), input("compare/drift-outcome-nogo.md"));
        QVERIFY(spy.wait(10000));
        QTest::qWait(200); // a stale result, had it been delivered, would have arrived by now
        QCOMPARE(spy.count(), 1);
        const auto result = spy.first().first().value<ComparisonResult>();
        QCOMPARE(result.summary.blockingKeys, QStringList{QStringLiteral("Runtime cutover execution")});
    }

    void burstRunsOnce()
    {
        ComparisonWorker worker;
        worker.setDebounceInterval(100);
        QSignalSpy spy(&worker, &ComparisonWorker::finished);
        const Document left = input("input/decision-record.md");
        for (const char *name :
            {"compare/drift-commit-sha.md", "compare/drift-role-holder.md", "compare/drift-phase-status.md"})
            worker.request(left, input(name));
        QVERIFY(spy.wait(10000));
        QTest::qWait(300);
        QCOMPARE(spy.count(), 1);
        const auto result = spy.first().first().value<ComparisonResult>();
        QCOMPARE(result.summary.blocking, 0);
        QCOMPARE(result.summary.warnings, 1);
    }

    // Destroying the worker while it runs waits for the run and delivers nothing.
    void destroyedWhileRunning()
    {
        QString big;
        for (int i = 0; i < 50000; ++i)
            big += QStringLiteral("- item_%1: `%2`\n").arg(i % 7).arg(i % 3);
        const Document left =
            MarkdownParser::parse(SourceText::fromText(QStringLiteral("# A\n\n## Runtime Target\n") + big));
        const Document right =
            MarkdownParser::parse(SourceText::fromText(QStringLiteral("# B\n\n## Runtime Target\n") +
                big.repeated(1).replace(QStringLiteral("`1`"), QStringLiteral("`2`"))));
        auto *worker = new ComparisonWorker;
        worker->setDebounceInterval(0);
        worker->request(left, right);
        QTest::qWait(20);
        delete worker;
        QTest::qWait(50);
    }
};

QTEST_MAIN(TestComparisonWorker)
#include "tst_comparisonworker.moc"
