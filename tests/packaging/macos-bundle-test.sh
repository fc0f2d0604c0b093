#!/usr/bin/env bash
# TokenDesk.app as far as Linux can check it, from the settings the APPLE branch of packaging/CMakeLists.txt uses
# (packaging/cmake/MacBundleSettings.cmake):
#   - Info.plist: packaging/macos/Info.plist.in configured as CMake does for a MACOSX_BUNDLE target
#     (macos-bundle-config.cmake); it parses (plistutil converts it to a binary plist, python3's plistlib reads both
#     and finds them equal) and has CFBundleIdentifier io.tokendesk.TokenDesk, CFBundleShortVersionString and
#     CFBundleVersion = the project version, CFBundleExecutable = the executable's name, CFBundleIconFile = the
#     .icns the bundle gets, NSHighResolutionCapable true, LSMinimumSystemVersion 11.0 (Qt 6.4's minimum),
#     CFBundlePackageType APPL, and no empty value
#   - the icon: td-render-icon renders the .iconset the APPLE branch renders (16 to 512 points at 1x and 2x), every
#     PNG has its name's pixel size; assembled into an .icns (icns.py), which holds the 10 sizes, 16 to 1024 px;
#     icns2png -l (libicns) reads the container too
# Not checked: iconutil itself, macdeployqt, code signing and notarisation, the .dmg (they need a Mac).
# Any failure exits non-zero with a FAIL line.
#
#   macos-bundle-test.sh --source-dir DIR --render-icon PATH --cmake PATH --version X.Y.Z --work-dir DIR
set -euo pipefail

started=$SECONDS
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "== [$((SECONDS - started)) s] $*"; }

source_dir='' render_icon='' cmake='' version='' work=''
while [ $# -gt 0 ]; do
    case "$1" in
        --source-dir) source_dir=$2; shift 2 ;;
        --render-icon) render_icon=$2; shift 2 ;;
        --cmake) cmake=$2; shift 2 ;;
        --version) version=$2; shift 2 ;;
        --work-dir) work=$2; shift 2 ;;
        *) fail "unknown argument $1" ;;
    esac
done
[ -n "$source_dir" ] && [ -n "$render_icon" ] && [ -n "$cmake" ] && [ -n "$version" ] && [ -n "$work" ] ||
    fail "usage: $0 --source-dir DIR --render-icon PATH --cmake PATH --version X.Y.Z --work-dir DIR"
[ -x "$render_icon" ] || fail "$render_icon is missing: build the target td-render-icon first"
for tool in plistutil icns2png python3; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: run scripts/deps.sh test"
done
here=$(cd "$(dirname "$0")" && pwd)

rm -rf "$work"
mkdir -p "$work"

# ---- 1. Info.plist ------------------------------------------------------------------------------------------
step "Info.plist from packaging/macos/Info.plist.in"
"$cmake" -DSOURCE_DIR="$source_dir" -DPROJECT_VERSION="$version" -DOUT_DIR="$work" \
    -P "$here/macos-bundle-config.cmake" || fail "configuring Info.plist failed"
# EXECUTABLE, ICNS
# shellcheck disable=SC1091
. "$work/bundle.txt"
plistutil -i "$work/Info.plist" -o "$work/Info.bplist" >"$work/plistutil.log" 2>&1 && [ -s "$work/Info.bplist" ] ||
    fail "plistutil cannot read Info.plist: $(cat "$work/plistutil.log")"
[ "$(head -c 8 "$work/Info.bplist")" = bplist00 ] || fail "plistutil did not make a binary plist of Info.plist"
python3 - "$work/Info.plist" "$work/Info.bplist" "$version" "$EXECUTABLE" "$ICNS" <<'PY' || fail "Info.plist: see above"
import plistlib, sys
xml_path, bin_path, version, executable, icns = sys.argv[1:]
errors = []
try:
    with open(xml_path, "rb") as f:
        plist = plistlib.load(f, fmt=plistlib.FMT_XML)
    with open(bin_path, "rb") as f:
        binary = plistlib.load(f, fmt=plistlib.FMT_BINARY)
