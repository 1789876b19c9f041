// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "mainwindowactions.h"

#include "appearance.h"
#include "base/settingskeys.h"
#include "cutoverfolderdialogs.h"
#include "differencenavigator.h"
#include "documentcontroller.h"
#include "draftingactions.h"
#include "findbar.h"
#include "findingspanel.h"
#include "helpdialogs.h"
#include "highlighting.h"
#include "mainwindow.h"
#include "recentpairs.h"
#include "recordpane.h"
#include "signoffcontroller.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTableView>

namespace Countersign {

MainWindowActions::MainWindowActions(MainWindow *window, QDockWidget *findings, QDockWidget *signOff)
    : QObject(window)
    , m_window(window)
{
    setupFileMenu();
    setupEditMenu();
    setupRecordMenu();
    setupGoMenu();
    setupViewMenu(findings, signOff);
    setupHelpMenu();
}

DocumentController *MainWindowActions::active() const
{
    return m_window->documents(m_window->activePane());
}

void MainWindowActions::setupFileMenu()
{
    QMenu *file = m_window->menuBar()->addMenu(tr("&File"));
    QAction *windowAction = file->addAction(tr("New &Window"), m_window, &MainWindow::newWindow);
    windowAction->setShortcut(QKeySequence::New);
    QAction *openLeft = file->addAction(
        tr("Open &Left..."), m_window->documents(Pane::Left), &DocumentController::chooseFile);
    openLeft->setShortcut(QKeySequence::Open);
    QAction *openRight = file->addAction(
        tr("Open &Right..."), m_window->documents(Pane::Right), &DocumentController::chooseFile);
    openRight->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction *folders = file->addAction(
        tr("Open Cutover &Folders..."), m_window->cutoverFolders(), &CutoverFolderDialogs::chooseFolders);
    folders->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    m_recentMenu = file->addMenu(tr("Recent &Pairs"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindowActions::fillRecentMenu);
    QAction *fromTemplate = file->addAction(tr("&New from Template..."), this,
        [this] { m_window->drafting()->newFromTemplate(m_window->activePane()); });
    fromTemplate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), this, [this] { active()->save(); });
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = file->addAction(tr("Save &As..."), this, [this] { active()->saveAs(); });
    saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction *exportAction = file->addAction(tr("&Export Finalized Record..."), this, [this] {
        m_window->signOff()->chooseExport(m_window->activePane(), SignOffController::ExportFormat::Markdown);
    });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *exportPdf = file->addAction(tr("Export P&DF..."), this, [this] {
        m_window->signOff()->chooseExport(m_window->activePane(), SignOffController::ExportFormat::Pdf);
    });
    exportPdf->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addAction(tr("Sign-off &Ledger..."), m_window->signOff(), &SignOffController::chooseLedger);
    QAction *reload = file->addAction(tr("&Reload from Disk"), this, [this] { active()->reload(); });
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    file->addSeparator();
    QAction *closeWindow = file->addAction(tr("&Close Window"), m_window, &QWidget::close);
    // Ctrl+W, as the README says, also where the platform's first Close binding is another (Ctrl+F4 on
    // Linux, where Ctrl+W comes second); the platform's other bindings work too.
    QList<QKeySequence> closeKeys = QKeySequence::keyBindings(QKeySequence::Close);
    closeKeys.removeAll(QKeySequence(Qt::CTRL | Qt::Key_W));
    closeKeys.prepend(QKeySequence(Qt::CTRL | Qt::Key_W));
    closeWindow->setShortcuts(closeKeys);
    // Quit closes every window, each asking about its unsaved edits; one kept open stops it.
    QAction *quit = file->addAction(tr("&Quit"), this, [] { QApplication::closeAllWindows(); });
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindowActions::fillRecentMenu()
{
    m_recentMenu->clear();
    const QList<QPair<QString, QString>> pairs = RecentPairs::list();
    if (pairs.isEmpty()) {
        m_recentMenu->addAction(tr("No pairs opened yet"))->setEnabled(false);
        return;
    }
    for (int i = 0; i < pairs.size(); ++i) {
        const auto &[left, right] = pairs.at(i);
        // The folders too: every cutover's records have the same names.
        QAction *action =
            m_recentMenu->addAction(tr("&%1  %2 ↔ %3   (%4 ↔ %5)")
                                        .arg(i + 1)
                                        .arg(QFileInfo(left).fileName(), QFileInfo(right).fileName(),
                                            RecentPairs::folderOf(left), RecentPairs::folderOf(right)),
                this, [this, left, right] {
                    if (const QStringList errors = m_window->openPair(left, right); !errors.isEmpty())
                        QMessageBox::warning(m_window, tr("Cannot open the pair"), errors.join(u'\n'));
                });
        action->setToolTip(left + u'\n' + right);
    }
}

void MainWindowActions::setupEditMenu()
{
    QMenu *edit = m_window->menuBar()->addMenu(tr("&Edit"));
    QAction *undo = edit->addAction(tr("&Undo"), this, [this] { active()->pane()->editor()->undo(); });
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = edit->addAction(tr("&Redo"), this, [this] { active()->pane()->editor()->redo(); });
    redo->setShortcut(QKeySequence::Redo);
    edit->addSeparator();
    // Kate's, Meld's and KDiff3's keys; Ctrl+G, which the platform may also bind to Find Next, is Go
    // to Line here.
    FindBar *bar = m_window->findBar();
    QAction *find = edit->addAction(tr("&Find..."), this, [this, bar] { bar->open(m_window->activePane()); });
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    QAction *next =
        edit->addAction(tr("Find &Next"), this, [this, bar] { bar->findNext(m_window->activePane()); });
    next->setShortcut(QKeySequence(Qt::Key_F3));
    QAction *previous = edit->addAction(
        tr("Find &Previous"), this, [this, bar] { bar->findPrevious(m_window->activePane()); });
    previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    edit->addSeparator();
    // Meld's keys: Alt+Right pushes the left side's version of a difference to the right.
    const auto copy = [this](Pane from) {
        if (m_window->differences()->copyDifference(from, m_window->activePane()) < 0)
            m_window->statusBar()->showMessage(tr("No difference to copy: the sides agree line for line."));
    };
    QAction *toRight =
        edit->addAction(tr("Copy Difference to the Ri&ght"), this, [copy] { copy(Pane::Left); });
    toRight->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    QAction *toLeft =
        edit->addAction(tr("Copy Difference to the &Left"), this, [copy] { copy(Pane::Right); });
    toLeft->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
}

void MainWindowActions::setupRecordMenu()
{
    QMenu *record = m_window->menuBar()->addMenu(tr("&Record"));
    QAction *mirror = record->addAction(tr("Create &Mirror"), this, [this] {
        if (const QString error = m_window->drafting()->createMirror(m_window->activePane());
            !error.isEmpty())
            QMessageBox::warning(m_window, tr("Cannot create the mirror"), error);
    });
    mirror->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    QAction *fromCheckpoint = record->addAction(tr("&Update from Checkpoint..."), this,
        [this] { m_window->drafting()->chooseCheckpoint(m_window->activePane()); });
    fromCheckpoint->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    QAction *meeting = record->addAction(tr("Residual Risk &Meeting..."), this, [this] {
        if (const QString error = m_window->signOff()->startMeeting(m_window->activePane()); !error.isEmpty())
            QMessageBox::information(m_window, tr("Residual Risk Meeting"), error);
    });
    meeting->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
}

void MainWindowActions::setupGoMenu()
{
    QMenu *go = m_window->menuBar()->addMenu(tr("&Go"));
    DifferenceNavigator *differences = m_window->differences();
    // F7 as in KDiff3 and Kate's diff, Alt+Down/Up as in Meld.
    QAction *next = go->addAction(tr("&Next Difference"), differences, &DifferenceNavigator::nextDifference);
    next->setShortcuts({QKeySequence(Qt::Key_F7), QKeySequence(Qt::ALT | Qt::Key_Down)});
    QAction *previous =
        go->addAction(tr("&Previous Difference"), differences, &DifferenceNavigator::previousDifference);
    previous->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_F7), QKeySequence(Qt::ALT | Qt::Key_Up)});
    QAction *first =
        go->addAction(tr("&First Difference"), differences, &DifferenceNavigator::firstDifference);
    first->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    QAction *last = go->addAction(tr("&Last Difference"), differences, &DifferenceNavigator::lastDifference);
    last->setShortcut(QKeySequence(Qt::ALT | Qt::Key_End));
    go->addSeparator();
    const auto blocking = [this](int step) {
        const auto [number, count] = m_window->findings()->showBlocking(step);
        m_window->statusBar()->showMessage(count == 0
                ? tr("No blocking finding: nothing stops the cutover here.")
                : tr("Blocking finding %1 of %2").arg(number).arg(count));
    };
    QAction *nextBlocking = go->addAction(tr("Next &Blocking Finding"), this, [blocking] { blocking(1); });
    nextBlocking->setShortcut(QKeySequence(Qt::Key_F8));
    QAction *previousBlocking =
        go->addAction(tr("Previous Bl&ocking Finding"), this, [blocking] { blocking(-1); });
    previousBlocking->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    go->addSeparator();
    QAction *line = go->addAction(tr("Go to Li&ne..."), m_window, &MainWindow::chooseLine);
    line->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
}

