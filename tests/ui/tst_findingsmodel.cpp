// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// FindingsModel and FindingsFilterModel over real comparisons, under QAbstractItemModelTester.
#include "compare/structuralcompare.h"
#include "findingsfiltermodel.h"
#include "findingsmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QTest>

using namespace Countersign;

namespace {

QList<CompareFinding> compareFiles(const QString &left, const QString &right)
{
    return StructuralCompare::compare(
        TestSupport::load(TestSupport::dataPath(left)), TestSupport::load(TestSupport::dataPath(right)));
}

} // namespace

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
        FindingsModel model;
        FindingsFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings(compareFiles(
            QStringLiteral("input/decision-record.md"), QStringLiteral("compare/drift-near-miss.md")));
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
        FindingsModel model;
        FindingsFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings(compareFiles(
            QStringLiteral("input/decision-record.md"), QStringLiteral("compare/drift-combined.md")));
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
