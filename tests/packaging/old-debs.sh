#!/usr/bin/env bash
# The .debs of an earlier release, built once from its commit and kept in the packaging tests' cache, for
# tests/packaging/deb-upgrade-test.sh. Prints the folder that holds tokendesk_*.deb and tokendesk-server_*.deb.
#
#   old-debs.sh --source-dir REPO --commit COMMIT --cache DIR --cmake CMAKE --cpack CPACK [--work-dir DIR]
#
# The first time: `git archive COMMIT` of REPO into the work folder, that tree's `release` preset (tests off, as
# it shipped) built with -O2 but without -g (CPack strips the binaries anyway, so the packages are the same and
# the build is quicker), `cpack -G DEB`; the two .debs go to DIR/debs-<commit>-<arch>, the build is removed.
# Later runs find them there. A lock makes a concurrent run wait instead of building twice.
set -euo pipefail

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

source_dir='' commit='' cache='' cmake='' cpack='' work=''
while [ $# -gt 0 ]; do
    case "$1" in
        --source-dir) source_dir=$2; shift 2 ;;
        --commit) commit=$2; shift 2 ;;
        --cache) cache=$2; shift 2 ;;
        --cmake) cmake=$2; shift 2 ;;
        --cpack) cpack=$2; shift 2 ;;
        --work-dir) work=$2; shift 2 ;;
        *) fail "unknown argument $1" ;;
    esac
done
[ -n "$source_dir" ] && [ -n "$commit" ] && [ -n "$cache" ] && [ -n "$cmake" ] && [ -n "$cpack" ] ||
    fail "usage: $0 --source-dir REPO --commit COMMIT --cache DIR --cmake CMAKE --cpack CPACK [--work-dir DIR]"
command -v git >/dev/null 2>&1 || fail "git is missing: the old release is built from its commit"

git=(git -c safe.directory='*' -C "$source_dir")
full=$("${git[@]}" rev-parse --verify --quiet "$commit^{commit}") ||
    fail "commit $commit is not in $source_dir (a shallow clone? git fetch --unshallow)"
arch=$(dpkg --print-architecture)
out=$cache/debs-$full-$arch
have_debs() { compgen -G "$out/tokendesk_*.deb" >/dev/null && compgen -G "$out/tokendesk-server_*.deb" >/dev/null; }

mkdir -p "$cache"
exec 9>"$cache/old-debs.lock"
flock 9
if have_debs; then
    echo "$out"
    exit 0
fi

work=${work:-$cache/build-$full}
rm -rf --one-file-system "$work" "$out.part"
mkdir -p "$work/src"
log=$work/build.log
started=$SECONDS
echo "== building the .debs of ${commit} once (log: $log)" >&2
"${git[@]}" archive --format=tar "$full" | tar -x -C "$work/src" || fail "git archive $full failed"
# The build's own environment: nothing of the caller's build (CMAKE_* or a preset's cache) leaks in.
(
    cd "$work/src"
    unset CMAKE_BUILD_PARALLEL_LEVEL CMAKE_PREFIX_PATH CXXFLAGS CPPFLAGS LDFLAGS
    "$cmake" --preset release -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG" &&
        "$cmake" --build --preset release -j "$(nproc)" &&
        "$cpack" --config build/release/CPackConfig.cmake -G DEB -B "$work/debs"
) >"$log" 2>&1 || { tail -n 40 "$log" >&2; fail "building the .debs of $commit failed (log: $log)"; }
mkdir -p "$out.part"
cp "$work"/debs/tokendesk_*.deb "$work"/debs/tokendesk-server_*.deb "$out.part/" ||
    fail "cpack made no tokendesk / tokendesk-server .deb for $commit (log: $log)"
mv "$out.part" "$out"
rm -rf --one-file-system "$work"
echo "== the .debs of $commit took $((SECONDS - started)) s to build: $(cd "$out" && echo *.deb)" >&2
echo "$out"
