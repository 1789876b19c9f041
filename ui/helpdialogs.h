// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QLineEdit;
class QTextBrowser;
class QTreeWidget;

namespace Countersign {

// Help > Keyboard Shortcuts: every shortcut of the window's menus, read from their actions when it
// opens (so it cannot drift from them), grouped by menu, with every key an action has (F7 and
// Alt+Down both). A filter box narrows the list by entry or key.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    // `menus`: the menu bar's actions (each menu's entries are read, submenus included).
    ShortcutsDialog(const QList<QAction *> &menus, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QLineEdit *filter() const { return m_filter; }

private:
    void applyFilter(const QString &text);

    QTreeWidget *m_list;
    QLineEdit *m_filter;
};

// Help > Handbook: the README's sections on using the window, compiled into the program, shown
// offline. Links to the web open in the browser; the screenshots the README links to are named but
// not shown (they are not compiled in).
class HandbookDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HandbookDialog(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }
    // The handbook's markdown: the README from its start up to the section after "Using the window".
    static QString text();

private:
    QTextBrowser *m_browser;
};

} // namespace Countersign
