// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The window's colours. View > Color Scheme makes the whole application light or dark (every widget
// of every window, the panes' highlighting with it) and gives the desktop's palette back; it is
// remembered. In both schemes every highlight keeps the text on it readable: the contrast of each
// text colour over each highlight's background is at least WCAG AA's 4.5:1. The preview follows the
// panes' theme and keeps the difference marks.
#include "appearance.h"
#include "base/settingskeys.h"
#include "comparedwindow.h"
#include "contrast.h"
#include "diffcolors.h"
#include "findingspanel.h"
#include "textrenderer.h"

#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

using namespace Countersign;
using TestSupport::ComparedWindow;
using TestSupport::contrast;
using TestSupport::screenshot;

namespace {

// The mean lightness (0..255) of what `widget` shows.
int meanLightness(QWidget *widget)
{
    const QImage image = widget->grab().toImage();
    qint64 sum = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            sum += QColor(image.pixel(x, y)).lightness();
    }
    return int(sum / (qint64(image.height() + 1) / 2 * ((image.width() + 1) / 2)));
}

// View > Color Scheme > the entry of `letter`, with the keyboard: true once the menu closed.
bool chooseScheme(ComparedWindow &w, Qt::Key letter)
{
    return w.chooseInViewMenu(Qt::Key_C, u"&Color Scheme", letter);
}

