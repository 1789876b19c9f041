#include "mainwindow.h"

#include "base/settingskeys.h"

#include "aboutdialog.h"
#include "drafting/checkpointupdate.h"
#include "checkpointupdatedialog.h"
#include "comparisonworker.h"
#include "diffconnector.h"
#include "record/documentloader.h"
#include "export/finalizedexport.h"
#include "review/riskreview.h"
#include "findingsfiltermodel.h"
#include "findingsmodel.h"
#include "folderpairsmodel.h"
#include "highlighting.h"
#include "diff/linematching.h"
#include "record/markdownparser.h"
#include "meetingview.h"
#include "drafting/mirror.h"
#include "pairchooserdialog.h"
#include "pdfhandout.h"
#include "recordpane.h"
#include "signoffpanel.h"
#include "ledger/ledgerstore.h"
#include "templatedialog.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace Countersign {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_banner(new QLabel(this))
    , m_findings(new FindingsModel(this))
    , m_filter(new FindingsFilterModel(this))
    , m_worker(new ComparisonWorker(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_editTimer(new QTimer(this))
    , m_slowTimer(new QTimer(this))
    , m_autosaveTimer(new QTimer(this))
    , m_folderPairs(new FolderPairsModel(this))
    , m_scan(new QFutureWatcher<CutoverCheck>(this))
{
    m_filter->setSourceModel(m_findings);
    connect(m_worker, &ComparisonWorker::linesReady, this, &MainWindow::showLines);
    connect(m_worker, &ComparisonWorker::finished, this, &MainWindow::showComparison);
    // Edits are debounced here; opening a file compares at once.
    m_worker->setDebounceInterval(0);
    m_editTimer->setSingleShot(true);
    // Each edit is compared as soon as the event loop is free (a run in flight is cancelled first):
    // a 10k-line pair is compared well within the time between two keystrokes.
    m_editTimer->setInterval(0);
    // The banner says "Comparing…" only when a comparison takes long enough to be noticed; a quick
    // one would make it flicker at every keystroke.
    m_slowTimer->setSingleShot(true);
    m_slowTimer->setInterval(300);
    connect(m_slowTimer, &QTimer::timeout, this, [this] {
        if (isComparing())
            m_banner->setText(tr("Comparing…"));
    });
    connect(m_editTimer, &QTimer::timeout, this, &MainWindow::compare);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::fileChangedOnDisk);
    connect(m_scan, &QFutureWatcherBase::progressRangeChanged, this, &MainWindow::scanProgressed);
    connect(m_scan, &QFutureWatcherBase::progressValueChanged, this, &MainWindow::scanProgressed);
    connect(m_scan, &QFutureWatcherBase::finished, this, &MainWindow::scanFinished);
    m_autosaveTimer->setInterval(5000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    m_autosaveTimer->start();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setContentsMargins(10, 6, 10, 6);
    m_banner->setAutoFillBackground(true);
    m_banner->setAccessibleName(tr("Alignment"));
    QFont bannerFont = m_banner->font();
    bannerFont.setBold(true);
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.15);
    m_banner->setFont(bannerFont);
    m_banner->setText(tr("Open two records to compare them."));
    layout->addWidget(m_banner);

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    m_panes[0] = new RecordPane(tr("Left"), splitter);
    m_panes[1] = new RecordPane(tr("Right"), splitter);
    m_connector = new DiffConnector(m_panes[0]->editor(), m_panes[1]->editor(), splitter);
    connect(m_connector, &DiffConnector::differenceClicked, this, &MainWindow::showDifference);
    splitter->addWidget(m_panes[0]);
    splitter->addWidget(m_connector);
    splitter->addWidget(m_panes[1]);
    for (int side = 0; side < 2; ++side) {
        connect(m_panes[side], &RecordPane::edited, this, [this, side] {
            m_activeSide = side;
            m_editTimer->start();
            m_slowTimer->start();
        });
        connect(m_panes[side], &RecordPane::modificationChanged, this, &MainWindow::updateTitle);
        connect(m_panes[side], &RecordPane::scrolled, this, [this, side] { followScroll(side); });
        connect(m_panes[side], &RecordPane::fileDropped, this,
            [this, side](const QString &path) { openDropped(side, path); });
        m_panes[side]->editor()->installEventFilter(this);
    }
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setStretchFactor(2, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    auto *dock = new QDockWidget(tr("Findings"), this);
    dock->setObjectName(QStringLiteral("findings"));
    dock->setWidget(createFindingsPanel());
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    // The records matter most: the panel starts about eight rows tall.
    resizeDocks({dock}, {230}, Qt::Vertical);
    m_signOff = new SignOffPanel(this);
    auto *signOffDock = new QDockWidget(tr("Sign-off"), this);
    signOffDock->setObjectName(QStringLiteral("signoff"));
    signOffDock->setWidget(m_signOff);
    signOffDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, signOffDock);
    tabifyDockWidget(dock, signOffDock);
    dock->raise();
    connect(m_signOff, &SignOffPanel::signedOff, this,
        [this] { statusBar()->showMessage(tr("Sign-off recorded in %1").arg(m_ledger->location())); });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *windowAction = file->addAction(tr("New &Window"), this, &MainWindow::newWindow);
    windowAction->setShortcut(QKeySequence::New);
    QAction *openLeft = file->addAction(tr("Open &Left..."), this, [this] { chooseFile(0); });
    openLeft->setShortcut(QKeySequence::Open);
    QAction *openRight = file->addAction(tr("Open &Right..."), this, [this] { chooseFile(1); });
    openRight->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction *folders =
        file->addAction(tr("Open Cutover &Folders..."), this, &MainWindow::chooseCutoverFolders);
    folders->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    m_recentMenu = file->addMenu(tr("Recent &Pairs"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    QAction *fromTemplate = file->addAction(tr("&New from Template..."), this, &MainWindow::newFromTemplate);
    fromTemplate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), this, [this] { save(m_activeSide); });
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = file->addAction(tr("Save &As..."), this, [this] { saveAs(m_activeSide); });
    saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction *exportAction = file->addAction(
        tr("&Export Finalized Record..."), this, [this] { chooseExport(ExportFormat::Markdown); });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *exportPdf =
        file->addAction(tr("Export P&DF..."), this, [this] { chooseExport(ExportFormat::Pdf); });
    exportPdf->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addAction(tr("Sign-off &Ledger..."), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Sign-off Ledger (an existing one, or a new file)"),
                m_ledger ? m_ledger->location() : LedgerStore::configuredLocation(),
                tr("Ledgers (*.sqlite);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
        if (path.isEmpty())
            return;
        if (const QString error = setLedgerPath(path); !error.isEmpty()) {
            QMessageBox::warning(this, tr("Cannot use that ledger"), error);
            return;
        }
        LedgerStore::setConfiguredLocation(path);
        statusBar()->showMessage(tr("Sign-offs are now recorded in %1").arg(path));
    });
    QAction *reload = file->addAction(tr("&Reload from Disk"), this, [this] {
        if (!pane(m_activeSide)->isDraft() && pane(m_activeSide)->isModified() &&
            QMessageBox::question(this, tr("Reload"),
                tr("Drop your unsaved edits to %1 and load the file from disk?")
                    .arg(pane(m_activeSide)->filePath())) != QMessageBox::Yes)
            return;
        if (const QString error = reloadFile(m_activeSide); !error.isEmpty())
            QMessageBox::warning(this, tr("Cannot reload"), error);
    });
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    file->addSeparator();
    QAction *closeWindow = file->addAction(tr("&Close Window"), this, &QWidget::close);
    closeWindow->setShortcut(QKeySequence::Close);
    // Quit closes every window, each asking about its unsaved edits; one kept open stops it.
    QAction *quit = file->addAction(tr("&Quit"), this, [] { QApplication::closeAllWindows(); });
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = edit->addAction(tr("&Undo"), this, [this] { pane(m_activeSide)->editor()->undo(); });
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = edit->addAction(tr("&Redo"), this, [this] { pane(m_activeSide)->editor()->redo(); });
    redo->setShortcut(QKeySequence::Redo);

    QMenu *record = menuBar()->addMenu(tr("&Record"));
    QAction *mirror = record->addAction(tr("Create &Mirror"), this, [this] {
        if (const QString error = createMirror(); !error.isEmpty())
            QMessageBox::warning(this, tr("Cannot create the mirror"), error);
    });
    mirror->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    QAction *fromCheckpoint =
        record->addAction(tr("&Update from Checkpoint..."), this, &MainWindow::chooseCheckpoint);
    fromCheckpoint->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    QAction *meeting = record->addAction(tr("Residual Risk &Meeting..."), this, [this] {
        if (const QString error = startMeeting(); !error.isEmpty())
            QMessageBox::information(this, tr("Residual Risk Meeting"), error);
    });
    meeting->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *next = go->addAction(tr("&Next Difference"), this, &MainWindow::nextDifference);
    next->setShortcut(QKeySequence(Qt::Key_F7));
    QAction *previous = go->addAction(tr("&Previous Difference"), this, &MainWindow::previousDifference);
    previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *wrap = view->addAction(tr("&Wrap Long Lines"));
    wrap->setCheckable(true);
    wrap->setChecked(true);
    wrap->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Z));
    connect(wrap, &QAction::toggled, this, [this](bool on) {
        pane(0)->setWordWrap(on);
        pane(1)->setWordWrap(on);
    });
    QAction *preview = view->addAction(tr("&Preview"));
    preview->setCheckable(true);
    preview->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(preview, &QAction::toggled, this, [this](bool on) {
        pane(0)->setPreview(on);
        pane(1)->setPreview(on);
    });
    QAction *inStep = view->addAction(tr("Scroll in &Step"));
    inStep->setCheckable(true);
    inStep->setChecked(true);
    inStep->setShortcut(QKeySequence(Qt::ALT | Qt::Key_S));
    connect(inStep, &QAction::toggled, this, &MainWindow::setScrollInStep);
    m_themeMenu = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    QAction *automatic = m_themeMenu->addAction(tr("Follow the Palette"));
    automatic->setCheckable(true);
    themes->addAction(automatic);
    connect(automatic, &QAction::triggered, this, [this] { setThemeName({}); });
    m_themeMenu->addSeparator();
    // The installed themes are listed when the menu first opens: the repository may still be loading.
    connect(m_themeMenu, &QMenu::aboutToShow, this, [this, themes] {
        if (m_themeMenu->actions().size() > 2)
            return;
        QList<KSyntaxHighlighting::Theme> all = Highlighting::repository().themes();
        std::sort(all.begin(), all.end(),
            [](const auto &a, const auto &b) { return a.translatedName() < b.translatedName(); });
        for (const KSyntaxHighlighting::Theme &theme : all) {
            QAction *action = m_themeMenu->addAction(theme.translatedName());
            action->setCheckable(true);
            action->setData(theme.name());
            action->setChecked(theme.name() == m_themeName);
            themes->addAction(action);
            connect(action, &QAction::triggered, this, [this, name = theme.name()] { setThemeName(name); });
        }
    });
    QAction *showFindings = dock->toggleViewAction();
    showFindings->setText(tr("&Findings Panel"));
    showFindings->setShortcut(QKeySequence(Qt::Key_F9));
    view->addAction(showFindings);
    QAction *showSignOff = signOffDock->toggleViewAction();
    showSignOff->setText(tr("&Sign-off Panel"));
    showSignOff->setShortcut(QKeySequence(Qt::Key_F10));
    view->addAction(showSignOff);
    QAction *focusSignOff = view->addAction(tr("Go to Si&gn-off"), this, [signOffDock] {
        signOffDock->show();
        signOffDock->raise();
        signOffDock->widget()->setFocus();
    });
    focusSignOff->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F10));
    QAction *focusFindings = view->addAction(tr("Go to F&indings"), this, [this, dock] {
        dock->show();
        m_findingsView->setFocus();
    });
    focusFindings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F9));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Countersign"), this, &MainWindow::showAbout);
    statusBar()->showMessage(tr("Open the producer's and the consumer's record (Ctrl+O, Ctrl+Shift+O)."));
    resize(1400, 860);
    updateTitle();
    // The remembered theme is taken when the panes first paint: the repository may still be
    // loading now, and waiting for it would hold up the window.
    m_themeName = QSettings().value(SettingsKeys::theme).toString();
    for (RecordPane *side : m_panes)
        side->editor()->setThemeName(m_themeName);
    automatic->setChecked(m_themeName.isEmpty());
    setLedgerPath(LedgerStore::configuredLocation());
}

