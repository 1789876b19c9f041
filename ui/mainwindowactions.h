// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QObject>

class QAction;
class QDockWidget;
class QKeySequence;
class QMenu;

namespace Countersign {

class DocumentController;
class MainWindow;

// The menus of a MainWindow (File, Edit, Record, Go, View, Help) and their actions, with their
// mnemonics and shortcuts: each entry is wired to the part of the window that does the work (a pane's
// DocumentController, DraftingActions, DifferenceNavigator, SignOffController, CutoverFolderDialogs)
// and works on the pane worked in last. The actions live in the window's menu bar; the View menu also
// holds the two docks' toggle actions. Nothing here holds state beyond the menus filled on demand
// (Recent Pairs, Theme).
class MainWindowActions : public QObject
{
    Q_OBJECT
public:
    MainWindowActions(MainWindow *window, QDockWidget *findings, QDockWidget *signOff);

    // Checks the theme named `name` in View > Theme (empty: Follow the Palette).
    void checkTheme(const QString &name);

private:
    void setupFileMenu();
    void setupEditMenu();
    void setupRecordMenu();
    void setupGoMenu();
    void setupViewMenu(QDockWidget *findings, QDockWidget *signOff);
    void setupHelpMenu();
    void fillRecentMenu();
    QAction *panelAction(QDockWidget *dock, const QString &text, const QKeySequence &key);
    DocumentController *active() const;

    MainWindow *m_window;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
};

} // namespace Countersign
