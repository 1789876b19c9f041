// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// CheckpointUpdate: records brought up to a checkpoint packet. The expected files in
// tests/data/drafting/update were written by hand from the inputs and read line by line: only the
// values, the added lines and the Updated date differ, with every other byte (CRLF included) as it was.
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
        const Result<CheckpointUpdate> update =
            CheckpointUpdate::plan(TestSupport::load(drafting(QStringLiteral("update/record-v0.3.2.md"))),
                TestSupport::load(
                    drafting(QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"))));
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
                {QStringLiteral("Phase 8"), QString(), QStringLiteral("Active"), 41},
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
            (CheckpointChange{QStringLiteral("Phase 8"), QString(), QStringLiteral("Active"), 40}));
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