MainWindow::~MainWindow()
{
    // The scan's job runs on without the window; it need not finish.
    cancelCutoverScan();
}

RecordPane *MainWindow::pane(int side) const
{
    return m_panes[side == 0 ? 0 : 1];
}

QString MainWindow::openFile(int side, const QString &path)
{
    const Result<SourceText> source = DocumentLoader::readForEditing(path);
    if (!source) {
        const QString message = source.error().toString();
        pane(side)->showError(message);
        statusBar()->showMessage(message);
        return message;
    }
    pane(side)->showSource(path, source.value());
    m_activeSide = side == 0 ? 0 : 1;
    offerRecovery(m_activeSide);
    watch(path);
    updateTitle();
    statusBar()->showMessage(tr("Opened %1").arg(path));
    rememberPair();
    compare();
    updateSignOff();
    return {};
}

namespace {
constexpr int recentPairLimit = 8;
} // namespace

QList<QPair<QString, QString>> MainWindow::recentPairs()
{
    QList<QPair<QString, QString>> pairs;
    for (const QString &entry : QSettings().value(SettingsKeys::recentPairs).toStringList()) {
        const QStringList files = entry.split(u'\n');
        if (files.size() == 2)
            pairs.append({files.at(0), files.at(1)});
    }
    return pairs;
}

