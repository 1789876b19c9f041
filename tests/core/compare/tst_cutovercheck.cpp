// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// CutoverCheck: the documents of a cutover checked against each other. Each folder under
// tests/data/cutover is the clean set with one problem written into it (see the comment on its row).
#include "compare/cutovercheck.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QTest>

using namespace Countersign;

namespace {

QString scenario(const QString &name)
{
    return TestSupport::dataPath(QStringLiteral("cutover/") + name);
}

QString fileName(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

// "severity|key|leftFile:leftLine|rightFile:rightLine" per finding, files by name.
QStringList digest(const QList<CompareFinding> &findings)
{
    QStringList out;
    for (const CompareFinding &f : findings) {
        out.append(QStringLiteral("%1|%2|%3:%4|%5:%6")
                .arg(CompareFinding::severityName(f.severity), f.key, fileName(f.leftFile))
                .arg(f.leftLine)
                .arg(fileName(f.rightFile))
                .arg(f.rightLine));
    }
    return out;
}

const QString record = QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md");
const QString mirror = QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-03-14.md");
const QString consumerCheckpoint = QStringLiteral("ENGINE_V2_CUTOVER_CHECKPOINT_2026-03-14.md");
const QString producerCheckpoint = QStringLiteral("ENGINE_V2_CUTOVER_CHECKPOINT_PRODUCER_2026-03-14.md");

} // namespace

class TestCutoverCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenarios_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("exitCode");
        // Consumer and producer folders nested as in the teams' repositories; README.md is not a record.
        QTest::newRow("clean") << "clean" << QStringList() << 0;
        // The mirror's commit_sha (line 15) differs from the record's (line 16).
        QTest::newRow("target mismatch")
            << "target-mismatch"
            << QStringList{QStringLiteral("blocking|commit_sha|%1:16|%2:15").arg(record, mirror)} << 1;
        // The producer checkpoint's soak gate (line 26) is FAIL while record (12) and mirror (11) say GO
        // and both checkpoints recommend GO (line 9).
        QTest::newRow("GO with a FAIL gate")
            << "go-with-failed-gate"
            << QStringList{QStringLiteral("blocking|Soak test 24h|%1:12|%2:26")
                               .arg(record, producerCheckpoint),
                   QStringLiteral("blocking|Soak test 24h|%1:11|%2:26").arg(mirror, producerCheckpoint),
                   QStringLiteral("blocking|Soak test 24h|%1:9|%2:26")
                       .arg(consumerCheckpoint, producerCheckpoint),
                   QStringLiteral("blocking|Soak test 24h|%1:9|%2:26")
                       .arg(producerCheckpoint, producerCheckpoint)}
            << 1;
        // The consumer checkpoint's replay gate (line 24) is WARN; no risk or open item speaks of replay.
        // (Its queue-drain WARN, line 26, is open item 1.)
        QTest::newRow("unmentioned WARN gate")
            << "unmentioned-warn"
            << QStringList{QStringLiteral("warning|Replay of production traffic|%1:24|:0")
                       .arg(consumerCheckpoint)}
            << 0;
        // The consumer checkpoint asks "Harbor Security Reviewer" (line 36) to sign; neither record's
        // Ownership (record line 22, mirror line 21 first role) names it.
        QTest::newRow("requested role missing from Ownership")
            << "missing-role"
            << QStringList{QStringLiteral("blocking|Harbor Security Reviewer|%1:36|%2:22")
                               .arg(consumerCheckpoint, record),
                   QStringLiteral("blocking|Harbor Security Reviewer|%1:36|%2:21")
                       .arg(consumerCheckpoint, mirror)}
            << 1;
        // The record's decision input at line 35 names LOAD_TEST_REPORT_2026-03-14.md, which is not in the
        // folder.
        QTest::newRow("decision input not present")
            << "missing-input"
            << QStringList{QStringLiteral("warning|Consumer load test report|%1:35|:0").arg(record)} << 0;
        // NOTES_2026-03-14.md is not UTF-8: reported, the rest still checked (and clean).
        QTest::newRow("unreadable file") << "unreadable-file" << QStringList() << 2;
    }

    void scenarios()
    {
        QFETCH(QString, folder);
        QFETCH(QStringList, expected);
        QFETCH(int, exitCode);
        const CutoverCheck check = CutoverCheck::run({scenario(folder)});
        QCOMPARE(digest(check.findings()), expected);
        QCOMPARE(check.exitCode(), exitCode);
        QCOMPARE(check.groups().size(), 1);
        QCOMPARE(check.groups().first().date, QStringLiteral("2026-03-14"));
        QCOMPARE(check.groups().first().members.size(), 5);
        QCOMPARE(check.groups().first().members.first().kind, DocumentKind::DecisionRecord);
    }

    void unreadableFileIsNamed()
    {
        const CutoverCheck check = CutoverCheck::run({scenario(QStringLiteral("unreadable-file"))});
        QCOMPARE(check.errors().size(), 1);
        QVERIFY(check.errors().first().file.endsWith(u"NOTES_2026-03-14.md"));
        QCOMPARE(check.errors().first().code, Error::Code::InvalidUtf8);
        QCOMPARE(check.headline(), QStringLiteral("Incomplete: 1 file could not be read. Aligned."));
    }

    void ignoresNonRecords()
    {
        const CutoverCheck check = CutoverCheck::run({scenario(QStringLiteral("clean"))});
        QCOMPARE(check.ignored(), QStringList{scenario(QStringLiteral("clean/README.md"))});
        QCOMPARE(check.headline(), QStringLiteral("Aligned."));
    }

    void samplesAreConsistent()
    {
        // The real samples: one cutover (2026-02-08, from the file names) of five documents, consistent.
        // The consumer's WARN load-test gate is carried by its open item 1 and the record's third risk.
        const CutoverCheck check = CutoverCheck::run({QStringLiteral(COUNTERSIGN_SAMPLES)});
        QCOMPARE(check.groups().size(), 1);
        QCOMPARE(check.groups().first().date, QStringLiteral("2026-02-08"));
        QCOMPARE(check.groups().first().members.size(), 5);
        QCOMPARE(digest(check.findings()), QStringList());
        QCOMPARE(check.exitCode(), 0);
    }

    void filesGivenOneByOne()
    {
        // Files rather than a folder: only those are present, so the record's inputs naming the mirror
        // (line 33) and the producer checkpoint (31) are missing; the consumer checkpoint (29) is given.
        const QString folder = scenario(QStringLiteral("target-mismatch/"));
        const CutoverCheck check = CutoverCheck::run({folder + record, folder + consumerCheckpoint});
        QCOMPARE(digest(check.findings()),
            (QStringList{QStringLiteral("warning|Producer checkpoint packet|%1:31|:0").arg(record),
                QStringLiteral("warning|Producer decision mirror|%1:33|:0").arg(record)}));
    }

    void groupsByDate()
    {
        // The input folder's records carry no date in their names: Updated: 2026-03-14 groups them all.
        const CutoverCheck check = CutoverCheck::run({QStringLiteral(COUNTERSIGN_SAMPLES),
            TestSupport::dataPath(QStringLiteral("input/decision-record.md"))});
        QCOMPARE(check.groups().size(), 2);
        QCOMPARE(check.groups().at(0).date, QStringLiteral("2026-02-08"));
        QCOMPARE(check.groups().at(1).date, QStringLiteral("2026-03-14"));
    }

    void missingPathIsAnError()
    {
        const CutoverCheck check = CutoverCheck::run({scenario(QStringLiteral("no-such-folder"))});
        QCOMPARE(check.errors().size(), 1);
        QCOMPARE(check.errors().first().code, Error::Code::FileNotFound);
        QCOMPARE(check.exitCode(), 2);
    }

    void json()
    {
        const CutoverCheck check = CutoverCheck::run({scenario(QStringLiteral("target-mismatch"))});
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(check.toJson(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(u"aligned").toBool(), false);
        QCOMPARE(root.value(u"headline").toString(),
            QStringLiteral("Not aligned: 1 blocking difference (commit_sha)."));
        QCOMPARE(root.value(u"groups").toArray().first().toObject().value(u"documents").toArray().size(), 5);
        const QJsonObject finding = root.value(u"findings").toArray().first().toObject();
        QVERIFY(finding.value(u"rightFile").toString().endsWith(mirror));
        QCOMPARE(finding.value(u"rightLine").toInt(), 15);
    }
    // Progress counts the markdown files read, after an announcement while the folders are listed.
    void progressCountsEveryFile()
    {
        QList<QPair<int, int>> reports;
        const CutoverCheck check = CutoverCheck::run({QStringLiteral(COUNTERSIGN_SAMPLES)}, std::nullopt,
            [&reports](int done, int total) { reports.append({done, total}); });
        QVERIFY(!check.isCancelled());
        QCOMPARE(check.groups().first().members.size(), 5);
        QCOMPARE(reports, (QList<QPair<int, int>>{{0, 0}, {0, 5}, {1, 5}, {2, 5}, {3, 5}, {4, 5}, {5, 5}}));
    }

    // Cancelled after the second file: no third file is read and the check holds nothing.
    void cancelStopsBeforeTheNextFile()
    {
        QPromise<void> promise;
        promise.start();
        int lastDone = -1;
        const CutoverCheck check =
            CutoverCheck::run({QStringLiteral(COUNTERSIGN_SAMPLES)}, promise.future(), [&](int done, int) {
                lastDone = done;
                if (done == 2)
                    promise.future().cancel();
            });
        QVERIFY(check.isCancelled());
        QCOMPARE(lastDone, 2);
        QVERIFY(check.groups().isEmpty());
        QVERIFY(check.findings().isEmpty());
    }

    void cancelledBeforeItStarts()
    {
        QPromise<void> promise;
        promise.start();
        promise.future().cancel();
        int reports = 0;
        const CutoverCheck check = CutoverCheck::run(
            {scenario(QStringLiteral("clean"))}, promise.future(), [&reports](int, int) { ++reports; });
        QVERIFY(check.isCancelled());
        QCOMPARE(reports, 2); // listing, and the total; then it stops before the first file
    }
};

QTEST_GUILESS_MAIN(TestCutoverCheck)
#include "tst_cutovercheck.moc"
