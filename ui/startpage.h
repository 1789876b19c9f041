// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;
class QPushButton;

namespace Countersign {

// What the window shows before a record is open, in place of the two panes: the pairs opened last
// (file names and their folders, since every cutover's records have the same names; Enter or a double
// click opens one), and the ways to start: Open Cutover Folders, Open Left and Right, New from
// Template. Files dropped on it open as a pair (or the left side alone). It only asks; the window
// does the opening.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    // Lists the remembered pairs again (RecentPairs), the newest first and selected.
    void refresh();
    QListWidget *recentList() const { return m_recent; }

Q_SIGNALS:
    void pairChosen(const QString &left, const QString &right);
    void openFoldersRequested();
    void openLeftRequested();
    void openRightRequested();
    void newFromTemplateRequested();
    // One or two files dropped on the page, in the order given.
    void filesDropped(const QStringList &paths);

protected:
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void openCurrent();

    QListWidget *m_recent;
    QPushButton *m_firstButton = nullptr;
};

} // namespace Countersign
