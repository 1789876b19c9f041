// MainWindow and RecordPane on the offscreen platform: records load into highlighted panes, and a
// bad file is reported in its pane without closing anything.
#include "diffconnector.h"
#include "findingsfiltermodel.h"
#include "findingsmodel.h"
#include "highlighting.h"
#include "mainwindow.h"
#include "record/documentloader.h"
#include "recordpane.h"
#include "testsupport.h"

#include <KSyntaxHighlighting/Repository>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Countersign;

namespace {

// The menu bar as a user reads it: each menu's title, then its entries indented ("text  shortcut",
// "[x]" or "[ ]" before a checkable one, "---" for a separator), submenus below their entry.
QStringList menuTree(const QList<QAction *> &actions, const QString &indent = {})
{
    QStringList lines;
    for (const QAction *action : actions) {
        if (action->isSeparator()) {
            lines.append(indent + QStringLiteral("---"));
            continue;
        }
        QString line = indent;
        if (action->isCheckable())
            line += action->isChecked() ? QStringLiteral("[x] ") : QStringLiteral("[ ] ");
        line += action->text();
        if (!action->shortcut().isEmpty())
            line += QStringLiteral("  ") + action->shortcut().toString(QKeySequence::PortableText);
        lines.append(line);
        if (action->menu())
            lines += menuTree(action->menu()->actions(), indent + QStringLiteral("  "));
    }
    return lines;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The theme choice is remembered in QSettings: keep the tests' settings apart from the user's.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void themeMenuAndMemory()
    {
        {
            MainWindow window;
            QVERIFY(window.themeName().isEmpty()); // follows the palette by default
            QVERIFY(window.setThemeName(QStringLiteral("Breeze Dark")));
            QCOMPARE(window.pane(0)->themeName(), QStringLiteral("Breeze Dark"));
            QCOMPARE(window.pane(1)->themeName(), QStringLiteral("Breeze Dark"));
            QVERIFY(window.pane(0)->editor()->palette().color(QPalette::Base).lightness() < 128);
            QVERIFY(!window.setThemeName(QStringLiteral("No Such Theme")));
            QCOMPARE(window.themeName(), QStringLiteral("Breeze Dark"));
        }
        {
            MainWindow window; // remembered
            QCOMPARE(window.themeName(), QStringLiteral("Breeze Dark"));
            QVERIFY(window.setThemeName({}));
            QVERIFY(window.pane(0)->editor()->palette().color(QPalette::Base).lightness() >= 128);
        }
    }

    // Every menu, entry, mnemonic and shortcut of a new window, in order (the standard keys as the
    // platform binds them).
    void menusAndShortcuts()
    {
        MainWindow window;
        const auto entry = [](const QString &text, const QKeySequence &shortcut = {}) {
            return QStringLiteral("  ") + text +
                (shortcut.isEmpty() ? QString()
                                    : QStringLiteral("  ") + shortcut.toString(QKeySequence::PortableText));
        };
        const QStringList expected = {
            QStringLiteral("&File"),
            entry(QStringLiteral("New &Window"), QKeySequence::New),
            entry(QStringLiteral("Open &Left..."), QKeySequence::Open),
            entry(QStringLiteral("Open &Right..."), QKeySequence(QStringLiteral("Ctrl+Shift+O"))),
            entry(QStringLiteral("Open Cutover &Folders..."), QKeySequence(QStringLiteral("Ctrl+Alt+O"))),
            entry(QStringLiteral("Recent &Pairs")),
            entry(QStringLiteral("&New from Template..."), QKeySequence(QStringLiteral("Ctrl+Shift+N"))),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("&Save"), QKeySequence::Save),
            entry(QStringLiteral("Save &As..."), QKeySequence(QStringLiteral("Ctrl+Shift+S"))),
            entry(QStringLiteral("&Export Finalized Record..."), QKeySequence(QStringLiteral("Ctrl+E"))),
            entry(QStringLiteral("Export P&DF..."), QKeySequence(QStringLiteral("Ctrl+Shift+E"))),
            entry(QStringLiteral("Sign-off &Ledger...")),
            entry(QStringLiteral("&Reload from Disk"), QKeySequence(QStringLiteral("F5"))),
            entry(QStringLiteral("---")),
            entry(QStringLiteral("&Close Window"), QKeySequence::Close),
            entry(QStringLiteral("&Quit"), QKeySequence::Quit),
            QStringLiteral("&Edit"),
            entry(QStringLiteral("&Undo"), QKeySequence::Undo),
            entry(QStringLiteral("&Redo"), QKeySequence::Redo),
            QStringLiteral("&Record"),
            entry(QStringLiteral("Create &Mirror"), QKeySequence(QStringLiteral("Ctrl+Shift+M"))),
            entry(QStringLiteral("&Update from Checkpoint..."), QKeySequence(QStringLiteral("Ctrl+Shift+U"))),
            entry(QStringLiteral("Residual Risk &Meeting..."), QKeySequence(QStringLiteral("Ctrl+Shift+R"))),
            QStringLiteral("&Go"),
            entry(QStringLiteral("&Next Difference"), QKeySequence(QStringLiteral("F7"))),
            entry(QStringLiteral("&Previous Difference"), QKeySequence(QStringLiteral("Shift+F7"))),
            QStringLiteral("&View"),
            entry(QStringLiteral("[x] &Wrap Long Lines"), QKeySequence(QStringLiteral("Alt+Z"))),
            entry(QStringLiteral("[ ] &Preview"), QKeySequence(QStringLiteral("Ctrl+Shift+P"))),
            entry(QStringLiteral("[x] Scroll in &Step"), QKeySequence(QStringLiteral("Alt+S"))),
            entry(QStringLiteral("&Theme")),
            entry(QStringLiteral("  [x] Follow the Palette")),
            entry(QStringLiteral("  ---")),
            entry(QStringLiteral("[ ] &Findings Panel"),
                QKeySequence(QStringLiteral("F9"))), // the window is hidden
            entry(QStringLiteral("[ ] &Sign-off Panel"), QKeySequence(QStringLiteral("F10"))),
            entry(QStringLiteral("Go to Si&gn-off"), QKeySequence(QStringLiteral("Ctrl+F10"))),
            entry(QStringLiteral("Go to F&indings"), QKeySequence(QStringLiteral("Ctrl+F9"))),
            QStringLiteral("&Help"),
            entry(QStringLiteral("&About Countersign")),
        };
        QCOMPARE(menuTree(window.menuBar()->actions()), expected);
    }

