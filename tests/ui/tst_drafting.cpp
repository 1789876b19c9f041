// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Drafting in the window (offscreen): the template dialog's form and its checks, a new record from a
// template in a pane (a draft until saved), a mirror created into the other pane, and an update from
// a checkpoint applied as one edit that Undo takes back to the exact original text, and its dialog
// driven by keys (Space leaves a change out, Enter or Alt+A applies the others). With
// COUNTERSIGN_SCREENSHOTS=DIR set, the two dialogs are saved as DIR/template-dialog.png and
// DIR/checkpoint-update.png.
#include "checkpointupdatedialog.h"
#include "documentcontroller.h"
#include "draftingactions.h"
#include "mainwindow.h"
#include "record/markdownparser.h"
#include "recordpane.h"
#include "signoffpanel.h"
#include "templatedialog.h"
#include "templatevalues.h"
#include "testsupport.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace Countersign {

// So that a failed comparison of panes reads as one.
inline char *toString(Pane pane)
{
    return QTest::toString(pane == Pane::Left ? "Pane::Left" : "Pane::Right");
}

} // namespace Countersign

namespace {

QString drafting(const QString &name)
{
    return TestSupport::dataPath(QStringLiteral("drafting/") + name);
}

// A copy of a committed input in `dir`, under its own name.
QString copyOf(const QTemporaryDir &dir, const QString &relative)
{
    const QString path = dir.filePath(QFileInfo(relative).fileName());
    if (!TestSupport::writeBytes(path, TestSupport::readBytes(drafting(relative))))
        qFatal("cannot copy %s", qPrintable(relative));
    return path;
}

const QString updateRecord =
    QStringLiteral("update/AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-02-20.md");
const QString updateCheckpoint = QStringLiteral(
    "update/AssistSupport/docs/checkpoints/SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-15.md");

// A copy of a committed input of update/AssistSupport in `dir`, in the same folders below it.
QString copyKeepingFolders(const QTemporaryDir &dir, const QString &relative)
{
    const QString path = dir.filePath(relative);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) ||
        !TestSupport::writeBytes(path, TestSupport::readBytes(drafting(relative))))
        qFatal("cannot copy %s", qPrintable(relative));
    return path;
}

// Types `text` into the form's field `key`, replacing what is there.
void type(TemplateDialog &dialog, const QString &key, const QString &text)
{
    QLineEdit *edit = dialog.fieldEdit(key);
    QVERIFY2(edit, qPrintable(key));
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

// Saves a dialog's picture when COUNTERSIGN_SCREENSHOTS names a folder.
void screenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    const QString png = QDir(folder).filePath(name);
    QVERIFY(widget->grab().save(png));
    qInfo("saved %s", qPrintable(png));
}

// The form of the current template filled with sound values (the date stays today's).
void fillForm(TemplateDialog &dialog)
{
    const QHash<QString, QString> values = TestSupport::soundTemplateValues();
    for (const TemplateField &field : dialog.currentTemplate().fields()) {
        if (!field.isDate())
            type(dialog, field.key, values.value(field.key));
    }
}

} // namespace

