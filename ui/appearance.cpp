// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "appearance.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>
#include <cmath>

namespace Countersign {

namespace {

Appearance::Scheme s_current = Appearance::Scheme::Desktop;
QString s_desktopStyle; // the style the desktop gave, while Countersign's own palette is shown

struct Colors
{
    QColor window, windowText, base, alternateBase, text, button, highlight, highlightedText, link,
        linkVisited, toolTip, placeholder, disabledText;
};

// Text on every colour reaches WCAG AA (4.5:1) and more; the highlight keeps white text readable in
// both (tst_appearance checks them).
QPalette paletteOf(const Colors &c)
{
    QPalette palette(c.button, c.window);
    palette.setColor(QPalette::WindowText, c.windowText);
    palette.setColor(QPalette::Base, c.base);
    palette.setColor(QPalette::AlternateBase, c.alternateBase);
    palette.setColor(QPalette::Text, c.text);
    palette.setColor(QPalette::ButtonText, c.windowText);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Highlight, c.highlight);
    palette.setColor(QPalette::HighlightedText, c.highlightedText);
    palette.setColor(QPalette::Link, c.link);
    palette.setColor(QPalette::LinkVisited, c.linkVisited);
    palette.setColor(QPalette::ToolTipBase, c.toolTip);
    palette.setColor(QPalette::ToolTipText, c.windowText);
    palette.setColor(QPalette::PlaceholderText, c.placeholder);
    palette.setColor(QPalette::Accent, c.highlight);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, c.disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, c.disabledText);
    return palette;
}

} // namespace

QPalette Appearance::palette(Scheme scheme)
{
    switch (scheme) {
    case Scheme::Light:
        return paletteOf({.window = QColor(0xef, 0xf0, 0xf1),
            .windowText = QColor(0x1f, 0x23, 0x28),
            .base = Qt::white,
            .alternateBase = QColor(0xf6, 0xf8, 0xfa),
            .text = QColor(0x1f, 0x23, 0x28),
            .button = QColor(0xf6, 0xf7, 0xf8),
            .highlight = QColor(0x1f, 0x5f, 0xc8),
            .highlightedText = Qt::white,
            .link = QColor(0x09, 0x5b, 0xc8),
            .linkVisited = QColor(0x82, 0x50, 0xdf),
            .toolTip = QColor(0xff, 0xff, 0xf2),
            .placeholder = QColor(0x63, 0x6c, 0x76),
            .disabledText = QColor(0x8c, 0x95, 0x9f)});
    case Scheme::Dark:
        return paletteOf({.window = QColor(0x20, 0x23, 0x27),
            .windowText = QColor(0xe6, 0xed, 0xf3),
            .base = QColor(0x16, 0x1a, 0x1e),
            .alternateBase = QColor(0x1c, 0x21, 0x26),
            .text = QColor(0xe6, 0xed, 0xf3),
            .button = QColor(0x2d, 0x33, 0x3b),
            .highlight = QColor(0x1f, 0x5f, 0xc8),
            .highlightedText = Qt::white,
            .link = QColor(0x58, 0xa6, 0xff),
            .linkVisited = QColor(0xbc, 0x8c, 0xff),
            .toolTip = QColor(0x2d, 0x33, 0x3b),
            .placeholder = QColor(0x9d, 0xa7, 0xb1),
            .disabledText = QColor(0x6e, 0x76, 0x81)});
    case Scheme::Desktop:
        break;
    }
    return QGuiApplication::palette();
}

void Appearance::apply(Scheme scheme)
{
    if (scheme == s_current)
        return;
    if (s_current == Scheme::Desktop)
        s_desktopStyle = QApplication::style()->name();
    s_current = scheme;
    if (scheme == Scheme::Desktop) {
        QApplication::setStyle(s_desktopStyle);
        // A palette that sets no role is the desktop's, followed as it changes.
        QApplication::setPalette(QPalette());
        return;
    }
    // Fusion draws every widget from the palette (some desktop styles draw parts their own way).
    if (QApplication::style()->name().compare(u"fusion", Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(palette(scheme));
}

Appearance::Scheme Appearance::current()
{
    return s_current;
}

QString Appearance::name(Scheme scheme)
{
    switch (scheme) {
    case Scheme::Light:
        return QStringLiteral("light");
    case Scheme::Dark:
        return QStringLiteral("dark");
    case Scheme::Desktop:
        break;
    }
    return QStringLiteral("desktop");
}

std::optional<Appearance::Scheme> Appearance::fromName(const QString &name)
{
    for (Scheme scheme : {Scheme::Desktop, Scheme::Light, Scheme::Dark}) {
        if (name == Appearance::name(scheme))
            return scheme;
    }
    return std::nullopt;
}

QColor Appearance::over(const QColor &tint, const QColor &base)
{
    const float alpha = tint.alphaF();
    const auto mix = [alpha](float top, float bottom) { return top * alpha + bottom * (1 - alpha); };
    return QColor::fromRgbF(
        mix(tint.redF(), base.redF()), mix(tint.greenF(), base.greenF()), mix(tint.blueF(), base.blueF()));
}

double Appearance::contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &color) {
        const auto channel = [](double value) {
            return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
            0.0722 * channel(color.blueF());
    };
    const double first = luminance(a);
    const double second = luminance(b);
    return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

QColor Appearance::readable(const QColor &text, const QColor &background, double minimum)
{
    if (contrast(text, background) >= minimum)
        return text;
    const QColor target = contrast(Qt::white, background) >= contrast(Qt::black, background)
        ? QColor(Qt::white)
        : QColor(Qt::black);
    // In 8 bits a channel, as it is drawn.
    const auto mixed = [&](float share) {
        const auto channel = [share](int from, int to) { return qRound(from + (to - from) * share); };
        return QColor(channel(text.red(), target.red()), channel(text.green(), target.green()),
            channel(text.blue(), target.blue()));
    };
    // The least share of the target that reads: contrast grows with it.
    float low = 0, high = 1;
    for (int step = 0; step < 12; ++step) {
        const float middle = (low + high) / 2;
        (contrast(mixed(middle), background) >= minimum ? high : low) = middle;
    }
    return mixed(high);
}

QColor Appearance::statusText(Status status, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (status) {
    case Status::Good:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x11, 0x63, 0x29);
    case Status::Bad:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
    case Status::Warning:
        break;
    }
    return dark ? QColor(0xd2, 0x99, 0x22) : QColor(0x7d, 0x4e, 0x00);
}

} // namespace Countersign
