#!/usr/bin/env bash
# README command 1: install what is missing, build, and start the TokenDesk console on its embedded demo server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: start this from a desktop session (or set QT_QPA_PLATFORM, e.g. offscreen or vnc)." >&2
    exit 1
fi
# --demo starts tokendesk-server --demo on a free loopback port, logs in, and stops it on quit.
exec build/release/ui/tokendesk --demo "$@"
