#!/usr/bin/env bash
# README command 2: install what is missing, build with test hooks, and run every test inside a D-Bus
# session with an unlocked gnome-keyring (so keychain tests talk to a real Secret Service).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake --preset test -DTOKENDESK_WERROR=$werror -DTOKENDESK_BUILD_TESTS=ON
cmake --build --preset test -j "$(nproc)"

# The tests get a home of their own: a fresh keyring (created unlocked with a throw-away password), settings and
# data, so that they neither depend on nor touch the keyring and files of whoever runs them.
sandbox=$(mktemp -d)
trap 'rm -rf "$sandbox"' EXIT
export XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" XDG_CACHE_HOME="$sandbox/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
export QT_QPA_PLATFORM=offscreen
dbus-run-session -- sh -c '
    printf "tokendesk-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
    ctest --test-dir build/test --output-on-failure -j 2 "$@"' ctest "$@"
