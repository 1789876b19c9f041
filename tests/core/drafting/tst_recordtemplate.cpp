// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// RecordTemplate: the built-in templates filled with sound values make records of their kind that
// lint clean; missing and malformed values are reported by field; broken template files give an
// Error naming the file and the line.
#include "drafting/recordtemplate.h"
#include "record/linter.h"
#include "record/markdownparser.h"
#include "record/recordfacts.h"
#include "templatevalues.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

RecordTemplate builtIn(const QString &id)
{
    for (const RecordTemplate &found : RecordTemplate::builtIn()) {
        if (found.id() == id)
            return found;
    }
    qFatal("no built-in template %s", qPrintable(id));
}

QStringList keysOf(const QList<TemplateProblem> &problems)
{
    QStringList keys;
    for (const TemplateProblem &problem : problems)
        keys.append(problem.key);
    return keys;
}

QString valueOf(const QList<FactField> &fields, QStringView key)
{
    for (const FactField &field : fields) {
        if (field.key == key)
            return field.value;
    }
    return {};
}

} // namespace

namespace Countersign {
inline char *toString(const TemplateProblem &problem)
{
    return QTest::toString(QStringLiteral("%1: %2").arg(problem.key, problem.message));
}
} // namespace Countersign

class TestRecordTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInTemplates()
    {
        const QList<RecordTemplate> templates = RecordTemplate::builtIn();
        QStringList ids;
        QList<DocumentKind> kinds;
        for (const RecordTemplate &t : templates) {
            ids.append(t.id());
            kinds.append(t.kind());
            QVERIFY(!t.name().isEmpty());
        }
        QCOMPARE(ids,
            (QStringList{QStringLiteral("decision-record"), QStringLiteral("producer-mirror"),
                QStringLiteral("checkpoint-packet"), QStringLiteral("addendum")}));
        QCOMPARE(kinds,
            (QList<DocumentKind>{DocumentKind::DecisionRecord, DocumentKind::ProducerMirror,
                DocumentKind::CheckpointPacket, DocumentKind::Addendum}));
        // The form the decision record asks for: the target, the five role holders, in order.
        QStringList keys;
        for (const TemplateField &field : builtIn(QStringLiteral("decision-record")).fields())
            keys.append(field.key);
        QCOMPARE(keys.mid(0, 9),
            (QStringList{QStringLiteral("date"), QStringLiteral("consumer_team"),
                QStringLiteral("producer_team"), QStringLiteral("phase"), QStringLiteral("release_tag"),
                QStringLiteral("commit_sha"), QStringLiteral("service_contract_version"),
                QStringLiteral("api_contract_version"), QStringLiteral("integration_baseline")}));
        QCOMPARE(
            keys.filter(QStringLiteral("commander")).size() + keys.filter(QStringLiteral("owner")).size(), 5);
    }

    void filledTemplateIsACleanRecord_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("side");
        QTest::addColumn<DocumentSide>("expectedSide");
        QTest::newRow("decision record") << "decision-record"
                                         << "" << DocumentSide::Consumer;
        QTest::newRow("producer mirror") << "producer-mirror"
                                         << "" << DocumentSide::Producer;
        QTest::newRow("consumer checkpoint") << "checkpoint-packet"
                                             << "Consumer" << DocumentSide::Consumer;
        QTest::newRow("producer checkpoint") << "checkpoint-packet"
                                             << "Producer" << DocumentSide::Producer;
        QTest::newRow("addendum") << "addendum"
                                  << "Producer" << DocumentSide::Producer;
    }

    void filledTemplateIsACleanRecord()
    {
        QFETCH(QString, id);
        QFETCH(QString, side);
        QFETCH(DocumentSide, expectedSide);
        const RecordTemplate t = builtIn(id);
        QHash<QString, QString> values = TestSupport::soundTemplateValues();
        if (!side.isEmpty())
            values.insert(QStringLiteral("side"), side);
        QCOMPARE(t.missing(values), QStringList());
        QCOMPARE(keysOf(t.problems(values)), QStringList());

        const QString text = t.fill(values);
        QVERIFY2(!text.contains(u"{{") && !text.contains(u"}}"), qPrintable(text));
        QVERIFY(!text.contains(u"countersign-template"));
        QVERIFY(text.startsWith(u"# "));
        const QString fileName = t.suggestedFileName(values);
        QVERIFY(fileName.endsWith(u"_2026-02-08.md"));
        const Document doc = MarkdownParser::parse(SourceText::fromText(text), fileName);
        QCOMPARE(doc.kind, t.kind());
        QCOMPARE(doc.side, expectedSide);
        const QList<LintFinding> findings = Linter::lint(doc);
        QVERIFY2(
            findings.isEmpty(), qPrintable(findings.isEmpty() ? QString() : findings.first().toString()));
        QCOMPARE(doc.headerField(u"Updated"), QStringLiteral("2026-02-08"));

        // The values are where a reader of the record finds them.
        const RecordFacts facts = RecordFacts::extract(doc);
        if (t.kind() != DocumentKind::Addendum) {
            QCOMPARE(valueOf(facts.runtimeTarget, u"commit_sha"), values.value(QStringLiteral("commit_sha")));
            QCOMPARE(valueOf(facts.runtimeTarget, u"integration_baseline"), QStringLiteral("integration/v1"));
            QCOMPARE(facts.runtimeTarget.size(), 5);
        }
        if (t.kind() == DocumentKind::DecisionRecord || t.kind() == DocumentKind::ProducerMirror) {
            QCOMPARE(facts.roles.size(), 5);
            QCOMPARE(valueOf(facts.roles, u"MemoryKernel rollback owner role"),
                QStringLiteral("MemoryKernel Release Owner"));
            QCOMPARE(valueOf(facts.phases, u"Phase 8"), QStringLiteral("Active"));
        }
        if (t.kind() == DocumentKind::CheckpointPacket) {
            QCOMPARE(valueOf(facts.summary, u"phase"), QStringLiteral("Phase 8"));
            QCOMPARE(facts.requestedSignOffs.size(), 3);
        }
    }

    void valuesAreTrimmedAndDefaultsFillBlanks()
    {
        const RecordTemplate t = builtIn(QStringLiteral("addendum"));
        QHash<QString, QString> values = TestSupport::soundTemplateValues();
        values.insert(QStringLiteral("team"), QStringLiteral("  MemoryKernel \t"));
        values.remove(QStringLiteral("side")); // defaults to Producer
        values.remove(QStringLiteral("date")); // defaults to today
        QCOMPARE(t.problems(values), QList<TemplateProblem>());
        const QString text = t.fill(values);
        QVERIFY(text.startsWith(u"# Joint Decision Status Addendum (Producer)\n"));
        QVERIFY(text.contains(u"\nOwner: MemoryKernel\n"));
        QVERIFY(text.contains(
            QStringLiteral("\nUpdated: %1  \n").arg(QDate::currentDate().toString(Qt::ISODate))));
        QCOMPARE(t.defaults(QDate(2026, 2, 8)).value(QStringLiteral("date")), QStringLiteral("2026-02-08"));
        QCOMPARE(t.defaults(QDate(2026, 2, 8)).value(QStringLiteral("side")), QStringLiteral("Producer"));
        QCOMPARE(t.defaults(QDate(2026, 2, 8)).value(QStringLiteral("team")), QString());
    }

    void missingRequiredValues()
    {
        const RecordTemplate t = builtIn(QStringLiteral("decision-record"));
        QHash<QString, QString> values = TestSupport::soundTemplateValues();
        values.remove(QStringLiteral("commit_sha"));
        values.insert(QStringLiteral("decision_log_owner"), QStringLiteral("   "));
        QCOMPARE(t.missing(values),
            (QStringList{QStringLiteral("commit_sha"), QStringLiteral("decision_log_owner")}));
        const QList<TemplateProblem> problems = t.problems(values);
        QCOMPARE(problems,
            (QList<TemplateProblem>{{QStringLiteral("commit_sha"), QStringLiteral("a value is required")},
                {QStringLiteral("decision_log_owner"), QStringLiteral("a value is required")}}));
        QVERIFY(t.missing({}).contains(QStringLiteral("release_tag")));
        QVERIFY(!t.missing({}).contains(QStringLiteral("date"))); // today, unless given
    }

    void badValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("european date") << "date"
                                       << "08.02.2026"
                                       << "'08.02.2026' is not an ISO 8601 date (YYYY-MM-DD)";
        QTest::newRow("no such day") << "date"
                                     << "2026-02-30"
                                     << "'2026-02-30' is not an ISO 8601 date (YYYY-MM-DD)";
        QTest::newRow("short commit") << "commit_sha"
                                      << "7e4806a"
                                      << "'7e4806a' is not a 40-digit hexadecimal commit SHA";
        QTest::newRow("commit not hex") << "commit_sha"
                                        << "7e4806a34b98e6c06ee33fa9f11499a975e7b92g"
                                        << "'7e4806a34b98e6c06ee33fa9f11499a975e7b92g' is not a 40-digit "
                                           "hexadecimal commit SHA";
        QTest::newRow("phase in words") << "phase"
                                        << "eight"
                                        << "'eight' is not a phase number, such as 8";
        QTest::newRow("backtick") << "release_tag"
                                  << "v0.4`.0"
                                  << "must not contain a backtick (`)";
        QTest::newRow("two lines") << "decision_log_owner"
                                   << "Ana\nBen"
                                   << "must be one line";
    }

    void badValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, message);
        const RecordTemplate t = builtIn(QStringLiteral("decision-record"));
        QHash<QString, QString> values = TestSupport::soundTemplateValues();
        values.insert(key, value);
        QCOMPARE(t.problems(values), (QList<TemplateProblem>{{key, message}}));
        QCOMPARE(t.missing(values), QStringList()); // present, only malformed
    }

    void sideMustBeProducerOrConsumer()
    {
        const RecordTemplate t = builtIn(QStringLiteral("checkpoint-packet"));
        QHash<QString, QString> values = TestSupport::soundTemplateValues();
        values.insert(QStringLiteral("side"), QStringLiteral("Both"));
        QCOMPARE(t.problems(values),
            (QList<TemplateProblem>{
                {QStringLiteral("side"), QStringLiteral("'Both' is neither Producer nor Consumer")}}));
        values.insert(QStringLiteral("side"), QStringLiteral("producer"));
        QCOMPARE(t.problems(values), QList<TemplateProblem>());
    }

    void customTemplateFile()
    {
        const Result<RecordTemplate> t =
            RecordTemplate::load(TestSupport::dataPath(QStringLiteral("templates/handover-note.md")));
        QVERIFY2(t, qPrintable(t ? QString() : t.error().toString()));
        QCOMPARE(t->id(), QStringLiteral("handover-note"));
        QCOMPARE(t->kind(), DocumentKind::Addendum);
        QCOMPARE(t->fields().size(), 2);
        QCOMPARE(t->fields().at(1),
            (TemplateField{
                QStringLiteral("note"), QStringLiteral("Note"), QStringLiteral("one sentence"), {}, false}));
        QCOMPARE(t->suggestedFileName({}), QString());
        const QString text = t->fill({{QStringLiteral("date"), QStringLiteral("2026-03-14")},
            {QStringLiteral("note"), QStringLiteral("Queue drained.")}});
        QCOMPARE(
            text, QStringLiteral("# Handover Note\n\nUpdated: 2026-03-14\n\nQueue drained. (2026-03-14)\n"));
    }

    // Broken template files: an Error naming the file and the line, saying what is wrong.
    void brokenTemplate_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        const QByteArray head = "<!-- countersign-template\nname: T\nkind: addendum\n"
                                "field: date | Updated | YYYY-MM-DD | today | required\n-->\n";
        QTest::newRow("unknown placeholder")
            << head + "# T\n\nUpdated: {{date}}\nOwner: {{owner}}\n"
            << 9 << "unknown placeholder {{owner}}: the header declares no field 'owner'";
        QTest::newRow("unclosed placeholder")
            << head + "# T\n\nUpdated: {{date}\n"
            << 8 << "a placeholder opened with {{ is not closed with }} on its line";
        QTest::newRow("malformed placeholder") << head + "# T\n\nUpdated: {{Date}}\n"
                                               << 8
                                               << "malformed placeholder '{{Date}}': write {{key}}, with a "
                                                  "key of lower-case letters, digits and _";
        QTest::newRow("unused field") << QByteArray(head).replace("-->", "field: x | X | | | optional\n-->") +
                "# T\n{{date}}\n" << 1 << "field 'x' is declared but no {{x}} placeholder uses it";
        QTest::newRow("no header") << QByteArray("# T\n\nUpdated: {{date}}\n") << 1
                                   << "not a Countersign template: it must start with a line reading "
                                      "'<!-- countersign-template'";
        QTest::newRow("unclosed header") << QByteArray(head).replace("-->\n", "") << 1
                                         << "the header is not closed with a line reading '-->'";
        QTest::newRow("unknown kind")
            << QByteArray(head).replace("kind: addendum", "kind: memo") + "# T {{date}}\n"
            << 3
            << "unknown kind 'memo' (known: decision-record, producer-mirror, "
               "checkpoint-packet, addendum)";
        QTest::newRow("four columns")
            << QByteArray(head).replace("| today |", "|") + "# T {{date}}\n"
            << 4
            << "a field line has five columns: field: KEY | LABEL | HINT | DEFAULT | "
               "required or optional";
        QTest::newRow("twice") << QByteArray(head).replace("-->", "field: date | D | | | optional\n-->") +
                "# {{date}}\n" << 5
                               << "field 'date' is declared twice";
        QTest::newRow("no record") << head << 5 << "there is no record after the header";
        QTest::newRow("unknown header line")
            << QByteArray(head).replace("name: T", "title: T") + "# {{date}}\n"
            << 2
            << "unknown header line 'title: T' (expected name:, kind:, file: or "
               "field:)";
    }

    void brokenTemplate()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.md"));
        QVERIFY(TestSupport::writeBytes(path, content));
        const Result<RecordTemplate> t = RecordTemplate::load(path);
        QVERIFY(!t);
        QCOMPARE(t.error().file, path);
        QCOMPARE(t.error().message, message);
        QCOMPARE(t.error().line, line);
        QVERIFY(t.error().toString().startsWith(path + u':'));
    }

    // What the loader refuses for any file, named the same way.
    void unreadableTemplate_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<Error::Code>("code");
        QTest::newRow("empty") << TestSupport::dataPath(QStringLiteral("bad/empty.md")) << Error::Code::Empty;
        QTest::newRow("invalid utf-8")
            << TestSupport::dataPath(QStringLiteral("bad/invalid-utf8.md")) << Error::Code::InvalidUtf8;
        QTest::newRow("binary") << TestSupport::dataPath(QStringLiteral("bad/binary.md"))
                                << Error::Code::Binary;
        QTest::newRow("missing") << TestSupport::dataPath(QStringLiteral("templates/no-such-template.md"))
                                 << Error::Code::FileNotFound;
    }

    void unreadableTemplate()
    {
        QFETCH(QString, path);
        QFETCH(Error::Code, code);
        const Result<RecordTemplate> t = RecordTemplate::load(path);
        QVERIFY(!t);
        QCOMPARE(t.error().code, code);
        QCOMPARE(t.error().file, path);
        QVERIFY(t.error().toString().contains(path));
    }
};

QTEST_GUILESS_MAIN(TestRecordTemplate)
#include "tst_recordtemplate.moc"
