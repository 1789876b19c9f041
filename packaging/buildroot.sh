#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Countersign contributors
# SPDX-License-Identifier: MIT
#
# Countersign's build environment: builds, tests and runs the project either natively (when the host
# has Qt >= 6.5, KF6 SyntaxHighlighting and cmark-gfm) or inside a Debian 13 root that this script
# creates once with debootstrap, caches outside the repository and reuses afterwards.
#
#   packaging/buildroot.sh run [FILE...]     set up, build, launch the app (on the bundled samples)
#   packaging/buildroot.sh test [--sanitize] [CTEST-ARGS...]
#                                            set up, build, run the whole CTest suite
#   packaging/buildroot.sh build [--sanitize]   set up and build only
#   packaging/buildroot.sh shell             a shell in the build environment, at the repository
#   packaging/buildroot.sh exec CMD...       run one command in the build environment
#   packaging/buildroot.sh where             say which environment would be used, and where
#   packaging/buildroot.sh package           build the .deb (in the build root) and print its path
#   packaging/buildroot.sh deb-test          build the .deb, install it into a clean Debian 13 root,
#                                            use it, remove it (test-deb.sh)
#
# Environment: COUNTERSIGN_MODE=auto|native|root (default auto), COUNTERSIGN_CACHE (default
# ~/.cache/countersign), COUNTERSIGN_MIRROR (default http://deb.debian.org/debian).
#
# Mounts are made in a private mount namespace (unshare), so they vanish with the process on every
# exit path, including a kill; an explicit trap unmounts them too on an orderly exit.
set -euo pipefail

self=$(readlink -f "${BASH_SOURCE[0]}")
here=$(dirname "$self")
repo=$(dirname "$here")
suite=trixie
mirror=${COUNTERSIGN_MIRROR:-http://deb.debian.org/debian}
cache=${COUNTERSIGN_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/countersign}
format=1 # bump to force new roots when the way a root is made changes
need_mb=3000

die() {
    printf 'buildroot: error: %s\n' "$*" >&2
    exit 1
}
note() { printf 'buildroot: %s\n' "$*" >&2; }

# Two kinds of root, each made from its own package list and cached under a key of it: the build root
# ("build", the default), and the runtime root ("runtime"), a bare Debian 13 that the package test
# copies and installs the .deb into.
pkgfile() { if [ "${1:-build}" = runtime ]; then echo "$here/runtimeroot-packages.txt"; else echo "$here/buildroot-packages.txt"; fi; }
prefix() { if [ "${1:-build}" = runtime ]; then echo runtime; else echo root; fi; }
packages() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$(pkgfile "${1:-}")" | { grep -v '^$' || true; } | sort -u; }
root_key() { { echo "format $format"; echo "suite $suite"; packages "${1:-}"; } | sha256sum | cut -c1-16; }
root_dir() { echo "$cache/$(prefix "${1:-}")-$suite-$(root_key "${1:-}")"; }

# True when the host can build the project itself. The probe is a tiny CMake project that asks for
# exactly what the real one requires.
native_ok() {
    command -v cmake >/dev/null 2>&1 || return 1
    command -v c++ >/dev/null 2>&1 || command -v g++ >/dev/null 2>&1 || return 1
    local probe rc=0
    probe=$(mktemp -d)
    cmake -S "$here/probe" -B "$probe" >"$probe.log" 2>&1 || rc=1
    rm -rf "$probe" "$probe.log"
    return $rc
}

mode() {
    case "${COUNTERSIGN_MODE:-auto}" in
    native) echo native ;;
    root) echo root ;;
    auto) if native_ok; then echo native; else echo root; fi ;;
    *) die "COUNTERSIGN_MODE must be auto, native or root, not '${COUNTERSIGN_MODE}'" ;;
    esac
}

# Lists mount points at or below $1; a directory with mounts below it must never be deleted.
mounts_below() { awk -v p="$1" '$5 == p || index($5, p "/") == 1 { print $5 }' /proc/self/mountinfo; }

safe_remove() {
    local dir=$1
    [ -e "$dir" ] || return 0
    if [ -n "$(mounts_below "$dir")" ]; then
        die "refusing to delete $dir: something is still mounted below it ($(mounts_below "$dir" | head -1))"
    fi
    rm -rf --one-file-system "$dir"
}

