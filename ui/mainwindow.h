// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "compare/comparison.h"
#include "pane.h"

#include <QColor>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>

class QDockWidget;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace Countersign {

class AboutDialog;
class ComparisonWorker;
class CutoverFolderDialogs;
class DiffConnector;
class DifferenceNavigator;
class DocumentController;
class DraftingActions;
class FindBar;
class FindingsPanel;
class MainWindowActions;
class RecordPane;
class SignOffController;
class StartPage;

// The application window: two record panes side by side (left, right), a banner that says in plain
// words whether the pair is aligned, and the findings and sign-off panels below. Comparing runs off
// the GUI thread (ComparisonWorker) each time a side changes. The window assembles parts that each do
// one job and reach the panes only through what the window gives them: a DocumentController per pane
// (open, save, reload, the watch on disk, recovery), DraftingActions, a DifferenceNavigator, the
// SignOffController (ledger, export, meeting), CutoverFolderDialogs, the FindBar below the panes, the
// FindingsPanel and the menus (MainWindowActions). It tracks the pane worked in last (opened, edited or
// focused), which the menus act on. Loading errors are shown in the pane and, for interactive opens, in a
// message box naming the file; they never close the window.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    DocumentController *documents(Pane side) const;
    RecordPane *pane(Pane side) const;
    Pane activePane() const { return m_activePane; }
    DraftingActions *drafting() const { return m_drafting; }
    DifferenceNavigator *differences() const { return m_differences; }
    SignOffController *signOff() const { return m_signOff; }
    CutoverFolderDialogs *cutoverFolders() const { return m_cutoverFolders; }
    FindingsPanel *findings() const { return m_findings; }
    // Shown in place of the panes until a record is open in either.
    StartPage *startPage() const { return m_start; }
    bool isShowingStartPage() const;
    FindBar *findBar() const { return m_findBar; }

    // True while a comparison of the open pair is pending or running.
    bool isComparing() const;
    QString bannerText() const;
    // The banner's background: green, amber, red, or grey when the pair could not be compared.
    QColor bannerColor() const;
    // How long the window waits after the last keystroke before comparing again.
    int editDebounceInterval() const;
    // Opens `left` and `right` (a remembered pair, or one chosen in cutover folders), asking first
    // for a pane with unsaved edits; returns the errors, empty on success.
    QStringList openPair(const QString &left, const QString &right);

    // The highlighting theme of both panes, by name; empty: the one that suits the palette. Unknown
    // names are refused (returns false). A choice from the menu is remembered (QSettings); one for
    // a single run (`--theme`) is not.
    enum class Remember { Yes, No };
    bool setThemeName(const QString &name, Remember remember = Remember::Yes);
    static QStringList themeNames();
    QString themeName() const { return m_themeName; }

    // View > Zoom In, Zoom Out, Reset Zoom: both panes' text `steps` points larger than the system's
    // fixed font (negative: smaller), within minimumZoom..maximumZoom; remembered for the next window.
    static constexpr int minimumZoom = -6;
    static constexpr int maximumZoom = 24;
    void setZoom(int steps);
    int zoom() const { return m_zoom; }
    // View > Ignore in the Diff: what the panes' line diff (marks, band, Go) ignores, as `countersign
    // diff` -b, -w, -B, -i; remembered for the next window. The structural compare (banner,
    // findings, sign-off) never ignores anything.
    void setDiffOptions(const DiffOptions &options);
    const DiffOptions &diffOptions() const;
    // View > Swap Panes: the left record goes to the right and the right to the left, each with its
    // unsaved edits, undo history, cursor and view; then the pair is compared again.
    void swapPanes();
    // Go > Go to Line: asks for a line of the pane worked in last (a dialog that does not block) and
    // puts its cursor there.
    void chooseLine();

    // File > New Window: another window in this process, on this window's ledger, with panes of its
    // own; it is deleted when it closes, and the application quits when the last window closes.
    MainWindow *newWindow();
    // Help > About Countersign: opens the AboutDialog (window-modal, without blocking).
    void showAbout();
    AboutDialog *aboutDialog() const;

Q_SIGNALS:
    // A comparison of the open pair finished and its results are shown.
    void comparisonShown();
    // The line diff of the newest edit is shown (marks, differences); its findings follow with
    // comparisonShown().
    void linesShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setupComparison();
    QWidget *createCentralWidget();
    void createParts();
    void createDocks();
    void showMessage(const QString &text);
    void documentShown(Pane side);
    void updateTitle();
    void updateSignOff();
    void rememberPair();
    void compare();
    void showComparison(const ComparisonResult &result);
    void showLines(const ComparisonResult &result);
    void restoreLayout();
    void saveLayout() const;

    QLabel *m_banner;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_pages = nullptr;
    StartPage *m_start = nullptr;
    int m_zoom = 0;
    ComparisonWorker *m_worker;
    QTimer *m_editTimer;
    QTimer *m_slowTimer;
    RecordPane *m_left = nullptr;
    RecordPane *m_right = nullptr;
    DiffConnector *m_connector = nullptr;
    DocumentController *m_leftDocument = nullptr;
    DocumentController *m_rightDocument = nullptr;
    DifferenceNavigator *m_differences = nullptr;
    DraftingActions *m_drafting = nullptr;
    CutoverFolderDialogs *m_cutoverFolders = nullptr;
    FindingsPanel *m_findings = nullptr;
    FindBar *m_findBar = nullptr;
    SignOffController *m_signOff = nullptr;
    QDockWidget *m_findingsDock = nullptr;
    QDockWidget *m_signOffDock = nullptr;
    MainWindowActions *m_actions = nullptr;
    Pane m_activePane = Pane::Left;
    QString m_themeName;
    QPointer<AboutDialog> m_aboutDialog;
};

} // namespace Countersign