void MainWindow::rememberPair()
{
    if (pane(0)->filePath().isEmpty() || pane(1)->filePath().isEmpty())
        return;
    const QString entry = QFileInfo(pane(0)->filePath()).absoluteFilePath() + u'\n' +
        QFileInfo(pane(1)->filePath()).absoluteFilePath();
    QStringList entries = QSettings().value(SettingsKeys::recentPairs).toStringList();
    entries.removeAll(entry);
    entries.prepend(entry);
    QSettings().setValue(SettingsKeys::recentPairs, entries.mid(0, recentPairLimit));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QList<QPair<QString, QString>> pairs = recentPairs();
    if (pairs.isEmpty()) {
        m_recentMenu->addAction(tr("No pairs opened yet"))->setEnabled(false);
        return;
    }
    for (int i = 0; i < pairs.size(); ++i) {
        const auto &[left, right] = pairs.at(i);
        QAction *action = m_recentMenu->addAction(
            tr("&%1  %2 ↔ %3").arg(i + 1).arg(QFileInfo(left).fileName(), QFileInfo(right).fileName()), this,
            [this, left, right] {
                if (const QStringList errors = openPair(left, right); !errors.isEmpty())
                    QMessageBox::warning(this, tr("Cannot open the pair"), errors.join(u'\n'));
            });
        action->setToolTip(left + u'\n' + right);
    }
}

QStringList MainWindow::openPair(const QString &left, const QString &right)
{
    QStringList errors;
    for (const auto &[side, path] : {std::pair{0, left}, std::pair{1, right}}) {
        if (!mayReplace(side, path))
            continue;
        if (const QString error = openFile(side, path); !error.isEmpty())
            errors.append(error);
    }
    return errors;
}

void MainWindow::scanCutoverFolders(const QString &producer, const QString &consumer)
{
    cancelCutoverScan();
    m_scanFolders = {producer, consumer};
    statusBar()->showMessage(tr("Looking for records in %1 and %2…").arg(producer, consumer));
    // Cancel goes through `stop`, not through the scan's own future: a cancelled future takes no
    // more progress, and the scan's is to tell how far it really got. The job holds both promises,
    // not the window: a window closed meanwhile only stops it.
    auto scan = std::make_shared<QPromise<CutoverCheck>>();
    auto stop = std::make_shared<QPromise<void>>();
    m_scan->setFuture(scan->future());
    m_scanStop = stop->future();
    scan->start();
    stop->start();
    QThreadPool::globalInstance()->start([scan, stop, folders = m_scanFolders] {
        scan->addResult(CutoverCheck::run(folders, stop->future(), [&scan](int done, int total) {
            if (total != scan->future().progressMaximum())
                scan->setProgressRange(0, total);
            scan->setProgressValue(done);
        }));
        scan->finish();
        stop->finish();
    });
}

void MainWindow::cancelCutoverScan()
{
    m_scanStop.cancel();
}

void MainWindow::scanProgressed()
{
    Q_EMIT cutoverScanProgress(m_scan->progressValue(), m_scan->progressMaximum());
}

