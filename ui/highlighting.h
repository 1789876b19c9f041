// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>
#include <QObject>
#include <QPalette>
#include <QStringList>

#include <functional>

namespace KSyntaxHighlighting {
class Repository;
}

namespace Countersign {

// The application's one long-lived KSyntaxHighlighting repository and its Markdown definition, and
// the choice of theme: a highlighter without a valid theme paints text invisibly, so themeFor()
// always returns a valid one. The Markdown definition is KSyntaxHighlighting's, with fenced code
// coloured for Bash, JSON and YAML only (the shipped one includes 41 definitions and took ~45 ms to
// load); preload() starts loading it on a thread of its own while the window is built; the first use
// waits for it, then the GUI thread alone uses the repository.
class Highlighting
{
public:
    // Call once the QApplication exists. `before` runs on the loading thread first (tests hold the
    // load back with it).
    static void preload(std::function<void()> before = {});
    // True once the repository and the Markdown definition can be had without waiting (always
    // when preload() was not called: the first use loads them).
    static bool isLoaded();
    // Calls `callback` on the GUI thread once they are loaded (at once when they are), unless
    // `context` is gone by then: views paint their first frames plain instead of waiting.
    static void whenLoaded(QObject *context, std::function<void()> callback);
    static KSyntaxHighlighting::Repository &repository();
    static KSyntaxHighlighting::Definition markdown();
    // The theme that suits the palette (a dark one for a dark base colour), never an invalid one.
    static KSyntaxHighlighting::Theme themeFor(const QPalette &palette);
    // The names of the installed themes, sorted.
    static QStringList themeNames();
};

} // namespace Countersign
