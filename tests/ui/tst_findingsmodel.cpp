// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// FindingsModel and FindingsFilterModel over real comparisons, under QAbstractItemModelTester; and
// how FindingsDelegate cuts a long value so that what differs stays in view.
#include "appearance.h"
#include "compare/structuralcompare.h"
#include "contrast.h"
#include "findingsdelegate.h"
#include "findingsfiltermodel.h"
#include "findingsmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QIcon>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Countersign;

namespace {

QList<CompareFinding> compareFiles(const QString &left, const QString &right)
{
    return StructuralCompare::compare(
        TestSupport::load(TestSupport::dataPath(left)), TestSupport::load(TestSupport::dataPath(right)));
}

// The findings of decision-record.md against `right` (under tests/data) behind a FindingsFilterModel,
// which a QAbstractItemModelTester checks throughout.
struct FilteredFindings
{
    explicit FilteredFindings(const QString &right)
    {
        filter.setSourceModel(&model);
        model.setFindings(compareFiles(QStringLiteral("input/decision-record.md"), right));
    }
    FindingsModel model;
    FindingsFilterModel filter;
    QAbstractItemModelTester tester{&filter, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

using TestSupport::contrast;

// The characters where two strings of one length differ: from the first to the last that differs.
TextRange differingSpan(const QString &a, const QString &b)
{
    int first = 0;
    while (first < a.size() && a.at(first) == b.at(first))
        ++first;
    int last = int(a.size()) - 1;
    while (last > first && a.at(last) == b.at(last))
        --last;
    return {first, last - first + 1};
}

// The commit_sha finding of decision-record.md against drift-near-miss.md, whose hash has two
// characters swapped.
CompareFinding nearMissHash()
{
    for (const CompareFinding &finding : compareFiles(
             QStringLiteral("input/decision-record.md"), QStringLiteral("compare/drift-near-miss.md"))) {
        if (finding.key == u"commit_sha")
            return finding;
    }
    qFatal("drift-near-miss.md has no commit_sha finding");
}

} // namespace

namespace Countersign {
inline char *toString(const TextRange &range)
{
    return QTest::toString(QStringLiteral("TextRange(%1, %2)").arg(range.start).arg(range.length));
}
} // namespace Countersign

class TestFindingsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void driftedPair()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings(compareFiles(
            QStringLiteral("input/decision-record.md"), QStringLiteral("compare/drift-combined.md")));
        // drift-combined changes the outcome and commit_sha (blocking) and a phase status (warning).
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(FindingsModel::ColumnCount));
        QStringList fields;
        for (int row = 0; row < model.rowCount(); ++row)
            fields.append(model.index(row, FindingsModel::FieldColumn).data().toString());
        QCOMPARE(fields,
            (QStringList{QStringLiteral("Runtime cutover execution"), QStringLiteral("commit_sha"),
                QStringLiteral("Phase 4")}));
        const QModelIndex sha = model.index(1, FindingsModel::SeverityColumn);
        QCOMPARE(sha.data().toString(), QStringLiteral("Blocking"));
        QCOMPARE(sha.data(FindingsModel::SeverityRole).toInt(), int(CompareFinding::Severity::Blocking));
        QVERIFY(!sha.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(sha.data(FindingsModel::LeftLineRole).toInt(), 16);
        QCOMPARE(sha.data(FindingsModel::RightLineRole).toInt(), 16);
        QCOMPARE(model.index(1, FindingsModel::LeftColumn).data().toString(),
            QStringLiteral("3f9c2a7d5e8b1c4f6a0d9e2b7c5a8f1e3d6b9c0a (line 16)"));
        QCOMPARE(
            model.headerData(FindingsModel::RightColumn, Qt::Horizontal).toString(), QStringLiteral("Right"));
    }

