// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

namespace Countersign {

// A record's identity in the ledger, which survives clone, move and a second machine: the record's
// path relative to its repository's root, after the repository's name, "NAME:docs/DR-0042.md". The
// name is the trust folder's policy `repository = NAME` when there is one, else the repository's
// origin remote (from its git config, as "host/owner/repo": "github.com/acme/runtime", without
// scheme, user, password or ".git"). A record outside a git repository, or in one with neither, is
// known by its absolute path, as before (legacy identity), so that two records never share one.
class RecordIdentity
{
public:
    // `repositoryName`: the trust folder's policy name, empty for none.
    static QString of(const QString &filePath, const QString &repositoryName = {});
    // The absolute path, symbolic links resolved: the identity records had before, which the ledger
    // still finds their early entries under.
    static QString legacyOf(const QString &filePath);
    // The repository root above `filePath` (the first folder with a .git file or folder), empty
    // outside one.
    static QString repositoryRoot(const QString &filePath);
    // The origin remote of the repository at `root`, normalized as above; empty when there is none.
    // Reads .git/config (following a .git file to a worktree's common folder), never runs git.
    static QString originName(const QString &root);
};

} // namespace Countersign
