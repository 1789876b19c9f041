// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "highlighting.h"

#include <KSyntaxHighlighting/Repository>
#include <QCoreApplication>
#include <QThread>

#include <future>
#include <memory>

namespace Countersign {

namespace {

struct Loaded
{
    std::unique_ptr<KSyntaxHighlighting::Repository> repository;
    KSyntaxHighlighting::Definition markdown;
};

Loaded load()
{
    Loaded loaded{std::make_unique<KSyntaxHighlighting::Repository>(), {}};
    loaded.markdown = loaded.repository->definitionForName(QStringLiteral("Markdown"));
    // Any query loads the definition, and with it the 41 it includes for fenced code blocks.
    loaded.markdown.foldingEnabled();
    // Handed over to the GUI thread, which uses it from now on (never both threads at once).
    if (const QCoreApplication *app = QCoreApplication::instance();
        app && loaded.repository->thread() != app->thread())
        loaded.repository->moveToThread(app->thread());
    return loaded;
}

std::future<Loaded> &preloading()
{
    static std::future<Loaded> future;
    return future;
}

Loaded &loaded()
{
    static Loaded instance = preloading().valid() ? preloading().get() : load();
    return instance;
}

} // namespace

void Highlighting::preload()
{
    if (!preloading().valid())
        preloading() = std::async(std::launch::async, load);
}

KSyntaxHighlighting::Repository &Highlighting::repository()
{
    return *loaded().repository;
}

KSyntaxHighlighting::Definition Highlighting::markdown()
{
    return loaded().markdown;
}

KSyntaxHighlighting::Theme Highlighting::themeFor(const QPalette &palette)
{
    KSyntaxHighlighting::Theme theme = repository().themeForPalette(palette);
    if (!theme.isValid()) {
        const bool dark = palette.color(QPalette::Base).lightness() < 128;
        theme = repository().defaultTheme(
            dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme);
    }
    return theme;
}

QStringList Highlighting::themeNames()
{
    QStringList names;
    for (const KSyntaxHighlighting::Theme &theme : repository().themes())
        names.append(theme.name());
    names.sort(Qt::CaseInsensitive);
    return names;
}

} // namespace Countersign
