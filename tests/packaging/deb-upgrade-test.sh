#!/usr/bin/env bash
# An upgrade of the packaged server from v0.1.0 to this build, in a clean Debian 12 root (the one of
# deb-install-test.sh, from the same cache):
#   1. the v0.1.0 .debs (built once from their commit by old-debs.sh and cached) installed with apt; the server
#      initialised as the user tokendesk, its service enabled and started; through the API: an API key, a revoked
#      API key, a UAT, a private token and two sessions (one refreshed), each checked to work or to be refused
#   2. `apt-get install` of this build's .debs (cpack; with a higher Debian revision when the project version is
#      still v0.1.0's, so that apt sees an upgrade)
#   3. the package restarted the running service by itself (postinst's try-restart: a new process, on the new
#      binary), the server copied the database to <db>.schema-<old>-<time>.bak before migrating and the copy holds
#      the rows from before; the migrations are recorded once each and every row from before is still there,
#      unchanged but for last-use times, which only move forward (read from a `tokendesk-server --backup`
#      snapshot); every credential authenticates or is refused as before, both sessions refresh, the audit log
#      has every event from before
#   4. a restart migrates nothing and copies nothing again; with the service stopped, reinstalling the package
#      leaves it stopped
# No systemd runs in a chroot: tests/packaging/fake-systemctl.sh stands in for systemctl (and /run/systemd/system
# is made), so the maintainer scripts take their systemd branch; it starts the unit's ExecStart as its User with
# its UMask, nothing of its sandboxing. A drop-in moves the listening port to a free one, as README's
# `systemctl edit` does. Any failure exits non-zero with a FAIL line. Needs root (debootstrap, chroot, mounts).
#
#   deb-upgrade-test.sh --build-dir DIR --source-dir REPO --cmake CMAKE --cpack CPACK --version X.Y.Z
#                       [--old-commit 22d23bf]
#
# Cache (TOKENDESK_DEB_TEST_CACHE, default <build>/packaging-test/cache, shared with deb-install-test.sh): the
# bootstrapped root, apt's downloads, and the old release's .debs by commit (debs-<commit>-<arch>).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=deb-common.sh
source "$here/deb-common.sh"

build_dir='' source_dir='' cmake='' cpack='' version='' old_commit=22d23bf
usage="usage: $0 --build-dir DIR --source-dir REPO --cmake CMAKE --cpack CPACK --version X.Y.Z [--old-commit C]"
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build_dir=$2; shift 2 ;;
        --source-dir) source_dir=$2; shift 2 ;;
        --cmake) cmake=$2; shift 2 ;;
        --cpack) cpack=$2; shift 2 ;;
        --version) version=$2; shift 2 ;;
        --old-commit) old_commit=$2; shift 2 ;;
        *) fail "unknown argument $1 ($usage)" ;;
    esac
done
[ -n "$build_dir" ] && [ -n "$source_dir" ] && [ -n "$cmake" ] && [ -n "$cpack" ] && [ -n "$version" ] || fail "$usage"
[ -f "$build_dir/CPackConfig.cmake" ] || fail "$build_dir/CPackConfig.cmake is missing: configure and build first"

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        exec sudo -n --preserve-env=TOKENDESK_DEB_TEST_CACHE bash "$0" --build-dir "$build_dir" \
            --source-dir "$source_dir" --cmake "$cmake" --cpack "$cpack" --version "$version" --old-commit "$old_commit"
    fi
    fail "this test needs root (debootstrap, chroot, mount); run the tests as root or with passwordless sudo"
fi
for tool in debootstrap chroot mount umount dpkg-deb tar git python3 flock; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: run scripts/deps.sh test"
done

build_dir=$(cd "$build_dir" && pwd)
work=$build_dir/packaging-upgrade-test
cache=${TOKENDESK_DEB_TEST_CACHE:-$build_dir/packaging-test/cache}
root=$work/root
check=(python3 "$here/deb-upgrade-check.py")
mkdir -p "$work" "$cache"

unit=tokendesk-server.service
fake=$root/run/fake-systemd
db=/var/lib/tokendesk/tokendesk.sqlite
export TOKENDESK_ADMIN_EMAIL=admin@example.com TOKENDESK_ADMIN_PASSWORD=deb-upgrade-test-password

