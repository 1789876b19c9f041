// countersign: one executable, two faces. Headless subcommands run on QCoreApplication and need no
// display; everything else opens the window.
#include "commandline.h"
#include "mainwindow.h"
#include "recordpane.h"

#include <QApplication>
#include <QFileInfo>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace {

void configure(QCoreApplication &app)
{
    app.setApplicationName(QStringLiteral("countersign"));
    app.setOrganizationName(QStringLiteral("Countersign"));
    app.setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));
}

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

int runGui(int argc, char **argv)
{
    // Read the arguments before QApplication exists: without a display it would abort.
    QStringList files;
    QString screenshot;
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == u"open" && i == 1)
            continue;
        if (argument == u"--screenshot") {
            if (++i >= argc)
                return fail(QStringLiteral("--screenshot needs a file name (OUT.png)"));
            screenshot = QString::fromLocal8Bit(argv[i]);
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
    configure(app);
    Countersign::MainWindow window;
    QStringList errors;
    for (int side = 0; side < files.size(); ++side) {
        if (const QString error = window.openFile(side, files.at(side)); !error.isEmpty())
            errors.append(error);
    }
    window.show();

    if (!screenshot.isEmpty()) {
        int status = 0;
        QTimer::singleShot(0, &window, [&] {
            QApplication::processEvents();
            for (const QString &error : errors)
                status = fail(error);
            const QPixmap image = window.grab();
            if (image.isNull() || !image.save(screenshot, "PNG"))
                status = fail(QStringLiteral("%1: cannot save the screenshot").arg(screenshot));
            else
                std::printf("%s\n", qUtf8Printable(QFileInfo(screenshot).absoluteFilePath()));
            app.exit(status);
        });
        return app.exec();
    }
    for (const QString &error : errors)
        std::fprintf(stderr, "countersign: %s\n", qUtf8Printable(error));
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (Countersign::CommandLine::isHeadless(command)) {
        QCoreApplication app(argc, argv);
        configure(app);
        return Countersign::CommandLine::run(app.arguments().mid(1));
    }
    // A first argument that is neither "open", an option nor an existing file is a mistyped command.
    if (!command.isEmpty() && command != u"open" && !command.startsWith(u'-') &&
        !QFileInfo::exists(command)) {
        return fail(QStringLiteral("unknown command '%1'; run 'countersign --help'").arg(command));
    }
    return runGui(argc, argv);
}