// Fails the test, naming them, when `text` on `background` reads below 4.5:1.
void requireReadable(const QColor &text, const QColor &background, const QString &what)
{
    const double ratio = contrast(text, background);
    QVERIFY2(ratio >= 4.5,
        qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                .arg(what, text.name(), background.name())
                .arg(ratio, 0, 'f', 2)));
}

} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void cleanup()
    {
        Appearance::apply(Appearance::Scheme::Desktop);
        QSettings().remove(SettingsKeys::colorScheme);
    }

    // Dark, Light, and back to the desktop's, from the View menu with the keyboard: the whole
    // window changes (not only the panes), a new window takes the scheme, and the choice is kept.
    void colorSchemeIsTheWholeWindows()
    {
        const QPalette desktop = QApplication::palette();
        ComparedWindow w;
        const int before = meanLightness(&w.window);
        QVERIFY2(before > 150, qPrintable(QString::number(before)));

        QVERIFY(chooseScheme(w, Qt::Key_K));
        QCOMPARE(Appearance::current(), Appearance::Scheme::Dark);
        QCOMPARE(QSettings().value(SettingsKeys::colorScheme).toString(), QStringLiteral("dark"));
        // The palette reaches the widgets with the next turn of the event loop.
        QTRY_VERIFY2(meanLightness(&w.window) < 70, qPrintable(QString::number(meanLightness(&w.window))));
        // Each part, not only the whole: the menu bar, the findings table, the panes (whose theme
        // follows the palette), the status bar.
        for (QWidget *part : QList<QWidget *>{w.window.menuBar(), w.window.findings()->view(),
                 w.window.pane(Pane::Left)->editor(), w.window.pane(Pane::Right)->editor(),
                 w.window.statusBar()})
            QVERIFY2(meanLightness(part) < 90, part->metaObject()->className());
        QVERIFY(Appearance::isDark(w.window.pane(Pane::Left)->editor()->palette()));
        screenshot(&w.window, QStringLiteral("dark-window"));
        // A window opened now is dark too.
        MainWindow *next = w.window.newWindow();
        QVERIFY(QTest::qWaitForWindowExposed(next));
        QTRY_VERIFY(meanLightness(next) < 70);
        next->close();

        QVERIFY(chooseScheme(w, Qt::Key_L));
        QCOMPARE(Appearance::current(), Appearance::Scheme::Light);
        QTRY_VERIFY(meanLightness(&w.window) > 150);
        QTRY_VERIFY(!Appearance::isDark(w.window.pane(Pane::Right)->editor()->palette()));

        QVERIFY(chooseScheme(w, Qt::Key_D));
        QCOMPARE(Appearance::current(), Appearance::Scheme::Desktop);
        QCOMPARE(QSettings().value(SettingsKeys::colorScheme).toString(), QStringLiteral("desktop"));
        for (QPalette::ColorRole role : {QPalette::Window, QPalette::WindowText, QPalette::Base,
                 QPalette::Text, QPalette::Button, QPalette::Highlight})
            QCOMPARE(QApplication::palette().color(role), desktop.color(role));
    }

    void highlightsKeepTextReadable_data()
    {
        QTest::addColumn<int>("schemeNumber");
        QTest::newRow("light") << int(Appearance::Scheme::Light);
        QTest::newRow("dark") << int(Appearance::Scheme::Dark);
    }

    // Every text colour of the panes (their highlighting of both records) over each highlight the
    // panes paint (a changed line, its differing words on it, a find match), the findings table's
    // marked characters (on a blocking row, and selected), the banner, and the states' colours.
    void highlightsKeepTextReadable()
    {
        QFETCH(int, schemeNumber);
        const auto scheme = Appearance::Scheme(schemeNumber);
        Appearance::apply(scheme);
        ComparedWindow w;
        QCOMPARE(Appearance::isDark(w.window.pane(Pane::Left)->editor()->palette()),
            scheme == Appearance::Scheme::Dark);
        for (Pane side : bothPanes) {
            const TextView *editor = w.window.pane(side)->editor();
            const QColor base = editor->palette().color(QPalette::Base);
            const QColor line =
                Appearance::over(side == Pane::Left ? DiffColors::leftLine : DiffColors::rightLine, base);
            const QColor words =
                Appearance::over(side == Pane::Left ? DiffColors::leftWords : DiffColors::rightWords, line);
            QSet<int> changed;
            for (const LineMark &mark : w.window.pane(side)->diffMarks())
                changed.insert(mark.line - 1);
            QVERIFY(!changed.isEmpty());
            // Every line as it is drawn: each colour of its text on what is under it.
            QSet<QRgb> seen;
            for (int number = 0; number < editor->lineCount(); ++number) {
                const QString at = QStringLiteral(" (line %1)").arg(number + 1);
                for (const QTextLayout::FormatRange &range : editor->drawnFormats(number)) {
                    if (!range.format.hasProperty(QTextFormat::ForegroundBrush))
                        continue;
                    const QColor text = range.format.foreground().color();
                    seen.insert(text.rgb());
                    if (changed.contains(number)) {
                        requireReadable(text, line, QStringLiteral("text on a changed line") + at);
                        requireReadable(text, words, QStringLiteral("text on a differing word") + at);
                    } else {
                        requireReadable(text, base, QStringLiteral("text") + at);
                    }
                }
            }
            QVERIFY2(seen.size() > 3, qPrintable(QString::number(seen.size()))); // the highlighting's colours
            requireReadable(Qt::black, TextRenderer::matchBackground(), QStringLiteral("a find match"));
        }

        const QPalette table = w.window.findings()->view()->palette();
        for (const QColor &tint : {DiffColors::leftWords, DiffColors::rightWords}) {
            const QColor onBase = Appearance::over(tint, table.color(QPalette::Base));
            const QColor onBlocking = Appearance::over(
                tint, Appearance::over(DiffColors::blockingRow, table.color(QPalette::Base)));
            const QColor onSelection = Appearance::over(tint, table.color(QPalette::Highlight));
            requireReadable(table.color(QPalette::Text), onBase, QStringLiteral("a finding's marked value"));
            requireReadable(
                table.color(QPalette::Text), onBlocking, QStringLiteral("a blocking finding's value"));
            requireReadable(table.color(QPalette::HighlightedText), onSelection,
                QStringLiteral("a selected finding's value"));
        }
        requireReadable(Qt::white, w.window.bannerColor(), QStringLiteral("the banner"));
        const QPalette palette = QApplication::palette();
        for (Appearance::Status status :
            {Appearance::Status::Good, Appearance::Status::Bad, Appearance::Status::Warning}) {
            requireReadable(
                Appearance::statusText(status), palette.color(QPalette::Window), QStringLiteral("a state"));
            requireReadable(
                Appearance::statusText(status), palette.color(QPalette::Base), QStringLiteral("a state"));
        }
        requireReadable(palette.color(QPalette::HighlightedText), palette.color(QPalette::Highlight),
            QStringLiteral("a selection"));
        requireReadable(
            palette.color(QPalette::Link), palette.color(QPalette::Base), QStringLiteral("a link"));
        requireReadable(palette.color(QPalette::PlaceholderText), palette.color(QPalette::Base),
            QStringLiteral("a hint"));
    }

    // Preview (Ctrl+Shift+P) in the dark: the panes' dark background and text, and the blocks of the
    // lines that differ tinted as the editor tints them; another theme is followed at once.
    void previewFollowsTheThemeAndKeepsMarks()
    {
        Appearance::apply(Appearance::Scheme::Dark);
        ComparedWindow w;
        RecordPane *left = w.window.pane(Pane::Left);
        QTest::keyClick(w.focus(left->editor()), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(left->isPreview());
        auto *preview = left->findChild<QTextBrowser *>();
        QVERIFY(preview);
        const QColor base = left->editor()->palette().color(QPalette::Base);
        QCOMPARE(preview->palette().color(QPalette::Base), base);
        QCOMPARE(preview->palette().color(QPalette::Text), left->editor()->palette().color(QPalette::Text));
        QVERIFY(meanLightness(preview->viewport()) < 90);

        // The commit line differs (a list item), the title does not.
        const QColor tint = Appearance::over(DiffColors::leftLine, base);
        const auto background = [preview](const QString &text) {
            for (QTextBlock block = preview->document()->begin(); block.isValid(); block = block.next()) {
                if (block.text().contains(text))
                    return block.blockFormat().background().color();
            }
            return QColor();
        };
        QCOMPARE(background(QStringLiteral("commit_sha")).name(), tint.name());
        QVERIFY(background(QStringLiteral("Runtime Cutover Decision Record")) != tint);
        screenshot(&w.window, QStringLiteral("dark-preview"));

        // A light highlighting theme chosen for the panes: the preview takes its colours.
        QString light;
        for (const QString &name : MainWindow::themeNames()) {
            if (name.contains(u"Light"))
                light = name;
        }
        QVERIFY(!light.isEmpty());
        QVERIFY(w.window.setThemeName(light, MainWindow::Remember::No));
        QVERIFY(!Appearance::isDark(preview->palette()));
        QCOMPARE(preview->palette().color(QPalette::Base), left->editor()->palette().color(QPalette::Base));
        QCOMPARE(background(QStringLiteral("commit_sha")).name(),
            Appearance::over(DiffColors::leftLine, preview->palette().color(QPalette::Base)).name());

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!left->isPreview());
    }
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
