#!/usr/bin/env bash
# The .debs in a clean Debian 12 root: `cpack -G DEB` in the build directory, a minbase bookworm root made by
# debootstrap from the mirror this machine's apt already uses, `apt-get install --no-install-recommends` of both
# packages there (so apt resolves Depends, and Depends alone must be enough), then:
#   - `tokendesk --version` (offscreen) and `tokendesk-server --version` print the project version
#   - no library of the binaries or of the plugins Qt loads at run time is missing
#   - desktop file, AppStream metainfo, SVG + hicolor PNG icons, systemd unit and sysusers.d file are in place
#   - the system user and /var/lib/tokendesk exist; the server initialises there as that user and serves HTTP
#   - `apt-get purge` removes every file of ours, /var/lib/tokendesk and an admin's enablement of the unit
# Any failure exits non-zero with a FAIL line. Needs root (debootstrap, chroot, mounts).
#
#   deb-install-test.sh --build-dir DIR --cpack PATH-TO-CPACK --version X.Y.Z
#
# The bootstrapped root is kept as a tarball (TOKENDESK_DEB_TEST_CACHE, default <build>/packaging-test/cache)
# for a week, and apt's downloads beside it, so that a second run only installs.
set -euo pipefail
# shellcheck source=deb-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/deb-common.sh"

build_dir='' cpack='' version=''
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build_dir=$2; shift 2 ;;
        --cpack) cpack=$2; shift 2 ;;
        --version) version=$2; shift 2 ;;
        *) fail "unknown argument $1 (usage: $0 --build-dir DIR --cpack CPACK --version X.Y.Z)" ;;
    esac
done
[ -n "$build_dir" ] && [ -n "$cpack" ] && [ -n "$version" ] || fail "usage: $0 --build-dir DIR --cpack CPACK --version X.Y.Z"
[ -f "$build_dir/CPackConfig.cmake" ] || fail "$build_dir/CPackConfig.cmake is missing: configure and build first"

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        exec sudo -n --preserve-env=TOKENDESK_DEB_TEST_CACHE bash "$0" --build-dir "$build_dir" --cpack "$cpack" \
            --version "$version"
    fi
    fail "this test needs root (debootstrap, chroot, mount); run the tests as root or with passwordless sudo"
fi
for tool in debootstrap chroot mount umount dpkg-deb tar; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: run scripts/deps.sh test"
done

build_dir=$(cd "$build_dir" && pwd)
work=$build_dir/packaging-test
cache=${TOKENDESK_DEB_TEST_CACHE:-$work/cache}
root=$work/root
debs=$work/debs
mkdir -p "$work" "$cache/archives/partial"

