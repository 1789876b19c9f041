// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "highlighting.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QList>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <chrono>
#include <future>
#include <memory>
#include <optional>

namespace Countersign {

namespace {

struct Loaded
{
    std::unique_ptr<KSyntaxHighlighting::Repository> repository;
    KSyntaxHighlighting::Definition markdown;
};

void notifyLoaded();

// The fenced code languages coloured inside records: shell commands, JSON and YAML (and the alert
// words of comments).
bool isKeptLanguage(QStringView name)
{
    return name == u"Bash" || name == u"JSON" || name == u"YAML" || name == u"Comments";
}

// KSyntaxHighlighting's Markdown definition includes 41 others so that fenced code in some thirty
// languages is coloured; loading them all took ~45 ms of every window's start, for records whose
// fenced blocks are shell commands, JSON or YAML. The window uses that same shipped definition with
// the other languages' include rules left out (their blocks keep the code colour), written to the
// cache folder under a higher version, which the repository then prefers: ~10 ms. Returns the
// folder to add to the repository's search path, or nothing (the shipped definition is used as it
// is) when the shipped file cannot be read, has an unexpected shape, or the folder is not writable.
std::optional<QString> trimmedMarkdownFolder()
{
    QFile shipped(QStringLiteral(":/org.kde.syntax-highlighting/syntax/markdown.xml"));
    if (!shipped.open(QIODevice::ReadOnly))
        return std::nullopt;
    QString text = QString::fromUtf8(shipped.readAll());
    static const QRegularExpression version(
        QStringLiteral(R"re((<language\s[^>]*\bname="Markdown"[^>]*\bversion=")(\d+)")re"));
    const QRegularExpressionMatch versionMatch = version.match(text);
    if (!versionMatch.hasMatch())
        return std::nullopt;
    text.replace(versionMatch.capturedStart(2), versionMatch.capturedLength(2),
        QString::number(versionMatch.captured(2).toInt() + 1000));
    static const QRegularExpression include(
        QStringLiteral(R"re(<IncludeRules\s[^>]*\bcontext="[^"]*##([^"]+)"[^>]*/>)re"));
    QString trimmed;
    trimmed.reserve(text.size());
    qsizetype copied = 0;
    for (const QRegularExpressionMatch &match : include.globalMatch(text)) {
        if (isKeptLanguage(match.capturedView(1)))
            continue;
        trimmed += QStringView(text).sliced(copied, match.capturedStart() - copied);
        copied = match.capturedEnd();
    }
    trimmed += QStringView(text).sliced(copied);

    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/highlighting");
    const QString path = folder + QStringLiteral("/syntax/markdown.xml");
    const QByteArray bytes = trimmed.toUtf8();
    if (QFile existing(path); existing.open(QIODevice::ReadOnly) && existing.readAll() == bytes)
        return folder;
    QSaveFile file(path); // whole or not at all, should two windows start at once
    if (!QDir().mkpath(folder + QStringLiteral("/syntax")) || !file.open(QIODevice::WriteOnly) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return std::nullopt;
    return folder;
}

Loaded load()
{
    Loaded loaded{std::make_unique<KSyntaxHighlighting::Repository>(), {}};
    if (const std::optional<QString> folder = trimmedMarkdownFolder())
        loaded.repository->addCustomSearchPath(*folder);
    loaded.markdown = loaded.repository->definitionForName(QStringLiteral("Markdown"));
    // Any query loads the definition, and with it those it includes for fenced code blocks.
    loaded.markdown.foldingEnabled();
    // Choosing the theme that suits the palette (themeFor) reads every theme's colours, which loads
    // each theme's file on first use (thirty of them, ~8 ms): done here, off the GUI thread.
    for (const KSyntaxHighlighting::Theme &theme : loaded.repository->themes())
        theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor);
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
