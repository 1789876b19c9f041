// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The window face of countersign, built as a module that the executable loads only when a window is
// wanted: the headless commands then start without loading Qt Widgets, Qt Gui and KSyntaxHighlighting
// (about 20 ms per run, which adds up when CI pipelines call `countersign diff` per file).
#include "guimain.h"

#include "appearance.h"
#include "base/settingskeys.h"
#include "commandline.h"
#include "documentcontroller.h"
#include "highlighting.h"
#include "mainwindow.h"
#include "pdfhandout.h"
#include "record/documentloader.h"
#include "signoffcontroller.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "countersign: %s\n", qUtf8Printable(message));
    return 2;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
        !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// The app icon in every size it comes in, from the module's resources.
QIcon windowIcon()
{
    QIcon icon;
    QDirIterator sizes(
        QStringLiteral(":/icons"), {QStringLiteral("*.png")}, QDir::Files, QDirIterator::Subdirectories);
    while (sizes.hasNext())
        icon.addFile(sizes.next());
    return icon;
}

// COUNTERSIGN_TRACE_STARTUP=1: when each step of the window's start ended, on standard error, in
// milliseconds since the window module was entered (README, "Benchmarks"). Off, it costs a branch.
class StartupTrace
{
public:
    StartupTrace()
        : m_on(qEnvironmentVariable("COUNTERSIGN_TRACE_STARTUP") == u"1")
    {
        m_clock.start();
    }
    void mark(const char *step) const
    {
        if (m_on)
            std::fprintf(stderr, "startup: %7.1f ms  %s\n", double(m_clock.nsecsElapsed()) / 1e6, step);
    }
    bool isOn() const { return m_on; }

private:
    QElapsedTimer m_clock;
    bool m_on;
};

// Points QSettings at a copy of the user's settings file in `dir`.
void useCopyOfSettings(const QTemporaryDir &dir)
{
    const QFileInfo user(QSettings().fileName());
    const QString folder = QDir(dir.path()).filePath(user.dir().dirName());
    QDir().mkpath(folder);
    if (user.exists())
        QFile::copy(user.filePath(), QDir(folder).filePath(user.fileName()));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
}

