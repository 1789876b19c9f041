#pragma once

#include "compare/comparison.h"
#include "compare/cutovercheck.h"
#include "record/document.h"
#include "editing/recoverystore.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPair>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QMenu;
class QProgressDialog;
class QTableView;
class QTimer;

namespace Countersign {

class AboutDialog;
class CheckpointUpdateDialog;
class ComparisonWorker;
class DiffConnector;
class LedgerStore;
class MeetingView;
class SignOffPanel;
class FolderPairsModel;
class FindingsFilterModel;
class FindingsModel;
class PairChooserDialog;
class RecordPane;
class TemplateDialog;

// The application window: two record panes side by side (left, right), a banner that says in plain
// words whether the pair is aligned, and a findings panel from the structural compare (activating a
// finding puts both panes on its lines). Comparing runs off the GUI thread (ComparisonWorker) each
// time a side changes. Loading errors are shown in the pane and, for interactive opens, in a message
// box naming the file; they never close the window.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads `path` into the left (0) or right (1) pane. Returns the error text, empty on success.
    QString openFile(int side, const QString &path);
    // Saves the pane of `side` (to `path`, or its own file). Returns the error text, empty on success.
    QString saveFile(int side, const QString &path = {});
    // Reloads the pane of `side` from disk, dropping unsaved edits.
    QString reloadFile(int side);
    // The pane the user worked in last (0 or 1).
    int activeSide() const { return m_activeSide; }
    // How long the window waits after the last keystroke before comparing again.
    int editDebounceInterval() const;

    // Unsaved edits are written to the recovery store every few seconds; opening a file that has
    // an entry there asks whether to restore it (or follows the policy set here, for tests and
    // scripted runs).
    enum class RecoveryPolicy { Ask, Restore, Discard };
    void setRecoveryPolicy(RecoveryPolicy policy) { m_recoveryPolicy = policy; }
    void setAutosaveInterval(int milliseconds);
    const RecoveryStore &recoveryStore() const { return m_recovery; }
    RecordPane *pane(int side) const;

    // True while a comparison of the open pair is pending or running.
    bool isComparing() const;
    QString bannerText() const;
    FindingsModel *findingsModel() const { return m_findings; }
    FindingsFilterModel *findingsFilter() const { return m_filter; }
    QTableView *findingsView() const { return m_findingsView; }
    // Puts both panes on the lines of the finding at `row` of the findings view.
    void showFinding(int row);
    // Puts both panes on the next (or previous) difference of the line diff, wrapping around.
    // Returns the index of the difference shown, -1 when there is none.
    // The sign-off ledger: opens the SQLite file at `path` (the default ledger unless the settings
    // or --db name another). Returns the error, empty when it opened; without a ledger the sign-off
    // panel shows why and the records still open.
    QString setLedgerPath(const QString &path);
    SignOffPanel *signOffPanel() const { return m_signOff; }
    // The ledger the window records sign-offs in: the one open, else the one it tried to open.
    QString ledgerPath() const;
    // File > New Window: another window in this process, on this window's ledger, with panes of its
    // own; it is deleted when it closes, and the application quits when the last window closes.
    MainWindow *newWindow();
    // Help > About Countersign: opens the AboutDialog (window-modal, without blocking).
    void showAbout();
    AboutDialog *aboutDialog() const;
    // Writes the finalized record of the active pane's record to `output`, as markdown or as a PDF
    // handout (PdfHandout); returns the error, empty on success. Refused while sign-offs are open
    // unless `allowOpen`, or while the record has unsaved edits.
    enum class ExportFormat { Markdown, Pdf };
    QString exportFinalized(
        const QString &output, bool allowOpen = false, ExportFormat format = ExportFormat::Markdown);
    // Opens the residual risk meeting on the record worked in last (Record > Residual Risk Meeting);
    // why not, when it cannot.
    QString startMeeting();
    // The meeting view while it is open.
    MeetingView *meetingView() const;
    int nextDifference();
    int previousDifference();
    // The line of the other side that matches `line` of `side` by the current line diff: the same
    // line where they are equal, the start of the other side's part where they differ.
    int matchingLine(int side, int line) const;
    // The highlighting theme of both panes, by name; empty: the one that suits the palette. Unknown
    // names are refused (returns false). A choice from the menu is remembered (QSettings); one for
    // a single run (`--theme`) is not.
    enum class Remember { Yes, No };
    bool setThemeName(const QString &name, Remember remember = Remember::Yes);
    static QStringList themeNames();
    QString themeName() const { return m_themeName; }
    // The pairs opened last (left, right), newest first, remembered across runs (QSettings).
    static QList<QPair<QString, QString>> recentPairs();
    // Opens a remembered pair; returns the errors, empty on success.
    QStringList openPair(const QString &left, const QString &right);
    // Scans two folders (the producer's and the consumer's docs/) for records on a worker thread and
    // pairs them (CutoverPairing). cutoverScanProgress() reports the files read so far, and at the
    // end cutoverPairsFound() the result, which also fills cutoverPairs(); a cancelled scan ends in
    // cutoverScanCancelled() instead. A new scan cancels the one in flight.
    void scanCutoverFolders(const QString &producer, const QString &consumer);
    // Stops the scan in flight before its next file; nothing when none is running.
    void cancelCutoverScan();
    bool isScanningCutoverFolders() const { return m_scan->isRunning(); }
    FolderPairsModel *cutoverPairs() const { return m_folderPairs; }
    // File > Open Cutover Folders once the two folders are known: scans them behind a progress dialog
    // (files read of the total; Cancel stops the scan), then opens a PairChooserDialog (window-modal,
    // without blocking) and opens the pair chosen there. Both dialogs close themselves.
    void openCutoverFolders(const QString &producer, const QString &consumer);
    QProgressDialog *scanProgressDialog() const;
    PairChooserDialog *pairChooser() const;
    // Opens a dropped file in `side`, asking first when the pane has unsaved edits.
    void openDropped(int side, const QString &path);

