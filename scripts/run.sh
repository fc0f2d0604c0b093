#!/usr/bin/env bash
# README command 1: install what is missing, build, and start TokenDesk on its embedded demo server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
echo "Starting the demo server; the first line is its URL, then the demo login. Ctrl+C stops it."
exec build/release/server/tokendesk-server --demo --listen "127.0.0.1:${TOKENDESK_PORT:-8443}"
