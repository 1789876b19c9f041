// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// MarkdownParser: the document tree read from cmark-gfm, its line numbers, and losslessness.
#include "record/documentloader.h"
#include "record/markdownparser.h"
#include "record/recordfacts.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

Document load(const QString &relative)
{
    const Result<Document> doc = MarkdownParser::parseFile(TestSupport::dataPath(relative));
    if (!doc)
        qFatal("cannot load %s: %s", qPrintable(relative), qPrintable(doc.error().toString()));
    return doc.value();
}

const ListItem *findItem(const QList<ListItem> &items, QStringView label)
{
    for (const ListItem &item : items) {
        if (item.label == label)
            return &item;
        if (const ListItem *child = findItem(item.children, label))
            return child;
    }
    return nullptr;
}

const ListItem *findItem(const Document &doc, QStringView label)
{
    for (const Section &section : doc.sections) {
        for (const Block &block : section.blocks) {
            if (const ListItem *item = findItem(block.items, label))
                return item;
        }
    }
    return nullptr;
}

QList<int> headingLines(const Document &doc)
{
    QList<int> lines;
    for (const Section &section : doc.sections)
        lines.append(section.headingLine);
    return lines;
}

} // namespace

class TestMarkdownParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void titleHeaderAndSections()
    {
        const Document doc = load(QStringLiteral("input/decision-record.md"));
        QCOMPARE(doc.title, QStringLiteral("Runtime Cutover Decision Record"));
        QCOMPARE(doc.titleLine, 1);
        QCOMPARE(doc.headerFields.size(), 2);
        QCOMPARE(doc.headerFields.at(0).key, QStringLiteral("Updated"));
        QCOMPARE(doc.headerFields.at(0).value,
            QStringLiteral("2026-03-14")); // the hard-break spaces are not part of it
        QCOMPARE(doc.headerFields.at(0).line, 3);
        QCOMPARE(doc.headerFields.at(1).key, QStringLiteral("Owner"));
        QCOMPARE(doc.headerFields.at(1).value, QStringLiteral("Harbor + Tessera (bilateral)"));
        QCOMPARE(doc.headerFields.at(1).line, 4);

        const QStringList headings = {QStringLiteral("Runtime Cutover Decision Record"),
            QStringLiteral("Decision Scope"), QStringLiteral("Decision Outcome"),
            QStringLiteral("Approved Runtime Target"), QStringLiteral("Ownership (Named Roles)"),
            QStringLiteral("Decision Inputs"), QStringLiteral("Runtime Cutover Completion Evidence"),
            QStringLiteral("Residual Risks (Non-blocking)"), QStringLiteral("Phase Status Mapping")};
        QCOMPARE(doc.sections.size(), headings.size());
        for (int i = 0; i < headings.size(); ++i) {
            QCOMPARE(doc.sections.at(i).heading, headings.at(i));
            QCOMPARE(doc.sections.at(i).level, i == 0 ? 1 : 2);
            QCOMPARE(doc.sections.at(i).parent, i == 0 ? -1 : 0);
        }
        QCOMPARE(headingLines(doc), (QList<int>{1, 6, 10, 14, 21, 28, 36, 41, 45}));
        const Section &ownership = doc.sections.at(4);
        QCOMPARE(ownership.key, QStringLiteral("ownership"));
        QCOMPARE(ownership.qualifiers, QStringList{QStringLiteral("Named Roles")});
        QCOMPARE(ownership.firstLine, 21);
        QCOMPARE(ownership.lastLine, 27);
        QCOMPARE(doc.sections.at(7).key, QStringLiteral("residual risks"));
        QVERIFY(doc.sections.at(7).hasQualifier(u"non-blocking"));
        QCOMPARE(doc.sections.last().lastLine, doc.source.lineCount());
    }

    void fieldsAndStatuses()
    {
        const Document doc = load(QStringLiteral("input/decision-record.md"));
        const ListItem *tag = findItem(doc, u"release_tag");
        QVERIFY(tag);
        QCOMPARE(tag->value, QStringLiteral("v2.1.0"));
        QCOMPARE(tag->rawValue, QStringLiteral("`v2.1.0`"));
        QVERIFY(tag->valueIsCode);
        QCOMPARE(tag->firstLine, 15);

        const ListItem *execution = findItem(doc, u"Runtime cutover execution");
        QVERIFY(execution);
        QCOMPARE(execution->number, 2);
        QCOMPARE(execution->status.word, QStringLiteral("GO"));
        QCOMPARE(execution->rawValue, QStringLiteral("**GO**"));
        QVERIFY(!execution->valueIsCode);

        const ListItem *phase = findItem(doc, u"Phase 5");
        QVERIFY(phase);
        QCOMPARE(phase->status.text, QStringLiteral("Active (stabilization window)"));
        QCOMPARE(phase->status.word, QStringLiteral("Active"));
        QCOMPARE(phase->status.qualifier, QStringLiteral("stabilization window"));

        const ListItem *input = findItem(doc, u"Producer checkpoint packet");
        QVERIFY(input);
        QVERIFY(input->value.isEmpty());
        QCOMPARE(input->children.size(), 1);
        QCOMPARE(input->children.first().codeSpans,
            QStringList{QStringLiteral(
                "Tessera/docs/implementation/ENGINE_V2_CUTOVER_CHECKPOINT_PRODUCER_2026-03-14.md")});
        QCOMPARE(input->children.first().firstLine, 32);
    }

    void gfmTable()
    {
        const Document doc = load(QStringLiteral("input/checkpoint-consumer.md"));
        const Section *gates = doc.section(u"gate results");
        QVERIFY(gates);
        QCOMPARE(gates->blocks.size(), 1);
        const Block &table = gates->blocks.first();
        QCOMPARE(table.kind, Block::Kind::Table);
        QCOMPARE(table.header.cells.size(), 3);
        QCOMPARE(table.header.cells.at(1).text, QStringLiteral("Status"));
        QCOMPARE(table.header.line, 20);
        QCOMPARE(table.rows.size(), 5);
        QCOMPARE(table.rows.first().line, 22);
        QCOMPARE(
            table.rows.first().cells.at(0).text, QStringLiteral("Consumer contract tests against engine.v2"));
        QCOMPARE(table.rows.last().line, 26);
        QCOMPARE(table.rows.last().cells.at(1).status.word, QStringLiteral("WARN"));
    }

    void commonMarkAsGitHubReadsIt()
    {
        const Document doc = load(QStringLiteral("input/variant-markdown-edge.md"));
        // An HTML comment before the title is a preamble block.
        QCOMPARE(doc.preamble.size(), 1);
        QCOMPARE(doc.preamble.first().kind, Block::Kind::Html);
        QCOMPARE(doc.preamble.first().firstLine, 1);
        // Setext headings are headings.
        QCOMPARE(doc.title, QStringLiteral("Runtime Cutover Decision Record"));
        QCOMPARE(doc.titleLine, 2);
        QCOMPARE(doc.sections.at(1).heading, QStringLiteral("Decision Outcome"));
        QCOMPARE(doc.sections.at(1).level, 2);
        QCOMPARE(doc.sections.at(1).headingLine, 8);
        QCOMPARE(doc.headerFields.size(), 2);
        QCOMPARE(doc.headerFields.at(1).line, 6);
        // __x__ is bold too.
        QCOMPARE(findItem(doc, u"Rehearsal continuation")->status.word, QStringLiteral("GO"));
        QCOMPARE(findItem(doc, u"Runtime cutover execution")->status.word, QStringLiteral("NO-GO"));
        // A line indented four spaces is a code block, not a field.
        const Section *target = doc.section(u"approved runtime target");
        QVERIFY(target);
        int codeBlocks = 0;
        for (const Block &block : target->blocks) {
            if (block.kind == Block::Kind::Code) {
                ++codeBlocks;
                QVERIFY(block.text.contains(QStringLiteral("v9.9.9")));
            }
            for (const ListItem &item : block.items)
                QVERIFY(!item.value.contains(QStringLiteral("v9.9.9")));
        }
        QCOMPARE(codeBlocks, 1);
        // Bold label: "**Owner:** value".
        const ListItem *owner = findItem(doc, u"Owner");
        QVERIFY(owner);
        QCOMPARE(owner->value, QStringLiteral("Harbor Platform On-Call Lead"));
        QCOMPARE(owner->rawValue, QStringLiteral("Harbor Platform On-Call Lead"));
        // Inline HTML comments are not part of the value's text.
        QCOMPARE(findItem(doc, u"engine_contract_version")->value, QStringLiteral("engine.v2"));
        // Lists nest three deep.
        const ListItem *packets = findItem(doc, u"Checkpoint packets");
        QVERIFY(packets);
        QCOMPARE(packets->children.size(), 2);
        QCOMPARE(packets->children.at(1).label, QStringLiteral("Producer"));
        QCOMPARE(packets->children.at(1).children.size(), 1);
        // Task lists, quotes, fenced code and thematic breaks.
        const Section *open = doc.section(u"open items");
        QVERIFY(open);
        const Block &tasks = open->blocks.at(0);
        QCOMPARE(tasks.items.size(), 2);
        QVERIFY(tasks.items.at(0).isTask && tasks.items.at(0).checked);
        QVERIFY(tasks.items.at(1).isTask && !tasks.items.at(1).checked);
        QCOMPARE(tasks.items.at(1).text, QStringLiteral("Publish the schema lead-time policy"));
        QList<Block::Kind> kinds;
        for (const Block &block : open->blocks)
            kinds.append(block.kind);
        QCOMPARE(kinds,
            (QList<Block::Kind>{
                Block::Kind::List, Block::Kind::Quote, Block::Kind::Code, Block::Kind::ThematicBreak}));
        QCOMPARE(open->blocks.at(1).children.first().statuses.first().word, QStringLiteral("WARN"));
        QCOMPARE(open->blocks.at(2).info, QStringLiteral("yaml"));
        QCOMPARE(open->blocks.at(2).text, QStringLiteral("release_tag: v2.1.0\n"));
    }

    void lineNumbersIgnoreLineEndings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("crlf") << "input/variant-crlf.md";
        QTest::newRow("bom") << "input/variant-bom.md";
        QTest::newRow("mixed, trailing blanks, no final newline") << "input/variant-mixed-endings.md";
        QTest::newRow("star bullets") << "input/variant-star-bullets.md";
    }

    void lineNumbersIgnoreLineEndings()
    {
        QFETCH(QString, file);
        const Document base = load(QStringLiteral("input/decision-record.md"));
        const Document variant = load(file);
        QCOMPARE(headingLines(variant), headingLines(base));
        QCOMPARE(variant.headerFields, base.headerFields);
        for (int i = 0; i < base.sections.size(); ++i) {
            QCOMPARE(variant.sections.at(i).key, base.sections.at(i).key);
            QCOMPARE(variant.sections.at(i).blocks.size(), base.sections.at(i).blocks.size());
            for (int b = 0; b < base.sections.at(i).blocks.size(); ++b) {
                const Block &expected = base.sections.at(i).blocks.at(b);
                const Block &actual = variant.sections.at(i).blocks.at(b);
                QCOMPARE(actual.firstLine, expected.firstLine);
                QCOMPARE(actual.items.size(), expected.items.size());
                for (int k = 0; k < expected.items.size(); ++k) {
                    QCOMPARE(actual.items.at(k).firstLine, expected.items.at(k).firstLine);
                    QCOMPARE(actual.items.at(k).label, expected.items.at(k).label);
                    QCOMPARE(actual.items.at(k).value, expected.items.at(k).value);
                }
            }
        }
    }

    void lossless_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : TestSupport::allInputs())
            QTest::newRow(qPrintable(path.section(u'/', -2))) << path;
    }

    void lossless()
    {
        QFETCH(QString, path);
        const QByteArray bytes = TestSupport::readBytes(path);
        const Result<Document> doc = MarkdownParser::parseFile(path);
        QVERIFY(doc);
        QCOMPARE(doc->serialize(), bytes);

        // The preamble and the sections tile the document: every line belongs to exactly one of
        // them, so nothing the model does not understand falls between the cracks.
        const SourceText &source = doc->source;
        int next = 1;
        QString rebuilt;
        if (!doc->sections.isEmpty() && doc->sections.first().firstLine > 1) {
            rebuilt += source.lines(1, doc->sections.first().firstLine - 1);
            next = doc->sections.first().firstLine;
        }
        for (const Section &section : doc->sections) {
            QCOMPARE(section.firstLine, next);
            QVERIFY(section.lastLine >= section.firstLine);
            rebuilt += source.lines(section.firstLine, section.lastLine);
            next = section.lastLine + 1;
        }
        if (!doc->sections.isEmpty())
            QCOMPARE(next, source.lineCount() + 1);
        QCOMPARE(rebuilt, source.text());
        // Parsing the re-serialized bytes gives the same document.
        const Result<SourceText> again = SourceText::fromUtf8(doc->serialize(), path);
        QVERIFY(again);
        QCOMPARE(MarkdownParser::parse(again.value(), path), doc.value());
    }

    void tableInterruptingAParagraph()
    {
        // GFM turns the paragraph's last line into the table header; cmark then reports line 0 for
        // what is left of the paragraph. Found by the robustness test.
        const QString text =
            QStringLiteral("## Target\nw# Gate Results\n| Gate | Status |\n|---|---|\n| Load | **PASS** |\n");
        const Document doc = MarkdownParser::parse(SourceText::fromText(text));
        QCOMPARE(doc.sections.size(), 1);
        const QList<Block> &blocks = doc.sections.first().blocks;
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks.at(1).kind, Block::Kind::Table);
        QCOMPARE(blocks.at(1).rows.first().cells.at(1).status.word, QStringLiteral("PASS"));
        for (const Block &block : blocks)
            QVERIFY(block.firstLine >= 1 && block.lastLine >= block.firstLine);
        const RecordFacts facts = RecordFacts::extract(doc);
        QCOMPARE(facts.runtimeTarget.size(), 1);
        QCOMPARE(facts.runtimeTarget.first().key, QStringLiteral("Load"));
    }

    // cmark's memory is bounded by MarkdownParser::budget(): a shape beyond it keeps its text, gets no
    // model and says why; a record of the same size in ordinary prose is parsed.
    void structureBeyondTheBudgetIsNotRead()
    {
        const QByteArray title = "# Runtime Cutover Decision Record\n\n";
        const QByteArray items = title + QByteArray("- i\n").repeated(300'000);
        const Document refused =
            MarkdownParser::parse(SourceText::fromUtf8(items).value(), items, QStringLiteral("items.md"));
        QVERIFY2(refused.structureError.startsWith(QStringLiteral("has more markdown structure")),
            qPrintable(refused.structureError));
        QVERIFY(refused.structureError.contains(
            QStringLiteral("over %1 MiB").arg(MarkdownParser::budget(items.size()) / (1024 * 1024))));
        QVERIFY(refused.sections.isEmpty() && refused.preamble.isEmpty());
        QCOMPARE(refused.serialize(), items);
        const Result<Document> loaded = [&] {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("items.md"));
            TestSupport::writeBytes(path, items);
            return MarkdownParser::parseFile(path);
        }();
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, Error::Code::TooLarge);
        QVERIFY(loaded.error().file.endsWith(QStringLiteral("items.md")));

        const QByteArray prose = title +
            QByteArray("The rehearsal ran against the candidate and every gate held for the window.\n\n")
                .repeated(16'000);
        QVERIFY(prose.size() >= items.size());
        const Document parsed = MarkdownParser::parse(SourceText::fromUtf8(prose).value(), prose);
        QVERIFY(parsed.structureError.isEmpty());
        QCOMPARE(parsed.sections.size(), 1);
        QCOMPARE(parsed.sections.first().blocks.size(), 16'000);
    }

    // A table right under a paragraph (no blank line): cmark-gfm loses the paragraph's lines and starts
    // the table at the paragraph. The model keeps both where they are, and the header fields.
    void paragraphRightAboveATable()
    {
        const Document doc = MarkdownParser::parse(SourceText::fromText(QStringLiteral(
            "# Title\n\nUpdated: 2026-02-08\nOwner: Ann\n| a | b |\n|---|---|\n| 1 | 2 |\n\nafter\n")));
        QCOMPARE(doc.headerField(u"Updated"), std::optional<QString>(QStringLiteral("2026-02-08")));
        QCOMPARE(doc.headerField(u"Owner"), std::optional<QString>(QStringLiteral("Ann")));
        QCOMPARE(doc.headerFields.size(), 2);
        QCOMPARE(doc.headerFields.at(0).line, 3);
        QCOMPARE(doc.headerFields.at(1).line, 4);
        const QList<Block> &blocks = doc.sections.first().blocks;
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(blocks.at(0).kind, Block::Kind::Paragraph);
        QCOMPARE(blocks.at(0).firstLine, 3);
        QCOMPARE(blocks.at(0).lastLine, 4);
        QCOMPARE(blocks.at(1).kind, Block::Kind::Table);
        QCOMPARE(blocks.at(1).firstLine, 5);
        QCOMPARE(blocks.at(1).lastLine, 7);
        QCOMPARE(blocks.at(1).header.line, 5);
        QCOMPARE(blocks.at(1).rows.first().line, 7);
        QCOMPARE(blocks.at(2).firstLine, 9);
    }

    // A large document is parsed in pieces cut before headings, and reads exactly as the whole: here
    // every heading that may be cut is (pieces of one byte and up), in random documents made of the
    // blocks that can stand around a cut: fenced code and HTML blocks left open across it, lists,
    // quotes, tables, indented code, link references, with LF, CRLF and CR line endings.
    void piecesReadAsTheWhole()
    {
        static const char *const fragments[] = {"# Title\n", "## Section\n", "\n## Cut\n", "\n### Cut\n",
            "\n# Cut\n", "\n", "\n", "\n", "\n", "#\n", "###### Six\n", "#\tTabbed\n", "####### Seven\n",
            "```\n", "```js\n", "~~~~\n", "~~~\n", "  ```\n", "    indented code\n", "\t# tab heading\n",
            "<!-- comment\n", "-->\n", "<!-- one line -->\n", "<div>\n", "</div>\n", "<pre>\n", "</pre>\n",
            "<script>\n", "</script>\n", "<?php\n", "?>\n", "<!DOCTYPE html\n", ">\n", "<![CDATA[\n", "]]>\n",
            "> quote\n", "> ```\n", "- item\n", "- [ ] task\n", "  continued\n", "1. first\n", "| a | b |\n",
            "|---|---|\n", "| 1 | 2 |\n", "Plain text with **GO** status.\n", "Owner: Ann\n", "Setext\n",
            "===\n", "---\n", "see [x][ref] here\n", "- release_tag: `v1`\n", "<span>inline</span>\n",
            "  - nested\n"};
        QRandomGenerator random(20261204);
        int documentsCut = 0;
        for (int trial = 0; trial < 3000; ++trial) {
            QByteArray text;
            const int parts = 4 + int(random.bounded(40));
            for (int i = 0; i < parts; ++i)
                text += fragments[random.bounded(int(std::size(fragments)))];
            if (random.bounded(20) == 0) // a link reference reaches across the document: no cut
                text.insert(qsizetype(random.bounded(int(text.size()))) / 2, "\n[ref]: /url\n");
            documentsCut += text.contains("\n\n#") && !text.contains("]:") ? 1 : 0;
            if (const quint32 endings = random.bounded(8); endings == 0)
                text.replace('\n', '\r');
            else if (endings == 1)
                text.replace("\n", "\r\n");
            const SourceText source = SourceText::fromUtf8(text).value();
            const Document whole = MarkdownParser::parse(source, text, {}, text.size());
            const Document pieces = MarkdownParser::parse(source, text, {}, 1);
            if (!(pieces == whole))
                QFAIL(qPrintable(QStringLiteral("read differently in pieces:\n") + QString::fromUtf8(text)));
        }
        QVERIFY2(documentsCut > 1000, qPrintable(QString::number(documentsCut)));
    }

    void parsesTextWithoutAFile()
    {
        const Document doc =
            MarkdownParser::parse(SourceText::fromText(QStringLiteral("no heading at all\n")));
        QVERIFY(doc.sections.isEmpty());
        QCOMPARE(doc.preamble.size(), 1);
        QCOMPARE(doc.kind, DocumentKind::Unknown);
        QCOMPARE(doc.serialize(), QByteArray("no heading at all\n"));
    }
};

QTEST_GUILESS_MAIN(TestMarkdownParser)
#include "tst_markdownparser.moc"
