// MainWindow and RecordPane on the offscreen platform: records load into highlighted panes, and a
// bad file is reported in its pane without closing anything.
#include "highlighting.h"
#include "mainwindow.h"
#include "recordpane.h"
#include "testsupport.h"

#include <KSyntaxHighlighting/Repository>
#include <QApplication>
#include <QTest>

using namespace Countersign;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensTwoRecords()
    {
        MainWindow window;
        const QString left = TestSupport::dataPath(QStringLiteral("input/producer-mirror.md"));
        const QString right = TestSupport::dataPath(QStringLiteral("input/variant-crlf.md"));
        QCOMPARE(window.openFile(0, left), QString());
        QCOMPARE(window.openFile(1, right), QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.pane(0)->text(), QString::fromUtf8(TestSupport::readBytes(left)));
        QVERIFY(window.pane(0)->caption().contains(QStringLiteral("producer-mirror")));
        QVERIFY(window.pane(1)->caption().contains(QStringLiteral("decision-record")));
        QVERIFY(window.pane(0)->isHighlighted());
        QVERIFY(window.pane(1)->isHighlighted());
    }

    void badFileIsReportedInItsPane()
    {
        MainWindow window;
        const QString bad = TestSupport::dataPath(QStringLiteral("bad/invalid-utf8.md"));
        const QString error = window.openFile(1, bad);
        QVERIFY(error.startsWith(bad + QStringLiteral(":3: invalid UTF-8")));
        QVERIFY(window.pane(1)->caption().contains(error));
        QVERIFY(window.pane(1)->text().isEmpty());
    }

    void themeFollowsPalette()
    {
        QPalette dark;
        dark.setColor(QPalette::Base, Qt::black);
        dark.setColor(QPalette::Text, Qt::white);
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        const KSyntaxHighlighting::Theme darkTheme = Highlighting::themeFor(dark);
        const KSyntaxHighlighting::Theme lightTheme = Highlighting::themeFor(light);
        QVERIFY(darkTheme.isValid() && lightTheme.isValid());
        QVERIFY(
            QColor::fromRgba(darkTheme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)).lightness() <
            128);
        QVERIFY(QColor::fromRgba(lightTheme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor))
                    .lightness() >= 128);
        QVERIFY(Highlighting::markdown().isValid());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
