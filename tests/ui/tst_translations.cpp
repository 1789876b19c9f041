// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Translations: the German .qm is compiled into the resources and loads for a German locale, the
// window's menus then read German, a language without a translation stays English, and with no
// locale given the environment's (LANGUAGE=de, as main() sets it here) decides, as at start.
#include "mainwindow.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>

using namespace Countersign;

namespace {

QStringList menuTitles(const MainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

QString actionText(const MainWindow &window, const QKeySequence &shortcut)
{
    for (const QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcut() == shortcut)
            return action->text();
    }
    return {};
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void germanIsCompiledIn() { QVERIFY(Translations::languages().contains(QStringLiteral("de"))); }

    void englishStaysEnglish()
    {
        QVERIFY(!Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)));
        MainWindow window;
        QCOMPARE(menuTitles(window).value(0), QStringLiteral("&File"));
        QCOMPARE(actionText(window, QKeySequence(Qt::CTRL | Qt::Key_N)), QStringLiteral("New &Window"));
    }

    void germanMenus()
    {
        QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
        MainWindow window;
        QCOMPARE(menuTitles(window),
            QStringList(
                {QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"), QStringLiteral("&Protokoll"),
                    QStringLiteral("&Gehe zu"), QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));
        QCOMPARE(actionText(window, QKeySequence(Qt::CTRL | Qt::Key_N)), QStringLiteral("Neues &Fenster"));
        QCOMPARE(actionText(window, QKeySequence::Save), QStringLiteral("&Speichern"));
    }

    // What the window module does at start: the locale of the environment.
    void followsTheEnvironment()
    {
        QVERIFY2(QLocale().uiLanguages().contains(QStringLiteral("de")),
            qPrintable(QLocale().uiLanguages().join(u' ')));
        QVERIFY(Translations::install());
        MainWindow window;
        QCOMPARE(menuTitles(window).value(0), QStringLiteral("&Datei"));
        // Installing again replaces the translators instead of stacking them.
        QVERIFY(!Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)));
        MainWindow english;
        QCOMPARE(menuTitles(english).value(0), QStringLiteral("&File"));
    }
};

int main(int argc, char **argv)
{
    // A German user, before QLocale reads the environment.
    qputenv("LANGUAGE", "de");
    qputenv("LC_ALL", "de_DE.UTF-8");
    QApplication app(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
