#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Countersign contributors
# SPDX-License-Identifier: MIT
#
# Adds the two-line licence header to every file of the repository (tests/hygiene/repofiles.sh) that
# has no licensing information yet and that REUSE.toml does not annotate, in the file's own syntax:
#
#   // lines        C and C++ sources and headers, at the top
#   # lines         CMake, shell, Python, desktop entries, TOML, YAML: at the top, after a shebang
#   <!-- block -->  markdown (after the title line when the file starts with one) and XML (after
#                   the XML declaration)
#
# Which files lack the information is asked of reuse itself (`reuse lint-file`), so REUSE.toml is
# read exactly as `reuse lint` reads it, and a file that has a header is left alone: running the
# script again changes nothing. Run it in the build environment, which has reuse, then check:
#
#   packaging/buildroot.sh exec packaging/spdx-headers.sh
#   packaging/buildroot.sh exec tests/hygiene/reuse-lint.sh
#
# Environment: REUSE, the reuse to use (default: reuse on the PATH). Exit status: 0 every file has
# its information; 1 some file needs a header this script cannot write (named: add a comment syntax
# here or annotate it in REUSE.toml); 2 trouble.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(dirname "$here")
# REUSE-IgnoreStart (the header text below is what this script writes, not its own header)
copyright='SPDX-FileCopyrightText: 2026 Countersign contributors'
license='SPDX-License-Identifier: MIT'
# REUSE-IgnoreEnd

die() {
    printf 'spdx-headers: %s\n' "$*" >&2
    exit 2
}

reuse=${REUSE:-reuse}
command -v "$reuse" >/dev/null 2>&1 ||
    die "$reuse not found (Debian: reuse); run it in the build environment:
packaging/buildroot.sh exec packaging/spdx-headers.sh"

cd "$root"
listed=$(tests/hygiene/repofiles.sh)
files=()
while IFS= read -r file; do
    # What reuse never lints: the licence texts, REUSE.toml itself, .license sidecars.
    case "$file" in LICENSES/* | REUSE.toml | *.license) continue ;; esac
    files+=("$file")
done <<<"$listed"
[ ${#files[@]} -gt 0 ] || die "no files found in $root"

# lint-file exits 1 when some file lacks information; its report says which.
report=$("$reuse" --root . lint-file --lines "${files[@]}") || [ $? -eq 1 ] || die "reuse lint-file failed"
mapfile -t missing < <(printf '%s\n' "$report" |
    sed -n -e 's/: no license identifier$//p' -e 's/: no copyright notice$//p' | LC_ALL=C sort -u)

# The comment syntax of a file: cpp, hash, markup (markdown, XML); empty when there is none known.
syntax() {
    local file=$1 first
    case "$file" in
    *.cpp | *.h | *.c | *.cc | *.cxx | *.hpp) echo cpp ;;
    CMakeLists.txt | */CMakeLists.txt | *.cmake | *.sh | *.bash | *.py | *.desktop | *.toml | *.yml | *.yaml)
        echo hash ;;
    *.md | *.xml) echo markup ;;
    *)
        IFS= read -r first <"$file" || true
        case "$first" in '#!'*) echo hash ;; esac
        ;;
    esac
}

# Writes the headed file to stdout.
headed() {
    local file=$1 first second
    IFS= read -r first <"$file" || true
    second=$(sed -n 2p "$file")
    case "$(syntax "$file")" in
    cpp)
        printf '// %s\n// %s\n\n' "$copyright" "$license"
        cat "$file"
        ;;
    hash)
        if [[ $first == '#!'* ]]; then
            # After the shebang; a comment that follows stays one block with the header.
            printf '%s\n# %s\n# %s\n' "$first" "$copyright" "$license"
            if [[ $second == '#'* ]]; then echo '#'; elif [ -n "$second" ]; then echo; fi
            tail -n +2 "$file"
        else
            printf '# %s\n# %s\n' "$copyright" "$license"
            [ ! -s "$file" ] || echo
            cat "$file"
        fi
        ;;
    markup)
        # A markdown title or an XML declaration stays the first line.
        if [[ $file == *.md && $first == '# '* ]] || [[ $file == *.xml && $first == '<?xml'* ]]; then
            printf '%s\n<!--\n%s\n%s\n-->\n' "$first" "$copyright" "$license"
            tail -n +2 "$file"
        else
            printf '<!--\n%s\n%s\n-->\n\n' "$copyright" "$license"
            cat "$file"
        fi
        ;;
    esac
}

added=0
unheaded=()
scratch=$(mktemp)
trap 'rm -f "$scratch"' EXIT
for file in "${missing[@]}"; do
    if grep -q -e 'SPDX-License-Identifier:' -e 'SPDX-FileCopyrightText:' "$file"; then
        # Half a header (or a tag reuse could not read): completing it is a person's job.
        printf 'spdx-headers: %s has incomplete licensing information; fix it by hand\n' "$file" >&2
        unheaded+=("$file")
        continue
    fi
    if [ -z "$(syntax "$file")" ]; then
        unheaded+=("$file")
        continue
    fi
    headed "$file" >"$scratch"
    # Through the shell's redirection, not mv: the file keeps its mode.
    cat "$scratch" >"$file"
    added=$((added + 1))
done

printf 'spdx-headers: added the header to %d of %d files\n' "$added" "${#files[@]}"
if [ ${#unheaded[@]} -gt 0 ]; then
    printf 'spdx-headers: no header written to these; annotate them in REUSE.toml (or teach this script their comment syntax):\n' >&2
    printf '  %s\n' "${unheaded[@]}" >&2
    exit 1
fi