    // Puts `text` in the pane of `side` as a draft: unsaved, modified, its Save As starting at
    // `suggestedPath`. Asks first when the pane has unsaved edits; false when they were kept.
    bool showDraft(int side, const QString &text, const QString &suggestedPath);
    // File > New from Template: opens a TemplateDialog (window-modal, without blocking); what it
    // fills goes into the active pane as a draft named as the template suggests, in that pane's folder.
    void newFromTemplate();
    TemplateDialog *templateDialog() const;
    // Record > Create Mirror: the mirror (Mirror::create) of the active pane's record as it stands,
    // as a draft in the other pane, named Mirror::suggestedFileName in the other pane's folder.
    // Returns the error (naming the record), empty on success.
    QString createMirror();
    // Record > Update from Checkpoint, once the checkpoint file is chosen: what the update would
    // change in the active pane's record, in a CheckpointUpdateDialog (window-modal, without
    // blocking); Apply makes it one undoable edit of the pane. Returns the error, empty when the
    // dialog is shown.
    QString updateFromCheckpoint(const QString &checkpointPath);
    CheckpointUpdateDialog *checkpointUpdateDialog() const;
    // Keeps the panes scrolled in step (matching lines level); on by default.
    void setScrollInStep(bool inStep) { m_scrollInStep = inStep; }

Q_SIGNALS:
    // A comparison of the open pair finished and its results are shown.
    void comparisonShown();
    // The line diff of the newest edit is shown (marks, differences); its findings follow with
    // comparisonShown().
    void linesShown();
    // A folder scan has read `done` of `total` markdown files (total 0: still listing the folders).
    void cutoverScanProgress(int done, int total);
    // A folder scan finished with `pairs` complete pairs; `errors` names files that could not be read.
    void cutoverPairsFound(int pairs, const QStringList &errors);
    void cutoverScanCancelled();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseFile(int side);
    void save(int side);
    // Asks for a file name and saves there; false when nothing was saved.
    bool saveAs(int side);
    void chooseCheckpoint();
    // The folder a new document of `side` is suggested in: its pane's, else the other pane's.
    QString draftFolder(int side) const;
    void fileChangedOnDisk(const QString &path);
    void watch(const QString &path);
    void updateTitle();
    void autosave();
    void offerRecovery(int side);
    void compare();
    void showComparison(const ComparisonResult &result);
    void showLines(const ComparisonResult &result);
    void showDifference(int index);
    void followScroll(int side);
    void rememberPair();
    void chooseCutoverFolders();
    // File > Export Finalized Record and Export PDF: asks before exporting open sign-offs with the
    // NOT FINAL banner, then for the file.
    void chooseExport(ExportFormat format);
    void updateSignOff();
    void scanProgressed();
    void scanFinished();
    void choosePair(const QStringList &errors);
    // True when the pane of `side` may be replaced by `path`: no unsaved edits, or the user agrees.
    bool mayReplace(int side, const QString &path);
    void fillRecentMenu();
    QWidget *createFindingsPanel();

    RecordPane *m_panes[2];
    QLabel *m_banner;
    FindingsModel *m_findings;
    FindingsFilterModel *m_filter;
    QTableView *m_findingsView = nullptr;
    QComboBox *m_severityFilter = nullptr;
    ComparisonWorker *m_worker;
    QFileSystemWatcher *m_watcher;
    QTimer *m_editTimer;
    QTimer *m_slowTimer;
    int m_activeSide = 0;
    RecoveryStore m_recovery;
    RecoveryPolicy m_recoveryPolicy = RecoveryPolicy::Ask;
    QTimer *m_autosaveTimer;
    QList<DiffHunk> m_hunks;
    LineDiffResult m_lines; // of the comparison shown
    bool m_scrollInStep = true;
    QString m_themeName;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    FolderPairsModel *m_folderPairs;
    DiffConnector *m_connector = nullptr;
    SignOffPanel *m_signOff = nullptr;
    std::unique_ptr<LedgerStore> m_ledger;
    QPointer<MeetingView> m_meeting;
    QFutureWatcher<CutoverCheck> *m_scan;
    QFuture<void> m_scanStop; // cancelled to stop the scan in flight
    QStringList m_scanFolders; // producer, consumer
    QPointer<QProgressDialog> m_scanProgress;
    QPointer<PairChooserDialog> m_pairChooser;
    QPointer<TemplateDialog> m_templateDialog;
    QPointer<CheckpointUpdateDialog> m_checkpointDialog;
    QPointer<AboutDialog> m_aboutDialog;
    QString m_ledgerPath;
    bool m_following = false; // of the comparison shown, without context
    int m_currentHunk = -1;
};

} // namespace Countersign
