// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "documentcontroller.h"
#include "mainwindow.h"
#include "recordpane.h"
#include "testsupport.h"

#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

// For the window's tests: a compared window, and screenshots of what they show.
namespace TestSupport {

// A shown, active window on a pair that is not aligned: the sample record and a copy of it with
// several blocking drifts (commit, outcome, role holder...).
struct ComparedWindow
{
    explicit ComparedWindow(
        const QString &right = TestSupport::dataPath(QStringLiteral("compare/drift-combined.md")))
    {
        window.resize(1200, 800);
        window.show();
        if (!QTest::qWaitForWindowActive(&window))
            qFatal("the window did not become active");
        QSignalSpy shown(&window, &Countersign::MainWindow::comparisonShown);
        window.documents(Countersign::Pane::Left)
            ->openFile(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
        window.documents(Countersign::Pane::Right)->openFile(right);
        if (!shown.wait(10000))
            qFatal("the pair was not compared");
    }
    // Gives `widget` the keyboard focus, its window active, and returns it, as a user clicking into
    // it would.
    QWidget *focus(QWidget *widget)
    {
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            qFatal("the window did not become active");
        // A click into it: the widget gets the focus anew (the window takes the pane clicked into as
        // the one worked in).
        widget->clearFocus();
        widget->setFocus(Qt::MouseFocusReason);
        if (!QTest::qWaitFor([widget] { return QApplication::focusWidget() == widget; }, 5000))
            qFatal("no focus");
        return QApplication::focusWidget();
    }
    // View > the submenu of `submenu` (titled `title`) > the entry of `entry`, with the keyboard from
    // the left pane: true once the menu closed.
    bool chooseInViewMenu(Qt::Key submenu, QStringView title, Qt::Key entry)
    {
        QTest::keyClick(focus(window.pane(Countersign::Pane::Left)->editor()), Qt::Key_V, Qt::AltModifier);
        if (!QTest::qWaitFor([] { return qobject_cast<QMenu *>(QApplication::activePopupWidget()); }))
            return false;
        QTest::keyClick(QApplication::activePopupWidget(), submenu);
        if (!QTest::qWaitFor([title] {
                const auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
                return menu && menu->title() == title;
            }))
            return false;
        QTest::keyClick(QApplication::activePopupWidget(), entry);
        return QTest::qWaitFor([] { return !QApplication::activePopupWidget(); });
    }
    int line(Countersign::Pane side) const { return window.pane(side)->currentLine(); }
    QString status() const { return window.statusBar()->currentMessage(); }
    Countersign::MainWindow window;
};

// Saves `widget` as DIR/`name`.png when COUNTERSIGN_SCREENSHOTS=DIR is set.
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString shots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
    if (shots.isEmpty())
        return;
    const QString png = QDir(shots).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(png))
        qFatal("cannot save %s", qPrintable(png));
    qInfo("saved %s", qPrintable(png));
}

} // namespace TestSupport
