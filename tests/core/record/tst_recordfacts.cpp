// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// RecordFacts and DocumentClassifier: the domain's reading of records, across format drift.
#include "record/documentloader.h"
#include "record/markdownparser.h"
#include "record/recordfacts.h"
#include "testsupport.h"

#include <QTest>

using namespace Countersign;

namespace {

RecordFacts factsOf(const QString &relative)
{
    return RecordFacts::extract(TestSupport::load(TestSupport::dataPath(relative)));
}

// key -> value pairs, ignoring the lines (which drift with the format).
QList<QPair<QString, QString>> pairs(const QList<FactField> &fields)
{
    QList<QPair<QString, QString>> out;
    for (const FactField &field : fields)
        out.append({field.key, field.value});
    return out;
}

QStringList statuses(const QList<FactField> &fields)
{
    QStringList out;
    for (const FactField &field : fields)
        out.append(field.status.word);
    return out;
}

} // namespace

class TestRecordFacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void producerMirrorSample()
    {
        const RecordFacts facts = RecordFacts::extract(TestSupport::load(TestSupport::samplePath(
            QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"))));
        QCOMPARE(facts.runtimeTarget.size(), 5);
        QCOMPARE(facts.runtimeTarget.at(0).key, QStringLiteral("release_tag"));
        QCOMPARE(facts.runtimeTarget.at(0).value, QStringLiteral("v0.4.0"));
        QCOMPARE(facts.runtimeTarget.at(1).key, QStringLiteral("commit_sha"));
        QCOMPARE(facts.runtimeTarget.at(1).value, QStringLiteral("7e4806a34b98e6c06ee33fa9f11499a975e7b922"));
        QCOMPARE(facts.runtimeTarget.at(1).value.size(), 40);
        QCOMPARE(statuses(facts.outcomes), (QStringList{QStringLiteral("GO"), QStringLiteral("GO")}));
        QCOMPARE(facts.roles.size(), 5);
        QCOMPARE(facts.roles.at(4).key, QStringLiteral("Joint decision log owner role"));
        QCOMPARE(facts.roles.at(4).value, QStringLiteral("Integration Program Owner"));
        QCOMPARE(facts.decisionInputs.size(), 4);
        QCOMPARE(facts.decisionInputs.at(3).label, QStringLiteral("Producer addendum"));
        QVERIFY(facts.decisionInputs.at(3).paths.first().endsWith(
            u"JOINT_DECISION_STATUS_ADDENDUM_2026-02-08.md"));
        QCOMPARE(facts.phases.size(), 3);
        QCOMPARE(statuses(facts.phases),
            (QStringList{QStringLiteral("Closed"), QStringLiteral("Complete"), QStringLiteral("Active")}));
        QVERIFY(facts.residualRisksNonBlocking);
        QCOMPARE(facts.residualRisks.size(), 2);
        QCOMPARE(facts.evidence.size(), 4);
    }

    void checkpointSamples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("gateStatuses");
        QTest::addColumn<int>("requested");
        QTest::newRow("producer") << "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md"
                                  << QStringList(5, QStringLiteral("PASS")) << 3;
        QTest::newRow("consumer") << "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"
                                  << (QStringList(4, QStringLiteral("PASS")) << QStringLiteral("WARN")) << 3;
    }

    void checkpointSamples()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, gateStatuses);
        QFETCH(int, requested);
        const RecordFacts facts = RecordFacts::extract(TestSupport::load(TestSupport::samplePath(file)));
        QStringList actual;
        for (const GateResult &gate : facts.gates)
            actual.append(gate.status.word);
        QCOMPARE(actual, gateStatuses);
        QCOMPARE(facts.gates.first().gate.isEmpty(), false);
        QCOMPARE(facts.requestedSignOffs.size(), requested);
        QCOMPARE(facts.runtimeTarget.at(0).value, QStringLiteral("v0.4.0"));
        const auto recommendation = std::find_if(facts.summary.cbegin(), facts.summary.cend(),
            [](const FactField &f) { return f.key == u"recommendation"; });
        QVERIFY(recommendation != facts.summary.cend());
        QCOMPARE(recommendation->status.word, QStringLiteral("GO"));
    }

    void ownCheckpoint()
    {
        const RecordFacts facts = factsOf(QStringLiteral("input/checkpoint-producer.md"));
        QCOMPARE(facts.gates.size(), 5);
        QCOMPARE(facts.gates.at(4).gate, QStringLiteral("Soak test 24h"));
        QCOMPARE(facts.gates.at(4).status.word, QStringLiteral("FAIL"));
        QCOMPARE(facts.gates.at(4).evidence, QStringLiteral("memory growth 3%/h, fix in v2.1.1"));
        QCOMPARE(facts.gates.at(4).line, 26);
        QCOMPARE(facts.openItems.size(), 1);
        QCOMPARE(facts.requestedSignOffs.at(1).text, QStringLiteral("Tessera Release Manager"));
    }

    // Every drift variant of the decision record reads as the same decision.
    void driftVariants_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("crlf") << "input/variant-crlf.md";
        QTest::newRow("bom") << "input/variant-bom.md";
        QTest::newRow("star bullets") << "input/variant-star-bullets.md";
        QTest::newRow("### headings, setext title") << "input/variant-h3-headings.md";
        QTest::newRow("reordered and renamed") << "input/variant-reordered-renamed.md";
        QTest::newRow("roles as a table") << "input/variant-roles-table.md";
        QTest::newRow("mixed endings") << "input/variant-mixed-endings.md";
    }

    void driftVariants()
    {
        QFETCH(QString, file);
        const RecordFacts base = factsOf(QStringLiteral("input/decision-record.md"));
        const RecordFacts variant = factsOf(file);
        QCOMPARE(pairs(variant.runtimeTarget), pairs(base.runtimeTarget));
        QCOMPARE(pairs(variant.outcomes), pairs(base.outcomes));
        QCOMPARE(statuses(variant.outcomes), statuses(base.outcomes));
        QCOMPARE(pairs(variant.roles), pairs(base.roles));
        QCOMPARE(pairs(variant.phases), pairs(base.phases));
        QCOMPARE(variant.decisionInputs.size(), base.decisionInputs.size());
        for (int i = 0; i < base.decisionInputs.size(); ++i)
            QCOMPARE(variant.decisionInputs.at(i).paths, base.decisionInputs.at(i).paths);
        QCOMPARE(variant.residualRisks.size(), base.residualRisks.size());
        QCOMPARE(variant.residualRisksNonBlocking, true);
    }

    void nonAsciiNames()
    {
        const RecordFacts facts = factsOf(QStringLiteral("input/variant-non-ascii.md"));
        QCOMPARE(facts.roles.size(), 5);
        QCOMPARE(facts.roles.at(0).value, QStringLiteral("Zoë Ødegård (Tessera Runtime On-Call Lead)"));
        QCOMPARE(facts.roles.at(1).value, QStringLiteral("José Müller-Łukasiewicz"));
        QCOMPARE(facts.roles.at(4).value, QStringLiteral("李雷 — Cutover Program Owner"));
    }

    void missingSectionsAreEmptyNotErrors()
    {
        const RecordFacts facts = factsOf(QStringLiteral("input/variant-missing-sections.md"));
        QVERIFY(facts.roles.isEmpty());
        QVERIFY(facts.phases.isEmpty());
        QCOMPARE(facts.runtimeTarget.size(), 5);
        QCOMPARE(facts.outcomes.size(), 2);
    }

    void nestedInputsAndBoldLabels()
    {
        const RecordFacts facts = factsOf(QStringLiteral("input/variant-markdown-edge.md"));
        QCOMPARE(facts.decisionInputs.size(), 1);
        QCOMPARE(facts.decisionInputs.first().label, QStringLiteral("Checkpoint packets"));
        QCOMPARE(statuses(facts.outcomes), (QStringList{QStringLiteral("GO"), QStringLiteral("NO-GO")}));
        // The four-space-indented line is code: only the two real fields (and the bold-label one) count.
        QStringList keys;
        for (const FactField &field : facts.runtimeTarget)
            keys.append(field.key);
        QCOMPARE(keys,
            (QStringList{QStringLiteral("release_tag"), QStringLiteral("commit_sha"), QStringLiteral("Owner"),
                QStringLiteral("engine_contract_version")}));
        QCOMPARE(facts.runtimeTarget.first().value, QStringLiteral("v2.1.0"));
    }

    void kinds_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<DocumentKind>("kind");
        QTest::addColumn<DocumentSide>("side");
        const auto data = [](const char *name) { return TestSupport::dataPath(QString::fromLatin1(name)); };
        const auto sample = [](const char *name) {
            return TestSupport::samplePath(QString::fromLatin1(name));
        };
        QTest::newRow("record") << data("input/decision-record.md") << DocumentKind::DecisionRecord
                                << DocumentSide::Consumer;
        QTest::newRow("mirror") << data("input/producer-mirror.md") << DocumentKind::ProducerMirror
                                << DocumentSide::Producer;
        QTest::newRow("checkpoint consumer") << data("input/checkpoint-consumer.md")
                                             << DocumentKind::CheckpointPacket << DocumentSide::Consumer;
        QTest::newRow("checkpoint producer") << data("input/checkpoint-producer.md")
                                             << DocumentKind::CheckpointPacket << DocumentSide::Producer;
        QTest::newRow("addendum") << data("input/addendum.md") << DocumentKind::Addendum
                                  << DocumentSide::Producer;
        QTest::newRow("setext title")
            << data("input/variant-h3-headings.md") << DocumentKind::DecisionRecord << DocumentSide::Consumer;
        QTest::newRow("edge cases") << data("input/variant-markdown-edge.md") << DocumentKind::DecisionRecord
                                    << DocumentSide::Consumer;
        QTest::newRow("sample mirror")
            << sample("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md")
            << DocumentKind::ProducerMirror << DocumentSide::Producer;
        QTest::newRow("sample addendum") << sample("JOINT_DECISION_STATUS_ADDENDUM_2026-02-08.md")
                                         << DocumentKind::Addendum << DocumentSide::Producer;
    }

    void kinds()
    {
        QFETCH(QString, path);
        QFETCH(DocumentKind, kind);
        QFETCH(DocumentSide, side);
        const Document doc = TestSupport::load(path);
        QCOMPARE(doc.kind, kind);
        QCOMPARE(doc.side, side);
    }

    void unknownKindIsNotAnError()
    {
        const Document doc =
            MarkdownParser::parse(SourceText::fromText(QStringLiteral("# Lunch menu\n\n- soup: **hot**\n")));
        QCOMPARE(doc.kind, DocumentKind::Unknown);
        QCOMPARE(doc.side, DocumentSide::Unknown);
        const RecordFacts facts = RecordFacts::extract(doc);
        QVERIFY(facts.runtimeTarget.isEmpty() && facts.roles.isEmpty() && facts.gates.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecordFacts)
#include "tst_recordfacts.moc"
