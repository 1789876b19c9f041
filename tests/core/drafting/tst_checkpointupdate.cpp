// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// CheckpointUpdate: records brought up to a checkpoint packet. The expected files in
// tests/data/drafting/update were written by hand from the inputs and read line by line: only the
// values, the added lines and the Updated date differ, with every other byte (CRLF included) as it was.
// update/AssistSupport holds a record newer than its checkpoint (the date would go back), with Phase 9
// still Active, and the checkpoint in another folder of the same repository.
#include "compare/structuralcompare.h"
#include "drafting/checkpointupdate.h"
#include "record/markdownparser.h"
#include "testsupport.h"

#include <QTest>

using namespace Countersign;

namespace {

QString drafting(const QString &name)
{
    return TestSupport::dataPath(QStringLiteral("drafting/") + name);
}

Document parsed(const QString &text, const QString &fileName)
{
    return MarkdownParser::parse(SourceText::fromText(text), fileName);
}

// The consumer's record of the last cutover, updated from the consumer's checkpoint of this one.
Result<CheckpointUpdate> consumerUpdate()
{
    return CheckpointUpdate::plan(TestSupport::load(drafting(QStringLiteral("update/record-v0.3.2.md"))),
        TestSupport::load(drafting(QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"))));
}

} // namespace

namespace Countersign {
inline char *toString(const CheckpointChange &change)
{
    return QTest::toString(QStringLiteral("%1: '%2' -> '%3' (line %4)")
            .arg(change.field, change.oldValue, change.newValue)
            .arg(change.line));
}
} // namespace Countersign

class TestCheckpointUpdate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void updatesTheRecord_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("checkpoint");
        QTest::addColumn<QString>("expected");
        QTest::newRow("consumer record, lf") << "update/record-v0.3.2.md"
                                             << "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"
                                             << "update/expected-v0.4.0.md";
        QTest::newRow("mirror, crlf, star bullets, no Updated, no final line break")
            << "update/mirror-v0.3.2-crlf.md"
            << "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md"
            << "update/expected-mirror-v0.4.0-crlf.md";
    }

    void updatesTheRecord()
    {
        QFETCH(QString, record);
        QFETCH(QString, checkpoint);
        QFETCH(QString, expected);
        const Document before = TestSupport::load(drafting(record));
        const Result<QString> text = CheckpointUpdate::apply(before, TestSupport::load(drafting(checkpoint)));
        QVERIFY2(text, qPrintable(text ? QString() : text.error().toString()));
        QCOMPARE(text->toUtf8(), TestSupport::readBytes(drafting(expected)));

        // The record now states the checkpoint's target: no value of it differs any more (the two
        // headings do, a note).
        const Document after = parsed(text.value(), before.fileName);
        for (const CompareFinding &finding :
            StructuralCompare::compare(after, TestSupport::load(drafting(checkpoint)))) {
            const bool aboutTarget = finding.section == u"Approved Runtime Target";
            QVERIFY2(!aboutTarget || finding.severity == CompareFinding::Severity::Info,
                qPrintable(finding.toText()));
        }
        QCOMPARE(
            CompareSummary::of(StructuralCompare::compare(before, TestSupport::load(drafting(checkpoint))))
                .blockingKeys.mid(0, 2),
            (QStringList{QStringLiteral("release_tag"), QStringLiteral("commit_sha")}));
        // Updated again: nothing more to change.
        const Result<CheckpointUpdate> again =
            CheckpointUpdate::plan(after, TestSupport::load(drafting(checkpoint)));
        QVERIFY(again);
        QVERIFY(again->isEmpty());
        QCOMPARE(again->text(), text.value());
    }

    void listsTheChanges()
    {
        const Result<CheckpointUpdate> update = consumerUpdate();
        QVERIFY(update);
        QCOMPARE(update->changes(),
            (QList<CheckpointChange>{
                {QStringLiteral("Updated"), QStringLiteral("2026-01-25"), QStringLiteral("2026-02-08"), 3},
                {QStringLiteral("release_tag"), QStringLiteral("v0.3.2"), QStringLiteral("v0.4.0"), 15},
                {QStringLiteral("commit_sha"), QStringLiteral("c0ffee5d1e2a3b4c5d6e7f8091a2b3c4d5e6f708"),
                    QStringLiteral("7e4806a34b98e6c06ee33fa9f11499a975e7b922"), 16},
                {QStringLiteral("service_contract_version"), QStringLiteral("service.v2"),
                    QStringLiteral("service.v3"), 17},
                {QStringLiteral("integration_baseline"), QString(), QStringLiteral("integration/v1"), 19},
                {QStringLiteral("Decision Inputs"), QString(),
                    QStringLiteral(
                        "docs/implementation/SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"),
                    31},
                {QStringLiteral("Phase 8"), QString(), QStringLiteral("Active"), 42},
            }));
        // The lines named are where the new values stand.
        const QStringList lines = update->text().split(u'\n');
        for (const CheckpointChange &change : update->changes())
            QVERIFY2(lines.at(change.line - 1).contains(change.newValue), qPrintable(change.field));
    }

    void inserted_Updated_and_phase_lines()
    {
        const Result<CheckpointUpdate> update = CheckpointUpdate::plan(
            TestSupport::load(drafting(QStringLiteral("update/mirror-v0.3.2-crlf.md"))),
            TestSupport::load(
                drafting(QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md"))));
        QVERIFY(update);
        QCOMPARE(update->changes().first(),
            (CheckpointChange{QStringLiteral("Updated"), QString(), QStringLiteral("2026-02-08"), 3}));
        QCOMPARE(update->changes().last(),
            (CheckpointChange{QStringLiteral("Phase 8"), QString(), QStringLiteral("Active"), 41}));
    }

    // Each change taken alone touches one spot of the record: at most one line replaced, its new value
    // there, every other byte (line endings included) as it was; none taken gives the record back.
    void eachChangeAlone_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("checkpoint");
        QTest::newRow("lf") << "update/record-v0.3.2.md"
                            << "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md";
        QTest::newRow("crlf, no final line break")
            << "update/mirror-v0.3.2-crlf.md"
            << "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md";
        QTest::newRow("an older checkpoint, a phase to complete")
            << "update/AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-02-20.md"
            << "update/AssistSupport/docs/checkpoints/SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-15.md";
    }

    void eachChangeAlone()
    {
        QFETCH(QString, record);
        QFETCH(QString, checkpoint);
        const Document before = TestSupport::load(drafting(record));
        const Result<CheckpointUpdate> update =
            CheckpointUpdate::plan(before, TestSupport::load(drafting(checkpoint)));
        QVERIFY(update);
        const qsizetype count = update->changes().size();
        QVERIFY(count >= 5);
        QCOMPARE(update->text(QList<bool>(count, false)), before.source.text());
        QCOMPARE(update->text(QList<bool>(count, true)), update->text());
        const bool crlf = before.source.text().contains(QStringLiteral("\r\n"));
        // Compared line by line without the CRs, which the counts check.
        const QStringList original = QString(before.source.text()).remove(u'\r').split(u'\n');
        for (qsizetype i = 0; i < count; ++i) {
            const CheckpointChange &change = update->changes().at(i);
            QList<bool> chosen(count, false);
            chosen[i] = true;
            const QString text = update->text(chosen);
            QCOMPARE(text.count(u'\n'), crlf ? text.count(QStringLiteral("\r\n")) : text.count(u'\n'));
            QCOMPARE(text.count(u'\r'), crlf ? text.count(u'\n') : 0);
            const QStringList lines = QString(text).remove(u'\r').split(u'\n');
            qsizetype head = 0;
            while (head < original.size() && head < lines.size() && original.at(head) == lines.at(head))
                ++head;
            qsizetype tail = 0;
            while (tail < original.size() - head && tail < lines.size() - head &&
                original.at(original.size() - 1 - tail) == lines.at(lines.size() - 1 - tail))
                ++tail;
            const QStringList removed = original.mid(head, original.size() - head - tail);
            const QStringList added = lines.mid(head, lines.size() - head - tail);
            QVERIFY2(removed.size() <= 1, qPrintable(change.field));
            QVERIFY2(removed.size() == (change.oldValue.isEmpty() ? 0 : 1), qPrintable(change.field));
            QVERIFY2(added.join(u'\n').contains(change.newValue), qPrintable(change.field));
        }
    }

    // A checkpoint older than the record: its date is offered but flagged, and left out by default;
    // Phase 10 becomes the one Active phase (Phase 9, Active until now, Complete); the checkpoint joins
    // the Decision Inputs rooted where the others are (the record's docs/ is theirs).
    void olderCheckpoint()
    {
        const Document record = TestSupport::load(drafting(QStringLiteral(
            "update/AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-02-20.md")));
        const Result<CheckpointUpdate> update = CheckpointUpdate::plan(record,
            TestSupport::load(
                drafting(QStringLiteral("update/AssistSupport/docs/checkpoints/"
                                        "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-15.md"))));
        QVERIFY(update);
        QCOMPARE(update->changes(),
            (QList<CheckpointChange>{
                {QStringLiteral("Updated"), QStringLiteral("2026-02-20"), QStringLiteral("2026-02-15"), 3,
                    true},
                {QStringLiteral("release_tag"), QStringLiteral("v0.4.0"), QStringLiteral("v0.4.1"), 15},
                {QStringLiteral("commit_sha"), QStringLiteral("7e4806a34b98e6c06ee33fa9f11499a975e7b922"),
                    QStringLiteral("9b1f03c27d5e48a6b0c4f1e2d3a4b5c6d7e8f901"), 16},
                {QStringLiteral("Decision Inputs"), QString(),
                    QStringLiteral("docs/checkpoints/SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-15.md"),
                    29},
                {QStringLiteral("Phase 9"), QStringLiteral("Active (stabilization window)"),
                    QStringLiteral("Complete"), 39},
                {QStringLiteral("Phase 10"), QString(), QStringLiteral("Active"), 40},
            }));
        QCOMPARE(update->defaultChoice(), (QList<bool>{false, true, true, true, true, true}));
        QCOMPARE(update->text(update->defaultChoice()).toUtf8(),
            TestSupport::readBytes(
                drafting(QStringLiteral("update/AssistSupport/expected-2026-02-20-phase10.md"))));
        // Every change taken, the date goes back too.
        QVERIFY(update->text().contains(QStringLiteral("\nUpdated: 2026-02-15  \n")));
    }

    // A newer checkpoint moves the date forward: nothing to warn about.
    void newerCheckpointIsNotFlagged()
    {
        const Result<CheckpointUpdate> update = consumerUpdate();
        QVERIFY(update);
        QVERIFY(!update->changes().first().goesBackwards);
        QCOMPARE(update->defaultChoice(), QList<bool>(update->changes().size(), true));
    }

    // One Active phase: a phase not begun that the checkpoint is about becomes Active, and the one
    // Active until then Complete; Closed and Complete phases stay as they are.
    void onePhaseActive()
    {
        const Document record =
            parsed(QStringLiteral("# Runtime Cutover Decision Record\n\n"
                                  "## Approved Runtime Target\n- release_tag: `v1`\n\n"
                                  "## Phase Status Mapping\n* Phase 1: **Closed**\n* Phase 2: **Active**\n"
                                  "* Phase 3: **Pending**\n"),
                QStringLiteral("r.md"));
        const Document checkpoint =
            parsed(QStringLiteral("# Checkpoint (Consumer)\n\n## Checkpoint Summary\n- phase: 3\n\n"
                                  "## Runtime Target Under Review\n- release_tag: `v1`\n"),
                QStringLiteral("c.md"));
        QCOMPARE(CheckpointUpdate::apply(record, checkpoint).value(),
            QStringLiteral("# Runtime Cutover Decision Record\n\n"
                           "## Approved Runtime Target\n- release_tag: `v1`\n\n"
                           "## Phase Status Mapping\n* Phase 1: **Closed**\n* Phase 2: **Complete**\n"
                           "* Phase 3: **Active**\n"));
    }

    // The checkpoint is named once in Decision Inputs: under a new item of its kind when the record has
    // none, and not again once it is there.
    void decisionInputAddedOnce()
    {
        const Document record =
            parsed(QStringLiteral("# Runtime Cutover Decision Record\n\n"
                                  "## Approved Runtime Target\n- release_tag: `v1`\n\n"
                                  "## Decision Inputs\n- Producer checkpoint packet:\n"
                                  "  - `elsewhere/CP_PRODUCER.md`\n\n## Residual Risks\n"),
                QStringLiteral("r.md"));
        const Document checkpoint =
            parsed(QStringLiteral(
                       "# Checkpoint (Consumer)\n\n## Runtime Target Under Review\n- release_tag: `v2`\n"),
                QStringLiteral("CP_CONSUMER.md"));
        const Result<QString> text = CheckpointUpdate::apply(record, checkpoint);
        QVERIFY(text);
        QCOMPARE(text.value(),
            QStringLiteral(
                "# Runtime Cutover Decision Record\n\n"
                "## Approved Runtime Target\n- release_tag: `v2`\n\n"
                "## Decision Inputs\n- Producer checkpoint packet:\n"
                "  - `elsewhere/CP_PRODUCER.md`\n- Consumer checkpoint packet:\n  - `CP_CONSUMER.md`\n\n"
                "## Residual Risks\n"));
        const Result<CheckpointUpdate> again =
            CheckpointUpdate::plan(parsed(text.value(), QStringLiteral("r.md")), checkpoint);
        QVERIFY(again);
        QCOMPARE(again->changes(), QList<CheckpointChange>());
    }

    void recordAlreadyUpToDate()
    {
        const Document record =
            TestSupport::load(drafting(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md")));
        const Result<CheckpointUpdate> update = CheckpointUpdate::plan(record,
            TestSupport::load(
                drafting(QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"))));
        QVERIFY(update);
        QCOMPARE(update->changes(), QList<CheckpointChange>());
        QCOMPARE(update->text(), record.source.text());
    }

    // A target written as a table, a phase given as a bare number.
    void tableTargetAndPhaseNumber()
    {
        const Document record =
            parsed(QStringLiteral("# Runtime Cutover Decision Record\n\n"
                                  "## Approved Runtime Target\n"
                                  "| Field | Value |\n|---|---|\n| release_tag | `v1` |\n\n"
                                  "## Phase Status Mapping\n1. Phase 1: **Closed**\n"),
                QStringLiteral("r.md"));
        const Document checkpoint =
            parsed(QStringLiteral("# Checkpoint (Consumer)\n\nUpdated: 2026-03-01\n\n"
                                  "## Checkpoint Summary\n- phase: 2\n\n"
                                  "## Runtime Target Under Review\n- release_tag: `v2`\n"
                                  "- commit_sha: `abc`\n"),
                QStringLiteral("c.md"));
        QCOMPARE(CheckpointUpdate::apply(record, checkpoint).value(),
            QStringLiteral("# Runtime Cutover Decision Record\n\nUpdated: 2026-03-01\n\n"
                           "## Approved Runtime Target\n"
                           "| Field | Value |\n|---|---|\n| release_tag | `v2` |\n| commit_sha | abc |\n\n"
                           "## Phase Status Mapping\n1. Phase 1: **Closed**\n1. Phase 2: **Active**\n"));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("checkpoint");
        QTest::addColumn<bool>("blameCheckpoint");
        QTest::addColumn<QString>("message");
        const QString record = QStringLiteral("update/record-v0.3.2.md");
        const QString checkpoint = QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md");
        QTest::newRow("a record as the checkpoint")
            << record << QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md") << true
            << "not a checkpoint packet (it reads as decision-record): a record is updated from a checkpoint "
               "packet's runtime target under review";
        QTest::newRow("an addendum as the checkpoint")
            << record << QStringLiteral("JOINT_DECISION_STATUS_ADDENDUM_2026-02-08.md") << true
            << "not a checkpoint packet (it reads as addendum): a record is updated from a checkpoint "
               "packet's "
               "runtime target under review";
        QTest::newRow("a checkpoint as the record")
            << QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md") << checkpoint
            << false
            << "not a decision record or producer mirror (it reads as checkpoint-packet): only those are "
               "updated "
               "from a checkpoint";
    }

    void refused()
    {
        QFETCH(QString, record);
        QFETCH(QString, checkpoint);
        QFETCH(bool, blameCheckpoint);
        QFETCH(QString, message);
        const Result<CheckpointUpdate> update = CheckpointUpdate::plan(
            TestSupport::load(drafting(record)), TestSupport::load(drafting(checkpoint)));
        QVERIFY(!update);
        QCOMPARE(update.error().code, Error::Code::Refused);
        QCOMPARE(update.error().file, drafting(blameCheckpoint ? checkpoint : record));
        QCOMPARE(update.error().message, message);
    }

    void checkpointWithoutTarget()
    {
        const Document checkpoint =
            parsed(QStringLiteral("# Checkpoint (Producer)\n\n## Gate Results\n"
                                  "| Gate | Status |\n|---|---|\n| Soak | **PASS** |\n"),
                QStringLiteral("cp.md"));
        QCOMPARE(checkpoint.kind, DocumentKind::CheckpointPacket);
        const Result<QString> text = CheckpointUpdate::apply(
            TestSupport::load(drafting(QStringLiteral("update/record-v0.3.2.md"))), checkpoint);
        QVERIFY(!text);
        QCOMPARE(text.error().toString(),
            QStringLiteral(
                "cp.md: has no runtime target under review (a 'Runtime Target Under Review' section of "
                "'- key: value' fields)"));
    }

    void recordWithoutTarget()
    {
        const Document record =
            parsed(QStringLiteral("# Runtime Cutover Decision Record\n\n## Decision Outcome\n"
                                  "1. Runtime cutover execution: **GO**\n"),
                QStringLiteral("r.md"));
        const Result<QString> text = CheckpointUpdate::apply(record,
            TestSupport::load(
                drafting(QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"))));
        QVERIFY(!text);
        QCOMPARE(text.error().toString(),
            QStringLiteral("r.md: has no Approved Runtime Target section to take the checkpoint's target"));
    }
};

QTEST_GUILESS_MAIN(TestCheckpointUpdate)
#include "tst_checkpointupdate.moc"