    void oneSidedFindingShowsADash()
    {
        FindingsModel model;
        model.setFindings(compareFiles(
            QStringLiteral("input/decision-record.md"), QStringLiteral("compare/drift-extra-risk.md")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, FindingsModel::LeftColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(0, FindingsModel::LeftColumn).data(FindingsModel::LeftLineRole).toInt(), 0);
    }

    // A value of a megabyte (a pasted image whose line reads as a status row) is shown cut.
    void longValuesAreCut()
    {
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        CompareFinding finding;
        finding.severity = CompareFinding::Severity::Warning;
        finding.key = QStringLiteral("Attachment");
        finding.leftValue = QString(1000000, u'A');
        finding.leftLine = 50;
        finding.rightValue = QStringLiteral("short");
        finding.rightLine = 50;
        model.setFindings({finding});
        QCOMPARE(model.index(0, FindingsModel::LeftColumn).data().toString(),
            QString(FindingsModel::maxValueLength, u'A') + QStringLiteral("\u2026 (line 50)"));
        QCOMPARE(
            model.index(0, FindingsModel::RightColumn).data().toString(), QStringLiteral("short (line 50)"));
    }

    // Sorted by severity, the proxy puts blocking findings first and each severity down the record,
    // however the comparison listed them (it lists the reworded scope, a note, first).
    void sortsBySeverityThenLine()
    {
        FilteredFindings findings(QStringLiteral("compare/drift-near-miss.md"));
        const FindingsModel &model = findings.model;
        FindingsFilterModel &filter = findings.filter;
        filter.sort(FindingsModel::SeverityColumn);
        QStringList rows;
        for (int row = 0; row < filter.rowCount(); ++row)
            rows.append(QStringLiteral("%1 %2").arg(
                filter.index(row, FindingsModel::SeverityColumn).data().toString(),
                filter.index(row, 0).data(FindingsModel::LeftLineRole).toString()));
        QCOMPARE(rows,
            (QStringList{QStringLiteral("Blocking 12"), QStringLiteral("Blocking 16"),
                QStringLiteral("Warning 47"), QStringLiteral("Info 7")}));
        QCOMPARE(model.index(0, 0).data(FindingsModel::LeftLineRole).toInt(), 7);
    }

    // Every cell of a blocking row has a background; the others have none.
    void blockingRowsAreTinted()
    {
        FindingsModel model;
        model.setFindings(compareFiles(
            QStringLiteral("input/decision-record.md"), QStringLiteral("compare/drift-combined.md")));
        int tinted = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool blocking = model.index(row, 0).data(FindingsModel::SeverityRole).toInt() ==
                int(CompareFinding::Severity::Blocking);
            for (int column = 0; column < model.columnCount(); ++column) {
                const QVariant background = model.index(row, column).data(Qt::BackgroundRole);
                QCOMPARE(background.isValid(), blocking);
                if (blocking) {
                    QCOMPARE(background.value<QBrush>().style(), Qt::SolidPattern);
                    ++tinted;
                }
            }
        }
        QCOMPARE(tinted, 2 * model.columnCount());
    }

    // The tint keeps the text readable (WCAG AA, 4.5:1) on light and dark palettes, and is seen.
    void blockingTintKeepsContrast_data()
    {
        QTest::addColumn<QColor>("base");
        QTest::addColumn<QColor>("text");
        QTest::newRow("Fusion light") << QColor(0xff, 0xff, 0xff) << QColor(0x00, 0x00, 0x00);
        QTest::newRow("Breeze light") << QColor(0xff, 0xff, 0xff) << QColor(0x23, 0x26, 0x29);
        QTest::newRow("Adwaita light") << QColor(0xff, 0xff, 0xff) << QColor(0x2e, 0x34, 0x36);
        QTest::newRow("Breeze dark") << QColor(0x1b, 0x1e, 0x20) << QColor(0xfc, 0xfc, 0xfc);
        QTest::newRow("Fusion dark") << QColor(0x2d, 0x2d, 0x2d) << QColor(0xff, 0xff, 0xff);
        QTest::newRow("Adwaita dark") << QColor(0x24, 0x24, 0x24) << QColor(0xee, 0xee, 0xec);
    }

    void blockingTintKeepsContrast()
    {
        QFETCH(QColor, base);
        QFETCH(QColor, text);
        FindingsModel model;
        model.setFindings({nearMissHash()});
        const QColor tint =
            model.index(0, FindingsModel::FieldColumn).data(Qt::BackgroundRole).value<QBrush>().color();
        QVERIFY(tint.isValid());
        const QColor tinted = Appearance::over(tint, base);
        QVERIFY2(contrast(text, tinted) >= 4.5,
            qPrintable(
                QStringLiteral("%1 on %2: %3").arg(text.name(), tinted.name()).arg(contrast(text, tinted))));
        // Seen: redder than the base, by more than a rounding step.
        QVERIFY2(tinted.red() - tinted.green() >= base.red() - base.green() + 12, qPrintable(tinted.name()));
    }