require_root_user() {
    [ "$(id -u)" = 0 ] && return 0
    die "this host lacks Qt >= 6.5 / KF6 SyntaxHighlighting / cmark-gfm, and the Debian 13 build root that
replaces them needs root (debootstrap, chroot, mount). Run it as root (sudo $0 ${cmd:-}), or install the
native packages (README: 'Building natively')."
}

check_space() {
    mkdir -p "$cache"
    local free_mb
    free_mb=$(df -Pm "$cache" | awk 'NR == 2 { print $4 }')
    if [ "${free_mb:-0}" -lt "$need_mb" ]; then
        die "not enough disk space for the build root in $cache: ${free_mb} MB free, about ${need_mb} MB
needed. Free some space or point COUNTERSIGN_CACHE at a roomier place."
    fi
}

check_registry() {
    local url="$mirror/dists/$suite/Release"
    if command -v curl >/dev/null 2>&1; then
        curl -fsS --max-time 30 -o /dev/null "$url" 2>/dev/null && return 0
    elif command -v wget >/dev/null 2>&1; then
        wget -q -T 30 -O /dev/null "$url" && return 0
    else
        return 0 # nothing to ask with; debootstrap will tell
    fi
    die "cannot reach Debian's package registry at $mirror (fetching $url failed). Check the network,
or set COUNTERSIGN_MIRROR to a reachable Debian mirror."
}

ensure_debootstrap() {
    command -v debootstrap >/dev/null 2>&1 && return 0
    command -v apt-get >/dev/null 2>&1 || die "debootstrap is missing and there is no apt-get to install it with"
    note "installing debootstrap on the host"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null; } ||
        die "could not install debootstrap on the host (apt-get install debootstrap failed)"
}

# Creates the root of a kind (build by default) for its current package list, once. Concurrent callers
# wait on a lock; a root is only ever used after it was completed, because it is built under a
# temporary name and renamed.
ensure_root() {
    local kind=${1:-build} root
    root=$(root_dir "$kind")
    [ -e "$root/.countersign-root-complete" ] && return 0
    require_root_user
    mkdir -p "$cache"
    exec 8>"$cache/.create.lock"
    flock 8
    [ -e "$root/.countersign-root-complete" ] && { exec 8>&-; return 0; }
    check_space
    ensure_debootstrap
    check_registry
    local tmp="$root.partial" log="$cache/create-$(root_key "$kind").log"
    safe_remove "$tmp"
    note "creating the Debian 13 $kind root in $root (once; about a minute; log: $log)"
    local start=$SECONDS
    if ! debootstrap --variant=minbase "$suite" "$tmp" "$mirror" >"$log" 2>&1; then
        tail -n 15 "$log" >&2
        die "debootstrap of Debian $suite from $mirror failed (full log: $log)"
    fi
    cp /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null || true
    printf '#!/bin/sh\nexit 101\n' >"$tmp/usr/sbin/policy-rc.d"
    chmod +x "$tmp/usr/sbin/policy-rc.d"
    # shellcheck disable=SC2046
    if ! unshare --mount --propagation private -- "$self" __chroot "$tmp" / \
        sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" && apt-get clean' \
        _ $(packages "$kind") >>"$log" 2>&1; then
        tail -n 15 "$log" >&2
        die "installing the $kind root's packages failed (full log: $log)"
    fi
    packages "$kind" >"$tmp/.countersign-root-complete"
    mv "$tmp" "$root"
    note "$kind root ready in $((SECONDS - start)) s"
    # Roots of this kind made for an older package list are no longer used, unless a build still runs
    # in one (it holds a shared lock on it: hold_root): that one stays until a later run.
    local old
    for old in "$cache/$(prefix "$kind")"-*; do
        [ "$old" = "$root" ] && continue
        [ -d "$old" ] || continue
        if ! flock -n -x "$old/.countersign-root-complete" true 2>/dev/null; then
            note "keeping the outdated $kind root $old for now: a build is running in it"
            continue
        fi
        note "removing the outdated $kind root $old"
        safe_remove "$old"
    done
    exec 8>&-
}

