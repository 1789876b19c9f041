// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "mainwindow.h"

#include "aboutdialog.h"
#include "base/settingskeys.h"
#include "comparisonworker.h"
#include "cutoverfolderdialogs.h"
#include "diffcolors.h"
#include "diffconnector.h"
#include "differencenavigator.h"
#include "documentcontroller.h"
#include "draftingactions.h"
#include "findbar.h"
#include "findingsmodel.h"
#include "findingspanel.h"
#include "highlighting.h"
#include "ledger/ledgerstore.h"
#include "mainwindowactions.h"
#include "recentpairs.h"
#include "record/documentloader.h"
#include "recordpane.h"
#include "signoffcontroller.h"
#include "signoffpanel.h"
#include "startpage.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFontDatabase>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QVBoxLayout>

#include <vector>

namespace Countersign {

namespace {

// "1 warning", "2 warnings and 5 notes", or empty when both are zero: CompareSummary's words, in the
// window's language.
QString warningsAndNotes(const CompareSummary &summary)
{
    const QString warnings = summary.warnings == 1
        ? MainWindow::tr("1 warning")
        : MainWindow::tr("%1 warnings").arg(QLocale().toString(summary.warnings));
    const QString notes = summary.notes == 1
        ? MainWindow::tr("1 note")
        : MainWindow::tr("%1 notes").arg(QLocale().toString(summary.notes));
    if (summary.warnings > 0 && summary.notes > 0)
        return MainWindow::tr("%1 and %2", "warnings and notes").arg(warnings, notes);
    return summary.warnings > 0 ? warnings : summary.notes > 0 ? notes : QString();
}

// CompareSummary::headline() in the window's language: the banner's sentence.
QString headlineOf(const CompareSummary &summary)
{
    if (!summary.isComparable())
        return MainWindow::tr("Not comparable: %1.").arg(summary.notComparable);
    const QString rest = warningsAndNotes(summary);
    if (summary.isAligned())
        return rest.isEmpty() ? MainWindow::tr("Aligned.") : MainWindow::tr("Aligned, with %1.").arg(rest);
    // Read aloud, a long list of names is noise: name three and count the others.
    constexpr int named = 3;
    QString names = summary.blockingKeys.mid(0, named).join(QStringLiteral(", "));
    if (summary.blockingKeys.size() > named)
        names = MainWindow::tr("%1 and %2 more").arg(names).arg(summary.blockingKeys.size() - named);
    const QString blocking = summary.blocking == 1
        ? MainWindow::tr("1 blocking difference")
        : MainWindow::tr("%1 blocking differences").arg(QLocale().toString(summary.blocking));
    return rest.isEmpty() ? MainWindow::tr("Not aligned: %1 (%2).").arg(blocking, names)
                          : MainWindow::tr("Not aligned: %1 (%2), %3.").arg(blocking, names, rest);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_banner(new QLabel(this))
    , m_worker(new ComparisonWorker(this))
    , m_editTimer(new QTimer(this))
    , m_slowTimer(new QTimer(this))
{
    setupComparison();
    setCentralWidget(createCentralWidget());
    createParts();
    createDocks();
    m_actions = new MainWindowActions(this, m_findingsDock, m_signOffDock);
    statusBar()->showMessage(tr("Open the producer's and the consumer's record (Ctrl+O, Ctrl+Shift+O)."));
    resize(1400, 860);
    restoreLayout();
    updateTitle();
    // The remembered theme is taken when the panes first paint: the repository may still be
    // loading now, and waiting for it would hold up the window.
    m_themeName = QSettings().value(SettingsKeys::theme).toString();
    for (Pane side : bothPanes)
        pane(side)->editor()->setThemeName(m_themeName);
    m_actions->checkTheme(m_themeName);
    m_signOff->setLedgerPath(LedgerStore::configuredLocation());
}

void MainWindow::setupComparison()
{
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
    // What the line diff ignores, as the last window left it (the menus show it).
    const QSettings settings;
    DiffOptions options;
    const QString whitespace = settings.value(SettingsKeys::ignoreWhitespace).toString();
    options.whitespace = whitespace == u"all" ? DiffOptions::Whitespace::IgnoreAll
        : whitespace == u"changes"            ? DiffOptions::Whitespace::IgnoreChanges
                                              : DiffOptions::Whitespace::Exact;
    options.ignoreBlankLines = settings.value(SettingsKeys::ignoreBlankLines, false).toBool();
    options.ignoreCase = settings.value(SettingsKeys::ignoreCase, false).toBool();
    m_worker->setDiffOptions(options);
}

// The banner above the two panes, with the band that links their differences between them.
QWidget *MainWindow::createCentralWidget()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner->setTextFormat(Qt::PlainText);
    // A long sentence (many blocking fields) wraps: the window's width never depends on it.
    m_banner->setWordWrap(true);
    m_banner->setContentsMargins(10, 6, 10, 6);
    m_banner->setAutoFillBackground(true);
    m_banner->setAccessibleName(tr("Alignment"));
    QFont bannerFont = m_banner->font();
    bannerFont.setBold(true);
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.15);
    m_banner->setFont(bannerFont);
    m_banner->setText(tr("Open two records to compare them."));
    layout->addWidget(m_banner);

