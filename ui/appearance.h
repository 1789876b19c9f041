// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QString>

#include <optional>

namespace Countersign {

// The colours of the whole application (every window, dialog, panel and menu), chosen in View >
// Color Scheme or with `open --color-scheme`: the desktop's palette, followed as it changes (the
// default), or Countersign's own light or dark palette with the Fusion style, which draws every
// widget from the palette. The panes' highlighting theme follows the palette unless one is chosen in
// View > Theme (MainWindow::setThemeName).
class Appearance
{
public:
    enum class Scheme { Desktop, Light, Dark };

    // Makes `scheme` the application's; the desktop's palette and style come back with Desktop.
    // Every widget is told (QEvent::PaletteChange).
    static void apply(Scheme scheme);
    static Scheme current();
    // Countersign's own palette for Light and Dark (the same on every desktop); for Desktop, the
    // application's palette as it is now.
    static QPalette palette(Scheme scheme);
    // "desktop", "light", "dark": the setting's and the command line's names.
    static QString name(Scheme scheme);
    static std::optional<Scheme> fromName(const QString &name);

    static bool isDark(const QPalette &palette) { return palette.color(QPalette::Base).lightness() < 128; }
    // The opaque colour a translucent `tint` gives laid over `base`, as painting it does.
    static QColor over(const QColor &tint, const QColor &base);
    // WCAG 2's contrast ratio of two opaque colours: 1 (none) to 21 (black on white).
    static double contrast(const QColor &a, const QColor &b);
    // `text` as drawn on `background`: itself when it reads there at `minimum`:1 or better, else
    // moved towards white or black (whichever reads better there) just far enough, keeping its hue.
    // A theme's faint colour (a dark purple on a dark green word tint) stays readable.
    static QColor readable(const QColor &text, const QColor &background, double minimum = 4.5);

    // The text colour of a state (an approval, a rejection, an error message, a warning), readable
    // on `palette`'s window and base: darker on a light palette, lighter on a dark one.
    enum class Status { Good, Bad, Warning };
    static QColor statusText(Status status, const QPalette &palette = QGuiApplication::palette());
};

} // namespace Countersign
