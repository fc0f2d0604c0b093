#!/usr/bin/env bash
# Installs what TokenDesk needs on Debian 12, only when something is missing.
#   scripts/deps.sh build   compiler, CMake, Qt 6 (with Qt SVG: the icons are rendered at build time), OpenSSL,
#                           dpkg-dev (dpkg-shlibdeps computes the .debs' Depends)
#   scripts/deps.sh test    the above plus what the tests use (D-Bus, gnome-keyring, wrk-free; desktop-file-utils,
#                           appstream and debootstrap for the packaging tests, nsis and p7zip-full for the Windows
#                           installer's, libplist-utils and icnsutils for the macOS bundle's)
#                           and clang with its runtime (libFuzzer) for the fuzz targets CI runs
#   scripts/deps.sh fuzz    build plus clang and libFuzzer (scripts/fuzz.sh)
#   scripts/deps.sh bench   the above plus wrk and nginx for bench/server-throughput
set -euo pipefail

what=${1:-build}
packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-base-dev-tools
          qtkeychain-qt6-dev qt6-qpa-plugins libsecret-1-0 openssl qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
          libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libssl-dev qt6-svg-dev dpkg-dev qt6-translations-l10n)
case "$what" in
    build) ;;
    test) packages+=(dbus dbus-x11 gnome-keyring libsecret-tools desktop-file-utils appstream debootstrap python3
                     nsis p7zip-full libplist-utils icnsutils
                     clang libclang-rt-14-dev nginx-light postgresql python3-icalendar python3-yaml) ;;
    fuzz) packages+=(clang libclang-rt-14-dev) ;;
    bench) packages+=(dbus gnome-keyring wrk nginx-light) ;;
    *) echo "usage: $0 build|test|fuzz|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "These packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