    auto *splitter = m_splitter = new QSplitter(Qt::Horizontal, central);
    m_left = new RecordPane(tr("Left"), splitter);
    m_right = new RecordPane(tr("Right"), splitter);
    m_connector = new DiffConnector(m_left->editor(), m_right->editor(), splitter);
    splitter->addWidget(m_left);
    splitter->addWidget(m_connector);
    splitter->addWidget(m_right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setStretchFactor(2, 1);
    splitter->setChildrenCollapsible(false);
    // Until a record is open, the start page stands where the panes will be.
    m_pages = new QStackedWidget(central);
    m_start = new StartPage(m_pages);
    m_pages->addWidget(m_start);
    m_pages->addWidget(splitter);
    layout->addWidget(m_pages, 1);
    m_findBar = new FindBar(m_left->editor(), m_right->editor(), central);
    layout->addWidget(m_findBar);
    return central;
}

// The parts that work on the panes, and what the window does when they report.
void MainWindow::createParts()
{
    m_leftDocument = new DocumentController(Pane::Left, m_left, this);
    m_rightDocument = new DocumentController(Pane::Right, m_right, this);
    m_leftDocument->setCompanion(m_rightDocument);
    m_rightDocument->setCompanion(m_leftDocument);
    m_differences = new DifferenceNavigator(m_left, m_right, this);
    m_drafting = new DraftingActions(m_leftDocument, m_rightDocument, this);
    m_cutoverFolders = new CutoverFolderDialogs(this);
    m_cutoverFolders->setStartFolder([this] { return m_leftDocument->dialogFolder(); });
    for (Pane side : bothPanes) {
        connect(pane(side), &RecordPane::edited, this, [this, side] {
            m_activePane = side;
            m_editTimer->start();
            m_slowTimer->start();
        });
        connect(pane(side), &RecordPane::modificationChanged, this, &MainWindow::updateTitle);
        pane(side)->editor()->installEventFilter(this);
        connect(
            documents(side), &DocumentController::documentShown, this, [this, side] { documentShown(side); });
        connect(documents(side), &DocumentController::saved, this, &MainWindow::updateTitle);
        connect(documents(side), &DocumentController::message, this, &MainWindow::showMessage);
    }
    connect(
        m_connector, &DiffConnector::differenceClicked, m_differences, &DifferenceNavigator::showDifference);
    connect(m_connector, &DiffConnector::copyClicked, m_differences, &DifferenceNavigator::copyDifferenceAt);
    connect(m_differences, &DifferenceNavigator::message, this, &MainWindow::showMessage);
    // The difference Go showed, as one block: framed in both panes, stronger in the band.
    connect(
        m_differences, &DifferenceNavigator::currentChanged, this, [this](int index, const HunkRange &range) {
            m_connector->setCurrent(index);
            m_left->editor()->setCurrentDifference(index < 0 ? -1 : range.leftStart, range.leftCount);
            m_right->editor()->setCurrentDifference(index < 0 ? -1 : range.rightStart, range.rightCount);
        });
    connect(m_findBar, &FindBar::message, this, &MainWindow::showMessage);
    // Stepping through both panes' matches goes into the other pane: the one worked in now.
    connect(m_findBar, &FindBar::paneChanged, this, [this](Pane side) {
        m_activePane = side;
        updateSignOff();
    });
    connect(m_drafting, &DraftingActions::message, this, &MainWindow::showMessage);
    connect(m_cutoverFolders, &CutoverFolderDialogs::message, this, &MainWindow::showMessage);
    const auto openChosenPair = [this](const QString &left, const QString &right) {
        if (const QStringList failed = openPair(left, right); !failed.isEmpty())
            QMessageBox::warning(this, tr("Cannot open the pair"), failed.join(u'\n'));
    };
    connect(m_cutoverFolders, &CutoverFolderDialogs::pairChosen, this, openChosenPair);
    connect(m_start, &StartPage::pairChosen, this, openChosenPair);
    connect(
        m_start, &StartPage::openFoldersRequested, m_cutoverFolders, &CutoverFolderDialogs::chooseFolders);
    connect(m_start, &StartPage::openLeftRequested, m_leftDocument, &DocumentController::chooseFile);
    connect(m_start, &StartPage::openRightRequested, m_rightDocument, &DocumentController::chooseFile);
    connect(m_start, &StartPage::newFromTemplateRequested, this,
        [this] { m_drafting->newFromTemplate(Pane::Left); });
    connect(m_start, &StartPage::filesDropped, this, [this, openChosenPair](const QStringList &paths) {
        if (paths.size() == 2)
            openChosenPair(paths.at(0), paths.at(1));
        else
            m_leftDocument->openDropped(paths.first());
    });
}

// The findings and the sign-off panel, tabbed below the panes.
void MainWindow::createDocks()
{
    m_findingsDock = new QDockWidget(tr("Findings"), this);
    m_findingsDock->setObjectName(QStringLiteral("findings"));
    m_findings = new FindingsPanel(this);
    m_findingsDock->setWidget(m_findings);
    m_findingsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_findingsDock);
    connect(m_findings, &FindingsPanel::linesChosen, this, [this](int leftLine, int rightLine) {
        m_left->goToLine(leftLine);
        m_right->goToLine(rightLine);
    });