class TestDrafting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void templateDialogChecksAsYouType()
    {
        TemplateDialog dialog(RecordTemplate::builtIn());
        dialog.show();
        QCOMPARE(dialog.templateList()->count(), 4);
        QCOMPARE(dialog.currentTemplate().id(), QStringLiteral("decision-record"));
        // The date starts at today; nothing else is filled, so OK waits, without scolding yet.
        QCOMPARE(
            dialog.fieldEdit(QStringLiteral("date"))->text(), QDate::currentDate().toString(Qt::ISODate));
        QVERIFY(!dialog.okButton()->isEnabled());
        QCOMPARE(dialog.problemText(QStringLiteral("release_tag")), QString());
        QCOMPARE(dialog.fieldEdit(QStringLiteral("commit_sha"))->placeholderText(),
            QStringLiteral("40 hexadecimal digits"));

        fillForm(dialog);
        QVERIFY(dialog.okButton()->isEnabled());

        // A short commit and a European date: said under their fields, OK disabled until fixed.
        type(dialog, QStringLiteral("commit_sha"), QStringLiteral("7e4806a"));
        type(dialog, QStringLiteral("date"), QStringLiteral("08.02.2026"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QCOMPARE(dialog.problemText(QStringLiteral("commit_sha")),
            QStringLiteral("'7e4806a' is not a 40-digit hexadecimal commit SHA"));
        QCOMPARE(dialog.problemText(QStringLiteral("date")),
            QStringLiteral("'08.02.2026' is not an ISO 8601 date (YYYY-MM-DD)"));
        screenshot(&dialog, QStringLiteral("template-dialog.png"));
        type(
            dialog, QStringLiteral("commit_sha"), QStringLiteral("7e4806a34b98e6c06ee33fa9f11499a975e7b922"));
        type(dialog, QStringLiteral("date"), QStringLiteral("2026-02-08"));
        QCOMPARE(dialog.problemText(QStringLiteral("commit_sha")), QString());
        QVERIFY(dialog.okButton()->isEnabled());

        // A required value cleared: said once touched.
        type(dialog, QStringLiteral("decision_log_owner"), QString());
        QCOMPARE(
            dialog.problemText(QStringLiteral("decision_log_owner")), QStringLiteral("a value is required"));
        QVERIFY(!dialog.okButton()->isEnabled());
        type(dialog, QStringLiteral("decision_log_owner"), QStringLiteral("Integration Program Owner"));
        QVERIFY(dialog.okButton()->isEnabled());

        const Document record =
            MarkdownParser::parse(SourceText::fromText(dialog.filledText()), dialog.suggestedFileName());
        QCOMPARE(record.kind, DocumentKind::DecisionRecord);
        QCOMPARE(dialog.suggestedFileName(), QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));

        // Another template: its own form, with the values it shares already there.
        dialog.templateList()->setCurrentRow(2);
        QCOMPARE(dialog.currentTemplate().id(), QStringLiteral("checkpoint-packet"));
        QVERIFY(dialog.fieldEdit(QStringLiteral("checkpoint_id")));
        QVERIFY(!dialog.fieldEdit(QStringLiteral("consumer_team")));
        QCOMPARE(dialog.fieldEdit(QStringLiteral("release_tag"))->text(), QStringLiteral("v0.4.0"));
        QVERIFY(!dialog.okButton()->isEnabled()); // side, team, checkpoint id, ... still to come
    }

    void newFromTemplateOpensADraft()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        // The pane worked in last holds a record in `dir`: the draft takes its place, named beside it.
        QCOMPARE(window.documents(Pane::Right)
                     ->openFile(copyOf(dir, QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"))),
            QString());
        QCOMPARE(window.activePane(), Pane::Right);
        window.drafting()->newFromTemplate(window.activePane());
        TemplateDialog *dialog = window.drafting()->templateDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        fillForm(*dialog);
        type(*dialog, QStringLiteral("date"), QStringLiteral("2026-03-01"));
        const QString filled = dialog->filledText();
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QTRY_VERIFY(!window.drafting()->templateDialog()); // it deletes itself

        RecordPane *pane = window.pane(Pane::Right);
        QCOMPARE(pane->text(), filled);
        QVERIFY(pane->isDraft());
        QVERIFY(pane->isModified());
        QCOMPARE(pane->filePath(), QString());
        const QString suggested =
            dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-01.md"));
        QCOMPARE(pane->documentPath(), suggested);
        QVERIFY(pane->caption().contains(QStringLiteral("(not saved yet)")));
        QVERIFY(
            window.windowTitle().contains(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-01.md*")));
        // Save has no file to write to; saved under a name, the draft becomes that file.
        QVERIFY(window.documents(Pane::Right)->saveFile().contains(QStringLiteral("use Save As")));
        QCOMPARE(window.documents(Pane::Right)->saveFile(suggested), QString());
        QCOMPARE(TestSupport::readBytes(suggested), filled.toUtf8());
        QVERIFY(!pane->isDraft());
        QVERIFY(!pane->isModified());
        QCOMPARE(pane->filePath(), suggested);
        QVERIFY(!window.windowTitle().contains(u'*'));
    }

    void createMirrorIntoTheOtherPane()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("producer")));
        const QString producerCheckpoint = dir.filePath(
            QStringLiteral("producer/SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md"));
        QVERIFY(TestSupport::writeBytes(producerCheckpoint,
            TestSupport::readBytes(
                drafting(QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md")))));
        MainWindow window;
        window.show();
        // The producer's checkpoint on the left, in the producer's folder; the consumer's record on the
        // right, the pane worked in last.
        QCOMPARE(window.documents(Pane::Left)->openFile(producerCheckpoint), QString());
        const QString record = copyOf(dir, QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"));
        QCOMPARE(window.documents(Pane::Right)->openFile(record), QString());
        QCOMPARE(window.activePane(), Pane::Right);

        QCOMPARE(window.drafting()->createMirror(window.activePane()), QString());
        RecordPane *mirror = window.pane(Pane::Left);
        QCOMPARE(mirror->text(),
            QString::fromUtf8(
                TestSupport::readBytes(drafting(QStringLiteral("expected/mirror-of-consumer-record.md")))));
        QVERIFY(mirror->isDraft());
        QCOMPARE(mirror->documentPath(),
            dir.filePath(
                QStringLiteral("producer/RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md")));
        QCOMPARE(
            window.pane(Pane::Right)->text(), QString::fromUtf8(TestSupport::readBytes(record))); // untouched
        // The fresh pair agrees.
        QTRY_COMPARE_WITH_TIMEOUT(window.bannerText(), QStringLiteral("Aligned, with 2 notes."), 10000);
        // The draft is the pane worked in now: the Sign-off panel says it must be saved to be signed.
        QCOMPARE(window.activePane(), Pane::Left);
        const auto *panel = window.findChild<SignOffPanel *>();
        QVERIFY(panel);
        QTRY_VERIFY2(
            panel->headline().startsWith(mirror->displayName() + QStringLiteral(" is a draft: save it")),
            qPrintable(panel->headline()));

        // A checkpoint has no mirror: said, naming it, and nothing changes.
        QCOMPARE(window.documents(Pane::Right)->openFile(producerCheckpoint), QString());
        const QString error = window.drafting()->createMirror(window.activePane());
        QVERIFY2(
            error.contains(QStringLiteral("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md: a "
                                          "checkpoint packet")),
            qPrintable(error));
        QVERIFY(mirror->isDraft());
    }

    void updateFromCheckpointThenUndo_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("checkpoint");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("changes");
        QTest::newRow("lf") << "update/record-v0.3.2.md"
                            << "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md"
                            << "update/expected-v0.4.0.md" << 7;
        QTest::newRow("crlf") << "update/mirror-v0.3.2-crlf.md"
                              << "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md"
                              << "update/expected-mirror-v0.4.0-crlf.md" << 6;
    }

    void updateFromCheckpointThenUndo()
    {
        QFETCH(QString, record);
        QFETCH(QString, checkpoint);
        QFETCH(QString, expected);
        QFETCH(int, changes);
        QTemporaryDir dir;
        const QString path = copyOf(dir, record);
        const QByteArray original = TestSupport::readBytes(path);
        MainWindow window;
        window.show();
        QCOMPARE(window.documents(Pane::Left)->openFile(path), QString());

        QCOMPARE(
            window.drafting()->updateFromCheckpoint(window.activePane(), drafting(checkpoint)), QString());
        CheckpointUpdateDialog *dialog = window.drafting()->checkpointUpdateDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->table()->rowCount(), changes);
        QCOMPARE(dialog->table()->item(changes - 1, 0)->text(), QStringLiteral("Phase 8"));
        QCOMPARE(dialog->table()->item(changes - 1, 1)->text(), QStringLiteral("(added)"));
        QVERIFY(!window.pane(Pane::Left)->isModified()); // nothing happens before Apply
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QTRY_VERIFY(!window.drafting()->checkpointUpdateDialog());

        RecordPane *pane = window.pane(Pane::Left);
        QVERIFY(pane->isModified());
        QCOMPARE(pane->currentBytes(), TestSupport::readBytes(drafting(expected)));
        // One edit: one Undo (Ctrl+Z in the pane) restores the exact original bytes, unmodified.
        pane->editor()->setFocus();
        QTest::keyClick(pane->editor(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(pane->currentBytes(), original);
        QVERIFY(!pane->isModified());
        QVERIFY(!pane->editor()->buffer().canUndo());
        // Redo brings the update back.
        pane->editor()->redo();
        QCOMPARE(pane->currentBytes(), TestSupport::readBytes(drafting(expected)));
    }

    // The dialog driven by keys alone: the date going backwards starts unchecked and says so; Down
    // twice and Space leave out the commit; Enter applies the rest as one edit, which one Ctrl+Z takes
    // back.
    void chooseChangesWithTheKeyboard()
    {
        QTemporaryDir dir;
        const QString record = copyKeepingFolders(dir, updateRecord);
        const QString checkpoint = copyKeepingFolders(dir, updateCheckpoint);
        const QByteArray original = TestSupport::readBytes(record);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.documents(Pane::Left)->openFile(record), QString());
        QCOMPARE(window.drafting()->updateFromCheckpoint(window.activePane(), checkpoint), QString());
        CheckpointUpdateDialog *dialog = window.drafting()->checkpointUpdateDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTableWidget *table = dialog->table();
        QCOMPARE(table->rowCount(), 6);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Updated"));
        QCOMPARE(table->item(0, 0)->checkState(), Qt::Unchecked);
        for (int row = 1; row < table->rowCount(); ++row)
            QCOMPARE(table->item(row, 0)->checkState(), Qt::Checked);
        QCOMPARE(table->item(4, 0)->text(), QStringLiteral("Phase 9"));
        QCOMPARE(table->item(4, 2)->text(), QStringLiteral("Complete"));
        QTRY_COMPARE(QApplication::focusWidget(), table);

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(table->item(table->currentRow(), 0)->text(), QStringLiteral("commit_sha"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(table->item(2, 0)->checkState(), Qt::Unchecked);
        QVERIFY(window.drafting()->checkpointUpdateDialog()); // Space did not apply
        screenshot(dialog, QStringLiteral("checkpoint-update.png"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!window.drafting()->checkpointUpdateDialog());

        // Every change but the date and the commit: the golden file with the old commit back.
        QByteArray expected = TestSupport::readBytes(
            drafting(QStringLiteral("update/AssistSupport/expected-2026-02-20-phase10.md")));
        expected.replace(
            "9b1f03c27d5e48a6b0c4f1e2d3a4b5c6d7e8f901", "7e4806a34b98e6c06ee33fa9f11499a975e7b922");
        RecordPane *pane = window.pane(Pane::Left);
        QCOMPARE(pane->currentBytes(), expected);
        window.activateWindow(); // the offscreen platform does not give it back when the dialog closes
        QVERIFY(QTest::qWaitForWindowActive(&window));
        pane->editor()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), pane->editor());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(pane->currentBytes(), original);
        QVERIFY(!pane->isModified());
        QVERIFY(!pane->editor()->buffer().canUndo());
    }

    // Apply is offered only while a row is checked; the warning names both dates.
    void applyNeedsACheckedRow()
    {
        QTemporaryDir dir;
        const QString record = copyKeepingFolders(dir, updateRecord);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.documents(Pane::Left)->openFile(record), QString());
        QCOMPARE(window.drafting()->updateFromCheckpoint(
                     window.activePane(), copyKeepingFolders(dir, updateCheckpoint)),
            QString());
        CheckpointUpdateDialog *dialog = window.drafting()->checkpointUpdateDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_COMPARE(QApplication::focusWidget(), dialog->table());
        QVERIFY(dialog->warning()->isVisibleTo(dialog));
        QVERIFY2(dialog->warning()->text().contains(
                     QStringLiteral("Updated would go back from 2026-02-20 to 2026-02-15")),
            qPrintable(dialog->warning()->text()));
        QVERIFY(!dialog->table()->item(0, 2)->icon().isNull());
        QVERIFY(dialog->table()->item(1, 2)->icon().isNull());
        // Rows 1 to 5 unchecked with Down and Space: nothing is left to apply.
        for (int row = 1; row < dialog->table()->rowCount(); ++row) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
            QVERIFY(dialog->applyButton()->isEnabled());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        }
        QVERIFY(!dialog->applyButton()->isEnabled());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(window.drafting()->checkpointUpdateDialog()); // Enter applies nothing
        // The date alone, checked anyway, then Alt+A.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(dialog->table()->currentRow(), 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(dialog->applyButton()->isEnabled());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::AltModifier);
        QTRY_VERIFY(!window.drafting()->checkpointUpdateDialog());
        QByteArray expected = TestSupport::readBytes(record);
        expected.replace("Updated: 2026-02-20", "Updated: 2026-02-15");
        QCOMPARE(window.pane(Pane::Left)->currentBytes(), expected);
    }

    void updateFromSomethingElseIsRefused()
    {
        QTemporaryDir dir;
        MainWindow window;
        QCOMPARE(
            window.documents(Pane::Left)->openFile(copyOf(dir, QStringLiteral("update/record-v0.3.2.md"))),
            QString());
        const QString addendum = drafting(QStringLiteral("JOINT_DECISION_STATUS_ADDENDUM_2026-02-08.md"));
        QCOMPARE(window.drafting()->updateFromCheckpoint(window.activePane(), addendum),
            addendum +
                QStringLiteral(": not a checkpoint packet (it reads as addendum): a record is updated from a "
                               "checkpoint packet's runtime target under review"));
        QVERIFY(!window.drafting()->checkpointUpdateDialog());
        const QString missing = drafting(QStringLiteral("NO_SUCH_CHECKPOINT.md"));
        QVERIFY(window.drafting()->updateFromCheckpoint(window.activePane(), missing).startsWith(missing));
        QVERIFY(!window.pane(Pane::Left)->isModified());
    }
};

QTEST_MAIN(TestDrafting)
#include "tst_drafting.moc"
