#!/bin/bash
# SPDX-FileCopyrightText: 2026 Countersign contributors
# SPDX-License-Identifier: MIT
#
# The package test, run as root inside a throwaway copy of a bare Debian 13 root (the runtime root):
# installs Countersign's .deb with only the dependencies it declares (apt resolves them from Debian's
# registry; recommends left out), uses it as a person would, purges it and checks that none of its
# files is left. packaging/buildroot.sh deb-test sets it up: DIR holds the .deb and two records
# (left.md, right.md), and receives the window's screenshot (installed.png).
#
#   test-deb.sh DIR
set -euo pipefail
dir=${1:?usage: test-deb.sh DIR}
deb=$(ls "$dir"/countersign_*.deb)
passed=0
step() { printf '\ndeb-test: %s\n' "$*"; }
ok() {
    passed=$((passed + 1))
    printf 'deb-test: ok: %s\n' "$*"
}
fail() {
    printf 'deb-test: FAILED: %s\n' "$*" >&2
    printf 'deb-test: %d passed, 1 failed\n' "$passed"
    exit 1
}

step "installing $(basename "$deb") into a bare Debian 13"
apt-get update -q >/dev/null || fail "apt-get update"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" >"$dir/install.log" 2>&1 ||
    { tail -n 30 "$dir/install.log"; fail "apt-get install $deb"; }
grep -E '^(Need to get|After this operation)' "$dir/install.log" || true
dpkg -s countersign | grep -E '^(Version|Depends|Installed-Size):'
dpkg -L countersign | sort >"$dir/files.txt"
ok "installed, $(grep -c . "$dir/files.txt") paths"

step "every file in its place, every library found"
for file in /usr/bin/countersign /usr/lib/countersign/countersign_commands.so /usr/lib/countersign/countersign_gui.so \
    /usr/share/applications/io.github.countersign.Countersign.desktop \
    /usr/share/metainfo/io.github.countersign.Countersign.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/io.github.countersign.Countersign.svg \
    /usr/share/icons/hicolor/48x48/apps/io.github.countersign.Countersign.png /usr/share/doc/countersign/README.md; do
    grep -qxF "$file" "$dir/files.txt" || fail "the package lacks $file"
done
[ "$(command -v countersign)" = /usr/bin/countersign ] || fail "countersign is not on PATH"
# What is loaded by name at run time (the platform plugins for a desktop and for offscreen, the
# ledger's SQLite driver) must be installed with all its libraries, as must the program itself.
plugins=/usr/lib/x86_64-linux-gnu/qt6/plugins
for elf in /usr/bin/countersign /usr/lib/countersign/countersign_commands.so /usr/lib/countersign/countersign_gui.so \
    "$plugins/platforms/libqxcb.so" \
    "$plugins/platforms/libqoffscreen.so" "$plugins/sqldrivers/libqsqlite.so"; do
    [ -f "$elf" ] || fail "$elf is not installed"
    if ldd "$elf" | grep -q 'not found'; then
        ldd "$elf" | grep 'not found' >&2
        fail "$elf misses libraries"
    fi
done
ok "files in their XDG places; program, modules, xcb and offscreen platforms, SQLite driver resolve"

step "countersign --version"
version=$(countersign --version) || fail "countersign --version exited $?"
echo "$version"
[[ $version == *0.1.0* ]] || fail "countersign --version printed '$version'"
ok "--version"

step "countersign lint"
status=0
countersign lint "$dir/right.md" >"$dir/lint.out" 2>&1 || status=$?
cat "$dir/lint.out"
case $status in
0) grep -q 'right.md: no findings (decision-record)' "$dir/lint.out" || fail "lint exited 0 but did not say so" ;;
1) grep -qE '^.+:[0-9]+: (error|warning): .+ \[[^]]+\]$' "$dir/lint.out" || fail "lint exited 1 without findings" ;;
*) fail "lint of a sample record exited $status" ;;
esac
printf '# Runtime Cutover Decision Record\n\nUpdated: 2026-02-08\n\n## Runtime Target\n\n- commit_sha: abc\n' \
    >"$dir/broken.md"
status=0
countersign lint "$dir/broken.md" >"$dir/lint.out" 2>&1 || status=$?
grep -v missing-section "$dir/lint.out"
[ "$status" = 1 ] && grep -q "broken.md:7: error: .*\[commit-sha\]" "$dir/lint.out" ||
    fail "lint of a record with a short commit_sha exited $status without naming line 7"
ok "lint: the sample is clean, a short commit_sha is found"

step "countersign diff (in the executable, without the commands module)"
status=0
countersign diff "$dir/left.md" "$dir/right.md" >"$dir/diff.out" 2>&1 || status=$?
head -n 4 "$dir/diff.out"
[ "$status" = 1 ] && grep -q '^@@ -[0-9]' "$dir/diff.out" || fail "diff of the sample pair exited $status without a hunk"
ok "diff: $(grep -c '^@@' "$dir/diff.out") hunks"