# Internal: runs inside a private mount namespace. Mounts what a build needs into ROOT, chroots and
# runs the command in DIR; the trap unmounts on the way out.
inside_chroot() {
    local root=$1 dir=$2
    shift 2
    mounted=() # global: the EXIT trap runs after this function has returned
    unmount_all() {
        local i
        for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
            umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
        done
    }
    trap unmount_all EXIT
    mount -t proc proc "$root/proc" && mounted+=("$root/proc")
    mount --bind /dev "$root/dev" && mounted+=("$root/dev")
    mount -t tmpfs shm "$root/dev/shm" && mounted+=("$root/dev/shm")
    mount -t tmpfs tmp "$root/tmp" && mounted+=("$root/tmp")
    if [ "$dir" != / ]; then
        # The repository appears at the same path inside, so build trees and messages name real paths.
        mkdir -p "$root$repo"
        mount --bind "$repo" "$root$repo" && mounted+=("$root$repo")
    fi
    local display_env=()
    if [ -n "${DISPLAY:-}" ] && [ -d /tmp/.X11-unix ]; then
        mkdir -p "$root/tmp/.X11-unix"
        mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix" && mounted+=("$root/tmp/.X11-unix")
        display_env+=("DISPLAY=$DISPLAY")
        local xauth=${XAUTHORITY:-${HOME:-/root}/.Xauthority}
        if [ -r "$xauth" ]; then
            cp "$xauth" "$root/tmp/.Xauthority"
            display_env+=(XAUTHORITY=/tmp/.Xauthority)
        fi
    fi
    # The commit for the About dialog (ui/commit.cmake): a worktree's git folder lies outside the
    # repository, out of the root's sight.
    local commit
    commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || true)
    local rc=0
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM="${TERM:-dumb}" \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin CI="${CI:-}" \
        COUNTERSIGN_IN_ROOT=1 COUNTERSIGN_COMMIT="$commit" "${display_env[@]}" \
        /bin/sh -c 'cd "$1" && shift && exec "$@"' _ "$dir" "$@" || rc=$?
    return $rc
}

# Runs a command in the build environment (natively, or in the root), in the current directory.
in_env() {
    if [ "$env_mode" = native ]; then
        "$@"
    else
        unshare --mount --propagation private -- "$self" __chroot "$(root_dir)" "$PWD" "$@"
    fi
}

# Holds a shared lock on the root of a kind for as long as this script runs, so that another run
# making a newer root does not delete this one under it (ensure_root). The file descriptor is the
# kind's own: 7 for the build root, 6 for the runtime root.
hold_root() {
    local kind=${1:-build}
    if [ "$kind" = runtime ]; then
        exec 6<"$(root_dir runtime)/.countersign-root-complete"
        flock -s 6
    else
        exec 7<"$(root_dir build)/.countersign-root-complete"
        flock -s 7
    fi
}

setup() {
    env_mode=$(mode)
    if [ "$env_mode" = root ]; then
        ensure_root
        hold_root build
        note "building in the Debian 13 root $(root_dir)"
    else
        note "building natively"
    fi
}

env_stamp() { if [ "$env_mode" = native ]; then echo native; else root_key; fi; }

# Internal, runs in the environment: configure (if needed) and build one preset. A build tree made by
# the other environment is discarded, since its compiler and library paths do not apply.
do_build() {
    local preset=$1 stamp=$2 bin="$repo/build/$1"
    if [ -f "$bin/.countersign-env" ] && [ "$(cat "$bin/.countersign-env")" != "$stamp" ]; then
        rm -rf "$bin"
    fi
    cd "$repo"
    if [ ! -f "$bin/CMakeCache.txt" ]; then
        cmake --preset "$preset" >/dev/null
        echo "$stamp" >"$bin/.countersign-env"
    fi
    cmake --build --preset "$preset"
}

# Internal, runs in the build root: makes the .deb from the default build and prints its path.
do_package() {
    cd "$repo/build/default"
    rm -f countersign_*.deb
    cpack -G DEB >cpack.log 2>&1 || { cat cpack.log >&2; die "cpack failed (log: build/default/cpack.log)"; }
    ls "$PWD"/countersign_*.deb
}

# Builds the .deb and prints its path. The package is for Debian 13, so it is always made in the
# Debian 13 root, from the default preset's build.
package() {
    require_root_user
    cd "$repo"
    env_mode=root
    ensure_root build
    hold_root build
    in_env "$self" __build default "$(env_stamp)" >&2
    deb=$(in_env "$self" __package) || exit 1 # global: deb_test uses it
    note "built $(basename "$deb"): $(du -h "$deb" | cut -f1)"
}

