// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// Translations: the German .qm is compiled into the resources and loads for a German locale, the
// window's menus then read German, a language without a translation stays English, and with no
// locale given the environment's (LANGUAGE=de, as main() sets it here) decides, as at start. Every
// text the window shows on a compared pair (menus, labels, buttons, tabs, column headers, tips,
// placeholders) reads otherwise in German than in English: the whole window goes through tr().
#include "mainwindow.h"
#include "pane.h"
#include "testsupport.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
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

// Every text `window` shows a user, each named by where it is (class, object path, which text), in
// the order the widgets were made (the same for two windows made alike).
QList<std::pair<QString, QString>> shownTexts(const MainWindow &window)
{
    QList<std::pair<QString, QString>> texts;
    const auto add = [&texts](const QObject *object, const QString &what, const QString &text) {
        texts.append({QStringLiteral("%1 #%2 %3")
                          .arg(QString::fromLatin1(object->metaObject()->className()))
                          .arg(texts.size())
                          .arg(what),
            text});
    };
    for (const QAction *action : window.findChildren<QAction *>()) {
        add(action, QStringLiteral("text"), action->text());
        add(action, QStringLiteral("tip"), action->statusTip());
    }
    for (const QWidget *widget : window.findChildren<QWidget *>()) {
        add(widget, QStringLiteral("tooltip"), widget->toolTip());
        add(widget, QStringLiteral("accessible name"), widget->accessibleName());
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            add(label, QStringLiteral("label"), label->text());
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            add(button, QStringLiteral("button"), button->text());
        if (const auto *dock = qobject_cast<const QDockWidget *>(widget))
            add(dock, QStringLiteral("title"), dock->windowTitle());
        if (const auto *group = qobject_cast<const QGroupBox *>(widget))
            add(group, QStringLiteral("title"), group->title());
        if (const auto *edit = qobject_cast<const QLineEdit *>(widget))
            add(edit, QStringLiteral("placeholder"), edit->placeholderText());
        if (const auto *menu = qobject_cast<const QMenu *>(widget))
            add(menu, QStringLiteral("title"), menu->title());
        if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs, QStringLiteral("tab %1").arg(i), tabs->tabText(i));
        }
        if (const auto *view = qobject_cast<const QAbstractItemView *>(widget); view && view->model()) {
            for (int column = 0; column < view->model()->columnCount(); ++column)
                add(view, QStringLiteral("column %1").arg(column),
                    view->model()->headerData(column, Qt::Horizontal).toString());
        }
    }
    return texts;
}

// A window on the sample record and its producer mirror, compared.
std::unique_ptr<MainWindow> comparedWindow()
{
    auto window = std::make_unique<MainWindow>();
    QSignalSpy shown(window.get(), &MainWindow::comparisonShown);
    const QStringList errors =
        window->openPair(TestSupport::dataPath(QStringLiteral("input/producer-mirror.md")),
            TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
    if (!errors.isEmpty() || !shown.wait(20000))
        qFatal("the pair was not compared: %s", qPrintable(errors.join(u' ')));
    return window;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
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

    // Every text of a window on a compared pair differs between English and German, but for names that
    // are the same in both (Countersign, Commit) and what the records themselves say.
    void everyShownTextIsGerman()
    {
        QVERIFY(!Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)));
        const QList<std::pair<QString, QString>> english = shownTexts(*comparedWindow());
        QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
        const QList<std::pair<QString, QString>> german = shownTexts(*comparedWindow());
        QCOMPARE(german.size(), english.size());
        // A text with a word in it (three letters in a row), not a name both languages share.
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{3}"));
        const QStringList same{QStringLiteral("Countersign"), QStringLiteral("Commit")};
        QStringList untranslated;
        for (qsizetype i = 0; i < english.size(); ++i) {
            const QString &text = english.at(i).second;
            if (german.at(i).second == text && text.contains(word) && !same.contains(text))
                untranslated.append(QStringLiteral("%1: \"%2\"").arg(english.at(i).first, text));
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
        QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
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