cleanup() {
    unmount_all
    if [ -n "${server_pid:-}" ]; then kill "$server_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

# ---- 1. the packages -----------------------------------------------------------------------------------------
step "cpack -G DEB"
cpack_debs "$debs"
console_deb=$(ls "$debs"/tokendesk_"$version"-*.deb 2>/dev/null | head -n1 || true)
server_deb=$(ls "$debs"/tokendesk-server_"$version"-*.deb 2>/dev/null | head -n1 || true)
[ -n "$console_deb" ] && [ -n "$server_deb" ] || { ls -l "$debs" >&2; fail "cpack made no tokendesk_$version / tokendesk-server_$version .deb"; }
echo "$(basename "$console_deb") $(du -h "$console_deb" | cut -f1), $(basename "$server_deb") $(du -h "$server_deb" | cut -f1)"

# Depends must name what is loaded at run time, which dpkg-shlibdeps cannot see.
check_field() { # DEB FIELD PACKAGE...
    local deb=$1 field=$2 value p
    shift 2
    value=$(dpkg-deb -f "$deb" "$field")
    for p in "$@"; do
        grep -Eq "(^|[ ,|])$p( |,|$)" <<<"$value" || fail "$(basename "$deb"): $field lacks $p: $value"
    done
}
check_field "$console_deb" Depends libqt6widgets6 libqt6gui6 libqt6network6 libqt6core6 libqt6keychain1 \
    qt6-qpa-plugins libqt6svg6 libsecret-1-0 libssl3
check_field "$console_deb" Recommends gnome-keyring
check_field "$server_deb" Depends libqt6sql6 libqt6sql6-sqlite libqt6network6 libssl3 passwd
check_field "$server_deb" Recommends libqt6sql6-psql
check_field "$server_deb" Suggests postgresql
contents=$(dpkg-deb -c "$server_deb")
grep -q '/usr/lib/systemd/system/tokendesk-server.service$' <<<"$contents" || fail "the server package has no systemd unit"
for script in postinst prerm postrm; do
    dpkg-deb -I "$server_deb" "$script" >/dev/null 2>&1 || fail "the server package has no $script"
done

# ---- 2. a clean Debian 12 root ------------------------------------------------------------------------------
make_root
[ ! -d "$root/run/systemd/system" ] || fail "the root claims a running systemd"

# ---- 3. install: apt resolves Depends ------------------------------------------------------------------------
step "apt-get install --no-install-recommends ./tokendesk*.deb"
mkdir -p "$root/tmp/debs"
cp "$console_deb" "$server_deb" "$root/tmp/debs/"
: >"$work/apt.log"
root_apt "$work/apt.log" update || { cat "$work/apt.log" >&2; fail "apt-get update failed"; }
root_apt "$work/apt.log" install -y --no-install-recommends "/tmp/debs/$(basename "$console_deb")" \
    "/tmp/debs/$(basename "$server_deb")" ||
    { tail -n 40 "$work/apt.log" >&2; fail "apt-get install of the .debs failed"; }
grep -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$work/apt.log" | tail -n1 || true
for p in tokendesk tokendesk-server; do
    [ "$(in_root dpkg-query -W -f='${db:Status-Abbrev}' "$p")" = "ii " ] || fail "$p is not installed"
done

# ---- 4. both programs run ----------------------------------------------------------------------------------
step "tokendesk --version, tokendesk-server --version"
# stdout only: Qt may warn on stderr (no XDG_RUNTIME_DIR in a chroot), which is no failure.
out=$(in_root QT_QPA_PLATFORM=offscreen tokendesk --version 2>"$work/stderr") ||
    fail "tokendesk --version failed: $(cat "$work/stderr")"
[ "$out" = "TokenDesk $version" ] ||
    fail "tokendesk --version printed '$out', expected 'TokenDesk $version' ($(cat "$work/stderr"))"
echo "$out"
out=$(in_root tokendesk-server --version 2>"$work/stderr") || fail "tokendesk-server --version failed: $(cat "$work/stderr")"
[ "$out" = "tokendesk-server $version" ] || fail "tokendesk-server --version printed '$out' ($(cat "$work/stderr"))"
echo "$out"

# Every library the binaries link and the plugins Qt loads at run time (xcb and offscreen platforms, SVG icon
# engine and image format, SQLite driver, OpenSSL TLS backend) resolves; libssl and libsecret are dlopened.
step "run-time libraries and plugins"
multiarch=$(in_root sh -c 'ls -d /usr/lib/*-linux-gnu* | head -n1')
plugins=$multiarch/qt6/plugins
for f in /usr/bin/tokendesk /usr/bin/tokendesk-server "$plugins/platforms/libqxcb.so" \
    "$plugins/platforms/libqoffscreen.so" "$plugins/iconengines/libqsvgicon.so" "$plugins/imageformats/libqsvg.so" \
    "$plugins/sqldrivers/libqsqlite.so" "$plugins/tls/libqopensslbackend.so" "$multiarch/libsecret-1.so.0" \
    "$multiarch/libssl.so.3"; do
    [ -e "$root$f" ] || fail "$f is not installed: a Depends is missing"
    missing=$(in_root ldd "$f" 2>&1 | grep 'not found' || true)
    [ -z "$missing" ] || fail "$f: $missing"
done

# ---- 5. desktop integration and the service -----------------------------------------------------------------
step "installed files, system user, state directory"
for f in /usr/share/applications/io.tokendesk.TokenDesk.desktop /usr/share/metainfo/io.tokendesk.TokenDesk.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/tokendesk.svg /usr/lib/systemd/system/tokendesk-server.service \
    /usr/lib/sysusers.d/tokendesk-server.conf /usr/share/doc/tokendesk/copyright \
    /usr/share/doc/tokendesk-server/copyright; do
    [ -f "$root$f" ] || fail "$f is not installed"
done
for size in 16 32 48 64 128 256; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/tokendesk.png
    [ -f "$png" ] || fail "${size}x${size} icon is not installed"
    # PNG signature, then the IHDR chunk's width and height (big-endian) at bytes 16..23.
    [ "$(od -An -tx1 -N8 "$png" | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png is not a PNG"
    dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }')
    [ "$dims" = "${size}x${size}" ] || fail "$png is $dims, not ${size}x${size}"
done
grep -qx 'Exec=tokendesk' "$root/usr/share/applications/io.tokendesk.TokenDesk.desktop" || fail "desktop file: Exec"
grep -qx 'Icon=tokendesk' "$root/usr/share/applications/io.tokendesk.TokenDesk.desktop" || fail "desktop file: Icon"
unit=$root/usr/lib/systemd/system/tokendesk-server.service
for line in User=tokendesk StateDirectory=tokendesk NoNewPrivileges=yes ProtectSystem=strict ProtectHome=yes \
    PrivateTmp=yes 'ExecStart=/usr/bin/tokendesk-server --db /var/lib/tokendesk/tokendesk.sqlite --listen 127.0.0.1:8443'; do
    grep -qxF "$line" "$unit" || fail "the unit lacks '$line'"
done
if command -v systemd-analyze >/dev/null 2>&1 && [ -d /usr/lib/systemd/system ]; then
    # Offline, in a scratch root beside (the package's root has no systemd): the unit parses, every directive is
    # known to this machine's systemd, ExecStart is executable; and its exposure score stays low.
    scratch=$work/unit-root
    remove_tree "$scratch"
    mkdir -p "$scratch/usr/lib/systemd/system" "$scratch/usr/bin"
    cp /usr/lib/systemd/system/*.target "$unit" "$scratch/usr/lib/systemd/system/"
    cp "$root/usr/bin/tokendesk-server" "$scratch/usr/bin/"
    verify=$(systemd-analyze verify --root="$scratch" /usr/lib/systemd/system/tokendesk-server.service 2>&1) ||
        fail "systemd-analyze verify: $verify"
    [ -z "$verify" ] || fail "systemd-analyze verify: $verify"
    security=$(systemd-analyze security --offline=true --threshold=25 --root="$scratch" \
        /usr/lib/systemd/system/tokendesk-server.service 2>&1) || fail "systemd-analyze security: $security"
    grep 'Overall exposure level' <<<"$security" || true
    remove_tree "$scratch"
fi
passwd_line=$(in_root getent passwd tokendesk) || fail "postinst made no system user tokendesk"
IFS=: read -r _ _ uid _ _ home shell <<<"$passwd_line"
[ "$uid" -lt 1000 ] && [ "$home" = /var/lib/tokendesk ] && [ "$shell" = /usr/sbin/nologin ] ||
    fail "the user tokendesk is not a system user with home /var/lib/tokendesk: $passwd_line"
[ "$(in_root stat -c '%U:%G %a' /var/lib/tokendesk)" = "tokendesk:tokendesk 750" ] ||
    fail "/var/lib/tokendesk: $(in_root stat -c '%U:%G %a' /var/lib/tokendesk)"

# The server as README tells an admin to run it (sudo -u there; setpriv here, it needs no PAM): it refuses to
# start before --init, initialises as the user tokendesk, then serves.
step "tokendesk-server --init and a request, as the user tokendesk"
as_tokendesk=(setpriv --reuid=tokendesk --regid=tokendesk --init-groups)
db=/var/lib/tokendesk/tokendesk.sqlite
if in_root timeout 30 "${as_tokendesk[@]}" tokendesk-server --db "$db" --listen 127.0.0.1:0 >/dev/null 2>&1; then
    fail "tokendesk-server started before --init"
fi
out=$(in_root TOKENDESK_ADMIN_PASSWORD=deb-install-test-password "${as_tokendesk[@]}" tokendesk-server --init \
    --db "$db" --admin-email admin@example.com 2>&1) || fail "tokendesk-server --init failed: $out"
[ "$(in_root stat -c '%U %a' "$db.keys")" = "tokendesk 600" ] || fail "the key file is not tokendesk's, 0600"
: >"$root/tmp/server.out"
# Not through in_root: a backgrounded function is a subshell, and killing it would leave the server running.
# chroot, env and setpriv each exec the next, so $! is the server itself.
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 \
    "${as_tokendesk[@]}" tokendesk-server --db "$db" --listen 127.0.0.1:0 >"$root/tmp/server.out" 2>&1 &
server_pid=$!
url=
for _ in $(seq 100); do
    url=$(head -n1 "$root/tmp/server.out" | grep -E '^http://127\.0\.0\.1:[0-9]+$' || true)
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
done
[ -n "$url" ] || fail "tokendesk-server did not serve: $(cat "$root/tmp/server.out")"
exec 3<>"/dev/tcp/127.0.0.1/${url##*:}" || fail "cannot connect to $url"
printf 'GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
status=$(head -n1 <&3 | tr -d '\r')
exec 3<&-
[[ "$status" == "HTTP/1.1 401"* ]] || fail "GET /api/v1/me without credentials answered '$status', expected 401"
echo "$url: $status"
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
kill -0 "$server_pid" 2>/dev/null && fail "tokendesk-server (pid $server_pid) did not stop"
server_pid=

# ---- 6. purge leaves nothing of ours -------------------------------------------------------------------------
step "apt-get purge tokendesk tokendesk-server"
owned=$(in_root dpkg-query -L tokendesk tokendesk-server)
# What `systemctl enable tokendesk-server` makes; purge must take it away.
mkdir -p "$root/etc/systemd/system/multi-user.target.wants"
ln -sf /usr/lib/systemd/system/tokendesk-server.service "$root/etc/systemd/system/multi-user.target.wants/"
root_apt "$work/apt.log" purge -y tokendesk tokendesk-server ||
    { tail -n 30 "$work/apt.log" >&2; fail "apt-get purge failed"; }
for p in tokendesk tokendesk-server; do
    state=$(in_root dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
    [ -z "$state" ] || [ "$state" = "un " ] || [ "$state" = "pn " ] || fail "$p is still known to dpkg as '$state'"
done
while read -r f; do
    [ -n "$f" ] && [ ! -d "$root$f" ] || continue
    [ ! -e "$root$f" ] && [ ! -L "$root$f" ] || fail "$f is left after purge"
done <<<"$owned"
[ ! -e "$root/var/lib/tokendesk" ] || fail "/var/lib/tokendesk is left after purge"
leftover=$(cd "$root" && find . -xdev \( -path ./tmp -o -path ./proc -o -path ./var/cache/apt \) -prune -o \
    -iname '*tokendesk*' -print)
[ -z "$leftover" ] || fail "left after purge: $leftover"

cleanup
trap - EXIT
remove_tree "$root"
step "passed"