# The package test: builds the .deb in the build root, copies the cached runtime root (a bare Debian
# 13) to a throwaway directory, and runs test-deb.sh in it: install with the dependencies apt
# resolves, use, purge, check that nothing is left. The downloaded dependencies are kept in the
# cache between runs (apt checks them against the lists it has just fetched). The window's
# screenshot ends up in build/deb-test/installed.png.
deb_test() {
    package
    ensure_root runtime
    hold_root runtime
    scratch="$cache/deb-test-$$" # global: the EXIT trap runs after this function has returned
    local archives="$cache/deb-test-archives" out="$repo/build/deb-test"
    trap 'safe_remove "$scratch"' EXIT
    note "copying the runtime root $(root_dir runtime) to $scratch"
    cp -a "$(root_dir runtime)" "$scratch"
    mkdir -p "$scratch/root/deb-test" "$archives" "$out"
    cp "$deb" "$here/test-deb.sh" "$scratch/root/deb-test/"
    cp "$repo/resources/samples/RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md" \
        "$scratch/root/deb-test/left.md"
    cp "$repo/resources/samples/RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md" "$scratch/root/deb-test/right.md"
    find "$archives" -name '*.deb' -exec cp -t "$scratch/var/cache/apt/archives/" {} +
    local rc=0
    unshare --mount --propagation private -- "$self" __chroot "$scratch" / \
        /bin/bash /root/deb-test/test-deb.sh /root/deb-test || rc=$?
    # Keep what this run downloaded, and only that, for the next one.
    find "$archives" -name '*.deb' -delete
    find "$scratch/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -t "$archives/" {} +
    rm -f "$out/installed.png"
    [ -f "$scratch/root/deb-test/installed.png" ] && cp "$scratch/root/deb-test/installed.png" "$out/"
    [ "$rc" = 0 ] || die "the package test failed (exit status $rc)"
    note "package test passed; the installed app's screenshot: build/deb-test/installed.png"
}

parse_preset() {
    preset=default
    if [ "${1:-}" = --sanitize ]; then preset=asan; return 0; fi
    return 1
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
__chroot) inside_chroot "$@" ;;
__build) do_build "$@" ;;
__package) do_package ;;
package) package && echo "$deb" ;;
deb-test) deb_test ;;
build)
    parse_preset "${1:-}" && shift || true
    setup
    in_env "$self" __build "$preset" "$(env_stamp)"
    ;;
test)
    parse_preset "${1:-}" && shift || true
    setup
    in_env "$self" __build "$preset" "$(env_stamp)"
    cd "$repo"
    in_env ctest --preset "$preset" "$@"
    ;;
run)
    setup
    in_env "$self" __build default "$(env_stamp)"
    app="$repo/build/default/app/countersign"
    if [ $# -eq 0 ]; then
        set -- "$repo/resources/samples/RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md" \
            "$repo/resources/samples/RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md"
    fi
    if [ -n "${DISPLAY:-}" ]; then
        in_env "$app" open "$@"
    else
        shot="$repo/build/screenshots/countersign-$(date +%Y%m%d-%H%M%S).png"
        mkdir -p "$(dirname "$shot")"
        in_env xvfb-run -a -s "-screen 0 1600x1000x24" "$app" open "$@" --screenshot "$shot"
        echo "No display: ran the app under Xvfb and saved a screenshot: $shot"
    fi
    ;;
shell)
    setup
    cd "$repo"
    in_env /bin/bash
    ;;
exec)
    [ $# -gt 0 ] || die "exec needs a command"
    setup
    in_env "$@"
    ;;
where)
    env_mode=$(mode)
    if [ "$env_mode" = native ]; then echo "native build on this host"; else echo "Debian 13 root: $(root_dir)"; fi
    ;;
-h | --help | help | "")
    # The usage: the first 18 lines of the header comment, after the shebang and any licence lines.
    sed -e 1d -e '/^# SPDX-/d' "$self" | sed -e '1{/^#$/d;}' | sed -n '1,18p' | sed 's/^# \{0,1\}//'
    ;;
*) die "unknown command '$cmd' (try: run, test, build, shell, exec, where, package, deb-test)" ;;
esac
