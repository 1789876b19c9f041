// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// File > Open Cutover Folders on the offscreen platform: FolderPairsModel's tree of pairs, the scan's
// progress dialog (files read of the total, Cancel), and the pair chooser as a user drives it: what it
// lists, choosing with the arrows and Enter, Escape, and that every control is named and reachable.
// With COUNTERSIGN_SCREENSHOTS=DIR set, chooserShowsEveryColumnInFull() also saves DIR/pair-chooser.png
// and chooserShowsExportsAndStates() DIR/pair-chooser-states.png.
#include "cutoverfolderdialogs.h"
#include "cutoverfolderscan.h"
#include "folderpairsmodel.h"
#include "mainwindow.h"
#include "pairchooserdialog.h"
#include "recordpane.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDate>
#include <QDir>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeView>

using namespace Countersign;

namespace {

const QString mirrorName = QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_%1.md");
const QString recordName = QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_%1.md");
const QString producerCheckpointName = QStringLiteral("ENGINE_V2_CUTOVER_CHECKPOINT_PRODUCER_%1.md");
const QString consumerCheckpointName = QStringLiteral("ENGINE_V2_CUTOVER_CHECKPOINT_%1.md");

// tests/data/cutover/several-cutovers: three cutovers of Tessera (producer) and Harbor (consumer).
QString producerDocs()
{
    return TestSupport::dataPath(QStringLiteral("cutover/several-cutovers/Tessera/docs"));
}

QString consumerDocs()
{
    return TestSupport::dataPath(QStringLiteral("cutover/several-cutovers/Harbor/docs"));
}

QString producerFile(const QString &name, const QString &date)
{
    return producerDocs() + QStringLiteral("/implementation/") + name.arg(date);
}

QString consumerFile(const QString &name, const QString &date)
{
    return consumerDocs() + QStringLiteral("/implementation/") + name.arg(date);
}

// The rows of a view from top to bottom as they are shown: a date row by its text, a pair row as
// "  kind | left | right" (with " | state" when `withStates`), a row below a pair (a finalized
// export) indented twice.
QStringList shownRows(const QTreeView *view, bool withStates = false)
{
    QStringList rows;
    for (QModelIndex row = view->model()->index(0, 0); row.isValid(); row = view->indexBelow(row)) {
        if (!row.parent().isValid()) {
            rows.append(row.data().toString());
            continue;
        }
        QString shown =
            QStringLiteral("%1%2 | %3 | %4")
                .arg(row.parent().parent().isValid() ? QStringLiteral("    ") : QStringLiteral("  "),
                    row.data().toString(),
                    row.siblingAtColumn(FolderPairsModel::LeftColumn).data().toString(),
                    row.siblingAtColumn(FolderPairsModel::RightColumn).data().toString());
        if (withStates)
            shown +=
                QStringLiteral(" | ") + row.siblingAtColumn(FolderPairsModel::StateColumn).data().toString();
        rows.append(shown);
    }
    return rows;
}

// The label of `dialog` that says what its current row opens.
QString currentRowText(const QDialog *dialog)
{
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->accessibleName() == QStringLiteral("Current row"))
            return label->text();
    }
    return {};
}

const QStringList severalCutoversRows{
    QStringLiteral("2026-04-02 · 1 pair, 1 unpaired"),
    QStringLiteral(
        "  Decision record (unpaired) | RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-04-02.md | "
        "no consumer decision record found"),
    QStringLiteral("  Checkpoint packets | ENGINE_V2_CUTOVER_CHECKPOINT_PRODUCER_2026-04-02.md | "
                   "ENGINE_V2_CUTOVER_CHECKPOINT_2026-04-02.md"),
    QStringLiteral("2026-03-14 · 2 pairs"),
    QStringLiteral("  Decision record | RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-03-14.md | "
                   "RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"),
    QStringLiteral("  Checkpoint packets | ENGINE_V2_CUTOVER_CHECKPOINT_PRODUCER_2026-03-14.md | "
                   "ENGINE_V2_CUTOVER_CHECKPOINT_2026-03-14.md"),
    QStringLiteral("2026-02-19 · 1 pair, 1 unpaired"),
    QStringLiteral("  Decision record | RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-19.md | "
                   "RUNTIME_CUTOVER_DECISION_RECORD_2026-02-19.md"),
    QStringLiteral("  Checkpoint packets (unpaired) | no producer checkpoint packet found | "
                   "ENGINE_V2_CUTOVER_CHECKPOINT_2026-02-19.md"),
};

