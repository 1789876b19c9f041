// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QStringView>

#include <algorithm>
#include <array>

namespace Countersign {

// The names and aliases of every command in CommandTable, for the executable, which chooses where a
// command runs without loading the commands' code (main.cpp): `diff` in its own process, the other
// headless commands in the commands module, open in the window module. tst_cliparsing checks that
// this list and the table agree.
class CommandNames
{
public:
    static constexpr char16_t window[] = u"open";
    static constexpr char16_t diff[] = u"diff";

    // True for a command (or alias) of the table that needs no window: all but open.
    static bool isHeadless(QStringView name)
    {
        return std::find(headless.begin(), headless.end(), name) != headless.end();
    }
    // True for a command (or alias) of the table.
    static bool isCommand(QStringView name) { return name == QStringView(window) || isHeadless(name); }

    static constexpr std::array<QStringView, 20> headless = {u"show", u"diff", u"lint", u"digest", u"compare",
        u"check", u"signoff", u"status", u"ledger", u"trust", u"export", u"verify", u"review", u"mirror",
        u"help", u"-h", u"--help", u"version", u"-v", u"--version"};
};

} // namespace Countersign
