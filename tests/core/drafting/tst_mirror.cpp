// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Mirror: the producer's mirror drafted from the consumer's record and back. A fresh mirror agrees
// with its source (no blocking difference, no warning), lints clean, and turns back into its source;
// the expected mirrors in tests/data/drafting/expected were read line by line against the samples.
#include "compare/comparison.h"
#include "compare/structuralcompare.h"
#include "drafting/mirror.h"
#include "drafting/recordtemplate.h"
#include "record/linter.h"
#include "record/markdownparser.h"
#include "templatevalues.h"
#include "testsupport.h"

#include <QTest>

using namespace Countersign;

namespace {

const QString consumerRecord = QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md");
const QString producerMirror =
    QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md");

QString drafting(const QString &name)
{
    return TestSupport::dataPath(QStringLiteral("drafting/") + name);
}

// A committed input read under another file name: what the file names in the pair say matters.
Document loadAs(const QString &path, const QString &fileName)
{
    const Result<SourceText> source = SourceText::fromUtf8(TestSupport::readBytes(path), path);
    if (!source)
        qFatal("%s", qPrintable(source.error().toString()));
    return MarkdownParser::parse(source.value(), fileName);
}

// The mirror of `source`, parsed under its suggested file name.
Document mirrorOf(const Document &source)
{
    const Result<QString> text = Mirror::create(source);
    if (!text)
        qFatal("%s", qPrintable(text.error().toString()));
    return MarkdownParser::parse(SourceText::fromText(text.value()), Mirror::suggestedFileName(source));
}

QStringList blockingAndWarnings(const QList<CompareFinding> &findings)
{
    QStringList out;
    for (const CompareFinding &finding : findings) {
        if (finding.severity != CompareFinding::Severity::Info)
            out.append(finding.toText());
    }
    return out;
}

QStringList lintOf(const Document &doc)
{
    QStringList out;
    for (const LintFinding &finding : Linter::lint(doc))
        out.append(finding.toString());
    return out;
}

// The text without the lines of its Decision Scope paragraphs, which a round trip words anew.
QString withoutScope(const Document &doc)
{
    const Section *scope = doc.section(u"decision scope");
    if (!scope || scope->blocks.isEmpty())
        return doc.source.text();
    const SourceText &text = doc.source;
    return text.lines(1, scope->blocks.first().firstLine - 1).toString() +
        text.lines(scope->blocks.last().lastLine + 1, text.lineCount()).toString();
}

} // namespace