// Shows `window`, opens two folders (the scenario's by default) as File > Open Cutover Folders does
// and waits for the chooser; nullptr when it does not come.
PairChooserDialog *openChooser(
    MainWindow &window, const QString &producer = producerDocs(), const QString &consumer = consumerDocs())
{
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return nullptr;
    window.cutoverFolders()->open(producer, consumer);
    const bool shown = QTest::qWaitFor(
        [&window] {
            return window.cutoverFolders()->pairChooser() &&
                window.cutoverFolders()->pairChooser()->isVisible();
        },
        10000);
    return shown ? window.cutoverFolders()->pairChooser() : nullptr;
}

// The widget that has the keyboard, once the window holding `widget` is active.
QWidget *keyboardFocus(QWidget *widget)
{
    if (!QTest::qWaitForWindowActive(widget->window()))
        return nullptr;
    return QApplication::focusWidget();
}

} // namespace

class TestCutoverFolders : public QObject
{
    Q_OBJECT

    // Many pairs for the progress tests: a producer mirror under producer/ and a consumer decision
    // record under consumer/ for each of `pairCount` days, written from the clean cutover's records.
    static constexpr int pairCount = 1000;
    QTemporaryDir m_many;

    // Shows `window` and opens the many pairs' folders as File > Open Cutover Folders does; the
    // scan's progress dialog, or nullptr.
    QProgressDialog *openManyFolders(MainWindow &window)
    {
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return nullptr;
        window.cutoverFolders()->open(
            m_many.filePath(QStringLiteral("producer")), m_many.filePath(QStringLiteral("consumer")));
        return window.cutoverFolders()->progressDialog();
    }

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void initTestCase()
    {
        // Opening a pair remembers it in QSettings: keep the tests' settings apart from the user's.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();

        QVERIFY(m_many.isValid());
        const QString clean = TestSupport::dataPath(QStringLiteral("cutover/clean/"));
        const QByteArray mirror = TestSupport::readBytes(
            clean + QStringLiteral("Tessera/docs/implementation/") + mirrorName.arg(u"2026-03-14"));
        const QByteArray record = TestSupport::readBytes(
            clean + QStringLiteral("Harbor/docs/implementation/") + recordName.arg(u"2026-03-14"));
        QVERIFY(QDir(m_many.path()).mkpath(QStringLiteral("producer")));
        QVERIFY(QDir(m_many.path()).mkpath(QStringLiteral("consumer")));
        for (int day = 0; day < pairCount; ++day) {
            const QString date = QDate(2020, 1, 1).addDays(day).toString(Qt::ISODate);
            const QByteArray dated = date.toUtf8();
            QVERIFY(
                TestSupport::writeBytes(m_many.filePath(QStringLiteral("producer/") + mirrorName.arg(date)),
                    QByteArray(mirror).replace("2026-03-14", dated)));
            QVERIFY(
                TestSupport::writeBytes(m_many.filePath(QStringLiteral("consumer/") + recordName.arg(date)),
                    QByteArray(record).replace("2026-03-14", dated)));
        }
    }

