// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The meeting view: walking the residual risks and open items of a record with the keyboard, each
// decision appended to the ledger as it is made, refusals, a second meeting seeing the first one's
// decisions, and the summary. With COUNTERSIGN_SCREENSHOTS=DIR set, walkAndDecide() also saves
// DIR/meeting-view.png and DIR/risk-summary.png.
#include "documentcontroller.h"
#include "export/finalizedrecord.h"
#include "ledger/ledgerconnection.h"
#include "ledger/sqliteledgerstore.h"
#include "mainwindow.h"
#include "meetingview.h"
#include "record/canonicalcontent.h"
#include "risksummarychart.h"
#include "signing/recordidentity.h"
#include "signoffcontroller.h"
#include "testsupport.h"

#include <QApplication>
#include <QButtonGroup>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

// The sample cutover's consumer decision record, with both teams' checkouts side by side: three
// residual risks (the first two carried over from January's record), two open items in the
// consumer's checkpoint and one in the producer's.
QString recordPath()
{
    return TestSupport::dataPath(QStringLiteral(
        "review/AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));
}

std::unique_ptr<LedgerConnection> openLedger(const QTemporaryDir &dir)
{
    auto connection = LedgerConnection::open(dir.filePath(QStringLiteral("ledger.sqlite")));
    if (!connection)
        qFatal("%s", qPrintable(connection.error().toString()));
    return std::move(connection.value());
}

// Every decision the ledger holds now, read through the meeting's connection.
QList<RiskDecisionEntry> decisionsIn(LedgerConnection &ledger)
{
    const auto entries = ledger.wait([](LedgerStore &store) { return store.riskDecisions(); });
    if (!entries || !*entries)
        qFatal("the ledger cannot be read");
    return entries->value();
}

// The widget that has the keyboard focus (the window's, when it is not the active window).
QWidget *focused(QWidget &window)
{
    return QApplication::focusWidget() ? QApplication::focusWidget() : window.focusWidget();
}

bool isTextField(const QWidget *widget)
{
    return qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QPlainTextEdit *>(widget) ||
        qobject_cast<const QAbstractSpinBox *>(widget);
}

// Starts the meeting with Ana Ruiz recording, as the active window.
bool startActive(MeetingView &view)
{
    view.setRecordedBy(QStringLiteral("Ana Ruiz"));
    view.show();
    view.activateWindow();
    return QTest::qWaitForWindowActive(&view);
}

// Lets the layouts follow the fonts the window set for its new size, as the event loop would.
void settle()
{
    for (int round = 0; round < 3; ++round) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
}

// Every widget of `window` that shows text and is on screen, with the pixel size of its font.
QStringList smallTexts(QWidget &window, int minimum)
{
    QStringList small;
    for (QWidget *widget : window.findChildren<QWidget *>()) {
        if (!widget->isVisible())
            continue;
        const auto *label = qobject_cast<QLabel *>(widget);
        const bool showsText = (label && !label->text().isEmpty()) || isTextField(widget) ||
            qobject_cast<QAbstractButton *>(widget) || qobject_cast<QTableWidget *>(widget) ||
            qobject_cast<QHeaderView *>(widget) || qobject_cast<RiskSummaryChart *>(widget);
        const int size = QFontInfo(widget->font()).pixelSize();
        if (showsText && size < minimum)
            small.append(QStringLiteral("%1 \"%2\": %3 px")
                    .arg(QString::fromLatin1(widget->metaObject()->className()),
                        label ? label->text().left(30) : widget->accessibleName())
                    .arg(size));
    }
    return small;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString screenshots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
    if (screenshots.isEmpty())
        return;
    const QString png = QDir(screenshots).filePath(name);
    QVERIFY(widget->grab().save(png));
    qInfo("saved %s", qPrintable(png));
}

} // namespace

class TestMeetingView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void walkAndDecide()
    {
        QTemporaryDir dir;
        auto ledger = openLedger(dir);
        const Document record = TestSupport::load(recordPath());
        MeetingView view(record, recordPath(), ledger.get());
        view.setRecordedBy(QStringLiteral("Ana Ruiz"));
        view.resize(1280, 760);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY2(view.warnings().isEmpty(), qPrintable(view.warnings().join(u'\n')));
        QCOMPARE(view.itemCount(), 6);
        QCOMPARE(view.currentIndex(), 0);
        QVERIFY(
            view.reviewed().at(0).item.text.startsWith(QStringLiteral("Standard post-cutover regression")));
        QCOMPARE(view.reviewed().at(5).item.source, ReviewItem::Source::OpenItem);
        // The carried-over mark is on screen.
        const QList<QLabel *> labels = view.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->isVisible() && label->text().contains(QStringLiteral("Carried over"));
        }));

        // 1: accepted, recorded at once, bound to the record's digest.
        QTest::keyClick(&view, Qt::Key_1);
        QList<RiskDecisionEntry> stored = decisionsIn(*ledger);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).decision, RiskDecision::Accepted);
        QCOMPARE(stored.at(0).itemKey, view.reviewed().at(0).item.key);
        QCOMPARE(stored.at(0).recordedBy, QStringLiteral("Ana Ruiz"));
        QCOMPARE(stored.at(0).recordDigest, CanonicalContent::digest(record.source.text()));
        QVERIFY(view.reviewed().at(0).latest.has_value());

        // Right arrow, 3: needs action asks for the owner, typed, then Enter records it with the
        // due date the form shows.
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentIndex(), 1);
        QTest::keyClick(&view, Qt::Key_3);
        auto *owner = qobject_cast<QLineEdit *>(view.focusWidget());
        QVERIFY(owner);
        QTest::keyClicks(owner, QStringLiteral("MemoryKernel Release Owner"));
        QTest::keyClick(owner, Qt::Key_Return);
        stored = decisionsIn(*ledger);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(1).decision, RiskDecision::NeedsAction);
        QCOMPARE(stored.at(1).owner, QStringLiteral("MemoryKernel Release Owner"));
        QCOMPARE(stored.at(1).due, QDate::currentDate().addDays(7));

        // Page Down, a note typed, Alt+2 from within the note: mitigated with the note.
        QTest::keyClick(&view, Qt::Key_PageDown);
        QCOMPARE(view.currentIndex(), 2);
        auto *note = view.findChild<QPlainTextEdit *>();
        note->setFocus();
        QTest::keyClicks(note, QStringLiteral("Warm-up job runs before traffic; p99 alert at +20%."));
        QTest::keyClick(note, Qt::Key_2, Qt::AltModifier);
        stored = decisionsIn(*ledger);
        QCOMPARE(stored.size(), 3);
        QCOMPARE(stored.at(2).decision, RiskDecision::Mitigated);
        QCOMPARE(stored.at(2).note, QStringLiteral("Warm-up job runs before traffic; p99 alert at +20%."));
        QCOMPARE(stored.at(2).due, QDate());
        QVERIFY(LedgerStore::verifyDecisionChain(stored) == std::nullopt);

        const RiskSummary summary = view.summary();
        QCOMPARE(summary.accepted, 1);
        QCOMPARE(summary.mitigated, 1);
        QCOMPARE(summary.needsAction, 1);
        QCOMPARE(summary.open, 3);
        QCOMPARE(summary.carriedOver, 2);
        // Back to the first item, as the room sees it: accepted, carried over.
        QTest::keyClick(&view, Qt::Key_PageUp);
        QTest::keyClick(&view, Qt::Key_PageUp);
        QCOMPARE(view.currentIndex(), 0);
        settle();
        saveScreenshot(&view, QStringLiteral("meeting-view.png"));

        // S shows the summary: the chart's counts and one table row per item.
        view.findChild<QLabel *>()->setFocus();
        QTest::keyClick(&view, Qt::Key_S);
        QVERIFY(view.isShowingSummary());
        const QList<RiskSummaryChart *> charts = view.findChildren<RiskSummaryChart *>();
        QCOMPARE(charts.size(), 2);
        for (const RiskSummaryChart *chart : charts)
            QCOMPARE(chart->summary(), summary);
        auto *table = view.findChild<QTableWidget *>();
        QCOMPARE(table->rowCount(), 6);
        QVERIFY(table->item(0, 0)->text().endsWith(QStringLiteral("(carried over)")));
        QCOMPARE(table->item(1, 1)->text(), riskDecisionLabel(RiskDecision::NeedsAction));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("MemoryKernel Release Owner"));
        QCOMPARE(table->item(3, 1)->text(), QStringLiteral("open"));
        settle();
        saveScreenshot(&view, QStringLiteral("risk-summary.png"));
    }

    // The meeting asks once who records, then the focus rests on the item: 1 records at once with
    // that name (the issue saw "Eve Park1" typed into the name).
    void recorderIsAskedOnceThenKeysDecide()
    {
        QTemporaryDir dir;
        auto ledger = openLedger(dir);
        QSettings().setValue(QStringLiteral("review/recordedBy"), QStringLiteral("Eve Park"));
        MeetingView view(TestSupport::load(recordPath()), recordPath(), ledger.get());
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        // Asked: the remembered name, in a text field with the focus; Enter starts the meeting.
        auto *name = qobject_cast<QLineEdit *>(focused(view));
        QVERIFY(name);
        QCOMPARE(name->text(), QStringLiteral("Eve Park"));
        QTest::keyClick(name, Qt::Key_Return);
        QVERIFY(!isTextField(focused(view)));
        QCOMPARE(view.currentIndex(), 0);
        QTest::keyClick(focused(view), Qt::Key_1);
        const QList<RiskDecisionEntry> stored = decisionsIn(*ledger);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).decision, RiskDecision::Accepted);
        QCOMPARE(stored.at(0).recordedBy, QStringLiteral("Eve Park"));
        QCOMPARE(view.recordedBy(), QStringLiteral("Eve Park"));
        // Not asked again: the name is no text field of the walk.
        for (const QLineEdit *field : view.findChildren<QLineEdit *>())
            QVERIFY(!field->isVisible() || field->text() != QStringLiteral("Eve Park"));
    }

    // 1/2/3, S and Left/Right act whenever no text field has the focus; in a field S is typed, and
    // Alt+1/2/3, Ctrl+Enter and Esc act from there (Esc leaves the field, a second Esc closes).
    void keysInsideAndOutsideFields()
    {
        QTemporaryDir dir;
        auto ledger = openLedger(dir);
        MeetingView view(TestSupport::load(recordPath()), recordPath(), ledger.get());
        QVERIFY(startActive(view));
        QTest::keyClick(focused(view), Qt::Key_S);
        QVERIFY(view.isShowingSummary());
        QTest::keyClick(focused(view), Qt::Key_S);
        QVERIFY(!view.isShowingSummary());
        QTest::keyClick(focused(view), Qt::Key_Right);
        QCOMPARE(view.currentIndex(), 1);

        // A note with an S in it, then Alt+1 from inside it: accepted with the note.
        auto *note = view.findChild<QPlainTextEdit *>();
        note->setFocus();
        QTest::keyClicks(focused(view), QStringLiteral("Sync is slow"));
        QVERIFY(!view.isShowingSummary());
        QTest::keyClick(focused(view), Qt::Key_1, Qt::AltModifier);
        QList<RiskDecisionEntry> stored = decisionsIn(*ledger);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).note, QStringLiteral("Sync is slow"));
        // Recorded: the focus is back on the item, so the plain keys work again.
        QVERIFY(!isTextField(focused(view)));
        QTest::keyClick(focused(view), Qt::Key_Right);
        QCOMPARE(view.currentIndex(), 2);
        QTest::keyClick(focused(view), Qt::Key_2);
        stored = decisionsIn(*ledger);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(1).decision, RiskDecision::Mitigated);
        QCOMPARE(stored.at(1).itemKey, view.reviewed().at(2).item.key);

        // Ctrl+Enter records from the note.
        QTest::keyClick(focused(view), Qt::Key_Right);
        note->setFocus();
        QTest::keyClicks(focused(view), QStringLiteral("owner agreed"));
        QTest::keyClick(focused(view), Qt::Key_1, Qt::AltModifier);
        QTest::keyClick(focused(view), Qt::Key_Left);
        QCOMPARE(view.currentIndex(), 2);
        note->setFocus();
        QTest::keyClick(focused(view), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(decisionsIn(*ledger).size(), 4);

        // Esc in a field leaves it and keeps the meeting open; Esc outside closes it.
        note->setFocus();
        QTest::keyClick(focused(view), Qt::Key_Escape);
        QVERIFY(view.isVisible());
        QVERIFY(!isTextField(focused(view)));
        QTest::keyClick(focused(view), Qt::Key_Escape);
        QVERIFY(!view.isVisible());
    }

    // Alt+3, the owner, Tab to Due, a full date typed, Enter: that date is recorded (the issue saw
    // 2026-12-21 recorded as 2026-12-12).
    void fullDateTypedInDue()
    {
        QTemporaryDir dir;
        auto ledger = openLedger(dir);
        MeetingView view(TestSupport::load(recordPath()), recordPath(), ledger.get());
        QVERIFY(startActive(view));
        QTest::keyClick(focused(view), Qt::Key_3, Qt::AltModifier);
        auto *owner = qobject_cast<QLineEdit *>(focused(view));
        QVERIFY(owner);
        QTest::keyClicks(owner, QStringLiteral("Zed Quinn"));
        QTest::keyClick(owner, Qt::Key_Tab);
        QWidget *due = focused(view);
        QVERIFY(due != owner && isTextField(due));
        QTest::keyClicks(due, QStringLiteral("2026-12-21"));
        QTest::keyClick(due, Qt::Key_Return);
        const QList<RiskDecisionEntry> stored = decisionsIn(*ledger);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).owner, QStringLiteral("Zed Quinn"));
        QCOMPARE(stored.at(0).due, QDate(2026, 12, 21));
    }

    // At full screen on a projector (1920x1080) every text of the meeting, the walk and the
    // summary, is at least 1/40 of the window's height, and the summary's columns are not cut.
    // With COUNTERSIGN_SCREENSHOTS=DIR set, it saves DIR/meeting-1920x1080.png and
    // DIR/meeting-summary-1920x1080.png.
    void projectorSizes()
    {
        QTemporaryDir dir;
        auto ledger = openLedger(dir);
        MeetingView view(TestSupport::load(recordPath()), recordPath(), ledger.get());
        QVERIFY(startActive(view));
        QTest::keyClick(focused(view), Qt::Key_Right);
        QTest::keyClick(focused(view), Qt::Key_3);
        auto *owner = qobject_cast<QLineEdit *>(focused(view));
        QVERIFY(owner);
        QTest::keyClicks(owner, QStringLiteral("MemoryKernel Release Owner"));
        QTest::keyClick(owner, Qt::Key_Return);
        QTest::keyClick(focused(view), Qt::Key_Right);
        QTest::keyClick(focused(view), Qt::Key_2);
        view.resize(1920, 1080);
        QTRY_COMPARE(view.size(), QSize(1920, 1080));
        settle();
        const int minimum = 1080 / 40;
        QStringList small = smallTexts(view, minimum);
        QVERIFY2(small.isEmpty(), qPrintable(small.join(u'\n')));
        saveScreenshot(&view, QStringLiteral("meeting-1920x1080.png"));

        QTest::keyClick(focused(view), Qt::Key_S);
        QVERIFY(view.isShowingSummary());
        settle();
        small = smallTexts(view, minimum);
        QVERIFY2(small.isEmpty(), qPrintable(small.join(u'\n')));
        auto *table = view.findChild<QTableWidget *>();
        QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
        const QFontMetrics metrics(table->font());
        for (int column = 0; column < table->columnCount(); ++column) {
            const int width = table->columnWidth(column) -
                2 * table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) - 2;
            const QString header = table->horizontalHeaderItem(column)->text();
            QVERIFY2(QFontMetrics(table->horizontalHeader()->font()).horizontalAdvance(header) <=
                    table->horizontalHeader()->sectionSize(column),
                qPrintable(header));
            for (int row = 0; row < table->rowCount(); ++row) {
                const QString text = table->item(row, column)->text();
                const QRect needed = metrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, text);
                QVERIFY2(needed.width() <= width && needed.height() <= table->rowHeight(row),
                    qPrintable(QStringLiteral("row %1, column %2 (%3 px wide, %4 high): %5 needs %6x%7")
                            .arg(row)
                            .arg(column)
                            .arg(width)
                            .arg(table->rowHeight(row))
                            .arg(text)
                            .arg(needed.width())
                            .arg(needed.height())));
            }
        }
        saveScreenshot(&view, QStringLiteral("meeting-summary-1920x1080.png"));
    }

    void needsActionWithoutOwnerIsRefused()
    {
        QTemporaryDir dir;
        auto ledger = openLedger(dir);
        MeetingView view(TestSupport::load(recordPath()), recordPath(), ledger.get());
        view.setRecordedBy(QStringLiteral("Ana Ruiz"));
        view.show();
        QTest::keyClick(&view, Qt::Key_3);
        QTest::keyClick(view.focusWidget(), Qt::Key_Return);
        QVERIFY(decisionsIn(*ledger).isEmpty());
        QVERIFY2(view.message().contains(QStringLiteral("owner")), qPrintable(view.message()));
        QCOMPARE(view.summary().open, 6);
    }

    void nobodyRecordingIsRefused()
    {
        QTemporaryDir dir;
        auto ledger = openLedger(dir);
        MeetingView view(TestSupport::load(recordPath()), recordPath(), ledger.get());
        view.setRecordedBy({});
        view.show();
        QVERIFY(!view.record(RiskDecision::Accepted));
        QVERIFY(view.message().contains(QStringLiteral("Recorded by")));
        QVERIFY(decisionsIn(*ledger).isEmpty());
    }

    // A second meeting (or the same one after a crash) starts from what the first decided.
    void laterMeetingSeesDecisions()
    {
        QTemporaryDir dir;
        const Document record = TestSupport::load(recordPath());
        {
            auto ledger = openLedger(dir);
            MeetingView first(record, recordPath(), ledger.get());
            first.setRecordedBy(QStringLiteral("Ana Ruiz"));
            first.showItem(5);
            QVERIFY(first.record(RiskDecision::Mitigated));
        }
        auto ledger = openLedger(dir);
        MeetingView second(record, recordPath(), ledger.get());
        QCOMPARE(second.reviewed().at(5).latest->decision, RiskDecision::Mitigated);
        QCOMPARE(second.summary().mitigated, 1);
        second.showItem(5);
        QCOMPARE(second.findChild<QButtonGroup *>()->checkedId(), int(RiskDecision::Mitigated));
    }

    // Record > Residual Risk Meeting opens the meeting on the record worked in last, over the
    // window's ledger; what it decided is in that ledger.
    void startedFromTheWindow()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(!window.signOff()->startMeeting(window.activePane()).isEmpty()); // no record yet
        QVERIFY(window.signOff()->setLedgerPath(dir.filePath(QStringLiteral("ledger.sqlite"))).isEmpty());
        QVERIFY(window.documents(Pane::Right)->openFile(recordPath()).isEmpty());
        window.show();
        QCOMPARE(window.signOff()->startMeeting(window.activePane()), QString());
        MeetingView *view = window.signOff()->meetingView();
        QVERIFY(view);
        QVERIFY(view->isVisible());
        QCOMPARE(view->itemCount(), 6);
        view->setRecordedBy(QStringLiteral("Ben Okafor"));
        QTest::keyClick(view, Qt::Key_2);
        QTest::keyClick(view, Qt::Key_Escape);
        QTRY_VERIFY(!window.signOff()->meetingView());
        auto ledger = openLedger(dir);
        const QList<RiskDecisionEntry> stored = decisionsIn(*ledger);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).decision, RiskDecision::Mitigated);
        QCOMPARE(stored.at(0).recordPath, RecordIdentity::legacyOf(recordPath()));
        ledger.reset();

        // The window's export carries the meeting's outcome: the first item mitigated, the rest open.
        const QString exported = dir.filePath(QStringLiteral("final.md"));
        QCOMPARE(window.signOff()->exportFinalized(window.activePane(), exported, true), QString());
        const Result<FinalizedRecord::Verification> verified =
            FinalizedRecord::verify(QString::fromUtf8(TestSupport::readBytes(exported)), exported);
        QVERIFY(verified);
        QVERIFY2(verified->isValid(), qPrintable(verified->problems.join(u'\n')));
        QVERIFY(verified->hasReview);
        QCOMPARE(verified->review.size(), 6);
        QCOMPARE(verified->review.at(0).decision, QStringLiteral("mitigated"));
        QCOMPARE(verified->review.at(1).decision, QStringLiteral("open"));
    }

    void readOnlyLedgerRecordsNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        openLedger(dir).reset();
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
        auto ledger = LedgerConnection::open(path);
        QVERIFY(ledger);
        QVERIFY(ledger.value()->isReadOnly());
        MeetingView view(TestSupport::load(recordPath()), recordPath(), ledger.value().get());
        view.setRecordedBy(QStringLiteral("Ana Ruiz"));
        QVERIFY(view.message().contains(QStringLiteral("read-only")));
        QVERIFY(!view.record(RiskDecision::Accepted));
        QVERIFY(decisionsIn(*ledger.value()).isEmpty());
    }
};

QTEST_MAIN(TestMeetingView)
#include "tst_meetingview.moc"