    void opensTwoRecords()
    {
        MainWindow window;
        const QString left = TestSupport::dataPath(QStringLiteral("input/producer-mirror.md"));
        const QString right = TestSupport::dataPath(QStringLiteral("input/variant-crlf.md"));
        QCOMPARE(window.openFile(0, left), QString());
        QCOMPARE(window.openFile(1, right), QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.pane(0)->text(), QString::fromUtf8(TestSupport::readBytes(left)));
        QVERIFY(window.pane(0)->caption().contains(QStringLiteral("producer-mirror")));
        QVERIFY(window.pane(1)->caption().contains(QStringLiteral("decision-record")));
        QVERIFY(window.pane(0)->isHighlighted());
        QVERIFY(window.pane(1)->isHighlighted());
    }

    // The sample pair is compared off the GUI thread; the banner reads the headline aloud and the
    // findings panel lists the 11 findings the compare engine reports for it.
    void comparesTheSamplePair()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QCOMPARE(window.openFile(0,
                     TestSupport::samplePath(
                         QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"))),
            QString());
        QVERIFY(!window.isComparing()); // one side alone is not compared
        QCOMPARE(
            window.openFile(
                1, TestSupport::samplePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"))),
            QString());
        QVERIFY(window.isComparing());
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.bannerText(), QStringLiteral("Aligned, with 8 warnings and 3 notes."));
        QCOMPARE(window.findingsModel()->rowCount(), 11);
    }

    void findingPutsBothPanesOnItsLines()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.openFile(0, TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        window.openFile(1, TestSupport::dataPath(QStringLiteral("compare/drift-extra-risk.md")));
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.bannerText(), QStringLiteral("Aligned, with 1 warning."));
        window.showFinding(0);
        // The extra risk sits at line 44 of the right file; the left pane stays where it was.
        QCOMPARE(window.pane(1)->currentLine(), 44);
        QCOMPARE(window.pane(0)->currentLine(), 1);

        // Filtering to blocking findings hides it.
        window.findingsFilter()->setMinimumSeverity(CompareFinding::Severity::Blocking);
        QCOMPARE(window.findingsView()->model()->rowCount(), 0);
    }