    // The model groups by date, newest first; an unpaired document names the missing side.
    void modelGroupsPairsByDate()
    {
        FolderPairsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPairs(CutoverPairing::scan({producerDocs(), consumerDocs()}));
        QTreeView view;
        view.setModel(&model);
        view.expandAll();
        QCOMPARE(shownRows(&view), severalCutoversRows);
        QCOMPARE(model.pairedCount(), 4);

        const QModelIndex april = model.index(0, 0);
        const QModelIndex unpairedMirror = model.index(0, FolderPairsModel::LeftColumn, april);
        QCOMPARE(unpairedMirror.data(FolderPairsModel::PathRole).toString(),
            producerFile(mirrorName, QStringLiteral("2026-04-02")));
        const QModelIndex missing = unpairedMirror.siblingAtColumn(FolderPairsModel::RightColumn);
        QVERIFY(missing.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(missing.data(FolderPairsModel::PathRole).isNull());
        QCOMPARE(missing.data(FolderPairsModel::PairedRole).toBool(), false);
        QCOMPARE(missing.data(FolderPairsModel::DateRole).toString(), QStringLiteral("2026-04-02"));
        QVERIFY(!model.pairAt(april));
        QCOMPARE(model.pairAt(unpairedMirror)->right, QString());

        // The first row that can be opened: April's checkpoint packets.
        const std::optional<DocumentPair> first = model.pairAt(model.firstPaired());
        QVERIFY(first);
        QCOMPARE(first->left, producerFile(producerCheckpointName, QStringLiteral("2026-04-02")));
        QCOMPARE(first->right, consumerFile(consumerCheckpointName, QStringLiteral("2026-04-02")));

        model.setPairs({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.firstPaired().isValid());
    }

    // Without the dialogs: the scan fills the model and reports; a second scan replaces the first,
    // whose result never arrives.
    void headlessScanFillsTheModel()
    {
        MainWindow window;
        QAbstractItemModelTester tester(
            window.cutoverFolders()->scan()->pairs(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy found(window.cutoverFolders()->scan(), &CutoverFolderScan::pairsFound);
        QSignalSpy cancelled(window.cutoverFolders()->scan(), &CutoverFolderScan::cancelled);
        window.cutoverFolders()->scan()->start(
            m_many.filePath(QStringLiteral("producer")), m_many.filePath(QStringLiteral("consumer")));
        QVERIFY(window.cutoverFolders()->scan()->isRunning());
        window.cutoverFolders()->scan()->start(producerDocs(), consumerDocs());
        QVERIFY(found.wait(60000));
        QCOMPARE(found.first().at(0).toInt(), 4);
        QCOMPARE(window.cutoverFolders()->scan()->pairs()->rowCount(), 3);
        QVERIFY(!window.cutoverFolders()->scan()->isRunning());
        QVERIFY(!window.cutoverFolders()->progressDialog());
        QVERIFY(!window.cutoverFolders()->pairChooser());
        // The first scan's job stops too, and nothing of it is reported.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
        QCoreApplication::processEvents();
        QCOMPARE(found.size(), 1);
        QCOMPARE(cancelled.size(), 0);
    }

    // The chooser opens by itself once the scan is done, window-modal, listing every pair and
    // every unpaired document, on the first pair that can be opened.
    void chooserListsThePairs()
    {
        MainWindow window;
        QSignalSpy found(window.cutoverFolders()->scan(), &CutoverFolderScan::pairsFound);
        PairChooserDialog *chooser = openChooser(window);
        QVERIFY(chooser);
        QCOMPARE(chooser->windowModality(), Qt::WindowModal);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().at(0).toInt(), 4);
        QCOMPARE(found.first().at(1).toStringList(), QStringList());

        QCOMPARE(shownRows(chooser->view()), severalCutoversRows);
        QCOMPARE(chooser->view()->currentIndex().data().toString(), QStringLiteral("Checkpoint packets"));
        QVERIFY(chooser->openButton()->isEnabled());
        QVERIFY(chooser->openButton()->isDefault());
        const std::optional<DocumentPair> pair = chooser->chosenPair();
        QVERIFY(pair);
        QCOMPARE(pair->left, producerFile(producerCheckpointName, QStringLiteral("2026-04-02")));
        const QStringList labels = [chooser] {
            QStringList texts;
            for (const QLabel *label : chooser->findChildren<QLabel *>())
                texts.append(label->text());
            return texts;
        }();
        QVERIFY(labels.contains(
            QStringLiteral("Opens ENGINE_V2_CUTOVER_CHECKPOINT_PRODUCER_2026-04-02.md on the "
                           "left and ENGINE_V2_CUTOVER_CHECKPOINT_2026-04-02.md on the right.")));
        QVERIFY(labels.contains(QStringLiteral("Producer's folder: %1\nConsumer's folder: %2")
                .arg(QDir::toNativeSeparators(producerDocs()), QDir::toNativeSeparators(consumerDocs()))));
    }

    // A file that cannot be read is named below the list; the rest is still paired.
    void unreadableFilesAreNamed()
    {
        MainWindow window;
        const QString folder = TestSupport::dataPath(QStringLiteral("cutover/unreadable-file"));
        PairChooserDialog *chooser = openChooser(window, folder, folder);
        QVERIFY(chooser);
        QCOMPARE(window.cutoverFolders()->scan()->pairs()->pairedCount(), 2);
        QStringList shown;
        for (const QLabel *label : chooser->findChildren<QLabel *>()) {
            if (label->isVisible() && label->text().startsWith(QStringLiteral("1 file could not be read:\n")))
                shown.append(label->text());
        }
        QCOMPARE(shown.size(), 1);
        QVERIFY(shown.first().contains(folder + QStringLiteral("/NOTES_2026-03-14.md:")));
    }

    // Arrows move over dates and unpaired documents too, but only a pair opens: Enter on an unpaired
    // row does nothing; Enter on March's decision record opens the mirror left and the record right.
    void keyboardChoosesAPair()
    {
        MainWindow window;
        PairChooserDialog *chooser = openChooser(window);
        QVERIFY(chooser);
        QWidget *keys = keyboardFocus(chooser);
        QCOMPARE(keys, chooser->view());

        QTest::keyClick(keys, Qt::Key_Up); // April's unpaired mirror
        QVERIFY(!chooser->chosenPair());
        QVERIFY(!chooser->openButton()->isEnabled());
        QTest::keyClick(keys, Qt::Key_Return);
        QVERIFY(chooser->isVisible());
        QVERIFY(!window.pane(Pane::Left)->hasDocument());

        QTest::keyClick(keys, Qt::Key_Down); // April's checkpoint packets
        QTest::keyClick(keys, Qt::Key_Down); // March
        QVERIFY(!chooser->openButton()->isEnabled());
        QTest::keyClick(keys, Qt::Key_Down); // March's decision record
        QVERIFY(chooser->openButton()->isEnabled());
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QTest::keyClick(keys, Qt::Key_Return);
        QVERIFY(!chooser->isVisible());
        QCOMPARE(chooser->result(), int(QDialog::Accepted));
        QCOMPARE(window.pane(Pane::Left)->filePath(), producerFile(mirrorName, QStringLiteral("2026-03-14")));
        QCOMPARE(
            window.pane(Pane::Right)->filePath(), consumerFile(recordName, QStringLiteral("2026-03-14")));
        QVERIFY(shown.wait(10000));
        // The consumer's queue-drain risk names neither side, so the mirror should list it too.
        QCOMPARE(window.bannerText(), QStringLiteral("Aligned, with 1 warning and 7 notes."));
        QTRY_VERIFY(!window.cutoverFolders()->pairChooser()); // it deletes itself
    }

    // tests/data/cutover/finalized: the aligned March pair with Harbor's finalized export of its
    // record, the February pair not aligned. The export is listed below its pair (not as an unpaired
    // decision record) and every pair says its state, as the window's banner then does. Keys alone:
    // Down to February's pair and Enter opens it, not aligned; in the chooser again, Down to the
    // export and Enter opens the record on the left and the export on the right.
    void chooserShowsExportsAndStates()
    {
        const QString root = TestSupport::dataPath(QStringLiteral("cutover/finalized/"));
        const QString producer = root + QStringLiteral("Tessera/docs");
        const QString consumer = root + QStringLiteral("Harbor/docs");
        const QString record = consumer + QStringLiteral("/implementation/") + recordName.arg(u"2026-03-14");
        const QString exported =
            consumer + QStringLiteral("/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14_FINAL.md");
        MainWindow window;
        QAbstractItemModelTester tester(
            window.cutoverFolders()->scan()->pairs(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        PairChooserDialog *chooser = openChooser(window, producer, consumer);
        QVERIFY(chooser);
        QCOMPARE(shownRows(chooser->view(), true),
            (QStringList{
                QStringLiteral("2026-03-14 · 1 pair"),
                QStringLiteral(
                    "  Decision record | RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-03-14.md | "
                    "RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md | Aligned, final"),
                QStringLiteral(
                    "    Finalized export |  | RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14_FINAL.md | Final"),
                QStringLiteral("2026-02-19 · 1 pair"),
                QStringLiteral(
                    "  Decision record | RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-19.md | "
                    "RUNTIME_CUTOVER_DECISION_RECORD_2026-02-19.md | Not aligned"),
            }));
        QWidget *keys = keyboardFocus(chooser);
        QCOMPARE(keys, chooser->view());
        QCOMPARE(chooser->chosenPair()->right, record); // March's pair, the first that opens
        if (const QString dir = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS"); !dir.isEmpty()) {
            const QString png = QDir(dir).filePath(QStringLiteral("pair-chooser-states.png"));
            QVERIFY(chooser->grab().save(png));
            qInfo("saved %s", qPrintable(png));
        }

        QTest::keyClick(keys, Qt::Key_Down); // its export
        QTest::keyClick(keys, Qt::Key_Down); // February
        QVERIFY(!chooser->openButton()->isEnabled());
        QTest::keyClick(keys, Qt::Key_Down); // February's pair
        QCOMPARE(
            chooser->view()->currentIndex().siblingAtColumn(FolderPairsModel::StateColumn).data().toString(),
            QStringLiteral("Not aligned"));
        QSignalSpy shown(&window, &MainWindow::comparisonShown);
        QTest::keyClick(keys, Qt::Key_Return);
        QVERIFY(!chooser->isVisible());
        QVERIFY(shown.wait(10000));
        QVERIFY2(
            window.bannerText().startsWith(QStringLiteral("Not aligned: 1 blocking difference (commit_sha)")),
            qPrintable(window.bannerText()));
        QTRY_VERIFY(!window.cutoverFolders()->pairChooser());

        chooser = openChooser(window, producer, consumer);
        QVERIFY(chooser);
        keys = keyboardFocus(chooser);
        QCOMPARE(keys, chooser->view());
        QTest::keyClick(keys, Qt::Key_Down); // March's export
        QVERIFY(chooser->openButton()->isEnabled());
        QCOMPARE(currentRowText(chooser),
            QStringLiteral(
                "Opens RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md on the left and its finalized "
                "export RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14_FINAL.md on the right."));
        QTest::keyClick(keys, Qt::Key_Return);
        QVERIFY(!chooser->isVisible());
        QCOMPARE(window.pane(Pane::Left)->filePath(), record);
        QCOMPARE(window.pane(Pane::Right)->filePath(), exported);
        QTRY_VERIFY(!window.cutoverFolders()->pairChooser());
    }

    void escapeCancels()
    {
        MainWindow window;
        PairChooserDialog *chooser = openChooser(window);
        QVERIFY(chooser);
        QWidget *keys = keyboardFocus(chooser);
        QVERIFY(keys);
        QTest::keyClick(keys, Qt::Key_Escape);
        QVERIFY(!chooser->isVisible());
        QCOMPARE(chooser->result(), int(QDialog::Rejected));
        QTRY_VERIFY(!window.cutoverFolders()->pairChooser());
        QVERIFY(!window.pane(Pane::Left)->hasDocument());
        QVERIFY(!window.pane(Pane::Right)->hasDocument());
        QVERIFY(!window.isComparing());
    }

    // Tab visits every control that takes focus, each with an accessible name; Alt+P (the list's
    // caption) goes back to the list.
    void everyControlIsNamedAndReachable()
    {
        MainWindow window;
        PairChooserDialog *chooser = openChooser(window);
        QVERIFY(chooser);
        QVERIFY(keyboardFocus(chooser));

        QSet<QWidget *> focusable;
        for (QWidget *widget : chooser->findChildren<QWidget *>()) {
            if (!widget->isVisible() || !(widget->focusPolicy() & Qt::TabFocus) || widget->focusProxy())
                continue;
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
            focusable.insert(widget);
        }
        QCOMPARE(focusable.size(), 3); // the list, Open, Cancel
        QSet<QWidget *> reached;
        for (int i = 0; i < focusable.size(); ++i) {
            reached.insert(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QCOMPARE(reached, focusable);
        QVERIFY(QApplication::focusWidget() == chooser->view()); // round to the start
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget() != chooser->view());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), chooser->view());

        for (const QLabel *label : chooser->findChildren<QLabel *>()) {
            if (label->isVisible() && label->buddy() == nullptr)
                QVERIFY2(!label->accessibleName().isEmpty(), qPrintable(label->text()));
        }
    }

    // The dialog is wide enough for every column in full and tall enough for all nine rows, without
    // scrolling, and not larger than it needs: what pair-chooser.png shows.
    void chooserShowsEveryColumnInFull()
    {
        MainWindow window;
        window.resize(1280, 800);
        PairChooserDialog *chooser = openChooser(window);
        QVERIFY(chooser);
        QVERIFY(QTest::qWaitForWindowExposed(chooser));
        QCOMPARE(chooser->screen()->size(), QSize(1920, 1080));
        QTreeView *view = chooser->view();
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
        QCOMPARE(view->verticalScrollBar()->maximum(), 0);
        for (int column = 0; column < FolderPairsModel::ColumnCount; ++column) {
            QVERIFY(view->header()->sectionSize(column) >=
                view->header()->fontMetrics().horizontalAdvance(
                    view->model()->headerData(column, Qt::Horizontal).toString()));
        }
        // Every cell's text fits its cell, in the cell's font.
        for (QModelIndex row = view->model()->index(0, 0); row.isValid(); row = view->indexBelow(row)) {
            for (int column = 0; column < FolderPairsModel::ColumnCount; ++column) {
                const QModelIndex cell = row.siblingAtColumn(column);
                const QVariant font = cell.data(Qt::FontRole);
                const QFontMetrics metrics(
                    font.isValid() ? font.value<QFont>().resolve(view->font()) : view->font());
                QVERIFY2(view->visualRect(cell).width() >= metrics.horizontalAdvance(cell.data().toString()),
                    qPrintable(cell.data().toString()));
            }
        }
        for (const QLabel *label : chooser->findChildren<QLabel *>()) {
            if (label->isVisible() && label->wordWrap())
                QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
            else if (label->isVisible())
                QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
        }
        QVERIFY(chooser->width() <= 1280);
        QVERIFY(chooser->height() <= 600);

        if (const QString dir = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS"); !dir.isEmpty()) {
            const QString png = QDir(dir).filePath(QStringLiteral("pair-chooser.png"));
            QVERIFY(chooser->grab().save(png));
            qInfo("saved %s", qPrintable(png));
        }
    }

    // The progress dialog counts the files read up to the total, then gives way to the chooser.
    void progressReachesTheTotal()
    {
        MainWindow window;
        QProgressDialog *progress = openManyFolders(window);
        QVERIFY(progress);
        QSignalSpy found(window.cutoverFolders()->scan(), &CutoverFolderScan::pairsFound);
        struct Seen
        {
            int done, total, shownValue, shownMaximum;
            QString label;
        };
        QList<Seen> seen;
        // Connected after the window's own handler: the dialog already shows what is reported.
        connect(window.cutoverFolders()->scan(), &CutoverFolderScan::progressed, this,
            [&seen, progress](int done, int total) {
                seen.append({done, total, progress->value(), progress->maximum(), progress->labelText()});
            });
        QVERIFY(found.wait(60000));
        QCOMPARE(found.first().at(0).toInt(), pairCount);

        QVERIFY(!seen.isEmpty());
        const int files = 2 * pairCount;
        for (qsizetype i = 0; i < seen.size(); ++i) {
            QCOMPARE(seen.at(i).total, files);
            QCOMPARE(seen.at(i).shownMaximum, files);
            QCOMPARE(seen.at(i).shownValue, seen.at(i).done);
            if (i > 0)
                QVERIFY(seen.at(i).done >= seen.at(i - 1).done);
        }
        QCOMPARE(seen.last().done, files);
        QCOMPARE(seen.last().label,
            QStringLiteral("Reading records: %1 of %1 files…").arg(QLocale().toString(files)));
        QTRY_VERIFY(!window.cutoverFolders()->progressDialog());
        QTRY_VERIFY(
            window.cutoverFolders()->pairChooser() && window.cutoverFolders()->pairChooser()->isVisible());
        QCOMPARE(window.cutoverFolders()->pairChooser()->view()->model()->rowCount(), pairCount);
    }

    // Cancel stops the scan before its next file: its progress, which goes on to tell how far the
    // scan really got, ends well short of the total; the status bar says where it stopped; neither
    // the chooser nor a record opens.
    void cancelStopsTheScan()
    {
        MainWindow window;
        QProgressDialog *progress = openManyFolders(window);
        QVERIFY(progress);
        // The scan reports through queued events: nothing is missed by spies made now.
        QSignalSpy found(window.cutoverFolders()->scan(), &CutoverFolderScan::pairsFound);
        QSignalSpy cancelled(window.cutoverFolders()->scan(), &CutoverFolderScan::cancelled);
        QPushButton *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        QVERIFY(!cancel->accessibleName().isEmpty());
        QVERIFY(!progress->findChild<QProgressBar *>()->accessibleName().isEmpty());

        const int files = 2 * pairCount;
        int lastDone = 0;
        int shownWhenCancelled = -1;
        // Cancelled as soon as the first file is counted, from the report itself.
        connect(window.cutoverFolders()->scan(), &CutoverFolderScan::progressed, this,
            [&, progress, cancel](int done, int total) {
                lastDone = done;
                if (done > 0 && shownWhenCancelled < 0) {
                    QCOMPARE(progress->maximum(), total);
                    shownWhenCancelled = progress->value();
                    QTest::mouseClick(cancel, Qt::LeftButton);
                }
            });
        QVERIFY(cancelled.wait(60000));
        QVERIFY(shownWhenCancelled > 0);
        QVERIFY2(lastDone < files / 2, qPrintable(QString::number(lastDone)));
        const QRegularExpressionMatch stopped = QRegularExpression(
            QStringLiteral("^Stopped looking for records after reading (\\S+) of (\\S+) files\\.$"))
                                                    .match(window.statusBar()->currentMessage());
        QVERIFY2(stopped.hasMatch(), qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(stopped.captured(2), QLocale().toString(files));
        QVERIFY(QLocale().toInt(stopped.captured(1)) < files / 2);
        QVERIFY(!window.cutoverFolders()->scan()->isRunning());
        QCOMPARE(found.size(), 0);
        QTRY_VERIFY(!window.cutoverFolders()->progressDialog());
        QVERIFY(!window.cutoverFolders()->pairChooser());
        QVERIFY(!window.pane(Pane::Left)->hasDocument());
    }
};

// The offscreen platform's one screen is 800×600 unless told otherwise, smaller than the desktops the
// chooser sizes itself for. These tests run on a 1920×1080 screen (offscreen-desktop.json), whether
// the platform comes from QT_QPA_PLATFORM (as CTest sets it) or from `-platform offscreen`.
int main(int argc, char *argv[])
{
    QByteArray desktop = "offscreen:configfile=" QT_TESTCASE_SOURCEDIR "/offscreen-desktop.json";
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen")
        qputenv("QT_QPA_PLATFORM", desktop);
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "-platform") == 0 && qstrcmp(argv[i + 1], "offscreen") == 0)
            argv[i + 1] = desktop.data();
    }
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestCutoverFolders test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_cutoverfolders.moc"
