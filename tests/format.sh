#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Countersign contributors
# SPDX-License-Identifier: MIT
#
# Formats Countersign's C++ sources in place: every tracked *.cpp and *.h (tests/hygiene/repofiles.sh),
# with clang-format 19 and the repository's .clang-format. Exactly version 19, because another
# clang-format formats the same style differently. The build root has it, so run it there:
#
#   packaging/buildroot.sh exec tests/format.sh            format the tree; prints the files it changed
#   packaging/buildroot.sh exec tests/format.sh --check    change nothing; exit 1 and name the files
#                                                          clang-format would change (CTest: format_check)
#
# Environment: CLANG_FORMAT, the clang-format 19 to use (default: clang-format-19 on the PATH).
# Exit status: 0 formatted (or, with --check, nothing to change), 1 files to format (--check only),
# 2 trouble (no clang-format 19, a file it cannot format).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(dirname "$here")

die() {
    printf 'format: %s\n' "$*" >&2
    exit 2
}

check=0
case "${1:-}" in
--check) check=1 ;;
'') ;;
*) die "unknown argument '$1' (usage: tests/format.sh [--check])" ;;
esac

clang_format=${CLANG_FORMAT:-clang-format-19}
command -v "$clang_format" >/dev/null 2>&1 ||
    die "$clang_format not found: this needs clang-format 19 (Debian: clang-format-19, in the build root:
packaging/buildroot.sh exec tests/format.sh)"
version=$("$clang_format" --version)
[[ $version =~ version\ 19\. ]] ||
    die "$clang_format is not clang-format 19 ($version); other versions format differently"

cd "$root"
listed=$("$here/hygiene/repofiles.sh" '*.cpp' '*.h')
[ -n "$listed" ] || die "no C++ files found in $root"
mapfile -t files <<<"$listed"

# One clang-format run over all files (a run per file costs ten times as long): with --dry-run it
# changes nothing and reports, per file it would change, "FILE:LINE:COL: error: code should be
# clang-formatted". A failure without such a report is trouble (a broken .clang-format, say).
style="file:$root/.clang-format"
status=0
report=$(printf '%s\0' "${files[@]}" |
    xargs -0 "$clang_format" --style="$style" --dry-run --Werror --ferror-limit=1 2>&1 >/dev/null) || status=$?
changed=()
mapfile -t changed < <(printf '%s\n' "$report" |
    sed -n 's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: error: code should be clang-formatted.*$/\1/p' | LC_ALL=C sort -u)
if [ "$status" -ne 0 ] && [ ${#changed[@]} -eq 0 ]; then
    printf '%s\n' "$report" >&2
    die "clang-format failed (exit status $status)"
fi
if [ "$check" = 0 ] && [ ${#changed[@]} -gt 0 ]; then
    "$clang_format" --style="$style" -i "${changed[@]}" || die "clang-format -i failed"
fi

if [ "$check" = 0 ]; then
    printf 'format: %d of %d C++ files reformatted\n' "${#changed[@]}" "${#files[@]}"
    [ ${#changed[@]} -eq 0 ] || printf '  %s\n' "${changed[@]}"
    exit 0
fi
if [ ${#changed[@]} -eq 0 ]; then
    printf 'format: all %d C++ files are formatted as clang-format 19 formats them\n' "${#files[@]}"
    exit 0
fi
printf 'format: %d of %d C++ files are not formatted as clang-format 19 (%s) formats them:\n' \
    "${#changed[@]}" "${#files[@]}" "$clang_format"
printf '  %s\n' "${changed[@]}"
printf 'Fix them all:   packaging/buildroot.sh exec tests/format.sh\n'
printf 'See one change: %s --style=file %s | diff -u %s -\n' "$clang_format" "${changed[0]}" "${changed[0]}"
exit 1