    void blockingDriftTurnsTheBannerRed()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.openFile(0, TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        window.openFile(1, TestSupport::dataPath(QStringLiteral("compare/drift-combined.md")));
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.bannerText(),
            QStringLiteral(
                "Not aligned: 2 blocking differences (Runtime cutover execution, commit_sha), 1 warning."));
        // Reopening one side with an aligned copy recomputes.
        window.openFile(1, TestSupport::dataPath(QStringLiteral("input/variant-star-bullets.md")));
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.bannerText(), QStringLiteral("Aligned."));
        QCOMPARE(window.findingsModel()->rowCount(), 0);
    }

    // The line diff is drawn over both panes (changed lines tinted, differing words marked) and
    // F7 / Shift+F7 walk its differences in both panes at once, wrapping around.
    void diffMarksAndNavigation()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.openFile(0, TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        window.openFile(1, TestSupport::dataPath(QStringLiteral("compare/drift-combined.md")));
        QVERIFY(shown.wait(10000));
        // drift-combined changes lines 12 (GO -> NO-GO), 16 (commit_sha) and 47 (Phase 4 status).
        QList<int> lines;
        for (const LineMark &mark : window.pane(1)->diffMarks())
            lines.append(mark.line);
        QCOMPARE(lines, (QList<int>{12, 16, 47}));
        const LineMark outcome = window.pane(1)->diffMarks().first();
        QCOMPARE(outcome.kind, DiffRow::Kind::Changed);
        const QString line12 = window.pane(1)->text().split(u'\n').at(11);
        QCOMPARE(
            line12.mid(outcome.ranges.first().start, outcome.ranges.first().length), QStringLiteral("NO-"));

        QCOMPARE(window.nextDifference(), 0);
        QCOMPARE(window.pane(0)->currentLine(), 12);
        QCOMPARE(window.pane(1)->currentLine(), 12);
        QCOMPARE(window.nextDifference(), 1);
        QCOMPARE(window.pane(1)->currentLine(), 16);
        QCOMPARE(window.nextDifference(), 2);
        QCOMPARE(window.pane(0)->currentLine(), 47);
        QCOMPARE(window.nextDifference(), 0); // wraps
        QCOMPARE(window.previousDifference(), 2);
        QCOMPARE(window.pane(1)->currentLine(), 47);
    }

    // With five lines inserted on the right at line 50, scrolling either pane keeps matching lines
    // level in the other.
    void scrollingInStep()
    {
        QTemporaryDir dir;
        QByteArray left = "# Record\n\n", right = left;
        for (int i = 1; i <= 300; ++i) {
            left += "line " + QByteArray::number(i) + '\n';
            right += "line " + QByteArray::number(i) + '\n';
            if (i == 50)
                right += "new a\nnew b\nnew c\nnew d\nnew e\n";
        }
        const QString l = dir.filePath(QStringLiteral("l.md")), r = dir.filePath(QStringLiteral("r.md"));
        QVERIFY(TestSupport::writeBytes(l, left) && TestSupport::writeBytes(r, right));
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.openFile(0, l);
        window.openFile(1, r);
        QVERIFY(shown.wait(10000));
        // "line 200" is line 202 on the left and 207 on the right.
        QCOMPARE(window.matchingLine(0, 202), 207);
        QCOMPARE(window.matchingLine(1, 207), 202);
        QCOMPARE(window.matchingLine(0, 10), 10);
        QCOMPARE(window.matchingLine(1, 54), 53); // inside the insertion: the left side's line across
        window.pane(0)->scrollToLine(202);
        QCOMPARE(window.pane(0)->firstVisibleLine(), 202);
        QCOMPARE(window.pane(1)->firstVisibleLine(), 207);
        window.pane(1)->scrollToLine(40);
        QCOMPARE(window.pane(0)->firstVisibleLine(), 40);
        window.setScrollInStep(false);
        window.pane(0)->scrollToLine(100);
        QCOMPARE(window.pane(1)->firstVisibleLine(), 40);
    }

    void recentPairsAreRemembered()
    {
        QSettings().remove(QStringLiteral("recent/pairs"));
        const QString left = TestSupport::dataPath(QStringLiteral("input/decision-record.md"));
        const QString right = TestSupport::dataPath(QStringLiteral("compare/drift-combined.md"));
        {
            MainWindow window;
            window.openFile(0, left);
            QVERIFY(MainWindow::recentPairs().isEmpty()); // one side is not a pair
            window.openFile(1, right);
        }
        QCOMPARE(MainWindow::recentPairs().size(), 1);
        QCOMPARE(MainWindow::recentPairs().first().first, QFileInfo(left).absoluteFilePath());
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QCOMPARE(window.openPair(
                     MainWindow::recentPairs().first().first, MainWindow::recentPairs().first().second),
            QStringList());
        QVERIFY(shown.wait(10000));
        QVERIFY(window.bannerText().startsWith(QStringLiteral("Not aligned")));
        QCOMPARE(MainWindow::recentPairs().size(), 1); // the same pair again, not twice
    }

    // A file dropped on a pane opens there (not pasted as text).
    void droppedFileOpensInThePane()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString path = TestSupport::dataPath(QStringLiteral("input/checkpoint-producer.md"));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QWidget *viewport = window.pane(1)->editor()->viewport();
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        QCOMPARE(window.pane(1)->filePath(), path);
        QCOMPARE(window.pane(1)->text(), QString::fromUtf8(TestSupport::readBytes(path)));
        QVERIFY(!window.pane(1)->isModified());
    }

    void outlineAndPreview()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.openFile(0, TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        QComboBox *outline = window.pane(0)->outlineBox();
        // The title and the eight sections of the record.
        QCOMPARE(outline->count(), 9);
        QCOMPARE(outline->itemText(4).trimmed(), QStringLiteral("Ownership (Named Roles)"));
        QCOMPARE(outline->itemData(4).toInt(), 21);
        outline->activated(4);
        QCOMPARE(window.pane(0)->currentLine(), 21);
        // Scrolling names the section at the top of the view.
        window.pane(0)->scrollToLine(23);
        QCOMPARE(outline->currentIndex(), 4);
        window.pane(0)->scrollToLine(1);
        QCOMPARE(outline->currentIndex(), 0);

        window.pane(0)->setPreview(true);
        QVERIFY(window.pane(0)->isPreview());
        // Rendered: no Markdown syntax left in the text of the heading.
        QVERIFY(window.pane(0)->previewText().contains(QStringLiteral("Ownership (Named Roles)")));
        QVERIFY(!window.pane(0)->previewText().contains(QStringLiteral("## Ownership")));
        window.pane(0)->setPreview(false);
        QVERIFY(!window.pane(0)->isPreview());
    }

    // The band between the panes links the difference on line 16 of both sides; clicking it puts
    // both panes there. Elsewhere there is nothing to click.
    void connectorLinksTheDifference()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        window.openFile(0, TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        window.openFile(1, TestSupport::dataPath(QStringLiteral("compare/drift-commit-sha.md")));
        QVERIFY(shown.wait(10000));
        auto *connector = window.findChild<DiffConnector *>();
        QVERIFY(connector);
        const int x = connector->width() / 2;
        QList<int> hits;
        for (int y = 0; y < connector->height(); ++y) {
            if (connector->differenceAt(QPointF(x, y)) == 0)
                hits.append(y);
        }
        QVERIFY(!hits.isEmpty());
        // One line tall, where line 16 of the left pane is (rounding and the hit margin aside).
        TextView *left = window.pane(0)->editor();
        const qreal top = left->viewport()->mapTo(&window, QPoint(0, 0)).y() -
            connector->mapTo(&window, QPoint(0, 0)).y() + left->lineSpan(15).first;
        QVERIFY2(
            qAbs(hits.first() - top) <= 4, qPrintable(QStringLiteral("%1 vs %2").arg(hits.first()).arg(top)));
        QVERIFY(hits.size() <= QFontMetrics(left->font()).lineSpacing() + 8);
        QCOMPARE(connector->differenceAt(QPointF(x, top - 30)), -1);

        QTest::mouseClick(connector, Qt::LeftButton, {}, QPoint(x, hits.at(hits.size() / 2)));
        QCOMPARE(window.pane(0)->currentLine(), 16);
        QCOMPARE(window.pane(1)->currentLine(), 16);
    }

    // A record over the 32 MiB a record may have opens all the same, and is compared line by line.
    void largeRecordIsComparedLineByLine()
    {
        QTemporaryDir dir;
        QByteArray text = "# Generated\n\n## Evidence\n";
        const QByteArray line = "- step passed on the node that was checked last, as the runbook says\n";
        text.reserve(DocumentLoader::maxFileSize + 2 * line.size());
        while (text.size() <= DocumentLoader::maxFileSize)
            text += line;
        const QString left = dir.filePath(QStringLiteral("left.md"));
        const QString right = dir.filePath(QStringLiteral("right.md"));
        QVERIFY(TestSupport::writeBytes(left, text));
        const qsizetype changed = text.size() / 2 / line.size() * line.size(); // a line start
        text.replace(changed, 4, "- STEP");
        QVERIFY(TestSupport::writeBytes(right, text));

        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QCOMPARE(window.openFile(0, left), QString());
        QCOMPARE(window.openFile(1, right), QString());
        QVERIFY(shown.wait(60000));
        QVERIFY2(window.bannerText().startsWith(QStringLiteral("Compared line by line only")),
            qPrintable(window.bannerText()));
        QVERIFY(window.bannerText().endsWith(QStringLiteral(": 1 difference.")));
        QVERIFY(
            window.pane(1)->caption().contains(QStringLiteral("too large to compare section by section")));
        QVERIFY(window.findingsModel()->findings().isEmpty());
        QCOMPARE(window.nextDifference(), 0);
        const int expectedLine = int(text.left(changed).count('\n')) + 1;
        QCOMPARE(window.pane(0)->currentLine(), expectedLine);
        QCOMPARE(window.pane(1)->currentLine(), expectedLine);
    }

    void badFileIsReportedInItsPane()
    {
        MainWindow window;
        const QString bad = TestSupport::dataPath(QStringLiteral("bad/invalid-utf8.md"));
        const QString error = window.openFile(1, bad);
        QVERIFY(error.startsWith(bad + QStringLiteral(":3: invalid UTF-8")));
        QVERIFY(window.pane(1)->caption().contains(error));
        QVERIFY(window.pane(1)->text().isEmpty());
    }

    void themeFollowsPalette()
    {
        QPalette dark;
        dark.setColor(QPalette::Base, Qt::black);
        dark.setColor(QPalette::Text, Qt::white);
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        const KSyntaxHighlighting::Theme darkTheme = Highlighting::themeFor(dark);
        const KSyntaxHighlighting::Theme lightTheme = Highlighting::themeFor(light);
        QVERIFY(darkTheme.isValid() && lightTheme.isValid());
        QVERIFY(
            QColor::fromRgba(darkTheme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)).lightness() <
            128);
        QVERIFY(QColor::fromRgba(lightTheme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor))
                    .lightness() >= 128);
        QVERIFY(Highlighting::markdown().isValid());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