step "countersign status (the sign-off ledger, through the Qt SQLite driver)"
# Reading never creates a ledger: the default one, never signed into, reads as empty; a missing --db is
# "no such ledger". The first sign-off creates it.
default_ledger="${XDG_DATA_HOME:-${HOME:-/root}/.local/share}/Countersign/countersign/countersign.sqlite"
status=0
countersign status "$dir/right.md" || status=$?
[ "$status" = 1 ] && [ ! -e "$default_ledger" ] ||
    fail "status without a ledger exited $status (1 expected: every role pending, no ledger created)"
status=0
countersign status "$dir/right.md" --db "$dir/ledger.sqlite" 2>"$dir/status.err" || status=$?
cat "$dir/status.err"
[ "$status" = 2 ] && grep -q "ledger.sqlite: no such ledger" "$dir/status.err" && [ ! -e "$dir/ledger.sqlite" ] ||
    fail "status of a missing --db ledger exited $status (2 expected: no such ledger, nothing created)"
countersign signoff "$dir/right.md" --db "$dir/ledger.sqlite" --role "MemoryKernel incident commander role" \
    --signer "Ana Ruiz" --withdraw --comment "package test" --unsigned || fail "signoff into a new ledger exited $?"
status=0
countersign status "$dir/right.md" --db "$dir/ledger.sqlite" || status=$?
[ "$status" = 1 ] && [ -s "$dir/ledger.sqlite" ] || fail "status exited $status (1 expected: every role pending)"
ok "status reads no ledger as empty and creates none; signoff creates one, status reads it"

step "a signed sign-off (ssh-keygen comes with openssh-client, which the package declares)"
command -v ssh-keygen >/dev/null || fail "ssh-keygen is not installed with the package"
role="MemoryKernel incident commander role"
mkdir -p "$dir/team"
cp "$dir/right.md" "$dir/team/record.md"
ssh-keygen -q -t ed25519 -N '' -C ana@team.example -f "$dir/team-key" || fail "ssh-keygen could not make a key"
countersign trust init "$dir/team" --principal ana@team.example --key "$dir/team-key.pub" ||
    fail "trust init exited $?"
countersign trust add ana@team.example "$dir/team-key.pub" --role "$role" --dir "$dir/team" ||
    fail "trust add exited $?"
countersign signoff "$dir/team/record.md" --db "$dir/signed.sqlite" --role "$role" --signer "Ana Ruiz" \
    --approve --key "$dir/team-key" || fail "a signed sign-off exited $?"
status=0
countersign status "$dir/team/record.md" --db "$dir/signed.sqlite" >"$dir/status.out" || status=$?
cat "$dir/status.out"
[ "$status" = 1 ] && grep -q "ana@team.example" "$dir/status.out" ||
    fail "status exited $status without naming the signer's principal"
countersign ledger verify --db "$dir/signed.sqlite" || fail "ledger verify of a signed entry exited $?"
ok "signed with ssh-keygen, shown by status, verified in the ledger"

step "the window, offscreen, from the installed package"
rm -f "$dir/installed.png"
QT_QPA_PLATFORM=offscreen countersign open "$dir/left.md" "$dir/right.md" --screenshot "$dir/installed.png" ||
    fail "the window exited $?"
[ "$(head -c 8 "$dir/installed.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "$dir/installed.png is not a PNG"
size=$(stat -c %s "$dir/installed.png")
[ "$size" -gt 20000 ] || fail "$dir/installed.png has only $size bytes"
ok "window screenshot, $size bytes"

step "where the user's files went (HOME=$HOME)"
for folder in "$HOME/.config" "$HOME/.local" "$HOME/.cache/Countersign"; do
    [ ! -d "$folder" ] || find "$folder" -type f
done | sort
# A screenshot run reads the settings but writes none back (README: the open command).
[ ! -e "$HOME/.config/Countersign/countersign.conf" ] ||
    fail "the screenshot run wrote settings: $(cat "$HOME/.config/Countersign/countersign.conf")"
ok "the screenshot run left no settings behind"

step "purging the package"
DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q countersign >"$dir/remove.log" 2>&1 ||
    { tail -n 30 "$dir/remove.log"; fail "apt-get remove --purge countersign"; }
if dpkg-query -W -f '${db:Status-Status}' countersign 2>/dev/null | grep -qv not-installed; then
    fail "dpkg still knows countersign: $(dpkg-query -W -f '${db:Status-Status}' countersign)"
fi
left=()
while read -r path; do
    if [ -L "$path" ] || [ -f "$path" ]; then
        left+=("$path")
    elif [ -d "$path" ] && ! dpkg-query -S "$path" >/dev/null 2>&1; then
        # A directory no other package owns was the package's own: it must be gone too.
        left+=("$path/")
    fi
done <"$dir/files.txt"
[ ${#left[@]} = 0 ] || fail "left behind after the purge: ${left[*]}"
hash -r
[ -z "$(command -v countersign)" ] || fail "countersign is still on PATH"
ok "purged: none of the $(grep -c . "$dir/files.txt") paths is left"

printf '\ndeb-test: %d passed, 0 failed\n' "$passed"