# The service's process, as the stand-in systemctl recorded it (empty when it is not running).
service_pid() { in_root systemctl show -p MainPID --value "$unit" | grep -v '^0$' || true; }
stop_service() {
    local pid
    pid=$(cat "$fake/$unit.pid" 2>/dev/null || true)
    # Only a process of this root: a stale pid file must not hit anything else.
    if [ -n "$pid" ] && [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$(realpath "$root")" ]; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
}
cleanup() {
    [ ! -d "$fake" ] || stop_service
    unmount_all
}
trap cleanup EXIT
# A server an interrupted run left running in the old root goes first.
[ ! -d "$fake" ] || stop_service

# ---- 1. the packages: v0.1.0's from the cache (built once), this build's from cpack -------------------------
step "the .debs of $old_commit (cached by commit, built the first time)"
old_dir=$(bash "$here/old-debs.sh" --source-dir "$source_dir" --commit "$old_commit" --cache "$cache" \
    --cmake "$cmake" --cpack "$cpack") || fail "no .debs of $old_commit"
old_console=$(ls "$old_dir"/tokendesk_*.deb) old_server=$(ls "$old_dir"/tokendesk-server_*.deb)
old_version=$(dpkg-deb -f "$old_server" Version)
echo "$(basename "$old_console"), $(basename "$old_server")"

step "cpack -G DEB (this build)"
cpack_args=()
if dpkg --compare-versions "$version-1" le "$old_version"; then
    # project(VERSION) is still the old release's: apt upgrades only to a higher version, so these packages get
    # the next Debian revision. Bumping project(VERSION) at the release makes this unnecessary.
    [ "$version" = "${old_version%-*}" ] || fail "the project version $version is older than $old_version"
    cpack_args=(-D "CPACK_DEBIAN_PACKAGE_RELEASE=$((${old_version##*-} + 1))")
    echo "project version $version = $old_version's: packaging as Debian revision ${old_version##*-} + 1"
fi
cpack_debs "$work/debs" "${cpack_args[@]}"
new_console=$(ls "$work"/debs/tokendesk_*.deb) new_server=$(ls "$work"/debs/tokendesk-server_*.deb)
new_version=$(dpkg-deb -f "$new_server" Version)
dpkg --compare-versions "$new_version" gt "$old_version" || fail "$new_version is not newer than $old_version"
echo "$(basename "$new_console"), $(basename "$new_server")"

# ---- 2. v0.1.0 installed, initialised, running, with credentials ------------------------------------------
make_root
mkdir -p "$root/tmp/debs"
cp "$old_console" "$old_server" "$new_console" "$new_server" "$root/tmp/debs/"
in_deb() { echo "/tmp/debs/$(basename "$1")"; }
step "apt-get install v$old_version"
apt_log=$work/apt.log
: >"$apt_log"
root_apt "$apt_log" update || { cat "$apt_log" >&2; fail "apt-get update failed"; }
# As systemd would be there: the maintainer scripts call systemctl (the stand-in) from now on. /usr/bin, where
# systemd has it: apt runs dpkg with PATH=/usr/sbin:/usr/bin:/sbin:/bin (DPkg::Path).
[ ! -e "$root/usr/bin/systemctl" ] || fail "the root has a systemctl of its own: $(in_root dpkg -S /usr/bin/systemctl)"
install -m 755 "$here/fake-systemctl.sh" "$root/usr/bin/systemctl"
mkdir -p "$root/run/systemd/system"
root_apt "$apt_log" install -y --no-install-recommends "$(in_deb "$old_console")" "$(in_deb "$old_server")" ||
    { tail -n 40 "$apt_log" >&2; fail "apt-get install of $old_version failed"; }
for p in tokendesk tokendesk-server; do
    [ "$(in_root dpkg-query -W -f='${Version}' "$p")" = "$old_version" ] || fail "$p $old_version is not installed"
done

step "tokendesk-server --init, systemctl enable --now (v$old_version)"
out=$(in_root TOKENDESK_ADMIN_PASSWORD="$TOKENDESK_ADMIN_PASSWORD" setpriv --reuid=tokendesk --regid=tokendesk \
    --init-groups tokendesk-server --init --db "$db" --admin-email "$TOKENDESK_ADMIN_EMAIL" 2>&1) ||
    fail "tokendesk-server --init failed: $out"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
# README: another address goes into `systemctl edit tokendesk-server` (an empty ExecStart=, then the new one).
mkdir -p "$root/etc/systemd/system/$unit.d"
printf '[Service]\nExecStart=\nExecStart=/usr/bin/tokendesk-server --db %s --listen 127.0.0.1:%s\n' "$db" "$port" \
    >"$root/etc/systemd/system/$unit.d/override.conf"
in_root systemctl enable --now "$unit" || fail "systemctl enable --now $unit failed"
# Waits until the server answers (401 without credentials); prints nothing.
wait_serving() {
    local what=$1
    for _ in $(seq 150); do
        if python3 - "$url" <<'EOF' 2>/dev/null; then return 0; fi
import sys, urllib.request, urllib.error
try:
    urllib.request.build_opener(urllib.request.ProxyHandler({})).open(sys.argv[1] + "/api/v1/me", timeout=2)
except urllib.error.HTTPError as e:
    sys.exit(0 if e.code == 401 else 1)
sys.exit(1)
EOF
        sleep 0.2
    done
    fail "$what does not serve on $url: $(tail -n 20 "$fake/$unit.log" 2>/dev/null)"
}
wait_serving "v$old_version"
old_pid=$(service_pid)
[ -n "$old_pid" ] || fail "the service is not running: $(tail -n 20 "$fake/$unit.log")"
echo "v$old_version serves on $url (pid $old_pid)"

step "credentials and sessions through the API (v$old_version)"
"${check[@]}" seed "$url" "$work/state.json"
# The database as it is just before the upgrade (read-only, beside the running server; nothing calls it until
# the upgrade).
"${check[@]}" snapshot "$root$db" "$work/pre.json" || fail "cannot read the v$old_version database"

# ---- 3. the upgrade ----------------------------------------------------------------------------------------
step "apt-get install v$new_version (the service is enabled and running)"
calls_before=$(wc -l <"$fake/calls.log")
root_apt "$apt_log" install -y --no-install-recommends "$(in_deb "$new_console")" "$(in_deb "$new_server")" ||
    { tail -n 40 "$apt_log" >&2; fail "apt-get install of $new_version failed"; }
grep -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$apt_log" | tail -n1 || true
for p in tokendesk tokendesk-server; do
    [ "$(in_root dpkg-query -W -f='${Version}' "$p")" = "$new_version" ] || fail "$p was not upgraded to $new_version"
done
calls=$(tail -n +$((calls_before + 1)) "$fake/calls.log")
echo "systemctl calls of the maintainer scripts: $(paste -sd ';' - <<<"$calls")"
grep -Eq "^try-restart ($unit|${unit%.service})$" <<<"$calls" || fail "the upgrade did not try-restart $unit (postinst)"
[ "$(in_root systemctl is-enabled "$unit")" = enabled ] || fail "the upgrade disabled $unit"

step "the service restarted by itself, on the new binary"
wait_serving "v$new_version"
new_pid=$(service_pid)
[ -n "$new_pid" ] || fail "the service is not running after the upgrade: $(tail -n 20 "$fake/$unit.log")"
[ "$new_pid" != "$old_pid" ] || fail "the service still runs as pid $old_pid: the upgrade did not restart it"
! kill -0 "$old_pid" 2>/dev/null || fail "the old server (pid $old_pid) still runs"
exe=$(readlink "/proc/$new_pid/exe")
[ "$exe" = "$(realpath "$root")/usr/bin/tokendesk-server" ] ||
    fail "the service runs $exe, not the upgraded /usr/bin/tokendesk-server"
[ "$(stat -L -c %i "/proc/$new_pid/exe")" = "$(stat -c %i "$root/usr/bin/tokendesk-server")" ] ||
    fail "the service does not run the installed /usr/bin/tokendesk-server"
echo "pid $old_pid -> $new_pid, $exe"

step "the copy made before migrating"
old_schema=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["migrations"]))' "$work/pre.json")
mapfile -t copies < <(cd "$root$(dirname "$db")" && ls -1 "$(basename "$db")".schema-* 2>/dev/null || true)
[ ${#copies[@]} -eq 1 ] ||
    fail "expected one copy $db.schema-$old_schema-*.bak beside the database, found: ${copies[*]:-none}"
copy=$(dirname "$db")/${copies[0]}
[[ "${copies[0]}" =~ ^$(basename "$db")\.schema-$old_schema-[0-9]{8}T[0-9]{6}Z\.bak$ ]] ||
    fail "the copy is named ${copies[0]}, expected $(basename "$db").schema-$old_schema-<yyyyMMddThhmmssZ>.bak"
perms=$(in_root stat -c '%U %a' "$copy")
[ "${perms% *}" = tokendesk ] && [ $((8#${perms#* } & 8#077)) -eq 0 ] ||
    fail "$copy is '$perms': it holds the credentials' digests, only tokendesk may read it"
"${check[@]}" snapshot "$root$copy" "$work/copy.json" || fail "cannot read $copy"
"${check[@]}" compare-same "$work/pre.json" "$work/copy.json"
log_lines=$(grep -c "copied the database to $copy first" "$fake/$unit.log" || true)
[ "$log_lines" = 1 ] || fail "the server logged the copy $log_lines times: $(grep -i 'schema' "$fake/$unit.log")"

step "tokendesk-server --backup; migrations once, every row kept"
backup() { # PATH-IN-ROOT: a snapshot of the served database, as its user (what an operator runs)
    rm -f "$root$1"
    local out
    out=$(in_root setpriv --reuid=tokendesk --regid=tokendesk --init-groups tokendesk-server --db "$db" \
        --backup "$1" 2>&1) || fail "tokendesk-server --backup $1 failed: $out"
    [ "$out" = "Backed up $db to $1." ] || fail "tokendesk-server --backup printed '$out'"
}
backup /tmp/after-upgrade.sqlite
"${check[@]}" snapshot "$root/tmp/after-upgrade.sqlite" "$work/post.json"
"${check[@]}" compare-kept "$work/pre.json" "$work/post.json"

step "credentials, sessions and the audit log after the upgrade"
"${check[@]}" check "$url" "$work/state.json"

# ---- 4. nothing runs twice; a stopped service stays stopped --------------------------------------------------
step "systemctl restart: nothing migrates or is copied again"
in_root systemctl restart "$unit"
wait_serving "v$new_version after a restart"
backup /tmp/after-restart.sqlite
"${check[@]}" snapshot "$root/tmp/after-restart.sqlite" "$work/restart.json" >/dev/null
python3 - "$work/post.json" "$work/restart.json" <<'EOF' || exit 1
import json, sys
a, b = (json.load(open(p))["migrations"] for p in sys.argv[1:])
if a != b:
    print(f"FAIL: a restart changed schema_migrations: {a} -> {b}", file=sys.stderr)
    sys.exit(1)
EOF
mapfile -t copies < <(cd "$root$(dirname "$db")" && ls -1 "$(basename "$db")".schema-* 2>/dev/null || true)
[ ${#copies[@]} -eq 1 ] || fail "a restart made another copy: ${copies[*]}"
log_lines=$(grep -c "copied the database to" "$fake/$unit.log" || true)
[ "$log_lines" = 1 ] ||
    fail "the server copied the database $log_lines times: $(grep 'copied the database' "$fake/$unit.log")"
echo "schema_migrations unchanged, still one copy"

step "systemctl stop, apt-get install --reinstall: the stopped service stays stopped"
in_root systemctl stop "$unit"
calls_before=$(wc -l <"$fake/calls.log")
root_apt "$apt_log" install -y --reinstall --no-install-recommends "$(in_deb "$new_server")" ||
    { tail -n 40 "$apt_log" >&2; fail "apt-get install --reinstall failed"; }
tail -n +$((calls_before + 1)) "$fake/calls.log" | grep -Eq "^try-restart ($unit|${unit%.service})$" ||
    fail "the reinstall did not try-restart $unit"
[ -z "$(service_pid)" ] || fail "the package started the stopped service"
echo "still stopped"

cleanup
trap - EXIT
remove_tree "$root"
rm -f "$work"/*.json # the test credentials' secrets and the snapshots, kept only when something failed
step "passed"
