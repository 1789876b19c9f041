#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Countersign contributors
# SPDX-License-Identifier: MIT
#
# Prints the repository's files, one a line, relative to its root, optionally only those matching
# the globs given (as git pathspecs: '*.cpp' matches in every folder). The list the format check,
# tests/format.sh, the licence check and packaging/spdx-headers.sh all work on:
#
#   tests/hygiene/repofiles.sh [GLOB...]        e.g. tests/hygiene/repofiles.sh '*.cpp' '*.h'
#
# The files git tracks, when git can see the repository. Where it cannot, every file that .gitignore
# does not exclude: inside the build root a worktree's .git file points to a git folder outside the
# root, and a clone owned by another user may be refused. The fallback understands the simple
# .gitignore patterns this repository uses (`/build/`, `*.user`, `name`), not negations.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root"

# Git only when this very folder is the top of a work tree it knows (not a parent repository's).
top=$(git -c safe.directory='*' rev-parse --show-toplevel 2>/dev/null || true)
if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$root" ] &&
    listed=$(git -c safe.directory='*' -c core.quotePath=false ls-files --cached -- "$@"); then
    # Tracked but deleted in the working tree: nothing to check.
    while IFS= read -r file; do
        [ -n "$file" ] && [ -f "$file" ] && printf '%s\n' "$file"
    done <<<"$listed"
    exit 0
fi

prune=(-name .git)
if [ -f .gitignore ]; then
    while IFS= read -r pattern || [ -n "$pattern" ]; do
        pattern=${pattern%"${pattern##*[![:space:]]}"} # trailing blanks
        case "$pattern" in '' | '#'* | '!'*) continue ;; esac
        pattern=${pattern%/}
        case "$pattern" in
        /*) prune+=(-o -path ".$pattern") ;;
        */*) prune+=(-o -path "./$pattern") ;;
        *) prune+=(-o -name "$pattern") ;;
        esac
    done <.gitignore
fi
find . \( "${prune[@]}" \) -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort |
    while IFS= read -r file; do
        if [ $# -eq 0 ]; then
            printf '%s\n' "$file"
            continue
        fi
        for glob in "$@"; do
            # shellcheck disable=SC2053 # a glob on purpose; in [[ ]] `*` also matches `/`, as in git
            if [[ $file == $glob ]]; then
                printf '%s\n' "$file"
                break
            fi
        done
    done