    // Of two hashes that differ in two swapped characters, exactly those are marked, on each side.
    void hashDifferenceIsMarked()
    {
        const CompareFinding finding = nearMissHash();
        QCOMPARE(finding.leftValue.size(), 40);
        QCOMPARE(finding.rightValue.size(), 40);
        const TextRange expected = differingSpan(finding.leftValue, finding.rightValue);
        QVERIFY(expected.length > 0 && expected.length < 40);
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings({finding});
        for (const int column : {int(FindingsModel::LeftColumn), int(FindingsModel::RightColumn)}) {
            const QModelIndex index = model.index(0, column);
            const auto marks = index.data(FindingsModel::DifferenceRole).value<QList<TextRange>>();
            QCOMPARE(marks, QList<TextRange>{expected});
            const QString value =
                column == FindingsModel::LeftColumn ? finding.leftValue : finding.rightValue;
            QCOMPARE(index.data().toString().mid(expected.start, expected.length),
                value.mid(expected.start, expected.length));
        }
        for (const int column : {int(FindingsModel::SeverityColumn), int(FindingsModel::FieldColumn)})
            QVERIFY(model.index(0, column)
                    .data(FindingsModel::DifferenceRole)
                    .value<QList<TextRange>>()
                    .isEmpty());
    }

    // A hash's cell cut to a narrower width keeps the characters that differ in view, marked.
    void cutValueKeepsItsDifference_data()
    {
        QTest::addColumn<int>("characters"); // the cell's width in average characters
        QTest::addColumn<bool>("cutAtStart");
        QTest::newRow("whole") << 60 << false;
        QTest::newRow("end cut") << 32 << false;
        QTest::newRow("both ends cut") << 14 << true;
    }

    void cutValueKeepsItsDifference()
    {
        QFETCH(int, characters);
        QFETCH(bool, cutAtStart);
        const CompareFinding finding = nearMissHash();
        const TextRange differing = differingSpan(finding.leftValue, finding.rightValue);
        const QString text = finding.leftValue + QStringLiteral(" (line 16)");
        const QFontMetrics metrics(QFontDatabase::systemFont(QFontDatabase::GeneralFont));
        const int width = metrics.horizontalAdvance(QString(characters, u'0'));
        const FindingsDelegate::ShownText shown =
            FindingsDelegate::shownText(text, {differing}, metrics, width);
        QVERIFY2(metrics.horizontalAdvance(shown.text) <= width, qPrintable(shown.text));
        QCOMPARE(shown.text == text, metrics.horizontalAdvance(text) <= width);
        QCOMPARE(shown.text.startsWith(u'\u2026'), cutAtStart);
        QCOMPARE(shown.marks.size(), 1);
        QCOMPARE(shown.text.mid(shown.marks.first().start, shown.marks.first().length),
            finding.leftValue.mid(differing.start, differing.length));
    }

    void filterBySeverity_data()
    {
        QTest::addColumn<int>("minimum");
        QTest::addColumn<int>("rows");
        QTest::newRow("everything") << int(CompareFinding::Severity::Info) << 3;
        QTest::newRow("blocking-and-warnings") << int(CompareFinding::Severity::Warning) << 3;
        QTest::newRow("blocking-only") << int(CompareFinding::Severity::Blocking) << 2;
    }

    void filterBySeverity()
    {
        QFETCH(int, minimum);
        QFETCH(int, rows);
        FilteredFindings findings(QStringLiteral("compare/drift-combined.md"));
        FindingsModel &model = findings.model;
        FindingsFilterModel &filter = findings.filter;
        filter.setMinimumSeverity(CompareFinding::Severity(minimum));
        QCOMPARE(filter.rowCount(), rows);
        for (int row = 0; row < filter.rowCount(); ++row)
            QVERIFY(filter.index(row, 0).data(FindingsModel::SeverityRole).toInt() <= minimum);
        // A new snapshot keeps the filter.
        model.setFindings(compareFiles(
            QStringLiteral("input/decision-record.md"), QStringLiteral("compare/drift-wording.md")));
        QCOMPARE(filter.rowCount(), minimum == int(CompareFinding::Severity::Info) ? model.rowCount() : 0);
    }
};

QTEST_MAIN(TestFindingsModel)
#include "tst_findingsmodel.moc"
