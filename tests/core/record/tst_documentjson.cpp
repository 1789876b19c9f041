// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// DocumentJson: golden files. tests/data/input/NAME.md and the bundled samples are compared with
// tests/data/reference/NAME.json; after a deliberate change, regenerate them with
// tests/update-references.sh and review the diff by eye before committing.
#include "record/documentjson.h"
#include "record/documentloader.h"
#include "record/markdownparser.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

// A unified diff of expected against actual for the failure message (first differing line when
// diff(1) is not available).
QString readableDiff(const QByteArray &expected, const QByteArray &actual)
{
    QTemporaryDir dir;
    const QString expectedPath = dir.filePath(QStringLiteral("expected.json"));
    const QString actualPath = dir.filePath(QStringLiteral("actual.json"));
    if (TestSupport::writeBytes(expectedPath, expected) && TestSupport::writeBytes(actualPath, actual) &&
        !QStandardPaths::findExecutable(QStringLiteral("diff")).isEmpty()) {
        QProcess diff;
        diff.start(QStringLiteral("diff"), {QStringLiteral("-u"), expectedPath, actualPath});
        if (diff.waitForFinished(10000))
            return QString::fromUtf8(diff.readAllStandardOutput()).left(4000);
    }
    const QList<QByteArray> a = expected.split('\n'), b = actual.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        if (a.value(i) != b.value(i))
            return QStringLiteral("line %1:\n- %2\n+ %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(a.value(i)), QString::fromUtf8(b.value(i)));
    }
    return {};
}

} // namespace

class TestDocumentJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("reference");
        for (const QString &path : TestSupport::allInputs()) {
            const QString name = QFileInfo(path).completeBaseName();
            QTest::newRow(qPrintable(name))
                << path << TestSupport::dataPath(QStringLiteral("reference/%1.json").arg(name));
        }
    }

    void golden()
    {
        QFETCH(QString, input);
        QFETCH(QString, reference);
        const Result<Document> doc = MarkdownParser::parseFile(input);
        QVERIFY(doc);
        const QByteArray actual = DocumentJson::toJson(doc.value(), RecordFacts::extract(doc.value()));
        QVERIFY2(QFileInfo::exists(reference),
            qPrintable(QStringLiteral("no reference %1; run tests/update-references.sh").arg(reference)));
        const QByteArray expected = TestSupport::readBytes(reference);
        QVERIFY2(actual == expected,
            qPrintable(QStringLiteral("%1 differs from %2:\n%3")
                    .arg(input, reference, readableDiff(expected, actual))));
    }

    void streamsInChunks()
    {
        // A record big enough to make the writer flush several times.
        QString text = QStringLiteral("# Runtime Cutover Decision Record\n\n");
        for (int i = 0; i < 4000; ++i)
            text += QStringLiteral("## Section %1\n- release_tag: `v%1` **PASS** \"q\" Zoë\n\n").arg(i);
        const Document doc = MarkdownParser::parse(SourceText::fromText(text), QStringLiteral("big.md"));
        const RecordFacts facts = RecordFacts::extract(doc);
        const QByteArray whole = DocumentJson::toJson(doc, facts);
        QVERIFY(whole.size() > 3 * (1 << 20));
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(DocumentJson::write(doc, facts, &buffer, JsonWriter::Style::Indented));
        QCOMPARE(buffer.data(), whole);
        QBuffer compact;
        QVERIFY(compact.open(QIODevice::WriteOnly));
        QVERIFY(DocumentJson::write(doc, facts, &compact));
        QVERIFY(compact.data().size() < whole.size() * 2 / 3);
        QCOMPARE(QJsonDocument::fromJson(compact.data()), QJsonDocument::fromJson(whole));

        QBuffer closed; // not open: every write fails
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
        QVERIFY(!DocumentJson::write(doc, facts, &closed));
    }

    void validJson_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quotes, backslashes, control characters")
            << QStringLiteral("# Ti\"tle\\\n\n- key: `a\\b` \"q\"\t\u0001end\n");
        QTest::newRow("non-ascii") << QStringLiteral("# Zoë 李雷 🚀\n\n- role: José\n");
        QTest::newRow("empty") << QString();
    }

    void validJson()
    {
        QFETCH(QString, text);
        const Document doc = MarkdownParser::parse(SourceText::fromText(text), QStringLiteral("x.md"));
        const QByteArray json = DocumentJson::toJson(doc, RecordFacts::extract(doc));
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(parsed.object().value(QStringLiteral("title")).toString(), doc.title);
        QCOMPARE(parsed.object().value(QStringLiteral("schema")).toInt(), DocumentJson::schemaVersion);
    }
};

QTEST_GUILESS_MAIN(TestDocumentJson)
#include "tst_documentjson.moc"