class TestMirror : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samples_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<DocumentKind>("kind");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("consumer record to producer mirror")
            << consumerRecord << "expected/mirror-of-consumer-record.md" << DocumentKind::ProducerMirror
            << producerMirror;
        QTest::newRow("producer mirror to consumer record")
            << producerMirror << "expected/record-from-producer-mirror.md" << DocumentKind::DecisionRecord
            << consumerRecord;
    }

    void samples()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QFETCH(DocumentKind, kind);
        QFETCH(QString, fileName);
        const Document original = TestSupport::load(drafting(source));
        const Result<QString> text = Mirror::create(original);
        QVERIFY(text);
        QCOMPARE(text.value(), QString::fromUtf8(TestSupport::readBytes(drafting(expected))));
        QCOMPARE(Mirror::suggestedFileName(original), fileName);

        const Document mirror = mirrorOf(original);
        QCOMPARE(mirror.kind, kind);
        QCOMPARE(lintOf(mirror), QStringList());
        // The pair agrees: only the wording of the title, Owner line and scope differs.
        const QList<CompareFinding> findings = StructuralCompare::compare(mirror, original);
        QCOMPARE(blockingAndWarnings(findings), QStringList());
        QCOMPARE(findings.size(), 2); // Owner (teams swapped), Decision Scope
        const ComparisonResult result = Comparison::run(original, mirror);
        QVERIFY(result.summary.isAligned());
        QCOMPARE(result.summary.warnings, 0);
        QCOMPARE(result.summary.headline(), QStringLiteral("Aligned, with 2 notes."));
    }

    // The samples' two records, mirrored there and back, are the same bytes again.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("consumer record") << consumerRecord;
        QTest::newRow("producer mirror") << producerMirror;
    }

    void roundTrip()
    {
        QFETCH(QString, source);
        const Document original = TestSupport::load(drafting(source));
        const Document back = mirrorOf(mirrorOf(original));
        QCOMPARE(back.fileName, source);
        QCOMPARE(back.source.text(), original.source.text());
    }

    // Drifted records (Harbor's, tests/data/input) read as the cutover's decision record of 2026-03-14.
    void variants_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("lf") << "decision-record.md";
        QTest::newRow("crlf") << "variant-crlf.md";
        QTest::newRow("star bullets") << "variant-star-bullets.md";
        QTest::newRow("missing sections") << "variant-missing-sections.md";
        QTest::newRow("setext title, h3 sections") << "variant-h3-headings.md";
        QTest::newRow("roles table") << "variant-roles-table.md";
        QTest::newRow("reordered, renamed") << "variant-reordered-renamed.md";
        QTest::newRow("non-ascii") << "variant-non-ascii.md";
    }

    void variants()
    {
        QFETCH(QString, input);
        const Document original = loadAs(TestSupport::dataPath(QStringLiteral("input/") + input),
            QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
        QCOMPARE(original.kind, DocumentKind::DecisionRecord);
        const Document mirror = mirrorOf(original);
        QCOMPARE(
            mirror.fileName, QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-03-14.md"));
        QCOMPARE(mirror.kind, DocumentKind::ProducerMirror);
        QCOMPARE(mirror.side, DocumentSide::Producer);
        QCOMPARE(blockingAndWarnings(StructuralCompare::compare(mirror, original)), QStringList());
        // The mirror lints as its source does (the missing sections stay missing).
        QStringList expectedLint = lintOf(original);
        expectedLint.replaceInStrings(QStringLiteral("decision-record"), QStringLiteral("producer-mirror"));
        expectedLint.replaceInStrings(original.fileName, mirror.fileName);
        QCOMPARE(lintOf(mirror), expectedLint);
        QCOMPARE(mirror.source.lineEndingName(), original.source.lineEndingName());
        QCOMPARE(mirror.source.hasBom(), false);
        QVERIFY(mirror.title.endsWith(u" (Producer Mirror)"));
        QCOMPARE(mirror.headerField(u"Owner"),
            original.headerField(u"Owner")->replace(
                QStringLiteral("Harbor + Tessera"), QStringLiteral("Tessera + Harbor")));
        const Section *scope = mirror.section(u"decision scope");
        QVERIFY(scope);
        QCOMPARE(scope->blocks.first().text,
            QStringLiteral("Producer-side mirror of the bilateral Phase 4 runtime cutover decision."));
        // Back again: the same text but for the scope, which names the consumer's integration anew.
        const Document back = mirrorOf(mirror);
        QCOMPARE(withoutScope(back), withoutScope(original));
        QCOMPARE(blockingAndWarnings(StructuralCompare::compare(back, original)), QStringList());
    }

    // A record and its mirror compare with no warning whatever their files are called (a mirror written
    // with -o other-name.md, a renamed record): the inputs that name each other meet by the counterpart
    // they name. Samples, Harbor's record, and a record made from the built-in template.
    void anyFileNamesStillMeet_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("sample consumer record")
            << QString::fromUtf8(TestSupport::readBytes(drafting(consumerRecord)));
        QTest::newRow("sample producer mirror")
            << QString::fromUtf8(TestSupport::readBytes(drafting(producerMirror)));
        QTest::newRow("Harbor's record") << QString::fromUtf8(
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md"))));
        for (const RecordTemplate &t : RecordTemplate::builtIn()) {
            if (t.kind() == DocumentKind::DecisionRecord || t.kind() == DocumentKind::ProducerMirror)
                QTest::newRow(qPrintable(QStringLiteral("template ") + t.id()))
                    << t.fill(TestSupport::soundTemplateValues());
        }
    }

    void anyFileNamesStillMeet()
    {
        QFETCH(QString, text);
        const Document original =
            MarkdownParser::parse(SourceText::fromText(text), QStringLiteral("renamed.md"));
        QVERIFY(
            original.kind == DocumentKind::DecisionRecord || original.kind == DocumentKind::ProducerMirror);
        const Result<QString> mirrorText = Mirror::create(original);
        QVERIFY(mirrorText);
        const Document mirror =
            MarkdownParser::parse(SourceText::fromText(mirrorText.value()), QStringLiteral("other-name.md"));
        QCOMPARE(blockingAndWarnings(StructuralCompare::compare(mirror, original)), QStringList());
        QCOMPARE(blockingAndWarnings(StructuralCompare::compare(original, mirror)), QStringList());
        QCOMPARE(Comparison::run(original, mirror).summary.warnings, 0);
    }

    void keepsTheListStyle()
    {
        const Document original =
            loadAs(TestSupport::dataPath(QStringLiteral("input/variant-star-bullets.md")),
                QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
        const QString text = Mirror::create(original).value();
        QVERIFY2(text.contains(QStringLiteral(
                     "## Decision Inputs\n"
                     "* Producer checkpoint packet:\n"
                     "  * `docs/implementation/ENGINE_V2_CUTOVER_CHECKPOINT_PRODUCER_2026-03-14.md`\n"
                     "* Consumer checkpoint packet:\n"
                     "  * `Harbor/docs/implementation/ENGINE_V2_CUTOVER_CHECKPOINT_2026-03-14.md`\n"
                     "* Consumer decision record:\n"
                     "  * `Harbor/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md`\n"
                     "\n## ")),
            qPrintable(text));
        const Document crlf = loadAs(TestSupport::dataPath(QStringLiteral("input/variant-crlf.md")),
            QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
        const QString crlfText = Mirror::create(crlf).value();
        QCOMPARE(crlfText.count(u'\n'), crlfText.count(QStringLiteral("\r\n")));
        QVERIFY(crlfText.contains(
            QStringLiteral("Producer-side mirror of the bilateral Phase 4 runtime cutover decision.\r\n")));
    }

    // Without a phase in the scope, the mapping says which: the phase marked complete.
    void phaseFromTheMapping()
    {
        const QString text = QStringLiteral("# Runtime Cutover Decision Record\n\nOwner: A + B\n\n"
                                            "## Decision Scope\nThe consumer's record.\n\n"
                                            "## Phase Status Mapping\n- Phase 3: **Closed**\n"
                                            "- Phase 4: **Complete**\n- Phase 5: **Active**\n");
        const Document doc = MarkdownParser::parse(SourceText::fromText(text), QStringLiteral("r.md"));
        QCOMPARE(Mirror::create(doc).value(),
            QStringLiteral("# Runtime Cutover Decision Record (Producer Mirror)\n\nOwner: B + A\n\n"
                           "## Decision Scope\nProducer-side mirror of the bilateral Phase 4 runtime cutover "
                           "decision.\n\n## Phase Status Mapping\n- Phase 3: **Closed**\n"
                           "- Phase 4: **Complete**\n- Phase 5: **Active**\n"));
    }

    void notARecord_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("checkpoint")
            << "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"
            << "a checkpoint packet, not a decision record or producer mirror: only those "
               "have a mirror";
        QTest::newRow("addendum")
            << "JOINT_DECISION_STATUS_ADDENDUM_2026-02-08.md"
            << "an addendum, not a decision record or producer mirror: only those have a "
               "mirror";
    }

    void notARecord()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        const Document doc = TestSupport::load(drafting(input));
        const Result<QString> text = Mirror::create(doc);
        QVERIFY(!text);
        QCOMPARE(text.error().code, Error::Code::Refused);
        QCOMPARE(text.error().file, drafting(input));
        QCOMPARE(text.error().message, message);
    }

    void unknownDocument()
    {
        const Document doc = MarkdownParser::parse(
            SourceText::fromText(QStringLiteral("# Notes\n\nNothing here.\n")), QStringLiteral("notes.md"));
        const Result<QString> text = Mirror::create(doc);
        QVERIFY(!text);
        QCOMPARE(text.error().toString(),
            QStringLiteral(
                "notes.md: not a decision record or producer mirror (no title, file name or sections "
                "say so): only those have a mirror"));
    }

    void suggestedFileName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("suggested");
        const QString record = QStringLiteral("# Runtime Cutover Decision Record\n\nUpdated: 2026-02-08\n");
        const QString mirror =
            QStringLiteral("# Runtime Cutover Decision Record (Producer Mirror)\n\nUpdated: 2026-02-08\n");
        QTest::newRow("record") << record << "RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"
                                << "RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md";
        QTest::newRow("mirror") << mirror << "RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"
                                << "RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md";
        QTest::newRow("in a folder") << record
                                     << "/srv/repos/Harbor/docs/RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"
                                     << "RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-03-14.md";
        QTest::newRow("no date") << record << "decision-record.md"
                                 << "decision-record_PRODUCER_MIRROR.md";
        QTest::newRow("lower-case mirror") << mirror << "notes-producer-mirror-2026-03-14.md"
                                           << "notes-2026-03-14.md";
        QTest::newRow("mirror without the words") << mirror << "tessera.md"
                                                  << "tessera_CONSUMER.md";
        QTest::newRow("unnamed record") << record << ""
                                        << "RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md";
        QTest::newRow("unnamed mirror") << mirror << ""
                                        << "RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md";
    }

    void suggestedFileName()
    {
        QFETCH(QString, text);
        QFETCH(QString, fileName);
        QFETCH(QString, suggested);
        const Document doc = MarkdownParser::parse(SourceText::fromText(text), fileName);
        QCOMPARE(Mirror::suggestedFileName(doc), suggested);
    }
};

QTEST_GUILESS_MAIN(TestMirror)
#include "tst_mirror.moc"
