# shellcheck shell=bash disable=SC2154 # build_dir, work, cache, root and cpack are the caller's
# Shared by deb-install-test.sh and deb-upgrade-test.sh (sourced, under `set -euo pipefail`): messages, the
# mirror this machine's apt uses, a clean Debian 12 root from a cached debootstrap, mounts that are always undone,
# commands and apt inside the root, cpack.
#
# The caller sets: build_dir (absolute), work (its own folder), cache (shared by the tests: the bootstrapped
# root, apt's downloads, old releases' .debs) and root (its Debian root, under work). Tests that run at the same
# time share the cache: bootstrapping, apt (both roots bind-mount the same archives folder) and cpack in the same
# build directory take a lock each.

started=$SECONDS
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "== [$((SECONDS - started)) s] $*"; }

# ---- the mirror: read from this machine's apt configuration, never written into the repository -------------
# Prints "URI SUITE COMPONENTS..." for every enabled deb entry, one-line and deb822 formats alike.
apt_entries() {
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk '$1 == "deb" {
                 i = 2
                 if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                 comps = ""
                 for (k = i + 2; k <= NF && $k !~ /^#/; k++) comps = comps " " $k
                 print $i, $(i + 1) comps
             }' "$f"
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk 'function flush(   n, m, a, b, U, S) {
                 if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled != "no") {
                     n = split(uris, U, /[ \t]+/); m = split(suites, S, /[ \t]+/)
                     for (a = 1; a <= n; a++) for (b = 1; b <= m; b++) if (U[a] != "" && S[b] != "") print U[a], S[b], comps
                 }
                 types = uris = suites = comps = enabled = ""
             }
             /^[ \t]*#/ { next }
             /^[ \t]*$/ { flush(); next }
             /^[A-Za-z-]+:/ {
                 key = tolower($1); sub(/:$/, "", key); val = $0; sub(/^[^:]*:[ \t]*/, "", val)
                 if (key == "types") types = val; else if (key == "uris") uris = val
                 else if (key == "suites") suites = val; else if (key == "components") comps = val
                 else if (key == "enabled") enabled = tolower(val)
             }
             END { flush() }' "$f"
    done
}
# Sets mirror (bookworm main) and root_sources (the root's sources.list: the same bookworm suites as this
# machine, updates and security included, main only).
find_mirror() {
    local entries
    entries=$(apt_entries)
    mirror=$(awk '$2 == "bookworm" { for (i = 3; i <= NF; i++) if ($i == "main") { print $1; exit } }' <<<"$entries")
    [ -n "$mirror" ] || fail "no 'deb … bookworm main' entry in /etc/apt/sources.list or /etc/apt/sources.list.d: \
this test bootstraps Debian 12 from the mirror this machine uses"
    root_sources=$(awk '$2 ~ /^bookworm(-updates|-security)?$/ { for (i = 3; i <= NF; i++) if ($i == "main") {
                            print "deb " $1 " " $2 " main"; break } }' <<<"$entries" | awk '!seen[$0]++')
}

# ---- mounts, always undone ----------------------------------------------------------------------------------
mounted=()
unmount_all() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
    done
    mounted=()
}
# Unmounts whatever an interrupted earlier run left under $1, then removes it without leaving this filesystem.
remove_tree() {
    local dir=$1 mnt
    [ -e "$dir" ] || return 0
    while read -r mnt; do
        umount "$mnt" 2>/dev/null || umount -l "$mnt" || fail "cannot unmount $mnt"
    done < <(awk -v d="$dir/" 'index($2 "/", d) == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$dir"
}
in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}

# ---- the packages of this build -----------------------------------------------------------------------------
# cpack_debs OUT [CPACK ARGS…]: `cpack -G DEB` of build_dir into OUT (emptied first); one cpack at a time per build
# directory, since each first builds the build's `preinstall` target there.
cpack_debs() {
    local out=$1
    shift
    remove_tree "$out"
    mkdir -p "$out"
    (
        flock 8
        "$cpack" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$out" "$@"
    ) 8>"$build_dir/.packaging-test-cpack.lock" >"$out.log" 2>&1 ||
        { cat "$out.log" >&2; fail "cpack -G DEB failed"; }
}

# ---- a clean Debian 12 root ---------------------------------------------------------------------------------
# make_root: $root from the bootstrapped tarball (made once a week, one test at a time), with apt's sources, no
# service start (policy-rc.d), /proc and the shared archives folder mounted.
make_root() {
    local base=$cache/bookworm-minbase.tar.gz
    mkdir -p "$cache/archives/partial"
    find_mirror
    (
        flock 8
        if [ -f "$base" ] && [ -n "$(find "$base" -mtime -7)" ]; then
            step "reusing the bootstrapped root ($base)"
        else
            step "debootstrap --variant=minbase bookworm (from this machine's apt mirror)"
            remove_tree "$work/bootstrap"
            debootstrap --variant=minbase bookworm "$work/bootstrap" "$mirror" >"$work/debootstrap.log" 2>&1 ||
                { tail -n 30 "$work/debootstrap.log" >&2; fail "debootstrap failed (log: $work/debootstrap.log)"; }
            tar --numeric-owner -czf "$base.part" -C "$work/bootstrap" . && mv "$base.part" "$base"
            remove_tree "$work/bootstrap"
        fi
    ) 8>"$cache/bootstrap.lock"
    remove_tree "$root"
    mkdir -p "$root"
    tar --numeric-owner -xzf "$base" -C "$root"
    printf '%s\n' "$root_sources" >"$root/etc/apt/sources.list"
    rm -f "$root"/etc/apt/sources.list.d/*
    cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    # No service starts inside the root.
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"
    mount -t proc proc "$root/proc" && mounted+=("$root/proc")
    mount --bind "$cache/archives" "$root/var/cache/apt/archives" && mounted+=("$root/var/cache/apt/archives")
}

# root_apt LOG ARGS…: apt-get ARGS… in the root, its output appended to LOG; one apt at a time per cache, since
# the roots share its archives folder (and apt's lock in it).
apt_opts=(-o APT::Sandbox::User=root -o Dpkg::Use-Pty=0 -q)
root_apt() {
    local log=$1
    shift
    (
        flock 8
        in_root apt-get "${apt_opts[@]}" "$@"
    ) 8>"$cache/apt.lock" >>"$log" 2>&1
}