int runGui(int argc, char **argv)
{
    const StartupTrace trace;
    // Read the arguments before QApplication exists: without a display it would abort.
    QStringList files;
    QString screenshot;
    std::optional<QString> theme;
    std::optional<QString> colorScheme;
    QString ledger;
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == u"open" && i == 1)
            continue;
        if (argument == u"--screenshot") {
            if (++i >= argc)
                return fail(QStringLiteral("--screenshot needs a file name (OUT.png)"));
            screenshot = QString::fromLocal8Bit(argv[i]);
        } else if (argument == u"--db") {
            if (++i >= argc)
                return fail(QStringLiteral("--db needs the sign-off ledger's file name"));
            ledger = QString::fromLocal8Bit(argv[i]);
        } else if (argument == u"--color-scheme") {
            if (++i >= argc)
                return fail(QStringLiteral("--color-scheme needs desktop, light or dark"));
            colorScheme = QString::fromLocal8Bit(argv[i]);
            if (!Countersign::Appearance::fromName(*colorScheme)) {
                return fail(QStringLiteral("unknown color scheme '%1'; use desktop, light or dark")
                        .arg(*colorScheme));
            }
        } else if (argument == u"--theme") {
            if (++i >= argc)
                return fail(QStringLiteral("--theme needs a theme name (View > Theme lists them)"));
            theme = QString::fromLocal8Bit(argv[i]);
        } else if (argument.startsWith(u'-') && argument.size() > 1 && !argument.startsWith(u"-platform") &&
            !argument.startsWith(u"-style")) {
            return fail(QStringLiteral("unknown option '%1'; run 'countersign --help'").arg(argument));
        } else if (argument.startsWith(u"-platform") || argument.startsWith(u"-style")) {
            ++i; // Qt's own options take a value
        } else {
            files.append(argument);
        }
    }
    if (files.size() > 2)
        return fail(QStringLiteral("open takes at most two files (LEFT and RIGHT)"));
    if (!hasDisplay()) {
        if (screenshot.isEmpty()) {
            return fail(QStringLiteral(
                "no display (DISPLAY is not set), so the window cannot open. Run it on a desktop, "
                "or save a screenshot headless: countersign open LEFT RIGHT --screenshot OUT.png"));
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication app(argc, argv);
    trace.mark("QApplication");
    Countersign::configureApplication(app); // names the cache folder the preload may write to
    // The Markdown definition takes about as long to load as the window takes to build: it starts
    // first, on its own thread, and the panes highlight themselves when it is there.
    Countersign::Highlighting::preload();
    // Reading, checking and decoding the records needs nothing of the window: both start now, while
    // the window is built.
    std::vector<std::future<Countersign::Result<Countersign::SourceText>>> reading;
    for (const QString &file : files)
        reading.push_back(Countersign::DocumentLoader::readForEditingAsync(file));
    // A screenshot is a scripted run: it reads the user's settings (theme, ledger) but leaves them as
    // they were (no recent pair, no window layout remembered), so it works on a copy of them.
    QTemporaryDir scratchSettings;
    if (!screenshot.isEmpty())
        useCopyOfSettings(scratchSettings);
    // The user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), before any window string is made.
    Countersign::Translations::install();
    // Desktops match the window to io.github.countersign.Countersign.desktop (its name, its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral(COUNTERSIGN_APP_ID));
    QApplication::setWindowIcon(windowIcon());
    // The colours of every window: the command line's, else the user's choice, else the desktop's.
    const QString schemeName =
        colorScheme.value_or(QSettings().value(Countersign::SettingsKeys::colorScheme).toString());
    Countersign::Appearance::apply(
        Countersign::Appearance::fromName(schemeName).value_or(Countersign::Appearance::Scheme::Desktop));
    trace.mark("settings, translations, icon, colours");
    Countersign::MainWindow window;
    trace.mark("window built");
    if (theme && !window.setThemeName(*theme, Countersign::MainWindow::Remember::No)) {
        return fail(QStringLiteral("unknown theme '%1'; installed themes: %2")
                .arg(*theme, Countersign::MainWindow::themeNames().join(QStringLiteral(", "))));
    }
    QStringList errors;
    if (!ledger.isEmpty()) {
        if (const QString error = window.signOff()->setLedgerPath(ledger); !error.isEmpty())
            errors.append(error);
    }
    for (int side = 0; side < files.size(); ++side) {
        const Countersign::Pane pane = side == 0 ? Countersign::Pane::Left : Countersign::Pane::Right;
        if (const QString error =
                window.documents(pane)->openFile(files.at(side), reading[size_t(side)].get());
            !error.isEmpty())
            errors.append(error);
    }
    trace.mark("files opened");
    window.show();
    trace.mark("shown");
    if (trace.isOn()) {
        QObject::connect(&window, &Countersign::MainWindow::comparisonShown, &window,
            [&trace] { trace.mark("comparison shown"); });
    }

    if (!screenshot.isEmpty()) {
        int status = 0;
        auto save = [&] {
            QApplication::processEvents();
            trace.mark("screenshot begins");
            // The panes paint plain until the Markdown definition has loaded: the picture waits
            // for it, and for the panes to take it.
            if (!Countersign::Highlighting::isLoaded()) {
                Countersign::Highlighting::markdown();
                QApplication::processEvents();
            }
            trace.mark("highlighting loaded");
            for (const QString &error : errors)
                status = fail(error);
            const QPixmap image = window.grab();
            trace.mark("painted");
            // zlib's fastest level (quality 80 in Qt's scale): a window's picture compresses well
            // anyway, and the default level takes longer than building and comparing the pair.
            if (image.isNull() || !image.save(screenshot, "PNG", 80))
                status = fail(QStringLiteral("%1: cannot save the screenshot").arg(screenshot));
            else
                std::printf("%s\n", qUtf8Printable(QFileInfo(screenshot).absoluteFilePath()));
            trace.mark("PNG written");
            // Nothing is left to keep (no edits; settings are written as they change): a comparison
            // still running, and the memory of a large pair, need not be waited for or freed. The
            // copy of the settings goes now: _Exit runs no destructor that would remove it.
            scratchSettings.remove();
            std::fflush(stdout);
            std::fflush(stderr);
            std::_Exit(status);
        };
        // Wait until the pair is loaded, highlighted and compared, at most a minute. The window
        // benchmark also times the first paint (highlighted text, no diff yet):
        // COUNTERSIGN_SCREENSHOT_AT=paint saves it then.
        const bool atFirstPaint = qEnvironmentVariable("COUNTERSIGN_SCREENSHOT_AT") == u"paint";
        if (window.isComparing() && !atFirstPaint) {
            QObject::connect(
                &window, &Countersign::MainWindow::comparisonShown, &window, save, Qt::QueuedConnection);
            QTimer::singleShot(60000, &window, [&] {
                errors.append(QStringLiteral("the comparison did not finish within a minute"));
                save();
            });
        } else {
            QTimer::singleShot(0, &window, save);
        }
        return app.exec();
    }
    for (const QString &error : errors)
        std::fprintf(stderr, "countersign: %s\n", qUtf8Printable(error));
    return app.exec();
}

} // namespace

extern "C" Q_DECL_EXPORT int countersign_run_gui(int argc, char **argv)
{
    return runGui(argc, argv);
}

extern "C" Q_DECL_EXPORT int countersign_run_pdf_export(int argc, char **argv)
{
    // Fonts need a QGuiApplication; no window is shown, so no display is needed either.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    Countersign::configureApplication(app);
    // arguments(): the program, "export", then the export's own.
    return Countersign::CommandLine::runExport(app.arguments().mid(2), &Countersign::PdfHandout::write);
}

// SSH_ASKPASS for ssh-keygen when the window signs (SignOffPanel): argv[1] is ssh-keygen's prompt.
// SSH_ASKPASS_PROMPT says what is asked: nothing (a passphrase, printed to standard output),
// "confirm" (yes or no, as the exit status), or "none" (a notice, such as touching a security key,
// shown until ssh-keygen ends this process).
extern "C" Q_DECL_EXPORT int countersign_run_askpass(int argc, char **argv)
{
    QApplication app(argc, argv);
    Countersign::configureApplication(app);
    Countersign::Translations::install();
    const QString prompt = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const QString kind = qEnvironmentVariable("SSH_ASKPASS_PROMPT");
    const QString title = QCoreApplication::translate("AskPass", "Countersign — SSH key");
    if (kind == u"none") {
        QMessageBox notice(QMessageBox::Information, title, prompt, QMessageBox::NoButton);
        notice.show();
        return app.exec();
    }
    if (kind == u"confirm") {
        return QMessageBox::question(nullptr, title, prompt) == QMessageBox::Yes ? 0 : 1;
    }
    bool ok = false;
    const QString passphrase = QInputDialog::getText(nullptr, title,
        prompt.isEmpty() ? QCoreApplication::translate("AskPass", "Passphrase of the signing key:") : prompt,
        QLineEdit::Password, {}, &ok);
    if (!ok)
        return 1;
    const QByteArray bytes = passphrase.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    return 0;
}
