#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Countersign contributors
# SPDX-License-Identifier: MIT
#
# The licence check (CTest: reuse_lint): `reuse lint` over the repository's files, which must each
# carry copyright and licence information (an SPDX header, or an annotation in REUSE.toml) under a
# licence whose text is in LICENSES/. Run it in the build environment, which has reuse:
#
#   packaging/buildroot.sh exec tests/hygiene/reuse-lint.sh
#
# reuse lints a copy of the files tests/hygiene/repofiles.sh lists, not the repository itself: reuse
# asks git which files to skip, and inside the build root, where a worktree's .git points outside,
# it could not, and would lint build/ as well. The copy holds exactly the files that count.
# Environment: REUSE, the reuse to use (default: reuse on the PATH).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
reuse=${REUSE:-reuse}
command -v "$reuse" >/dev/null 2>&1 || {
    echo "reuse-lint: $reuse not found (Debian: reuse; in the build root: packaging/buildroot.sh exec $0)" >&2
    exit 2
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch" "$scratch.list"' EXIT
"$here/repofiles.sh" >"$scratch.list"
tar -C "$root" --no-recursion --verbatim-files-from -T "$scratch.list" -cf - | tar -C "$scratch" -xf -
# From inside the copy, so that reuse names files by their paths in the repository.
cd "$scratch"
"$reuse" --root . lint
