#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (preset fuzz: clang, ASan + UBSan) and runs each one for SECONDS.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS defaults to 60; TARGET defaults to all five
# Each target starts from a temporary copy of its seed corpus tests/fuzz/corpus/<target>/ (the checked-in corpus
# never grows); crashes, leaks, timeouts and out-of-memory inputs go to build/fuzz/artifacts/<target>/, the output of
# each run to build/fuzz/logs/<target>.log. Prints one line per target and exits 1 when any target found something,
# naming the target and the reproducer (rerun one with: build/fuzz/tests/fuzz/<target> <reproducer>).
# Installs what it needs with scripts/deps.sh fuzz (clang and its runtime libraries, libclang-rt-14-dev, plus
# what the build needs). JOBS=<n> limits the build's parallelism.
set -euo pipefail

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [SECONDS] [TARGET...]" >&2
    exit 2
fi
shift $(($# > 0 ? 1 : 0))
all_targets=(fuzz_httpparser fuzz_jwt fuzz_token fuzz_cidr fuzz_dto)
if [ $# -gt 0 ]; then
    targets=("$@")
else
    targets=("${all_targets[@]}")
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=build/fuzz

for t in "${targets[@]}"; do
    if [[ ! " ${all_targets[*]} " =~ " $t " ]]; then
        echo "unknown target $t (known: ${all_targets[*]})" >&2
        exit 2
    fi
done

scripts/deps.sh fuzz
# libFuzzer ships with clang's runtime libraries (libclang-rt-14-dev on Debian 12), not with clang itself.
if ! command -v clang++ >/dev/null 2>&1; then
    echo "clang++ is missing: apt-get install clang libclang-rt-14-dev" >&2
    exit 2
fi
probe=$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-fuzz-probe.XXXXXX")
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' >"$probe/probe.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" >"$probe/log" 2>&1; then
    cat "$probe/log" >&2
    echo "clang++ cannot link a libFuzzer target: apt-get install libclang-rt-14-dev" >&2
    rm -rf "$probe"
    exit 2
fi
rm -rf "$probe"

echo "== configure and build (preset fuzz)"
work=$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
if ! cmake --preset fuzz >"$work/configure.log" 2>&1; then
    cat "$work/configure.log" >&2
    exit 1
fi
build_args=(--build --preset fuzz --target "${targets[@]}")
[ -n "${JOBS:-}" ] && build_args+=(-j "$JOBS")
cmake "${build_args[@]}"

mkdir -p "$build/logs"

# UBSan already aborts (-fno-sanitize-recover); its reports get a stack trace. Leaks are findings too.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}

failed=()
summary=()
for t in "${targets[@]}"; do
    corpus="$work/$t"
    artifacts="$build/artifacts/$t"
    log="$build/logs/$t.log"
    mkdir -p "$corpus" "$artifacts"
    cp -R "tests/fuzz/corpus/$t/." "$corpus/"
    args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
          -artifact_prefix="$artifacts/")
    [ -f "tests/fuzz/dicts/$t.dict" ] && args+=(-dict="tests/fuzz/dicts/$t.dict")
    echo "== $t: ${seconds}s"
    rc=0
    started=$(date +%s%N)
    "$build/tests/fuzz/$t" "${args[@]}" "$corpus" >"$log" 2>&1 || rc=$?
    elapsed_ms=$((($(date +%s%N) - started) / 1000000))

    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    # libFuzzer's own figure is whole seconds only (0 when it stopped within the first second).
    speed=$([ -n "$runs" ] && [ "$elapsed_ms" -gt 0 ] && echo $((runs * 1000 / elapsed_ms)) || true)
    # The last status line: "#123 DONE cov: 456 ft: 789 corp: …"
    cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    if [ "$rc" -eq 0 ]; then
        result="ok"
    else
        reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        reason=$(grep -Eo 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer|UndefinedBehaviorSanitizer): [^ ]+( [^ ]+)?|runtime error: .*|tokendesk fuzz invariant broken at [^ ]+' \
            "$log" | head -1)
        result="FAILED (exit $rc): ${reason:-see $log}; reproducer: ${reproducer:-none written, see $log}"
        failed+=("$t")
    fi
    summary+=("$(printf '%-16s runs %-9s exec/s %-6s %-24s %s' "$t" "${runs:-?}" "${speed:-?}" "${cov:-cov: ?}" "$result")")
    echo "${summary[-1]}"
done

echo
echo "== summary (${seconds}s per target; logs in $build/logs, artifacts in $build/artifacts)"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}" >&2
    exit 1
fi