    auto *signOffPanel = new SignOffPanel(this);
    m_signOffDock = new QDockWidget(tr("Sign-off"), this);
    m_signOffDock->setObjectName(QStringLiteral("signoff"));
    m_signOffDock->setWidget(signOffPanel);
    m_signOffDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_signOffDock);
    tabifyDockWidget(m_findingsDock, m_signOffDock);
    m_findingsDock->raise();
    // The records matter most: the panel starts as tall as eight findings need, whatever the fonts.
    // The height given to tabbed docks holds their tab bar (the window's own child) too.
    int tabBar = 0;
    for (const QTabBar *tabs : findChildren<QTabBar *>(Qt::FindDirectChildrenOnly))
        tabBar = std::max(tabBar, tabs->sizeHint().height());
    resizeDocks({m_findingsDock}, {m_findingsDock->sizeHint().height() + tabBar}, Qt::Vertical);
    m_signOff = new SignOffController(m_leftDocument, m_rightDocument, signOffPanel, this);
    connect(m_signOff, &SignOffController::message, this, &MainWindow::showMessage);
}

DocumentController *MainWindow::documents(Pane side) const
{
    return side == Pane::Left ? m_leftDocument : m_rightDocument;
}

RecordPane *MainWindow::pane(Pane side) const
{
    return side == Pane::Left ? m_left : m_right;
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text);
}

