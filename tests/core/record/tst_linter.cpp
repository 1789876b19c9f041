// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Linter: each kind of finding, on its line. Expected findings were read off the test files by hand.
#include "record/documentloader.h"
#include "record/linter.h"
#include "record/markdownparser.h"
#include "testsupport.h"

#include <QTest>

using namespace Countersign;

namespace {

QList<LintFinding> lintFile(const QString &path)
{
    const Result<Document> doc = MarkdownParser::parseFile(path);
    if (!doc)
        qFatal("%s", qPrintable(doc.error().toString()));
    return Linter::lint(doc.value());
}

// "line code" strings, in order, for compact comparison.
QStringList summary(const QList<LintFinding> &findings)
{
    QStringList out;
    for (const LintFinding &finding : findings)
        out.append(QStringLiteral("%1 %2").arg(finding.line).arg(finding.code));
    return out;
}

} // namespace

class TestLinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanInputs_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *name : {"decision-record.md", "producer-mirror.md", "checkpoint-consumer.md",
                 "checkpoint-producer.md", "addendum.md", "variant-crlf.md", "variant-bom.md",
                 "variant-star-bullets.md", "variant-h3-headings.md", "variant-roles-table.md",
                 "variant-non-ascii.md", "variant-reordered-renamed.md"})
            QTest::newRow(name) << TestSupport::dataPath(QStringLiteral("input/") + QLatin1StringView(name));
        for (const QString &sample : TestSupport::allInputs()) {
            if (sample.contains(u"/resources/samples/"))
                QTest::newRow(qPrintable(sample.section(u'/', -1))) << sample;
        }
    }

    void cleanInputs()
    {
        QFETCH(QString, path);
        const QList<LintFinding> findings = lintFile(path);
        QVERIFY2(
            findings.isEmpty(), qPrintable(findings.isEmpty() ? QString() : findings.first().toString()));
    }

    void flawedRecord()
    {
        const QString path = TestSupport::dataPath(QStringLiteral("lint/flawed-record.md"));
        const QList<LintFinding> findings = lintFile(path);
        QCOMPARE(summary(findings),
            (QStringList{
                QStringLiteral("1 missing-section"), // Decision Scope
                QStringLiteral("1 missing-section"), // Decision Inputs
                QStringLiteral("1 missing-section"), // Completion Evidence
                QStringLiteral("1 missing-section"), // Residual Risks
                QStringLiteral("3 date"), // 14/03/2026
                QStringLiteral("8 unknown-status"), // **MAYBE**
                QStringLiteral("12 commit-sha"), // 3f9c2a7
                QStringLiteral("13 duplicate-key"), // release_tag again
                QStringLiteral("14 malformed-field"), // no "key: value"
                QStringLiteral("18 empty-value"), // "Joint decision log owner role:"
                QStringLiteral("22 unknown-status"), // **Paused**
            }));
        QVERIFY(findings.at(0).message.contains(QStringLiteral("Decision Scope")));
        QVERIFY(findings.at(5).message.contains(QStringLiteral("MAYBE")));
        QVERIFY(findings.at(7).message.contains(QStringLiteral("first on line 11")));
        QCOMPARE(findings.at(6).severity, LintFinding::Severity::Error);
        QCOMPARE(findings.at(6).toString(),
            path +
                QStringLiteral(":12: error: commit_sha '3f9c2a7' is not a 40-digit hexadecimal commit SHA "
                               "[commit-sha]"));
    }

    void flawedCheckpoint()
    {
        const QList<LintFinding> findings =
            lintFile(TestSupport::dataPath(QStringLiteral("lint/flawed-checkpoint.md")));
        QCOMPARE(summary(findings),
            (QStringList{
                QStringLiteral("1 missing-section"), // Runtime Target Under Review
                QStringLiteral("1 missing-section"), // Open Items
                QStringLiteral("1 missing-section"), // Sign-off Requested From
                QStringLiteral("3 date"), // 2026-02-30 does not exist
                QStringLiteral("7 unknown-status"), // GO-ISH
                QStringLiteral("13 unknown-status"), // FIAL
                QStringLiteral("15 duplicate-section"), // Gate Results again
            }));
    }

    void isoDates_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addColumn<bool>("valid");
        QTest::newRow("date") << "2026-02-08" << true;
        QTest::newRow("date and time utc") << "2026-02-08T14:05:00Z" << true;
        QTest::newRow("offset") << "2026-02-08T14:05+01:00" << true;
        QTest::newRow("leap day") << "2028-02-29" << true;
        QTest::newRow("no leap day") << "2026-02-29" << false;
        QTest::newRow("month 13") << "2026-13-01" << false;
        QTest::newRow("european") << "08.02.2026" << false;
        QTest::newRow("words") << "February 8, 2026" << false;
        QTest::newRow("hour 24") << "2026-02-08T24:00Z" << false;
    }

    void isoDates()
    {
        QFETCH(QString, date);
        QFETCH(bool, valid);
        const QString text = QStringLiteral("# Addendum\n\nUpdated: %1\n").arg(date);
        const Document doc = MarkdownParser::parse(SourceText::fromText(text), QStringLiteral("a.md"));
        const QList<LintFinding> findings = Linter::lint(doc);
        QCOMPARE(findings.isEmpty(), valid);
        if (!valid)
            QCOMPARE(findings.first().line, 3);
    }
};

QTEST_GUILESS_MAIN(TestLinter)
#include "tst_linter.moc"
