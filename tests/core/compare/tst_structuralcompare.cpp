// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// StructuralCompare: the structural diff of two records, and how each difference is classified.
// Expected findings are read off the input files by hand (see the diffs noted on each row).
#include "compare/comparereport.h"
#include "compare/structuralcompare.h"
#include "compare/wordsimilarity.h"
#include "record/documentloader.h"
#include "record/markdownparser.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Countersign;
using Severity = CompareFinding::Severity;

namespace {

Document input(const QString &relative)
{
    return TestSupport::load(TestSupport::dataPath(relative));
}

QList<CompareFinding> compareFiles(const QString &left, const QString &right)
{
    return StructuralCompare::compare(input(left), input(right));
}

// "severity|section|key|leftLine|rightLine" per finding: compact enough to list a whole comparison.
QStringList digest(const QList<CompareFinding> &findings)
{
    QStringList out;
    for (const CompareFinding &finding : findings) {
        out.append(QStringLiteral("%1|%2|%3|%4|%5")
                .arg(CompareFinding::severityName(finding.severity), finding.section, finding.key)
                .arg(finding.leftLine)
                .arg(finding.rightLine));
    }
    return out;
}

CompareFinding finding(Severity severity, const QString &key)
{
    CompareFinding out;
    out.severity = severity;
    out.section = QStringLiteral("S");
    out.key = key;
    return out;
}

QList<CompareFinding> withSeverity(const QList<CompareFinding> &findings, Severity severity)
{
    QList<CompareFinding> out;
    for (const CompareFinding &finding : findings) {
        if (finding.severity == severity)
            out.append(finding);
    }
    return out;
}

// "key leftLine rightLine" of the findings in Decision Inputs.
QStringList inputWarnings(const QList<CompareFinding> &findings)
{
    QStringList inputs;
    for (const CompareFinding &f : findings) {
        if (f.section == u"Decision Inputs")
            inputs.append(QStringLiteral("%1 %2 %3").arg(f.key).arg(f.leftLine).arg(f.rightLine));
    }
    return inputs;
}

} // namespace

namespace Countersign {
inline char *toString(const CompareFinding &finding)
{
    return QTest::toString(finding.toText());
}
} // namespace Countersign

class TestStructuralCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The real samples: the producer's mirror against the consumer's record. They agree on target,
    // outcomes, roles and phases; the consumer lists a third residual risk of its own side, the two
    // sides list their own evidence and decision inputs, and word their scope and Owner line
    // differently. All of that is information: nothing warns, so the banner is green.
    void mirrorVersusConsumerSample()
    {
        const Document mirror = TestSupport::load(TestSupport::samplePath(
            QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md")));
        const Document consumer = TestSupport::load(
            TestSupport::samplePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md")));
        const QList<CompareFinding> findings = StructuralCompare::compare(mirror, consumer);
        const CompareSummary summary = CompareSummary::of(findings);
        QVERIFY(summary.isAligned());
        QCOMPARE(summary.blocking, 0);
        QCOMPARE(withSeverity(findings, Severity::Warning), QList<CompareFinding>());

        // The consumer's third residual risk (consumer line 45), only on the right: it speaks of the
        // consumer's own cache, in the consumer's record.
        const auto risk = std::find_if(findings.cbegin(), findings.cend(),
            [](const CompareFinding &f) { return f.section == u"Residual Risks (Non-blocking)"; });
        QVERIFY(risk != findings.cend());
        QCOMPARE(risk->severity, Severity::Info);
        QCOMPARE(risk->rightLine, 45);
        QCOMPARE(risk->leftLine, 0);
        QCOMPARE(risk->rightValue,
            QStringLiteral("Consumer cache warm-up after repin adds up to 90s of elevated p99 latency."));
        QCOMPARE(risk->message, QStringLiteral("only on the right"));
        // Decision inputs: only the mirror's "Producer addendum" (34). The two checkpoint packets meet by
        // file name although the mirror roots them in /Users/d/Projects; the mirror's "Consumer decision
        // record" (32) names the consumer's file and the consumer's "Producer decision mirror" (33) names
        // the mirror's: each names the other, so they agree.
        QCOMPARE(inputWarnings(findings), QStringList{QStringLiteral("Producer addendum 34 0")});
        // Notes: the Owner header line (4/4), the scope paragraph (7/7); evidence: mirror items 1, 2 and
        // 4 (38, 39, 41) and consumer items 1, 2 and 4 (37, 38, 40) on one side each, item 3 (40/39)
        // worded differently; the addendum input; the third risk.
        QCOMPARE(digest(withSeverity(findings, Severity::Info)),
            (QStringList{QStringLiteral("info|Header|Owner|4|4"), QStringLiteral("info|Decision Scope||7|7"),
                QStringLiteral("info|Decision Inputs|Producer addendum|34|0"),
                QStringLiteral("info|Runtime Cutover Completion Evidence|Immutable producer runtime baseline "
                               "published (v0.4.0).|38|0"),
                QStringLiteral(
                    "info|Runtime Cutover Completion Evidence|Consumer repin and governance bundle "
                    "aligned to the same ba\u2026|39|0"),
                QStringLiteral("info|Runtime Cutover Completion Evidence|Producer and consumer verification "
                               "suites are green at cuto\u2026|40|39"),
                QStringLiteral(
                    "info|Runtime Cutover Completion Evidence|Rollback readiness evidence refreshed "
                    "against the new runti\u2026|41|0"),
                QStringLiteral(
                    "info|Runtime Cutover Completion Evidence|Consumer repinned to producer baseline "
                    "v0.4.0 (7e4806a).|0|37"),
                QStringLiteral(
                    "info|Runtime Cutover Completion Evidence|Consumer governance bundle regenerated "
                    "against service.v3 /\u2026|0|38"),
                QStringLiteral(
                    "info|Runtime Cutover Completion Evidence|Rollback drill to v0.3.2 completed in "
                    "6m 40s against the ne\u2026|0|40"),
                QStringLiteral(
                    "info|Residual Risks (Non-blocking)|Consumer cache warm-up after repin adds up "
                    "to 90s of elevat\u2026|0|45")}));
        QCOMPARE(summary.headline(), QStringLiteral("Aligned, with 11 notes."));
    }

    // A one-sided residual risk warns unless it speaks of its own side only: one the other side should
    // list too (about the other side, both, or neither) is what someone must look at.
    void oneSidedResidualRisks_data()
    {
        QTest::addColumn<QString>("consumerRisk");
        QTest::addColumn<QString>("producerRisk");
        QTest::addColumn<QStringList>("expected");
        const QString shared = QStringLiteral("Schema additions still need a two-week lead time.");
        QTest::newRow("the consumer's own, in the consumer record: note")
            << "Consumer cache warm-up adds 90s of latency." << shared
            << QStringList{QStringLiteral("info|only on the left")};
        QTest::newRow("the producer's own, in the mirror: note")
            << shared << "Producer cache warm-up adds 90s of latency."
            << QStringList{QStringLiteral("info|only on the right")};
        QTest::newRow("about the producer, only in the consumer record: warning")
            << "Producer rollback takes 20 minutes." << shared
            << QStringList{QStringLiteral("warning|only on the left")};
        QTest::newRow("about the consumer, only in the mirror: warning")
            << shared << "Consumer repin may lag by a day."
            << QStringList{QStringLiteral("warning|only on the right")};
        QTest::newRow("about both sides: warning") << "Producer and consumer clocks may drift." << shared
                                                   << QStringList{QStringLiteral("warning|only on the left")};
        QTest::newRow("about neither: warning") << "Replay backlog may take 10 minutes to clear." << shared
                                                << QStringList{QStringLiteral("warning|only on the left")};
    }

    void oneSidedResidualRisks()
    {
        QFETCH(QString, consumerRisk);
        QFETCH(QString, producerRisk);
        QFETCH(QStringList, expected);
        const QString shared = QStringLiteral("Schema additions still need a two-week lead time.");
        auto record = [&](const QString &title, const QString &risk) {
            QString text =
                title + QStringLiteral("\n\n## Residual Risks (Non-blocking)\n1. ") + shared + u'\n';
            if (risk != shared)
                text += QStringLiteral("2. ") + risk + u'\n';
            return MarkdownParser::parse(SourceText::fromText(text));
        };
        const Document consumer = record(QStringLiteral("# Runtime Cutover Decision Record"), consumerRisk);
        const Document producer =
            record(QStringLiteral("# Runtime Cutover Decision Record (Producer Mirror)"), producerRisk);
        QCOMPARE(consumer.side, DocumentSide::Consumer);
        QCOMPARE(producer.side, DocumentSide::Producer);
        QStringList found;
        for (const CompareFinding &f : StructuralCompare::compare(consumer, producer))
            found.append(CompareFinding::severityName(f.severity) + u'|' + f.message);
        QCOMPARE(found, expected);
    }

    // A section that decides the cutover and only one side has: each of its fields, roles or outcomes
    // is stated by that side alone, which is blocking. The producer mirror (left) against the consumer's
    // record without the section; the mirror's lines read off input/producer-mirror.md.
    void wholeDecisiveSectionMissing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("no Approved Runtime Target")
            << "compare/consumer-without-target.md"
            << QStringList{QStringLiteral("blocking|Approved Runtime Target|release_tag|14|0"),
                   QStringLiteral("blocking|Approved Runtime Target|commit_sha|15|0"),
                   QStringLiteral("blocking|Approved Runtime Target|engine_contract_version|16|0"),
                   QStringLiteral("blocking|Approved Runtime Target|api_contract_version|17|0"),
                   QStringLiteral("blocking|Approved Runtime Target|integration_baseline|18|0")};
        QTest::newRow("no Ownership")
            << "compare/consumer-without-ownership.md"
            << QStringList{
                   QStringLiteral("blocking|Ownership (Named Roles)|Tessera incident commander role|21|0"),
                   QStringLiteral("blocking|Ownership (Named Roles)|Harbor incident commander role|22|0"),
                   QStringLiteral("blocking|Ownership (Named Roles)|Tessera rollback owner role|23|0"),
                   QStringLiteral("blocking|Ownership (Named Roles)|Harbor rollback owner role|24|0"),
                   QStringLiteral("blocking|Ownership (Named Roles)|Joint decision log owner role|25|0")};
        QTest::newRow("no Decision Outcome")
            << "compare/consumer-without-outcome.md"
            << QStringList{QStringLiteral("blocking|Decision Outcome|Rehearsal continuation|10|0"),
                   QStringLiteral("blocking|Decision Outcome|Runtime cutover execution|11|0")};
    }

    void wholeDecisiveSectionMissing()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        const QList<CompareFinding> findings = compareFiles(QStringLiteral("input/producer-mirror.md"), file);
        QCOMPARE(digest(withSeverity(findings, Severity::Blocking)), expected);
        QVERIFY(!CompareSummary::of(findings).isAligned());
        // The other way round, too.
        const QList<CompareFinding> swapped = compareFiles(file, QStringLiteral("input/producer-mirror.md"));
        QCOMPARE(withSeverity(swapped, Severity::Blocking).size(), expected.size());
        QVERIFY(CompareSummary::of(swapped).headline().startsWith(u"Not aligned: "));
    }

    // A pair with nothing to compare is "Not comparable", never "Aligned": a file that is not a
    // cutover record, or an addendum against another kind.
    void notComparable_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QString>("headline");
        QTest::newRow("a README against a record")
            << "compare/not-a-record.md"
            << "input/decision-record.md"
            << "Not comparable: not-a-record.md is not a cutover record.";
        QTest::newRow("a record against a README")
            << "input/producer-mirror.md"
            << "compare/not-a-record.md"
            << "Not comparable: not-a-record.md is not a cutover record.";
        QTest::newRow("an addendum against a record")
            << "input/addendum.md"
            << "input/decision-record.md"
            << "Not comparable: addendum.md is an addendum and decision-record.md a decision record: the "
               "two have nothing in common.";
        QTest::newRow("a checkpoint against an addendum")
            << "input/checkpoint-producer.md"
            << "input/addendum.md"
            << "Not comparable: checkpoint-producer.md is a checkpoint packet and addendum.md an addendum: "
               "the two have nothing in common.";
    }

    void notComparable()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QString, headline);
        const QList<CompareFinding> findings = compareFiles(left, right);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().severity, Severity::NotComparable);
        const CompareSummary summary = CompareSummary::of(findings);
        QVERIFY(!summary.isComparable());
        QVERIFY(!summary.isAligned());
        QCOMPARE(summary.headline(), headline);
    }

    void comparableKinds_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::newRow("record, mirror") << "input/decision-record.md"
                                        << "input/producer-mirror.md";
        QTest::newRow("record, checkpoint") << "input/decision-record.md"
                                            << "input/checkpoint-consumer.md";
        QTest::newRow("checkpoint, mirror") << "input/checkpoint-producer.md"
                                            << "input/producer-mirror.md";
        QTest::newRow("two checkpoints") << "input/checkpoint-producer.md"
                                         << "input/checkpoint-consumer.md";
        QTest::newRow("two addenda") << "input/addendum.md"
                                     << "input/addendum.md";
    }

    void comparableKinds()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QCOMPARE(StructuralCompare::notComparable(input(left), input(right)), QString());
        QVERIFY(CompareSummary::of(compareFiles(left, right)).isComparable());
    }

    // The inputs naming the other record meet by the counterpart they name, not only by file name:
    // read under other names, the record's "Producer decision mirror" and the mirror's "Consumer
    // decision record" still meet.
    void counterpartInputsMeetWhateverTheFilesAreCalled()
    {
        auto renamed = [](const QString &sample, const QString &name) {
            Document doc = TestSupport::load(TestSupport::samplePath(sample));
            doc.fileName = name;
            return doc;
        };
        const Document mirror =
            renamed(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"),
                QStringLiteral("a.md"));
        const Document consumer =
            renamed(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"), QStringLiteral("b.md"));
        // They meet (mirror 32, consumer 33), noted because neither names the file it is compared with
        // (a record pointing at another cutover's mirror must not pass unseen); nothing warns.
        const QList<CompareFinding> findings = StructuralCompare::compare(mirror, consumer);
        QCOMPARE(inputWarnings(findings),
            (QStringList{
                QStringLiteral("Consumer decision record 32 33"), QStringLiteral("Producer addendum 34 0")}));
        QCOMPARE(withSeverity(findings, Severity::Warning), QList<CompareFinding>());
        const auto met = std::find_if(findings.cbegin(), findings.cend(),
            [](const CompareFinding &f) { return f.key == u"Consumer decision record"; });
        QCOMPARE(met->severity, Severity::Info);
        QCOMPARE(met->message, QStringLiteral("names the other record by another file name"));
        QCOMPARE(met->leftValue, QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));
        QCOMPARE(
            met->rightValue, QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"));
        QCOMPARE(inputWarnings(StructuralCompare::compare(consumer, mirror)),
            (QStringList{
                QStringLiteral("Producer decision mirror 33 32"), QStringLiteral("Producer addendum 0 34")}));
    }

    // Drifted copies of tests/data/input/decision-record.md, each against the original (left).
    // Thousands of items in a section, a few of them reworded: matched by hash and by nearby
    // similarity, so memory and time stay near linear (pairing every item with every other would
    // need gigabytes here).
    void longSectionsStayLinear()
    {
        auto record = [](int edited) {
            QString text = QStringLiteral(
                "# Runtime Cutover Decision Record\n\n## Runtime Cutover Completion Evidence\n");
            for (int i = 0; i < 6000; ++i) {
                const int node = (edited > 0 && i % edited == 0) ? 1000 + i : i % 97;
                text += QStringLiteral("%1. Verification step %2 passed on node %3.\n")
                            .arg(i + 1)
                            .arg(i)
                            .arg(node);
            }
            return MarkdownParser::parse(SourceText::fromText(text));
        };
        const QList<CompareFinding> findings = StructuralCompare::compare(record(0), record(100));
        const CompareSummary summary = CompareSummary::of(findings);
        QCOMPARE(summary.blocking, 0);
        QCOMPARE(summary.warnings, 0);
        QCOMPARE(summary.notes, 60); // items 0, 100, ..., 5900 reworded
    }

    void drift_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("leftValue");
        QTest::addColumn<QString>("rightValue");
        QTest::addColumn<bool>("aligned");
        QTest::newRow("changed commit_sha: blocking")
            << "compare/drift-commit-sha.md"
            << QStringList{QStringLiteral("blocking|Approved Runtime Target|commit_sha|16|16")}
            << "3f9c2a7d5e8b1c4f6a0d9e2b7c5a8f1e3d6b9c0a"
            << "9b1d4e6f8a0c2e4f6a8b0d2f4a6c8e0a2b4d6f8a" << false;
        QTest::newRow("outcome GO -> NO-GO: blocking")
            << "compare/drift-outcome-nogo.md"
            << QStringList{QStringLiteral("blocking|Decision Outcome|Runtime cutover execution|12|12")}
            << "GO"
            << "NO-GO" << false;
        QTest::newRow("role holder renamed: blocking")
            << "compare/drift-role-holder.md"
            << QStringList{QStringLiteral(
                   "blocking|Ownership (Named Roles)|Tessera rollback owner role|24|24")}
            << "Tessera Release Manager"
            << "Tessera Release Lead" << false;
        // A field or role only one side states is a disagreement too (blocking).
        QTest::newRow("runtime target field missing on one side: blocking")
            << "compare/drift-missing-target-field.md"
            << QStringList{QStringLiteral("blocking|Approved Runtime Target|integration_baseline|19|0")}
            << "integration/v3"
            << "" << false;
        QTest::newRow("named role missing on one side: blocking")
            << "compare/drift-missing-role.md"
            << QStringList{QStringLiteral("blocking|Ownership (Named Roles)|Harbor rollback owner role|25|0")}
            << "Harbor Integrations Owner"
            << "" << false;
        QTest::newRow("outcome missing on one side: blocking")
            << "compare/drift-missing-outcome.md"
            << QStringList{QStringLiteral("blocking|Decision Outcome|Rehearsal continuation|11|0")} << "GO"
            << "" << false;
        QTest::newRow("phase status changed: warning")
            << "compare/drift-phase-status.md"
            << QStringList{QStringLiteral("warning|Phase Status Mapping|Phase 5|48|48")}
            << "Active (stabilization window)"
            << "Complete" << true;
        QTest::newRow("extra residual risk: warning")
            << "compare/drift-extra-risk.md"
            << QStringList{QStringLiteral(
                   "warning|Residual Risks (Non-blocking)|Replay backlog after repin may take "
                   "10 minutes to clear.|0|44")}
            << ""
            << "Replay backlog after repin may take 10 minutes to clear." << true;
        QTest::newRow("wording only: info")
            << "compare/drift-wording.md"
            << QStringList{QStringLiteral("info|Decision Scope||7|7"),
                   QStringLiteral(
                       "info|Runtime Cutover Completion Evidence|Consumer verification suite green at "
                       "cutover close (1288 pa\u2026|39|39")}
            << "Consumer-side record of the bilateral Phase 4 runtime cutover decision for the Harbor "
               "ticketing "
               "integration with Tessera engine.v2."
            << "Consumer-side record of the bilateral Phase 4 runtime cutover decision for the Harbor "
               "ticketing "
               "and billing integration with Tessera engine.v2."
            << true;
    }

    void drift()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        QFETCH(QString, leftValue);
        QFETCH(QString, rightValue);
        QFETCH(bool, aligned);
        const QList<CompareFinding> findings = compareFiles(QStringLiteral("input/decision-record.md"), file);
        QCOMPARE(digest(findings), expected);
        QCOMPARE(findings.first().leftValue, leftValue);
        QCOMPARE(findings.first().rightValue, rightValue);
        QCOMPARE(CompareSummary::of(findings).isAligned(), aligned);
    }

    void combinedDriftHeadline()
    {
        // commit_sha (16), Runtime cutover execution (12), Phase 4 Complete -> Active (47).
        const QList<CompareFinding> findings = compareFiles(
            QStringLiteral("input/decision-record.md"), QStringLiteral("compare/drift-combined.md"));
        QCOMPARE(CompareSummary::of(findings).headline(),
            QStringLiteral(
                "Not aligned: 2 blocking differences (Runtime cutover execution, commit_sha), 1 warning."));
    }

    // Format drift of the same record stays aligned; renamed headings are noted, nothing else.
    void formatDriftStaysAligned_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("star bullets") << "input/variant-star-bullets.md" << QStringList();
        QTest::newRow("### headings, setext title") << "input/variant-h3-headings.md" << QStringList();
        QTest::newRow("roles as a table") << "input/variant-roles-table.md" << QStringList();
        QTest::newRow("crlf") << "input/variant-crlf.md" << QStringList();
        QTest::newRow("bom") << "input/variant-bom.md" << QStringList();
        // decision-record.md: Outcome 10, Target 14, Ownership 21, Residual Risks 41; the variant renames
        // them and moves them to 25, 18, 11 and 33.
        QTest::newRow("reordered and renamed")
            << "input/variant-reordered-renamed.md"
            << QStringList{QStringLiteral("info|Decision Outcome||10|25"),
                   QStringLiteral("info|Approved Runtime Target||14|18"),
                   QStringLiteral("info|Ownership (Named Roles)||21|11"),
                   QStringLiteral("info|Residual Risks (Non-blocking)||41|33")};
    }

    void formatDriftStaysAligned()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        const QList<CompareFinding> findings = compareFiles(QStringLiteral("input/decision-record.md"), file);
        QCOMPARE(digest(findings), expected);
        QVERIFY(CompareSummary::of(findings).isAligned());
    }

    // variant-missing-sections.md has no Ownership (21-26 in the original) and no Phase Status Mapping
    // (45): each role the original names is named by one side only (blocking); the phases are a note.
    // An unlabelled item written the same way on both sides is the same item, even when another item
    // before it has the same significant words (before, the first of the two took the partner, and the
    // item present on both sides was reported as reworded and the other as missing).
    void anIdenticalItemMeetsItsTwinFirst()
    {
        auto record = [](const QString &items) {
            return MarkdownParser::parse(SourceText::fromText(
                QStringLiteral(
                    "# Runtime Cutover Decision Record\n\n## Runtime Cutover Completion Evidence\n") +
                items));
        };
        const QList<CompareFinding> findings = StructuralCompare::compare(
            record(QStringLiteral("- Drill passed, staging.\n- Drill passed staging\n")),
            record(QStringLiteral("- Drill passed staging\n")));
        QCOMPARE(digest(findings),
            QStringList{
                QStringLiteral("info|Runtime Cutover Completion Evidence|Drill passed, staging.|4|0")});
        QCOMPARE(findings.first().message, QStringLiteral("only on the left"));
    }

    void missingSections()
    {
        const QList<CompareFinding> findings = compareFiles(
            QStringLiteral("input/decision-record.md"), QStringLiteral("input/variant-missing-sections.md"));
        QCOMPARE(digest(findings),
            (QStringList{
                QStringLiteral("blocking|Ownership (Named Roles)|Tessera incident commander role|22|0"),
                QStringLiteral("blocking|Ownership (Named Roles)|Harbor incident commander role|23|0"),
                QStringLiteral("blocking|Ownership (Named Roles)|Tessera rollback owner role|24|0"),
                QStringLiteral("blocking|Ownership (Named Roles)|Harbor rollback owner role|25|0"),
                QStringLiteral("blocking|Ownership (Named Roles)|Joint decision log owner role|26|0"),
                QStringLiteral("info|Phase Status Mapping||45|0")}));
        QCOMPARE(findings.first().message, QStringLiteral("named role only on the left"));
        QCOMPARE(findings.last().message, QStringLiteral("section only on the left"));
    }

    // Producer checkpoint (FAIL soak gate, line 26) against the consumer's: same target and recommendation.
    void checkpointVersusCheckpoint()
    {
        const QList<CompareFinding> findings = compareFiles(
            QStringLiteral("input/checkpoint-producer.md"), QStringLiteral("input/checkpoint-consumer.md"));
        QVERIFY(CompareSummary::of(findings).isAligned());
        const auto soak = std::find_if(findings.cbegin(), findings.cend(),
            [](const CompareFinding &f) { return f.key == u"Soak test 24h"; });
        QVERIFY(soak != findings.cend());
        QCOMPARE(soak->severity, Severity::Warning);
        QCOMPARE(soak->leftLine, 26);
        QCOMPARE(soak->leftValue, QStringLiteral("FAIL | memory growth 3%/h, fix in v2.1.1"));
        QCOMPARE(soak->message, QStringLiteral("only on the left"));
        // Schema parity: PASS on both sides with the same evidence (line 23 on both): no finding.
        QVERIFY(std::none_of(findings.cbegin(), findings.cend(),
            [](const CompareFinding &f) { return f.key == u"Schema parity"; }));
        // Summary: checkpoint_id (7) and prepared_by (10) differ in wording; recommendation is GO on both.
        QVERIFY(std::any_of(findings.cbegin(), findings.cend(), [](const CompareFinding &f) {
            return f.key == u"prepared_by" && f.severity == Severity::Info && f.leftLine == 10 &&
                f.rightLine == 10;
        }));
    }

    void checkpointGateStatus()
    {
        // The sample checkpoints: "Load test at 2x peak" is PASS for the producer and WARN for the consumer
        // (26).
        const QList<CompareFinding> findings = StructuralCompare::compare(
            TestSupport::load(TestSupport::samplePath(
                QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md"))),
            TestSupport::load(TestSupport::samplePath(
                QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"))));
        const auto load = std::find_if(findings.cbegin(), findings.cend(),
            [](const CompareFinding &f) { return f.key == u"Load test at 2x peak"; });
        QVERIFY(load != findings.cend());
        QCOMPARE(load->severity, Severity::Warning);
        QCOMPARE(load->message, QStringLiteral("status differs"));
        QCOMPARE(load->leftLine, 26);
        QCOMPARE(load->rightLine, 26);
    }

    void recordVersusCheckpoint_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("checkpoint");
        QTest::addColumn<QStringList>("expected");
        // Target: record 14, checkpoint 12 ("Approved Runtime Target" vs "Runtime Target Under Review").
        QTest::newRow("aligned") << "input/decision-record.md"
                                 << "input/checkpoint-consumer.md"
                                 << QStringList{QStringLiteral("info|Approved Runtime Target||14|12")};
        QTest::newRow("NO-GO recommendation and another release tag")
            << "input/decision-record.md"
            << "compare/checkpoint-consumer-nogo.md"
            << QStringList{QStringLiteral("info|Approved Runtime Target||14|12"),
                   QStringLiteral("blocking|Approved Runtime Target|release_tag|15|13"),
                   QStringLiteral("blocking|Decision Outcome|Runtime cutover execution|12|9")};
    }

    void recordVersusCheckpoint()
    {
        QFETCH(QString, record);
        QFETCH(QString, checkpoint);
        QFETCH(QStringList, expected);
        QCOMPARE(digest(compareFiles(record, checkpoint)), expected);
        // The other way round, sides swap.
        QStringList swapped;
        for (const CompareFinding &f : compareFiles(checkpoint, record)) {
            swapped.append(QStringLiteral("%1|%2|%3")
                    .arg(CompareFinding::severityName(f.severity), f.key)
                    .arg(f.rightLine));
        }
        QCOMPARE(swapped.size(), expected.size());
    }

    void identicalIsAligned()
    {
        const QList<CompareFinding> findings = compareFiles(
            QStringLiteral("input/producer-mirror.md"), QStringLiteral("input/producer-mirror.md"));
        QVERIFY(findings.isEmpty());
        QCOMPARE(CompareSummary::of(findings).headline(), QStringLiteral("Aligned."));
    }

    void headlines_data()
    {
        QTest::addColumn<int>("blocking");
        QTest::addColumn<int>("warnings");
        QTest::addColumn<int>("notes");
        QTest::addColumn<QString>("headline");
        QTest::newRow("nothing") << 0 << 0 << 0 << "Aligned.";
        QTest::newRow("one note") << 0 << 0 << 1 << "Aligned, with 1 note.";
        QTest::newRow("warnings and notes") << 0 << 2 << 5 << "Aligned, with 2 warnings and 5 notes.";
        QTest::newRow("one blocking") << 1 << 0 << 0 << "Not aligned: 1 blocking difference (key 0).";
        QTest::newRow("five blocking, one warning")
            << 5 << 1 << 0
            << "Not aligned: 5 blocking differences (key 0, key 1, key 2 and 2 more), 1 warning.";
    }

    void headlines()
    {
        QFETCH(int, blocking);
        QFETCH(int, warnings);
        QFETCH(int, notes);
        QFETCH(QString, headline);
        QList<CompareFinding> findings;
        for (int i = 0; i < blocking; ++i)
            findings.append(finding(Severity::Blocking, QStringLiteral("key %1").arg(i)));
        for (int i = 0; i < warnings; ++i)
            findings.append(finding(Severity::Warning, QStringLiteral("w")));
        for (int i = 0; i < notes; ++i)
            findings.append(finding(Severity::Info, QStringLiteral("n")));
        QCOMPARE(CompareSummary::of(findings).headline(), headline);
    }

    void json()
    {
        const Document left = input(QStringLiteral("input/decision-record.md"));
        const Document right = input(QStringLiteral("compare/drift-commit-sha.md"));
        const QList<CompareFinding> findings = StructuralCompare::compare(left, right);
        QJsonParseError error;
        const QJsonObject root =
            QJsonDocument::fromJson(CompareReport::toJson(left, right, findings), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(u"aligned").toBool(), false);
        QCOMPARE(
            root.value(u"left").toObject().value(u"file").toString(), QStringLiteral("decision-record.md"));
        QCOMPARE(root.value(u"counts").toObject().value(u"blocking").toInt(), 1);
        const QJsonObject first = root.value(u"findings").toArray().first().toObject();
        QCOMPARE(first.value(u"severity").toString(), QStringLiteral("blocking"));
        QCOMPARE(first.value(u"key").toString(), QStringLiteral("commit_sha"));
        QCOMPARE(first.value(u"leftLine").toInt(), 16);
        QCOMPARE(first.value(u"rightValue").toString(),
            QStringLiteral("9b1d4e6f8a0c2e4f6a8b0d2f4a6c8e0a2b4d6f8a"));
    }

    void similarity_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("identical") << "Schema parity"
                                   << "Schema parity" << true;
        QTest::newRow("plural and punctuation") << "Verification suites are green."
                                                << "verification suite green" << true;
        QTest::newRow("different gates") << "Rollback drill to v0.3.2"
                                         << "Rollback artifact v0.3.2 retained" << false;
        QTest::newRow("nothing shared") << "Producer addendum"
                                        << "Consumer checkpoint packet" << false;
        QTest::newRow("empty") << ""
                               << "the of and" << false;
    }

    void similarity()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(WordSimilarity::similarity(a, b) >= WordSimilarity::threshold, same);
    }
};

QTEST_GUILESS_MAIN(TestStructuralCompare)
#include "tst_structuralcompare.moc"