except Exception as e:  # a parse error of either
    sys.exit(f"FAIL: Info.plist does not parse: {e}")
if plist != binary:
    errors.append("plistutil's binary plist and the XML differ")
expected = {
    "CFBundleIdentifier": "io.tokendesk.TokenDesk",
    "CFBundleShortVersionString": version,
    "CFBundleVersion": version,
    "CFBundleExecutable": executable,
    "CFBundleIconFile": icns,
    "CFBundlePackageType": "APPL",
    "CFBundleInfoDictionaryVersion": "6.0",
    "NSHighResolutionCapable": True,
    "LSMinimumSystemVersion": "11.0",  # Qt 6.4 runs on macOS 11 and later
}
for key, value in expected.items():
    if key not in plist:
        errors.append(f"no {key}")
    elif plist[key] != value or type(plist[key]) is not type(value):
        errors.append(f"{key} is {plist[key]!r}, expected {value!r}")
for key, value in plist.items():
    if isinstance(value, str) and not value.strip():
        errors.append(f"{key} is empty")
for e in errors:
    print(f"FAIL: Info.plist: {e}", file=sys.stderr)
if errors:
    sys.exit(1)
for key in ("CFBundleIdentifier", "CFBundleShortVersionString", "CFBundleExecutable", "CFBundleIconFile",
            "NSHighResolutionCapable", "LSMinimumSystemVersion"):
    print(f"  {key} = {plist[key]}")
PY

# ---- 2. the icon set and the .icns ------------------------------------------------------------------------------
step "tokendesk.iconset (td-render-icon) and $ICNS"
iconset=$work/tokendesk.iconset
args=()
names=()
while read -r px name; do
    [ -n "$px" ] || continue
    args+=("$px" "$iconset/icon_$name.png")
    names+=("$name")
done <"$work/iconset.txt"
# All ten names of an .iconset, each once.
expected_names="128x128 128x128@2x 16x16 16x16@2x 256x256 256x256@2x 32x32 32x32@2x 512x512 512x512@2x"
[ "$(printf '%s\n' "${names[@]}" | sort | tr '\n' ' ' | sed 's/ $//')" = "$expected_names" ] ||
    fail "TOKENDESK_MACOS_ICONSET names ${names[*]}, an .iconset has $expected_names"
"$render_icon" "$source_dir/resources/icons/tokendesk.svg" "${args[@]}" || fail "td-render-icon failed"
# pack checks that every PNG has its name's size; list reads the container back and checks each entry.
python3 "$here/icns.py" pack "$iconset" "$work/$ICNS" || fail "assembling $ICNS failed"
listing=$(python3 "$here/icns.py" list "$work/$ICNS") || fail "$ICNS is malformed"
echo "$listing" | sed 's/^/  /'
sizes=$(awk '{ print $2 }' <<<"$listing" | sort -t x -n -k1,1 | uniq | tr '\n' ' ' | sed 's/ $//')
[ "$sizes" = "16x16 32x32 64x64 128x128 256x256 512x512 1024x1024" ] ||
    fail "$ICNS holds the sizes '$sizes', expected 16 to 1024 px"
[ "$(wc -l <<<"$listing")" -eq 10 ] || fail "$ICNS holds $(wc -l <<<"$listing") entries, expected 10"
# libicns, an independent reader: the same entries (it knows the pixel sizes of ic08, ic09 and ic10 only).
icns_out=$(icns2png -l "$work/$ICNS" 2>/dev/null) || fail "icns2png -l cannot read $ICNS"
grep -q "^10 elements total found" <<<"$icns_out" || fail "icns2png -l: $icns_out"
for type in $(awk '{ print $1 }' <<<"$listing"); do
    grep -q "'$type'" <<<"$icns_out" || fail "icns2png -l does not list '$type': $icns_out"
done
for pair in ic08:256x256 ic09:512x512 ic10:1024x1024; do
    grep -q "'${pair%%:*}' ${pair#*:} 32-bit" <<<"$icns_out" ||
        fail "icns2png -l does not see '${pair%%:*}' as ${pair#*:}: $icns_out"
done
step "passed"
