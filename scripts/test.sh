#!/usr/bin/env bash
# README command 2: install what is missing, build with test hooks, and run every test inside a D-Bus
# session with an unlocked gnome-keyring (so keychain tests talk to a real Secret Service); then the whole suite once
# more built with AddressSanitizer and UndefinedBehaviorSanitizer, and each fuzz target of tests/fuzz for a while.
#
# Environment: FUZZ_SECONDS (30) per fuzz target; TOKENDESK_QUICK=1 runs only the first pass (for a quick local
# check; CI never sets it). Arguments go to the first ctest run (e.g. -R tst_gui).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
jobs=$(nproc)

cmake --preset test -DTOKENDESK_WERROR=$werror -DTOKENDESK_BUILD_TESTS=ON
cmake --build --preset test -j "$jobs"

# The tests get a home of their own: a fresh keyring (created unlocked with a throw-away password), settings and
# data, so that they neither depend on nor touch the keyring and files of whoever runs them.
sandbox=$(mktemp -d)
trap 'rm -rf "$sandbox"' EXIT
export XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" XDG_CACHE_HOME="$sandbox/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
export QT_QPA_PLATFORM=offscreen

# ctest in the sandbox's D-Bus session with an unlocked keyring: run_tests BUILD_DIR [CTEST ARGS…]
run_tests() {
    # The keyring lives in a folder of its own: a login keyring the machine already has (with another password)
    # would stay locked and fail every keychain test.
    keyrings=$(mktemp -d)
    KEYRINGS="$keyrings" dbus-run-session -- sh -c '
        printf "tokendesk-test-keyring" |
            XDG_DATA_HOME="$KEYRINGS" gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
        dir=$1; shift
        ctest --test-dir "$dir" --output-on-failure -j 2 "$@"' ctest "$@"
    rm -rf "$keyrings"
}

echo "== tests (build/test)"
run_tests build/test "$@"
[ "${TOKENDESK_QUICK:-}" = "1" ] && exit 0

# The same suite under ASan and UBSan (a Debug build); UBSan findings fail the test. Left out: the packaging tests
# (they package and install this tree's binaries, which here need the sanitizer runtimes) and soak_30s (it fails on
# RSS growth, and ASan's quarantine grows RSS by design); both ran in the first pass.
echo "== tests under ASan and UBSan (build/asan-ubsan)"
cmake --preset asan-ubsan -DTOKENDESK_WERROR=$werror -DTOKENDESK_BUILD_TESTS=ON
cmake --build --preset asan-ubsan -j "$jobs"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    run_tests build/asan-ubsan -E '^(packaging_|soak_)'

# Each libFuzzer target from its seed corpus; a crash, leak or broken invariant fails the run.
echo "== fuzz targets (build/fuzz)"
scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
