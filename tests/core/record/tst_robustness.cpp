// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Robustness: thousands of deterministic mutations of every test input (byte flips, truncations,
// duplicated lines, very long lines, deep nesting). Whatever comes in, nothing crashes; what decodes
// round-trips byte for byte, and what does not decode is an error naming the file and line.
#include "record/documentjson.h"
#include "record/linter.h"
#include "record/markdownparser.h"
#include "record/recordfacts.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Countersign;

namespace {

QByteArray mutate(const QByteArray &original, QRandomGenerator &random)
{
    QByteArray bytes = original;
    const auto at = [&](qsizetype size) {
        return size > 0 ? qsizetype(random.bounded(quint64(size))) : qsizetype(0);
    };
    switch (random.bounded(8)) {
    case 0: // flip a few bytes
        for (int i = 0, n = 1 + int(random.bounded(5)); i < n && !bytes.isEmpty(); ++i)
            bytes[at(bytes.size())] = char(random.bounded(256));
        break;
    case 1: // truncate anywhere, possibly inside a UTF-8 sequence or a CRLF
        bytes.truncate(at(bytes.size()));
        break;
    case 2: { // duplicate a run of lines right after itself
        QList<QByteArray> lines = bytes.split('\n');
        const qsizetype from = at(lines.size());
        const QList<QByteArray> run = lines.mid(from, 1 + at(8));
        for (qsizetype i = 0; i < run.size(); ++i)
            lines.insert(from + run.size() + i, run.at(i));
        bytes = lines.join('\n');
        break;
    }
    case 3: // a very long line
        bytes.insert(at(bytes.size()), QByteArray(100000 + at(100000), "x*_`|-"[random.bounded(6)]));
        break;
    case 4: { // deep nesting: quotes, list indentation, emphasis, brackets
        QByteArray nest;
        const int depth = 200 + int(random.bounded(2000));
        switch (random.bounded(4)) {
        case 0:
            nest = QByteArray(depth, '>') + " deep\n";
            break;
        case 1:
            for (int i = 0; i < depth / 4; ++i)
                nest += QByteArray(i * 2, ' ') + "- level: `x`\n";
            break;
        case 2:
            nest = QByteArray(depth, '*') + "bold" + QByteArray(depth, '*') + "\n";
            break;
        default:
            nest = QByteArray(depth, '[') + "x" + QByteArray(depth, ']') + "\n";
            break;
        }
        bytes.insert(at(bytes.size()), nest);
        break;
    }
    case 5: // swap line endings around
        bytes.replace("\n", random.bounded(2) ? QByteArray("\r\n") : QByteArray("\r"));
        break;
    case 6: // table and heading noise
        bytes.insert(
            at(bytes.size()), QByteArray("\n| a | b |\n|---|\n| **PASS** | `x` | extra |\n#\n##### \n===\n"));
        break;
    default: // insert a random slice of itself somewhere else
        if (!bytes.isEmpty()) {
            const qsizetype from = at(bytes.size());
            bytes.insert(at(bytes.size()), bytes.mid(from, 1 + at(200)));
        }
        break;
    }
    return bytes;
}

} // namespace

class TestRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mutations_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : TestSupport::allInputs())
            QTest::newRow(qPrintable(path.section(u'/', -1))) << path;
    }

    void mutations()
    {
        QFETCH(QString, path);
        const QByteArray original = TestSupport::readBytes(path);
        QRandomGenerator random(quint32(qHash(path.section(u'/', -1)))); // the same mutations on every run
        constexpr int rounds = 250;
        int decoded = 0;
        for (int round = 0; round < rounds; ++round) {
            const QByteArray bytes = round == 0 ? original : mutate(original, random);
            const Result<SourceText> source = SourceText::fromUtf8(bytes, QStringLiteral("mutant.md"));
            if (!source) {
                QCOMPARE(source.error().file, QStringLiteral("mutant.md"));
                QVERIFY(source.error().line >= 1);
                QVERIFY(source.error().byteOffset >= 0 && source.error().byteOffset < bytes.size());
                continue;
            }
            ++decoded;
            const Document doc = MarkdownParser::parse(source.value(), bytes, QStringLiteral("mutant.md"));
            QVERIFY2(doc.serialize() == bytes,
                qPrintable(QStringLiteral("round %1 of %2 is not lossless").arg(round).arg(path)));
            for (const Section &section : doc.sections) {
                QVERIFY(section.firstLine >= 1);
                QVERIFY(section.lastLine >= section.firstLine);
                QVERIFY(section.lastLine <= std::max(1, doc.source.lineCount()));
            }
            const RecordFacts facts = RecordFacts::extract(doc);
            Linter::lint(doc);
            QVERIFY(!DocumentJson::toJson(doc, facts).isEmpty());
        }
        QVERIFY2(decoded > rounds / 4, "too few mutants decoded to exercise the parser");
    }
};

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