// A file opened or a draft shown in `side`: the pane worked in now, compared at once.
bool MainWindow::isShowingStartPage() const
{
    return m_pages->currentWidget() == m_start;
}

void MainWindow::documentShown(Pane side)
{
    if (isShowingStartPage()) {
        m_pages->setCurrentWidget(m_splitter);
        pane(side)->editor()->setFocus();
    }
    m_activePane = side;
    updateTitle();
    rememberPair();
    compare();
    updateSignOff();
}

void MainWindow::rememberPair()
{
    if (!m_left->filePath().isEmpty() && !m_right->filePath().isEmpty())
        RecentPairs::remember(m_left->filePath(), m_right->filePath());
}

QStringList MainWindow::openPair(const QString &left, const QString &right)
{
    // The panes that take their new file (one with unsaved edits asks first), then both files read
    // at once.
    std::vector<std::pair<Pane, QString>> opening;
    for (const auto &[side, path] : {std::pair{Pane::Left, left}, std::pair{Pane::Right, right}}) {
        if (documents(side)->mayReplace(path))
            opening.emplace_back(side, path);
    }
    std::vector<std::future<Result<SourceText>>> reading;
    for (const auto &[side, path] : opening)
        reading.push_back(DocumentLoader::readForEditingAsync(path));
    QStringList errors;
    for (size_t i = 0; i < opening.size(); ++i) {
        const auto &[side, path] = opening[i];
        if (const QString error = documents(side)->openFile(path, reading[i].get()); !error.isEmpty())
            errors.append(error);
    }
    return errors;
}

void MainWindow::updateTitle()
{
    QStringList names;
    for (Pane side : bothPanes) {
        if (pane(side)->hasDocument())
            names.append(pane(side)->displayName() + (pane(side)->isModified() ? u"*" : u""));
    }
    setWindowTitle(names.isEmpty() ? tr("Countersign") : tr("%1 — Countersign").arg(names.join(u" ↔ ")));
}

