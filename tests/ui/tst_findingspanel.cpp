// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The findings panel in a shown window on pairs that are not aligned, driven with real mouse and key
// events: blocking findings first and down the records, a click on a header sorting by its column and
// a second click the other way round, Enter and a click on a sorted finding still putting both panes
// on its lines; blocking rows painted on a tint, the characters two hashes differ in marked, eight rows
// in view at the window's default size; and the lines of blocking findings marked in both panes'
// gutters, the marker's tooltip saying what blocks. With COUNTERSIGN_SCREENSHOTS=DIR set,
// blockingFindingsComeFirst() saves DIR/findings-panel.png.
#include "documentcontroller.h"
#include "findingsfiltermodel.h"
#include "findingsmodel.h"
#include "findingspanel.h"
#include "mainwindow.h"
#include "recordpane.h"
#include "testsupport.h"
#include "textview.h"

#include <QApplication>
#include <QCollator>
#include <QDir>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolTip>

using namespace Countersign;

namespace {

// A window shown and active on decision-record.md and `right` (a file under tests/data), compared.
class PairWindow
{
public:
    explicit PairWindow(const QString &right)
    {
        window.show();
        if (!QTest::qWaitForWindowActive(&window))
            qFatal("the window did not become active");
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.documents(Pane::Left)
            ->openFile(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        window.documents(Pane::Right)->openFile(TestSupport::dataPath(right));
        if (!shown.wait(10000))
            qFatal("the pair was not compared");
    }

    QTableView *view() const { return window.findings()->view(); }
    QHeaderView *header() const { return view()->horizontalHeader(); }

    // Clicks the header of `column` where a user would: the middle of its section.
    void clickHeader(int column) const
    {
        const QPoint at(header()->sectionViewportPosition(column) + header()->sectionSize(column) / 2,
            header()->height() / 2);
        QTest::mouseClick(header()->viewport(), Qt::LeftButton, {}, at);
    }

    // The text of `column` in each row, as the view shows them from top to bottom.
    QStringList columnText(int column) const
    {
        QStringList texts;
        for (int row = 0; row < view()->model()->rowCount(); ++row)
            texts.append(view()->model()->index(row, column).data().toString());
        return texts;
    }

    // Puts the keyboard focus on the findings table, as a click into it would.
    QWidget *focusTable()
    {
        window.activateWindow();
        view()->setFocus();
        if (!QTest::qWaitFor([this] { return QApplication::focusWidget() == view(); }, 5000))
            qFatal("the findings table did not get the focus");
        return QApplication::focusWidget();
    }

    int line(Pane side) const { return window.pane(side)->currentLine(); }

    // The row of the view that shows the finding of `field`; -1 when none does.
    int rowOf(const QString &field) const
    {
        return int(columnText(FindingsModel::FieldColumn).indexOf(field));
    }

    MainWindow window;
};

// (severity, left line, else right line) of each row of `model`, top to bottom.
QList<std::pair<int, int>> ranks(const QAbstractItemModel &model)
{
    QList<std::pair<int, int>> ranks;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        const int left = index.data(FindingsModel::LeftLineRole).toInt();
        ranks.append({index.data(FindingsModel::SeverityRole).toInt(),
            left > 0 ? left : index.data(FindingsModel::RightLineRole).toInt()});
    }
    return ranks;
}

} // namespace

class TestFindingsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void init() { TestSupport::forgetWindowLayout(); }

    // drift-near-miss.md reworded the scope (a note, near the top), turned the outcome to NO-GO and
    // swapped two characters of the commit (blocking), and moved a phase on (a warning): the comparison
    // lists them down the record, the panel blocking first.
    void blockingFindingsComeFirst()
    {
        PairWindow w(QStringLiteral("compare/drift-near-miss.md"));
        const FindingsModel &model = *w.window.findings()->model();
        QCOMPARE(model.rowCount(), 4);
        QVERIFY2(ranks(model) != ranks(*w.view()->model()), "the comparison's order is already sorted");
        QList<std::pair<int, int>> sorted = ranks(model);
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(ranks(*w.view()->model()), sorted);
        QCOMPARE(w.columnText(FindingsModel::FieldColumn),
            (QStringList{QStringLiteral("Runtime cutover execution"), QStringLiteral("commit_sha"),
                QStringLiteral("Phase 4"), QStringLiteral("text differs")}));
        QVERIFY(w.header()->isSortIndicatorShown());
        QCOMPARE(w.header()->sortIndicatorSection(), int(FindingsModel::SeverityColumn));
        QCOMPARE(w.header()->sortIndicatorOrder(), Qt::AscendingOrder);
        if (const QString shots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS"); !shots.isEmpty()) {
            w.window.statusBar()->clearMessage(); // "Opened" and this machine's path
            const QString png = QDir(shots).filePath(QStringLiteral("findings-panel.png"));
            QVERIFY(w.window.grab().save(png));
            qInfo("saved %s", qPrintable(png));
        }
    }

    // A click on the Field header sorts by it, A to Z as a person reads (numbers by value, case aside);
    // a second click Z to A; the indicator follows.
    void headerClickSortsAndReverses()
    {
        PairWindow w(QStringLiteral("compare/drift-near-miss.md"));
        QStringList fields = w.columnText(FindingsModel::FieldColumn);
        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        std::sort(fields.begin(), fields.end(), collator);
        QVERIFY2(w.columnText(FindingsModel::FieldColumn) != fields, "already sorted by field");

        w.clickHeader(FindingsModel::FieldColumn);
        QCOMPARE(w.columnText(FindingsModel::FieldColumn), fields);
        QCOMPARE(w.header()->sortIndicatorSection(), int(FindingsModel::FieldColumn));
        QCOMPARE(w.header()->sortIndicatorOrder(), Qt::AscendingOrder);

        w.clickHeader(FindingsModel::FieldColumn);
        std::reverse(fields.begin(), fields.end());
        QCOMPARE(w.columnText(FindingsModel::FieldColumn), fields);
        QCOMPARE(w.header()->sortIndicatorOrder(), Qt::DescendingOrder);

        // Back on Severity: a first click on another column sorts it from the top again.
        w.clickHeader(FindingsModel::SeverityColumn);
        QCOMPARE(w.header()->sortIndicatorOrder(), Qt::AscendingOrder);
        QCOMPARE(w.view()->model()->index(0, 0).data(FindingsModel::SeverityRole).toInt(),
            int(CompareFinding::Severity::Blocking));
    }

    // Sorted by field, the finding a user picks is the one shown in the panes: by the keyboard (Down,
    // Enter) and by a click.
    void sortedFindingShowsItsLines()
    {
        PairWindow w(QStringLiteral("compare/drift-near-miss.md"));
        w.clickHeader(FindingsModel::FieldColumn);
        QCOMPARE(w.header()->sortIndicatorSection(), int(FindingsModel::FieldColumn));
        const QAbstractItemModel &shown = *w.view()->model();
        const auto linesOf = [&shown](int row) {
            return std::pair{shown.index(row, 0).data(FindingsModel::LeftLineRole).toInt(),
                shown.index(row, 0).data(FindingsModel::RightLineRole).toInt()};
        };
        // The first two rows now are commit_sha (line 16) and Phase 4 (line 47).
        QCOMPARE(linesOf(0), std::pair(16, 16));
        QCOMPARE(linesOf(1), std::pair(47, 47));

        QWidget *table = w.focusTable();
        QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(w.line(Pane::Left), 47);
        QCOMPARE(w.line(Pane::Right), 47);

        QTest::mouseClick(w.view()->viewport(), Qt::LeftButton, {},
            w.view()->visualRect(shown.index(0, FindingsModel::FieldColumn)).center());
        QCOMPARE(w.line(Pane::Left), 16);
        QCOMPARE(w.line(Pane::Right), 16);
    }

    // Every cell of a blocking row is painted on the row's tint, every other cell on the view's base.
    void blockingRowsArePaintedOnATint()
    {
        PairWindow w(QStringLiteral("compare/drift-combined.md"));
        w.view()->clearSelection();
        const QImage image = w.view()->viewport()->grab().toImage();
        const QColor base = w.view()->palette().color(QPalette::Base);
        const QAbstractItemModel &shown = *w.view()->model();
        QCOMPARE(shown.rowCount(), 3);
        QList<QColor> tints;
        for (int row = 0; row < shown.rowCount(); ++row) {
            const bool blocking = shown.index(row, 0).data(FindingsModel::SeverityRole).toInt() ==
                int(CompareFinding::Severity::Blocking);
            for (int column = 0; column < shown.columnCount(); ++column) {
                // A corner of the cell, clear of its text and of the grid.
                const QRect cell = w.view()->visualRect(shown.index(row, column));
                const QColor painted = image.pixelColor(cell.right() - 3, cell.top() + 2);
                if (blocking)
                    tints.append(painted);
                else
                    QCOMPARE(painted, base);
            }
        }
        QCOMPARE(tints.size(), 2 * shown.columnCount());
        QVERIFY2(tints.first() != base && tints.first().red() > tints.first().green(),
            qPrintable(tints.first().name()));
        QCOMPARE(tints.count(tints.first()), tints.size());
    }

    // In a cell wide enough for the whole hash, the marked background spans exactly the characters
    // in which the two hashes differ.
    void hashDifferenceIsPainted()
    {
        PairWindow w(QStringLiteral("compare/drift-near-miss.md"));
        w.window.resize(1900, 860);
        const int row = w.rowOf(QStringLiteral("commit_sha"));
        QVERIFY(row >= 0);
        const QModelIndex cell = w.view()->model()->index(row, FindingsModel::LeftColumn);
        const QString left = cell.data().toString().left(40);
        const QString right =
            w.view()->model()->index(row, FindingsModel::RightColumn).data().toString().left(40);
        int first = 0;
        while (left.at(first) == right.at(first))
            ++first;
        int last = 39;
        while (left.at(last) == right.at(last))
            --last;
        QCOMPARE(std::pair(first, last), std::pair(24, 25));

        const QFontMetricsF metrics(w.view()->font());
        const int margin =
            w.view()->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, w.view()) + 1;
        QTRY_VERIFY(w.view()->visualRect(cell).width() >
            metrics.horizontalAdvance(cell.data().toString()) + 4 * margin);
        w.view()->clearSelection();
        const QImage image = w.view()->viewport()->grab().toImage();
        const QRect rect = w.view()->visualRect(cell);
        const qreal textLeft = rect.left() + margin;
        // A row of pixels in the line's descent: under the hash's characters (none goes below the
        // baseline), over the marked background.
        const qreal top = rect.top() + (rect.height() - metrics.height()) / 2;
        const int y = int(top + metrics.ascent() + metrics.descent() * 0.6);
        const QColor background = image.pixelColor(rect.left() + 1, y);
        QList<int> marked;
        for (int x = int(textLeft); x < textLeft + metrics.horizontalAdvance(left); ++x) {
            if (image.pixelColor(x, y) != background)
                marked.append(x);
        }
        QVERIFY2(!marked.isEmpty(), "nothing marked");
        QCOMPARE(marked.size(), marked.last() - marked.first() + 1); // one run
        const qreal from = textLeft + metrics.horizontalAdvance(left.left(first));
        const qreal to = textLeft + metrics.horizontalAdvance(left.left(last + 1));
        QVERIFY2(std::abs(marked.first() - from) <= 2 && std::abs(marked.last() + 1 - to) <= 2,
            qPrintable(QStringLiteral("marked %1 to %2, the characters are at %3 to %4")
                    .arg(marked.first())
                    .arg(marked.last() + 1)
                    .arg(from)
                    .arg(to)));
    }

    // At the window's default size the panel shows eight findings under its header.
    void eightRowsInView()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QTableView *view = window.findings()->view();
        const int rows = FindingsPanel::preferredRows;
        QCOMPARE(rows, 8);
        QTRY_VERIFY2(view->viewport()->height() >= rows * view->verticalHeader()->defaultSectionSize(),
            qPrintable(QStringLiteral("%1 px for rows of %2 px")
                    .arg(view->viewport()->height())
                    .arg(view->verticalHeader()->defaultSectionSize())));
        // And not much more: the records keep the most room.
        QVERIFY(view->viewport()->height() < (rows + 2) * view->verticalHeader()->defaultSectionSize());
        // The panes (shown once a record is open, in the start page's place) stay taller.
        QCOMPARE(window.documents(Pane::Left)
                     ->openFile(TestSupport::dataPath(QStringLiteral("input/decision-record.md"))),
            QString());
        QTRY_VERIFY(window.pane(Pane::Left)->isVisible());
        QVERIFY(window.pane(Pane::Left)->height() > window.findings()->height());
    }

    // drift-combined turned the outcome (line 12) to NO-GO and changed the commit (line 16): both
    // panes mark those lines in the gutter, red, and the marker's tooltip says what blocks.
    void blockingLinesAreMarkedInTheGutters()
    {
        PairWindow w(QStringLiteral("compare/drift-combined.md"));
        for (Pane side : bothPanes) {
            TextView *editor = w.window.pane(side)->editor();
            QList<int> lines = editor->blockingLines().keys();
            std::sort(lines.begin(), lines.end());
            QCOMPARE(lines, (QList<int>{12, 16}));
            QVERIFY2(editor->blockingLines().value(12).contains(QStringLiteral("outcome differs")),
                qPrintable(editor->blockingLines().value(12)));
            QVERIFY2(editor->blockingLines().value(16).contains(QStringLiteral("commit_sha")),
                qPrintable(editor->blockingLines().value(16)));

            editor->scrollToLine(0);
            const QImage image = editor->viewport()->grab().toImage();
            const auto middle = [editor](int line) {
                const auto [top, bottom] = editor->lineSpan(line - 1);
                return int((top + bottom) / 2);
            };
            const auto isRed = [](const QColor &color) {
                return color.red() > 150 && color.green() < 110 && color.blue() < 110;
            };
            for (int line = 10; line <= 17; ++line) {
                const QColor marker = image.pixelColor(3, middle(line));
                QVERIFY2(isRed(marker) == (line == 12 || line == 16),
                    qPrintable(QStringLiteral("line %1: %2").arg(line).arg(marker.name())));
            }

            // Hovering the marker shows what blocks on the line.
            const QPoint at(3, middle(12));
            QHelpEvent help(QEvent::ToolTip, at, editor->viewport()->mapToGlobal(at));
            QCoreApplication::sendEvent(editor->viewport(), &help);
            QTRY_VERIFY(QToolTip::isVisible());
            QVERIFY2(
                QToolTip::text().contains(QStringLiteral("outcome differs")), qPrintable(QToolTip::text()));
            QToolTip::hideText();
        }

        // Aligned again: no marker.
        QSignalSpy shown(&w.window, &MainWindow::comparisonShown);
        w.window.documents(Pane::Right)
            ->openFile(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        QVERIFY(shown.wait(10000));
        for (Pane side : bothPanes)
            QVERIFY(w.window.pane(side)->editor()->blockingLines().isEmpty());
    }
};

QTEST_MAIN(TestFindingsPanel)
#include "tst_findingspanel.moc"
