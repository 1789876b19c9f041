// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// The entry point of the commands module (countersign_commands.so), which the executable resolves by
// name (ModuleLauncher): it takes the executable's arguments (argv[1] a headless command other than
// diff, CommandNames) and returns the exit status. The module holds the commands that read records
// and the ledger, with Qt Sql, OpenSSL and cmark-gfm, which `diff`, run in the executable, never
// loads.
namespace Countersign {

inline constexpr char runCommandSymbol[] = "countersign_run_command";

} // namespace Countersign
