// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The About dialog: every fact a bug report needs is shown and right (the version, the commit, Qt
// running and built against, KSyntaxHighlighting, SQLite, cmark-gfm, the window's ledger, the
// settings file, the licence as the metainfo declares it), Copy puts them on the clipboard as plain text, and
// Help > About opens it on the window's ledger. With COUNTERSIGN_SCREENSHOTS=DIR set, showsEveryFact() saves
// DIR/about-dialog.png.
#include "aboutdialog.h"
#include "mainwindow.h"
#include "signoffcontroller.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

QString shown(const AboutDialog &dialog, const QString &fact)
{
    const auto *label = dialog.findChild<QLabel *>(fact);
    return label && label->isVisible() ? label->text() : QStringLiteral("(not shown)");
}

} // namespace

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { TestSupport::forgetWindowLayout(); }
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("countersign"));
        QApplication::setOrganizationName(QStringLiteral("Countersign"));
        // The icon the window module sets from its resources, here from the source tree.
        QIcon icon;
        QDirIterator sizes(QStringLiteral(COUNTERSIGN_SOURCE_DIR "/resources/icons/hicolor"),
            {QStringLiteral("*.png")}, QDir::Files, QDirIterator::Subdirectories);
        while (sizes.hasNext())
            icon.addFile(sizes.next());
        QApplication::setWindowIcon(icon);
    }

    void showsEveryFact()
    {
        const QString ledger = QStringLiteral("/srv/cutover/ledgers/countersign.sqlite");
        AboutDialog dialog(ledger);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QCOMPARE(shown(dialog, QStringLiteral("Version")), QStringLiteral(COUNTERSIGN_VERSION));
        const QString commit = shown(dialog, QStringLiteral("Commit"));
        QVERIFY2(commit == u"unknown" ||
                QRegularExpression(QStringLiteral("^[0-9a-f]{7,40}$")).match(commit).hasMatch(),
            qPrintable(commit));
        QCOMPARE(commit, AboutDialog::commit());
        QCOMPARE(shown(dialog, QStringLiteral("Qt")), QString::fromLatin1(qVersion()));
        QCOMPARE(shown(dialog, QStringLiteral("Qt built against")), QStringLiteral(QT_VERSION_STR));
        const QRegularExpression version(QStringLiteral("^\\d+\\.\\d+\\.\\d+"));
        QVERIFY(version.match(shown(dialog, QStringLiteral("KF6 SyntaxHighlighting"))).hasMatch());
        // The tests run with the QSQLITE driver, so its SQLite is known.
        QVERIFY2(version.match(shown(dialog, QStringLiteral("SQLite"))).hasMatch(),
            qPrintable(shown(dialog, QStringLiteral("SQLite"))));
        QVERIFY(shown(dialog, QStringLiteral("cmark-gfm")).contains(QStringLiteral("gfm")));
        QCOMPARE(shown(dialog, QStringLiteral("Sign-off ledger")), ledger);
        QCOMPARE(shown(dialog, QStringLiteral("Settings")), QSettings().fileName());
        // The licence shown is the one the metainfo declares, and its text is in the repository.
        QFile metainfo(QStringLiteral(
            COUNTERSIGN_SOURCE_DIR "/resources/io.github.countersign.Countersign.metainfo.xml"));
        QVERIFY(metainfo.open(QIODevice::ReadOnly));
        const QRegularExpressionMatch declared =
            QRegularExpression(QStringLiteral("<project_license>([^<]+)</project_license>"))
                .match(QString::fromUtf8(metainfo.readAll()));
        QVERIFY(declared.hasMatch());
        QCOMPARE(shown(dialog, QStringLiteral("Licence")), declared.captured(1));
        QVERIFY(QFile::exists(QStringLiteral(COUNTERSIGN_SOURCE_DIR "/LICENSES/") + declared.captured(1) +
            QStringLiteral(".txt")));

        const QString screenshots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
        if (!screenshots.isEmpty()) {
            const QString png = QDir(screenshots).filePath(QStringLiteral("about-dialog.png"));
            QVERIFY(dialog.grab().save(png));
            qInfo("saved %s", qPrintable(png));
        }

        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(dialog.copyButton(), Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied, dialog.plainText());
        const QStringList lines = copied.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("Countersign " COUNTERSIGN_VERSION));
        for (const auto &[fact, value] : dialog.facts()) {
            if (fact != u"Version")
                QVERIFY2(lines.contains(fact + u": " + value), qPrintable(fact));
        }
        QVERIFY(lines.contains(QStringLiteral("Sign-off ledger: ") + ledger));
        QVERIFY(lines.contains(QStringLiteral("Qt: ") + QString::fromLatin1(qVersion())));
    }

    // Help > About Countersign shows the window's own ledger.
    void opensFromTheHelpMenu()
    {
        QTemporaryDir dir;
        MainWindow window;
        const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
        QCOMPARE(window.signOff()->setLedgerPath(ledger), QString());
        window.show();
        QAction *about = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == u"&About Countersign")
                about = action;
        }
        QVERIFY(about);
        about->trigger();
        QVERIFY(window.aboutDialog());
        QTRY_VERIFY(window.aboutDialog()->isVisible());
        QCOMPARE(shown(*window.aboutDialog(), QStringLiteral("Sign-off ledger")), ledger);
        window.aboutDialog()->close();
        QTRY_VERIFY(!window.aboutDialog());
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