void MainWindow::scanFinished()
{
    const QFuture<CutoverCheck> future = m_scan->future();
    if (future.resultCount() == 0)
        return;
    const CutoverCheck check = future.result();
    if (check.isCancelled()) {
        const QLocale locale;
        statusBar()->showMessage(
            tr("Stopped looking for records after reading %1 of %2 files.")
                .arg(locale.toString(m_scan->progressValue()), locale.toString(m_scan->progressMaximum())));
        Q_EMIT cutoverScanCancelled();
        return;
    }
    QStringList errors;
    for (const Error &error : check.errors())
        errors.append(error.toString());
    m_folderPairs->setPairs(CutoverPairing::pairs(check));
    const int paired = m_folderPairs->pairedCount();
    statusBar()->showMessage(tr("Found %n pair(s) of records.", nullptr, paired));
    Q_EMIT cutoverPairsFound(paired, errors);
}

void MainWindow::chooseCutoverFolders()
{
    const QString producer = QFileDialog::getExistingDirectory(this, tr("The Producer's Folder (left)"));
    if (producer.isEmpty())
        return;
    const QString consumer = QFileDialog::getExistingDirectory(this, tr("The Consumer's Folder (right)"));
    if (consumer.isEmpty())
        return;
    openCutoverFolders(producer, consumer);
}

void MainWindow::openCutoverFolders(const QString &producer, const QString &consumer)
{
    if (m_scanProgress)
        m_scanProgress->close();
    auto *progress = new QProgressDialog(this);
    progress->setWindowTitle(tr("Open Cutover Folders"));
    auto *label = new QLabel(progress);
    label->setAccessibleName(tr("Scan status"));
    progress->setLabel(label);
    progress->setLabelText(tr("Listing the files in the two folders…"));
    // Driven directly: QProgressDialog::setValue() would run a nested event loop from the slot.
    auto *bar = new QProgressBar(progress);
    bar->setAccessibleName(tr("Files read"));
    progress->setBar(bar);
    auto *cancel = new QPushButton(tr("Cancel"), progress);
    cancel->setAccessibleName(tr("Stop looking for records"));
    progress->setCancelButton(cancel);
    progress->setRange(0, 0);
    progress->setMinimumWidth(420); // room for "Reading records: 12,345 of 67,890 files…" as it grows
    progress->setAutoReset(false);
    progress->setAutoClose(false);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    m_scanProgress = progress;
    connect(progress, &QProgressDialog::canceled, this, &MainWindow::cancelCutoverScan);
    connect(this, &MainWindow::cutoverScanProgress, progress, [progress, bar](int done, int total) {
        if (total == 0)
            return;
        const QLocale locale;
        progress->setRange(0, total);
        bar->setValue(done);
        progress->setLabelText(
            tr("Reading records: %1 of %2 files…").arg(locale.toString(done), locale.toString(total)));
    });
    connect(this, &MainWindow::cutoverScanCancelled, progress, &QWidget::close);
    connect(this, &MainWindow::cutoverPairsFound, progress, [this, progress](int, const QStringList &errors) {
        progress->close();
        choosePair(errors);
    });
    scanCutoverFolders(producer, consumer);
}

QProgressDialog *MainWindow::scanProgressDialog() const
{
    return m_scanProgress;
}

PairChooserDialog *MainWindow::pairChooser() const
{
    return m_pairChooser;
}

void MainWindow::choosePair(const QStringList &errors)
{
    if (m_pairChooser)
        m_pairChooser->close();
    auto *dialog = new PairChooserDialog(m_folderPairs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFolders(m_scanFolders.value(0), m_scanFolders.value(1));
    dialog->setErrors(errors);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const std::optional<DocumentPair> pair = dialog->chosenPair();
        if (!pair)
            return;
        if (const QStringList failed = openPair(pair->left, pair->right); !failed.isEmpty())
            QMessageBox::warning(this, tr("Cannot open the pair"), failed.join(u'\n'));
    });
    m_pairChooser = dialog;
    // Not adjustSize()'s two thirds of the screen: the file names are long and all of them count.
    dialog->resize(dialog->sizeHint());
    dialog->open();
}

