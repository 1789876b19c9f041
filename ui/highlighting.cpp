// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "highlighting.h"

#include <KSyntaxHighlighting/Repository>
#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QThread>

#include <chrono>
#include <future>
#include <memory>

namespace Countersign {

namespace {

struct Loaded
{
    std::unique_ptr<KSyntaxHighlighting::Repository> repository;
    KSyntaxHighlighting::Definition markdown;
};

void notifyLoaded();

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
    // Those waiting hear of it on the GUI thread.
    if (QCoreApplication *app = QCoreApplication::instance())
        QMetaObject::invokeMethod(app, &notifyLoaded, Qt::QueuedConnection);
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

struct Waiter
{
    QPointer<QObject> context;
    std::function<void()> callback;
};

QList<Waiter> &waiters()
{
    static QList<Waiter> list;
    return list;
}

void notifyLoaded()
{
    loaded();
    const QList<Waiter> waiting = std::exchange(waiters(), {});
    for (const Waiter &waiter : waiting) {
        if (waiter.context)
            waiter.callback();
    }
}

} // namespace

void Highlighting::preload(std::function<void()> before)
{
    if (preloading().valid())
        return;
    preloading() = std::async(std::launch::async, [before = std::move(before)] {
        if (before)
            before();
        return load();
    });
}

bool Highlighting::isLoaded()
{
    return !preloading().valid() ||
        preloading().wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

void Highlighting::whenLoaded(QObject *context, std::function<void()> callback)
{
    if (isLoaded()) {
        loaded();
        callback();
        return;
    }
    waiters().append({context, std::move(callback)});
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
