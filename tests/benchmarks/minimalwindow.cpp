// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The anchor of bench_window: a minimal Qt Widgets program that shows one window, saves a
// screenshot of it once shown (as `countersign open --screenshot` does) and exits.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QPixmap>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("minimal"), &window));
    window.resize(1400, 860);
    window.show();
    QTimer::singleShot(0, &window, [&] {
        QApplication::processEvents();
        window.grab().save(QStringLiteral("/dev/null"), "PNG");
        app.quit();
    });
    return app.exec();
}