void MainWindow::openDropped(int side, const QString &path)
{
    if (!mayReplace(side, path))
        return;
    if (const QString error = openFile(side, path); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot open record"), error);
}

bool MainWindow::mayReplace(int side, const QString &path)
{
    return !pane(side)->isModified() ||
        QMessageBox::question(this, tr("Unsaved edits"),
            tr("Drop your unsaved edits to %1 and open %2?").arg(pane(side)->displayName(), path)) ==
        QMessageBox::Yes;
}

QString MainWindow::draftFolder(int side) const
{
    for (const RecordPane *p : {pane(side), pane(1 - side)}) {
        if (!p->documentPath().isEmpty())
            return QFileInfo(p->documentPath()).absolutePath();
    }
    return QDir::homePath();
}

bool MainWindow::showDraft(int side, const QString &text, const QString &suggestedPath)
{
    side = side == 0 ? 0 : 1;
    if (!mayReplace(side, QFileInfo(suggestedPath).fileName()))
        return false;
    pane(side)->showDraft(suggestedPath, text);
    m_activeSide = side;
    updateTitle();
    statusBar()->showMessage(
        tr("%1 is not saved yet: Save (Ctrl+S) asks where.").arg(pane(side)->displayName()));
    compare();
    updateSignOff();
    return true;
}

void MainWindow::newFromTemplate()
{
    if (m_templateDialog)
        m_templateDialog->close();
    auto *dialog = new TemplateDialog(RecordTemplate::builtIn(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const int side = m_activeSide;
    connect(dialog, &QDialog::accepted, this, [this, dialog, side] {
        const QString name = dialog->suggestedFileName();
        showDraft(side, dialog->filledText(),
            QDir(draftFolder(side)).filePath(name.isEmpty() ? QStringLiteral("untitled.md") : name));
    });
    m_templateDialog = dialog;
    dialog->open();
}

TemplateDialog *MainWindow::templateDialog() const
{
    return m_templateDialog;
}

QString MainWindow::createMirror()
{
    RecordPane *source = pane(m_activeSide);
    if (!source->hasDocument())
        return tr("Open a decision record or producer mirror first.");
    // The record as it stands in the pane, edits included.
    const Document record = MarkdownParser::parse(source->currentSource(), source->documentPath());
    const Result<QString> text = Mirror::create(record);
    if (!text)
        return text.error().toString();
    const int other = 1 - m_activeSide;
    const QString path = QDir(draftFolder(other)).filePath(Mirror::suggestedFileName(record));
    if (!showDraft(other, text.value(), path))
        return tr("The mirror was not opened: %1 has unsaved edits.").arg(pane(other)->displayName());
    return {};
}

QString MainWindow::updateFromCheckpoint(const QString &checkpointPath)
{
    RecordPane *target = pane(m_activeSide);
    if (!target->hasDocument())
        return tr("Open the decision record to update first.");
    const Result<Document> checkpoint = DocumentLoader::load(checkpointPath);
    if (!checkpoint)
        return checkpoint.error().toString();
    const Document record = MarkdownParser::parse(target->currentSource(), target->documentPath());
    const Result<CheckpointUpdate> update = CheckpointUpdate::plan(record, checkpoint.value());
    if (!update)
        return update.error().toString();
    if (m_checkpointDialog)
        m_checkpointDialog->close();
    auto *dialog = new CheckpointUpdateDialog(
        update.value(), target->displayName(), QFileInfo(checkpointPath).fileName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The text the update was planned on: an edit meanwhile makes the plan stale.
    const QString planned = target->text();
    connect(dialog, &QDialog::accepted, this, [this, target, dialog, planned] {
        if (target->text() != planned) {
            QMessageBox::warning(this, tr("Update from Checkpoint"),
                tr("%1 changed while the update was shown; nothing was applied. Choose the checkpoint again.")
                    .arg(target->displayName()));
            return;
        }
        target->replaceText(dialog->update().text());
        statusBar()->showMessage(tr("Updated %n value(s) of %1 from the checkpoint (Undo takes it back).",
            nullptr, int(dialog->update().changes().size()))
                                     .arg(target->displayName()));
    });
    m_checkpointDialog = dialog;
    dialog->open();
    return {};
}

CheckpointUpdateDialog *MainWindow::checkpointUpdateDialog() const
{
    return m_checkpointDialog;
}

void MainWindow::chooseCheckpoint()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Update from Checkpoint"),
        draftFolder(m_activeSide), tr("Markdown records (*.md *.markdown);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString error = updateFromCheckpoint(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot update from the checkpoint"), error);
}

void MainWindow::save(int side)
{
    if (pane(side)->isDraft()) {
        saveAs(side);
        return;
    }
    if (const QString error = saveFile(side); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot save"), error);
}

QString MainWindow::saveFile(int side, const QString &path)
{
    if (!pane(side)->hasDocument() && path.isEmpty())
        return tr("Nothing to save: open a record first.");
    if (const QString error = pane(side)->save(path); !error.isEmpty()) {
        statusBar()->showMessage(error);
        return error;
    }
    watch(pane(side)->filePath());
    m_recovery.remove(pane(side)->filePath());
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(pane(side)->filePath()));
    return {};
}

void MainWindow::setAutosaveInterval(int milliseconds)
{
    m_autosaveTimer->start(milliseconds);
}

void MainWindow::autosave()
{
    for (int side = 0; side < 2; ++side) {
        const RecordPane *p = pane(side);
        if (p->filePath().isEmpty() || !p->isModified())
            continue;
        if (const QString error = m_recovery.save(p->filePath(), p->currentBytes()); !error.isEmpty())
            statusBar()->showMessage(tr("Cannot keep a recovery copy of your edits: %1").arg(error));
    }
}

void MainWindow::offerRecovery(int side)
{
    RecordPane *p = pane(side);
    const std::optional<QByteArray> recovered = m_recovery.load(p->filePath());
    if (!recovered)
        return;
    if (*recovered == p->currentBytes()) {
        m_recovery.remove(p->filePath());
        return;
    }
    RecoveryPolicy policy = m_recoveryPolicy;
    if (policy == RecoveryPolicy::Ask) {
        const auto answer = QMessageBox::question(this, tr("Restore unsaved edits?"),
            tr("Countersign kept unsaved edits to %1 from %2 (it was closed without saving them, or "
               "stopped). Restore them? They stay unsaved until you save.")
                .arg(p->filePath(),
                    QLocale().toString(m_recovery.savedAt(p->filePath()), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        policy = answer == QMessageBox::Yes ? RecoveryPolicy::Restore : RecoveryPolicy::Discard;
    }
    if (policy == RecoveryPolicy::Restore) {
        p->restoreText(*recovered);
        statusBar()->showMessage(tr("Restored unsaved edits to %1.").arg(p->filePath()));
    } else {
        m_recovery.remove(p->filePath());
    }
}

QString MainWindow::reloadFile(int side)
{
    const QString path = pane(side)->filePath();
    if (path.isEmpty())
        return tr("Nothing to reload.");
    const int line = pane(side)->currentLine();
    m_recovery.remove(path); // reloading drops the edits on purpose
    const QString error = openFile(side, path);
    if (error.isEmpty())
        pane(side)->goToLine(line);
    return error;
}

int MainWindow::editDebounceInterval() const
{
    return m_editTimer->interval();
}

bool MainWindow::saveAs(int side)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Record As"), pane(side)->documentPath(),
        tr("Markdown records (*.md *.markdown);;All files (*)"));
    if (path.isEmpty())
        return false;
    if (const QString error = saveFile(side, path); !error.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    return true;
}

void MainWindow::watch(const QString &path)
{
    // QSaveFile and many editors replace the file, which drops it from the watcher: add it again.
    if (!path.isEmpty() && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
}

void MainWindow::fileChangedOnDisk(const QString &path)
{
    for (int side = 0; side < 2; ++side) {
        RecordPane *p = pane(side);
        if (p->filePath() != path)
            continue;
        QFile file(path);
        // A change that leaves the bytes we hold (our own save, a touch) is no change.
        if (file.open(QIODevice::ReadOnly) && !p->isModified() && file.readAll() == p->currentBytes()) {
            watch(path);
            continue;
        }
        if (p->isModified()) {
            p->setChangedOnDisk(true);
            statusBar()->showMessage(
                tr("%1 changed on disk; your edits are kept (File > Reload from Disk loads "
                   "it).")
                    .arg(path));
        } else if (QFileInfo::exists(path)) {
            reloadFile(side);
            statusBar()->showMessage(tr("Reloaded %1: it changed on disk.").arg(path));
        } else {
            p->setChangedOnDisk(true);
            statusBar()->showMessage(tr("%1 was removed from disk; Save writes it again.").arg(path));
        }
        watch(path);
    }
}

void MainWindow::updateTitle()
{
    QStringList names;
    for (int side = 0; side < 2; ++side) {
        if (pane(side)->hasDocument())
            names.append(pane(side)->displayName() + (pane(side)->isModified() ? u"*" : u""));
    }
    setWindowTitle(names.isEmpty() ? tr("Countersign") : tr("%1 — Countersign").arg(names.join(u" ↔ ")));
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        for (int side = 0; side < 2; ++side) {
            if (watched == pane(side)->editor() && m_activeSide != side) {
                m_activeSide = side;
                updateSignOff();
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (int side = 0; side < 2; ++side) {
        if (!pane(side)->isModified())
            continue;
        const auto answer = QMessageBox::question(this, tr("Unsaved edits"),
            tr("%1 has unsaved edits. Save them before closing?").arg(pane(side)->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save && pane(side)->isDraft()) {
            if (!saveAs(side)) {
                event->ignore();
                return;
            }
        } else if (answer == QMessageBox::Save) {
            if (const QString error = saveFile(side); !error.isEmpty()) {
                QMessageBox::warning(this, tr("Cannot save"), error);
                event->ignore();
                return;
            }
        } else if (!pane(side)->filePath().isEmpty()) {
            m_recovery.remove(pane(side)->filePath()); // discarded on purpose
        }
    }
    event->accept();
}

bool MainWindow::isComparing() const
{
    const bool pair = pane(0)->hasDocument() && pane(1)->hasDocument();
    return (pair && m_editTimer->isActive()) || m_worker->isBusy();
}

QString MainWindow::bannerText() const
{
    return m_banner->text();
}

void MainWindow::compare()
{
    if (!pane(0)->hasDocument() || !pane(1)->hasDocument()) {
        // A record alone is not compared, but it is still linted as it is edited.
        for (int side : {0, 1}) {
            if (pane(side)->describeNow()) {
                m_findings->setFindings({}, side == 0 ? pane(0)->lintFindings() : QList<LintFinding>(),
                    side == 1 ? pane(1)->lintFindings() : QList<LintFinding>());
                updateSignOff();
            }
        }
        return;
    }
    m_banner->setText(tr("Comparing…"));
    m_worker->request(pane(0)->documentPath(), pane(0)->buffer(), pane(1)->documentPath(), pane(1)->buffer());
}

void MainWindow::showLines(const ComparisonResult &result)
{
    m_hunks = result.hunks;
    m_lines = result.lines;
    m_currentHunk = -1;
    QList<HunkRange> ranges;
    ranges.reserve(result.hunks.size());
    for (const DiffHunk &hunk : result.hunks)
        ranges.append(hunk.range);
    m_connector->setDifferences(ranges);
    QList<LineMark> marks[2];
    for (const DiffHunk &hunk : result.hunks) {
        for (const DiffRow &row : hunk.rows) {
            if (row.leftLine > 0)
                marks[0].append({row.leftLine, row.kind, row.leftRanges});
            if (row.rightLine > 0)
                marks[1].append({row.rightLine, row.kind, row.rightRanges});
        }
    }
    // Translucent tints read on light and dark themes alike: red for what only the left side says,
    // green for the right side, stronger on the words that differ.
    pane(0)->setDiffMarks(marks[0], QColor(248, 81, 73, 45), QColor(248, 81, 73, 130));
    pane(1)->setDiffMarks(marks[1], QColor(46, 160, 67, 45), QColor(46, 160, 67, 130));
    Q_EMIT linesShown();
}

void MainWindow::showComparison(const ComparisonResult &result)
{
    m_slowTimer->stop();
    const CompareSummary &summary = result.summary;
    // Red for blocking differences, amber for warnings only, green when nothing stands out; grey
    // when the records were too large to compare section by section.
    QColor tint = !summary.isAligned() ? QColor(0xd1, 0x24, 0x2f)
        : summary.warnings > 0         ? QColor(0x9a, 0x67, 0x00)
                                       : QColor(0x1a, 0x7f, 0x37);
    if (result.isStructural()) {
        m_banner->setText(summary.headline());
    } else {
        const QString count = result.hunks.size() == 1
            ? tr("1 difference")
            : tr("%1 differences").arg(QLocale().toString(qsizetype(result.hunks.size())));
        m_banner->setText(tr("Compared line by line only (a record over %1 MiB is not compared section by "
                             "section): %2.")
                              .arg(DocumentLoader::maxFileSize / (1024 * 1024))
                              .arg(count));
        tint = QColor(0x57, 0x60, 0x6a);
    }
    QPalette palette = m_banner->palette();
    palette.setColor(QPalette::Window, tint);
    palette.setColor(QPalette::WindowText, Qt::white);
    m_banner->setPalette(palette);
    m_findings->setFindings(result.findings, result.left.lint, result.right.lint);
    pane(0)->setComparedRecord(result.left);
    pane(1)->setComparedRecord(result.right);
    showLines(result);
    updateSignOff();
    Q_EMIT comparisonShown();
}

QWidget *MainWindow::createFindingsPanel()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    m_severityFilter = new QComboBox(panel);
    m_severityFilter->addItem(tr("All findings"), int(CompareFinding::Severity::Info));
    m_severityFilter->addItem(tr("Blocking and warnings"), int(CompareFinding::Severity::Warning));
    m_severityFilter->addItem(tr("Blocking only"), int(CompareFinding::Severity::Blocking));
    m_severityFilter->setAccessibleName(tr("Show findings"));
    connect(m_severityFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumSeverity(CompareFinding::Severity(m_severityFilter->currentData().toInt()));
    });
    layout->addWidget(m_severityFilter, 0, Qt::AlignLeft);

    m_findingsView = new QTableView(panel);
    m_findingsView->setModel(m_filter);
    m_findingsView->setAccessibleName(tr("Findings"));
    m_findingsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findingsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_findingsView->setWordWrap(false);
    m_findingsView->verticalHeader()->hide();
    m_findingsView->horizontalHeader()->setStretchLastSection(true);
    m_findingsView->horizontalHeader()->setSectionResizeMode(FindingsModel::LeftColumn, QHeaderView::Stretch);
    // Sized once for the longest severity (measuring every row after each comparison takes tens of
    // milliseconds with a thousand findings).
    int severityWidth = 0;
    for (const auto severity : {CompareFinding::Severity::Blocking, CompareFinding::Severity::Warning,
             CompareFinding::Severity::Info})
        severityWidth = std::max(severityWidth,
            m_findingsView->fontMetrics().horizontalAdvance(FindingsModel::severityText(severity)));
    for (const auto severity : {LintFinding::Severity::Error, LintFinding::Severity::Warning})
        severityWidth = std::max(severityWidth,
            m_findingsView->fontMetrics().horizontalAdvance(FindingsModel::lintText(severity)));
    m_findingsView->setColumnWidth(FindingsModel::SeverityColumn,
        severityWidth + m_findingsView->style()->pixelMetric(QStyle::PM_SmallIconSize) + 24);
    m_findingsView->setColumnWidth(FindingsModel::SectionColumn, 260);
    m_findingsView->setColumnWidth(FindingsModel::FieldColumn, 260);
    // Enter or a click on a finding shows it in both panes.
    connect(m_findingsView, &QTableView::activated, this,
        [this](const QModelIndex &index) { showFinding(index.row()); });
    connect(m_findingsView, &QTableView::clicked, this,
        [this](const QModelIndex &index) { showFinding(index.row()); });
    layout->addWidget(m_findingsView);
    return panel;
}

int MainWindow::nextDifference()
{
    if (m_hunks.isEmpty())
        return -1;
    showDifference(m_currentHunk + 1 >= m_hunks.size() ? 0 : m_currentHunk + 1);
    return m_currentHunk;
}

int MainWindow::previousDifference()
{
    if (m_hunks.isEmpty())
        return -1;
    showDifference(m_currentHunk <= 0 ? int(m_hunks.size()) - 1 : m_currentHunk - 1);
    return m_currentHunk;
}

void MainWindow::showDifference(int index)
{
    m_currentHunk = index;
    const HunkRange &range = m_hunks.at(index).range;
    // A side without lines in this difference shows where the other side's lines would go.
    pane(0)->goToLine(std::min(range.leftStart + 1, std::max(1, range.leftStart + range.leftCount)));
    pane(1)->goToLine(std::min(range.rightStart + 1, std::max(1, range.rightStart + range.rightCount)));
    statusBar()->showMessage(tr("Difference %1 of %2").arg(index + 1).arg(m_hunks.size()));
}

int MainWindow::matchingLine(int side, int line) const
{
    return LineMatching::matchingLine(m_lines.changes, side == 0 ? DiffSide::Left : DiffSide::Right, line);
}

QStringList MainWindow::themeNames()
{
    return Highlighting::themeNames();
}

bool MainWindow::setThemeName(const QString &name, Remember remember)
{
    KSyntaxHighlighting::Theme theme;
    if (!name.isEmpty()) {
        theme = Highlighting::repository().theme(name);
        if (!theme.isValid() || theme.name() != name)
            return false;
    } else {
        theme = Highlighting::themeFor(palette());
    }
    m_themeName = name;
    pane(0)->setTheme(theme);
    pane(1)->setTheme(theme);
    for (QAction *action : m_themeMenu->actions()) {
        if (action->isCheckable())
            action->setChecked(action->data().toString() == name);
    }
    if (remember == Remember::Yes)
        QSettings().setValue(SettingsKeys::theme, name);
    return true;
}

void MainWindow::followScroll(int side)
{
    if (!m_scrollInStep || m_following || !pane(0)->hasDocument() || !pane(1)->hasDocument())
        return;
    m_following = true;
    pane(1 - side)->scrollToLine(matchingLine(side, pane(side)->firstVisibleLine()));
    m_following = false;
}

void MainWindow::showFinding(int row)
{
    const QModelIndex index = m_filter->index(row, 0);
    if (!index.isValid())
        return;
    pane(0)->goToLine(index.data(FindingsModel::LeftLineRole).toInt());
    pane(1)->goToLine(index.data(FindingsModel::RightLineRole).toInt());
}

void MainWindow::chooseFile(int side)
{
    const QString path =
        QFileDialog::getOpenFileName(this, side == 0 ? tr("Open Left Record") : tr("Open Right Record"), {},
            tr("Markdown records (*.md *.markdown);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString error = openFile(side, path); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot open record"), error);
}

QString MainWindow::setLedgerPath(const QString &path)
{
    m_ledgerPath = path;
    m_signOff->setLedger(nullptr);
    m_ledger.reset();
    Result<std::unique_ptr<LedgerStore>> opened = LedgerStore::open(path);
    if (!opened) {
        const QString message = opened.error().toString();
        m_signOff->setLedger(nullptr, message);
        statusBar()->showMessage(tr("Sign-off ledger unavailable: %1").arg(message));
        return message;
    }
    m_ledger = std::move(opened).value();
    m_signOff->setLedger(m_ledger.get());
    return {};
}

QString MainWindow::ledgerPath() const
{
    return m_ledger ? m_ledger->location() : m_ledgerPath;
}

MainWindow *MainWindow::newWindow()
{
    auto *window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    // The same ledger as this window (--db included); each window opens its own connection, and
    // SQLite's locking (BEGIN IMMEDIATE, a busy timeout) keeps their appends in one chain.
    if (ledgerPath() != LedgerStore::configuredLocation())
        window->setLedgerPath(ledgerPath());
    if (window->themeName() != m_themeName)
        window->setThemeName(m_themeName, Remember::No);
    window->resize(size());
    window->move(pos() + QPoint(32, 32));
    window->show();
    return window;
}

void MainWindow::showAbout()
{
    if (m_aboutDialog) {
        m_aboutDialog->raise();
        m_aboutDialog->activateWindow();
        return;
    }
    auto *dialog = new AboutDialog(ledgerPath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_aboutDialog = dialog;
    dialog->open();
}

AboutDialog *MainWindow::aboutDialog() const
{
    return m_aboutDialog;
}

void MainWindow::updateSignOff()
{
    // The record as its pane last had it parsed (on opening, or by the comparison's worker).
    RecordPane *active = pane(m_activeSide);
    m_signOff->setRecord(active->hasDocument() ? active->filePath() : QString(), active->document());
}

QString MainWindow::exportFinalized(const QString &output, bool allowOpen, ExportFormat format)
{
    RecordPane *active = pane(m_activeSide);
    if (!active->hasDocument())
        return tr("Open a record first.");
    if (active->isModified())
        return tr("%1 has unsaved edits: save it first, so that the export is of the file that was signed.")
            .arg(active->displayName());
    const Result<Document> record = DocumentLoader::load(active->filePath());
    if (!record)
        return record.error().toString();
    // A checkpoint that cannot be read leaves its open items out of the review, as in the command.
    const Result<FinalizedExport::Built> exported = FinalizedExport::build(
        record.value(), m_ledger.get(), QDateTime::currentDateTimeUtc(), allowOpen);
    if (!exported)
        return exported.error().toString();
    if (const std::optional<Error> failed = FinalizedExport::write(exported.value(), record->fileName, output,
            format == ExportFormat::Pdf ? FinalizedExport::PdfWriter(&PdfHandout::write)
                                        : FinalizedExport::PdfWriter()))
        return failed->toString();
    statusBar()->showMessage(tr("Exported %1").arg(output));
    return {};
}

void MainWindow::chooseExport(ExportFormat format)
{
    const bool pdf = format == ExportFormat::Pdf;
    const QString title = pdf ? tr("Export PDF") : tr("Export Finalized Record");
    const SignOffStatus &status = m_signOff->status();
    bool allowOpen = false;
    if (!status.isFinal()) {
        if (QMessageBox::question(this, title,
                tr("The record is not final: %1.\nExport it with a \"NOT FINAL: open sign-offs\" banner?")
                    .arg((status.openRoles() + status.problems).join(QStringLiteral("; ")))) !=
            QMessageBox::Yes)
            return;
        allowOpen = true;
    }
    const QFileInfo source(pane(m_activeSide)->filePath());
    const QString output = QFileDialog::getSaveFileName(this, title,
        source.absoluteDir().filePath(
            source.completeBaseName() + (pdf ? QStringLiteral("_FINAL.pdf") : QStringLiteral("_FINAL.md"))),
        pdf ? tr("PDF handouts (*.pdf)") : tr("Markdown records (*.md)"));
    if (output.isEmpty())
        return;
    if (const QString error = exportFinalized(output, allowOpen, format); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot export"), error);
}

MeetingView *MainWindow::meetingView() const
{
    return m_meeting;
}

QString MainWindow::startMeeting()
{
    RecordPane *active = pane(m_activeSide);
    if (!active->hasDocument())
        return tr("Open a decision record first: the meeting walks its residual risks.");
    if (active->filePath().isEmpty())
        return tr("Save the record first: its review is kept with its file.");
    // A large record is parsed by its first comparison; one not compared yet is parsed now.
    Document record = active->document();
    if (record.source.text().isEmpty())
        record = MarkdownParser::parse(active->buffer().toSource(), active->filePath());
    auto *view = new MeetingView(record, active->filePath(), m_ledger.get(), this);
    if (view->itemCount() == 0) {
        delete view;
        return tr("%1 has no residual risks, and its decision inputs name no checkpoint with open items.")
            .arg(QFileInfo(active->filePath()).fileName());
    }
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setWindowModality(Qt::WindowModal);
    connect(view, &QDialog::finished, this, [this, view] {
        statusBar()->showMessage(
            tr("Residual risk review: %1").arg(RiskReview::summaryText(view->reviewed())));
    });
    m_meeting = view;
    view->show();
    return {};
}

} // namespace Countersign