void MainWindow::updateSignOff()
{
    m_signOff->showRecord(m_activePane);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        for (Pane side : bothPanes) {
            if (watched == pane(side)->editor() && m_activePane != side) {
                m_activePane = side;
                updateSignOff();
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (Pane side : bothPanes) {
        if (!documents(side)->queryClose()) {
            event->ignore();
            return;
        }
    }
    saveLayout();
    event->accept();
}

// The size, position, docks, split and zoom the last window closed with; a window that is not the
// first keeps its default place (the window manager puts it beside the others).
void MainWindow::restoreLayout()
{
    const QSettings settings;
    const bool firstWindow = std::ranges::none_of(QApplication::topLevelWidgets(), [this](QWidget *widget) {
        return widget != this && qobject_cast<MainWindow *>(widget) && widget->isVisible();
    });
    if (firstWindow)
        restoreGeometry(settings.value(SettingsKeys::windowGeometry).toByteArray());
    restoreState(settings.value(SettingsKeys::windowState).toByteArray());
    m_splitter->restoreState(settings.value(SettingsKeys::windowSplitter).toByteArray());
    setZoom(settings.value(SettingsKeys::zoom, 0).toInt());
}

void MainWindow::setDiffOptions(const DiffOptions &options)
{
    if (options == m_worker->diffOptions())
        return;
    m_worker->setDiffOptions(options);
    QSettings settings;
    settings.setValue(SettingsKeys::ignoreWhitespace,
        options.whitespace == DiffOptions::Whitespace::IgnoreAll           ? QStringLiteral("all")
            : options.whitespace == DiffOptions::Whitespace::IgnoreChanges ? QStringLiteral("changes")
                                                                           : QString());
    settings.setValue(SettingsKeys::ignoreBlankLines, options.ignoreBlankLines);
    settings.setValue(SettingsKeys::ignoreCase, options.ignoreCase);
    compare();
}

const DiffOptions &MainWindow::diffOptions() const
{
    return m_worker->diffOptions();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(SettingsKeys::windowGeometry, saveGeometry());
    settings.setValue(SettingsKeys::windowState, saveState());
    settings.setValue(SettingsKeys::windowSplitter, m_splitter->saveState());
}

void MainWindow::setZoom(int steps)
{
    m_zoom = std::clamp(steps, minimumZoom, maximumZoom);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(font.pointSizeF() + m_zoom);
    for (Pane side : bothPanes)
        pane(side)->editor()->setFont(font);
    QSettings().setValue(SettingsKeys::zoom, m_zoom);
}

void MainWindow::swapPanes()
{
    if (!m_left->hasDocument() && !m_right->hasDocument()) {
        showMessage(tr("Open a record to swap the panes."));
        return;
    }
    // The focus stays with the text it was in, now on the other side.
    const QWidget *focus = QApplication::focusWidget();
    m_left->swapRecords(*m_right);
    for (Pane side : bothPanes)
        documents(side)->recordMoved();
    m_differences->setDiff({}, {});
    m_connector->setDifferences({});
    m_activePane = other(m_activePane);
    for (Pane side : bothPanes) {
        if (focus == pane(side)->editor())
            pane(other(side))->editor()->setFocus();
    }
    updateTitle();
    rememberPair();
    compare();
    updateSignOff();
    showMessage(m_left->hasDocument()
            ? tr("Swapped the panes: %1 is on the left now.").arg(m_left->displayName())
            : tr("Swapped the panes: %1 is on the right now.").arg(m_right->displayName()));
}

void MainWindow::chooseLine()
{
    RecordPane *target = pane(m_activePane);
    if (!target->hasDocument())
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Go to Line"));
    dialog->setLabelText(tr("&Line in %1 (1 to %2):")
            .arg(target->displayName(), QLocale().toString(target->editor()->lineCount())));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, target->editor()->lineCount());
    dialog->setIntValue(target->currentLine());
    connect(dialog, &QInputDialog::intValueSelected, this, [target](int line) {
        target->goToLine(line);
        target->editor()->setFocus();
    });
    dialog->open();
}

bool MainWindow::isComparing() const
{
    const bool pair = m_left->hasDocument() && m_right->hasDocument();
    return (pair && m_editTimer->isActive()) || m_worker->isBusy();
}

QString MainWindow::bannerText() const
{
    return m_banner->text();
}

QColor MainWindow::bannerColor() const
{
    return m_banner->palette().color(QPalette::Window);
}

int MainWindow::editDebounceInterval() const
{
    return m_editTimer->interval();
}

void MainWindow::compare()
{
    if (!m_left->hasDocument() || !m_right->hasDocument()) {
        // A record alone is not compared, but it is still linted as it is edited.
        for (Pane side : bothPanes) {
            if (pane(side)->describeNow()) {
                m_findings->model()->setFindings({},
                    side == Pane::Left ? m_left->lintFindings() : QList<LintFinding>(),
                    side == Pane::Right ? m_right->lintFindings() : QList<LintFinding>());
                updateSignOff();
            }
        }
        return;
    }
    m_banner->setText(tr("Comparing…"));
    m_worker->request(m_left->documentPath(), m_left->buffer(), m_right->documentPath(), m_right->buffer());
}

void MainWindow::showLines(const ComparisonResult &result)
{
    m_differences->setDiff(result.hunks, result.lines.changes);
    QList<HunkRange> ranges;
    ranges.reserve(result.hunks.size());
    for (const DiffHunk &hunk : result.hunks)
        ranges.append(hunk.range);
    m_connector->setDifferences(ranges);
    QList<LineMark> leftMarks, rightMarks;
    for (const DiffHunk &hunk : result.hunks) {
        for (const DiffRow &row : hunk.rows) {
            if (row.leftLine > 0)
                leftMarks.append({row.leftLine, row.kind, row.leftRanges});
            if (row.rightLine > 0)
                rightMarks.append({row.rightLine, row.kind, row.rightRanges});
        }
    }
    // Translucent tints read on light and dark themes alike: red for what only the left side says,
    // green for the right side, stronger on the words that differ.
    m_left->setDiffMarks(leftMarks, DiffColors::leftLine, DiffColors::leftWords);
    m_right->setDiffMarks(rightMarks, DiffColors::rightLine, DiffColors::rightWords);
    Q_EMIT linesShown();
}

void MainWindow::showComparison(const ComparisonResult &result)
{
    m_slowTimer->stop();
    const CompareSummary &summary = result.summary;
    // Red for blocking differences, amber for warnings only, green when nothing blocks and nothing
    // warns; grey when the pair could not be compared section by section (a file that is not a record,
    // kinds with nothing in common, or records too large).
    const QColor grey(0x57, 0x60, 0x6a);
    QColor tint = !summary.isComparable() ? grey
        : !summary.isAligned()            ? QColor(0xd1, 0x24, 0x2f)
        : summary.warnings > 0            ? QColor(0x9a, 0x67, 0x00)
                                          : QColor(0x1a, 0x7f, 0x37);
    if (result.isStructural()) {
        m_banner->setText(headlineOf(summary));
    } else {
        const QString count = result.hunks.size() == 1
            ? tr("1 difference")
            : tr("%1 differences").arg(QLocale().toString(qsizetype(result.hunks.size())));
        const ComparedRecord &unparsed = result.left.parsed ? result.right : result.left;
        const QString sentence = !result.left.parsed && !result.right.parsed
            ? tr("Compared line by line only (neither record is compared section by section: %1): %2.")
            : result.left.parsed
            ? tr("Compared line by line only (the right record is not compared section by section: %1): %2.")
            : tr("Compared line by line only (the left record is not compared section by section: %1): %2.");
        m_banner->setText(sentence.arg(unparsed.unparsedReason, count));
        tint = grey;
    }
    QPalette palette = m_banner->palette();
    palette.setColor(QPalette::Window, tint);
    palette.setColor(QPalette::WindowText, Qt::white);
    m_banner->setPalette(palette);
    m_findings->model()->setFindings(result.findings, result.left.lint, result.right.lint);
    // A NO-GO must not look like a change of wording: its lines are marked in both gutters.
    for (Pane side : bothPanes)
        pane(side)->editor()->setBlockingLines(m_findings->model()->blockingLines(side));
    m_left->setComparedRecord(result.left);
    m_right->setComparedRecord(result.right);
    showLines(result);
    updateSignOff();
    Q_EMIT comparisonShown();
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
    for (Pane side : bothPanes)
        pane(side)->setTheme(theme);
    m_actions->checkTheme(name);
    if (remember == Remember::Yes)
        QSettings().setValue(SettingsKeys::theme, name);
    return true;
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // A new palette (View > Color Scheme, or the desktop's changed): panes that follow it take the
    // highlighting theme that goes with it.
    if (event->type() == QEvent::PaletteChange && m_themeName.isEmpty() && m_actions)
        setThemeName({}, Remember::No);
}

MainWindow *MainWindow::newWindow()
{
    auto *window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    // The same ledger as this window (--db included); each window opens its own connection, and
    // SQLite's locking (BEGIN IMMEDIATE, a busy timeout) keeps their appends in one chain.
    if (m_signOff->ledgerPath() != LedgerStore::configuredLocation())
        window->signOff()->setLedgerPath(m_signOff->ledgerPath());
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
    auto *dialog = new AboutDialog(m_signOff->ledgerPath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_aboutDialog = dialog;
    dialog->open();
}

AboutDialog *MainWindow::aboutDialog() const
{
    return m_aboutDialog;
}

} // namespace Countersign