// View > Findings Panel (F9), Sign-off Panel (F10): a panel hidden, or behind the other's tab, comes
// to the front; one in front is hidden. (A dock's own toggle action hides a panel that is behind.)
QAction *MainWindowActions::panelAction(QDockWidget *dock, const QString &text, const QKeySequence &key)
{
    auto *action = new QAction(text, this);
    action->setCheckable(true);
    action->setChecked(!dock->isHidden());
    action->setShortcut(key);
    connect(dock->toggleViewAction(), &QAction::toggled, action, &QAction::setChecked);
    connect(action, &QAction::triggered, this, [dock, action] {
        if (dock->isHidden() || dock->visibleRegion().isEmpty()) {
            dock->show();
            dock->raise();
        } else {
            dock->hide();
        }
        action->setChecked(!dock->isHidden());
    });
    return action;
}

void MainWindowActions::setupViewMenu(QDockWidget *findings, QDockWidget *signOff)
{
    QMenu *view = m_window->menuBar()->addMenu(tr("&View"));
    QAction *wrap = view->addAction(tr("&Wrap Long Lines"));
    wrap->setCheckable(true);
    wrap->setChecked(true);
    wrap->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Z));
    connect(wrap, &QAction::toggled, this, [this](bool on) {
        for (Pane side : bothPanes)
            m_window->pane(side)->setWordWrap(on);
    });
    QAction *preview = view->addAction(tr("&Preview"));
    preview->setCheckable(true);
    preview->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(preview, &QAction::toggled, this, [this](bool on) {
        for (Pane side : bothPanes)
            m_window->pane(side)->setPreview(on);
    });
    QAction *swap = view->addAction(tr("Swap P&anes"), m_window, &MainWindow::swapPanes);
    swap->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    QAction *inStep = view->addAction(tr("Scroll in &Step"));
    inStep->setCheckable(true);
    inStep->setChecked(true);
    inStep->setShortcut(QKeySequence(Qt::ALT | Qt::Key_S));
    connect(inStep, &QAction::toggled, m_window->differences(), &DifferenceNavigator::setScrollInStep);
    // The whole application's colours; every window follows (the palette is the application's).
    QMenu *schemes = view->addMenu(tr("&Color Scheme"));
    auto *schemeGroup = new QActionGroup(this);
    for (const auto &[scheme, text] : {std::pair{Appearance::Scheme::Desktop, tr("Follow the &Desktop")},
             std::pair{Appearance::Scheme::Light, tr("&Light")},
             std::pair{Appearance::Scheme::Dark, tr("Dar&k")}}) {
        QAction *action = schemes->addAction(text);
        action->setCheckable(true);
        action->setData(int(scheme));
        action->setChecked(scheme == Appearance::current());
        schemeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [scheme] {
            Appearance::apply(scheme);
            QSettings().setValue(SettingsKeys::colorScheme, Appearance::name(scheme));
        });
    }
    // Another window may have changed it: the menu shows the scheme as it is now.
    connect(schemes, &QMenu::aboutToShow, this, [schemeGroup] {
        for (QAction *action : schemeGroup->actions())
            action->setChecked(action->data().toInt() == int(Appearance::current()));
    });
    m_themeMenu = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    QAction *automatic = m_themeMenu->addAction(tr("Follow the Palette"));
    automatic->setCheckable(true);
    themes->addAction(automatic);
    connect(automatic, &QAction::triggered, this, [this] { m_window->setThemeName({}); });
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
            action->setChecked(theme.name() == m_window->themeName());
            themes->addAction(action);
            connect(action, &QAction::triggered, this,
                [this, name = theme.name()] { m_window->setThemeName(name); });
        }
    });
    // What the line diff ignores, as `countersign diff` -b, -w, -B, -i.
    QMenu *ignore = view->addMenu(tr("Ignore in the &Diff"));
    const auto option = [this, ignore](const QString &text, auto isSet, auto set) {
        QAction *action = ignore->addAction(text);
        action->setCheckable(true);
        action->setChecked(isSet(m_window->diffOptions()));
        connect(action, &QAction::toggled, this, [this, set](bool on) {
            DiffOptions options = m_window->diffOptions();
            set(options, on);
            m_window->setDiffOptions(options);
        });
        return action;
    };
    using Whitespace = DiffOptions::Whitespace;
    QAction *changes = option(
        tr("Whitespace C&hanges (-b)"),
        [](const DiffOptions &o) { return o.whitespace != Whitespace::Exact; },
        [](DiffOptions &o, bool on) {
            if (!on || o.whitespace == Whitespace::Exact)
                o.whitespace = on ? Whitespace::IgnoreChanges : Whitespace::Exact;
        });
    QAction *all = option(
        tr("&All Whitespace (-w)"),
        [](const DiffOptions &o) { return o.whitespace == Whitespace::IgnoreAll; },
        [](DiffOptions &o, bool on) {
            o.whitespace = on ? Whitespace::IgnoreAll : Whitespace::IgnoreChanges;
        });
    // Ignoring all whitespace ignores its changes too: the first is checked (and fixed) with the second.
    connect(all, &QAction::toggled, changes, [changes](bool on) {
        const QSignalBlocker quiet(changes);
        changes->setChecked(changes->isChecked() || on);
        changes->setEnabled(!on);
    });
    changes->setEnabled(!all->isChecked());
    option(
        tr("&Blank Lines (-B)"), [](const DiffOptions &o) { return o.ignoreBlankLines; },
        [](DiffOptions &o, bool on) { o.ignoreBlankLines = on; });
    option(
        tr("&Case (-i)"), [](const DiffOptions &o) { return o.ignoreCase; },
        [](DiffOptions &o, bool on) { o.ignoreCase = on; });
    view->addSeparator();
    QAction *zoomIn =
        view->addAction(tr("Zoom &In"), this, [this] { m_window->setZoom(m_window->zoom() + 1); });
    // Ctrl++ and Ctrl+= (the same key without Shift on most layouts).
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zoomOut =
        view->addAction(tr("Zoom &Out"), this, [this] { m_window->setZoom(m_window->zoom() - 1); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *zoomReset = view->addAction(tr("&Reset Zoom"), this, [this] { m_window->setZoom(0); });
    zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    view->addAction(panelAction(findings, tr("&Findings Panel"), QKeySequence(Qt::Key_F9)));
    view->addAction(panelAction(signOff, tr("&Sign-off Panel"), QKeySequence(Qt::Key_F10)));
    QAction *focusSignOff = view->addAction(tr("Go to Si&gn-off"), this, [signOff] {
        signOff->show();
        signOff->raise();
        signOff->widget()->setFocus();
    });
    focusSignOff->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F10));
    QAction *focusFindings = view->addAction(tr("Go to F&indings"), this, [this, findings] {
        findings->show();
        findings->raise();
        m_window->findings()->view()->setFocus();
    });
    focusFindings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F9));
}

void MainWindowActions::checkTheme(const QString &name)
{
    for (QAction *action : m_themeMenu->actions()) {
        if (action->isCheckable())
            action->setChecked(action->data().toString() == name);
    }
}

void MainWindowActions::setupHelpMenu()
{
    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    // One of each: asked again, the open one comes to the front.
    const auto showOnce = [this](auto make) {
        using Dialog = std::remove_pointer_t<decltype(make())>;
        if (auto *open = m_window->findChild<Dialog *>()) {
            open->raise();
            open->activateWindow();
            return;
        }
        Dialog *dialog = make();
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    };
    QAction *handbook = help->addAction(tr("&Handbook"), this,
        [this, showOnce] { showOnce([this] { return new HandbookDialog(m_window); }); });
    handbook->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard Shortcuts"), this, [this, showOnce] {
        showOnce([this] { return new ShortcutsDialog(m_window->menuBar()->actions(), m_window); });
    });
    help->addSeparator();
    help->addAction(tr("&About Countersign"), m_window, &MainWindow::showAbout);
}

} // namespace Countersign
