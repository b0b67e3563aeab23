#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 PoolPlanner developers
#
# Builds the libFuzzer targets (clang, RelWithDebInfo, ASan + UBSan + fuzzer) in build/fuzz and runs each in turn.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS_PER_TARGET] [TARGET...]   fuzz from the committed corpus, the seeds (every
#                                                                sample in ../shared, tests/data, resources/demo,
#                                                                tests/fuzz/seeds) and what earlier runs found
#                                                                (build/fuzz/corpus); default 60 s a target
#   tests/fuzz/run-fuzzers.sh --ci SECONDS [TARGET...]           only the committed corpus, nothing kept: for CI
#   tests/fuzz/run-fuzzers.sh --minimise [TARGET...]             rewrites tests/fuzz/corpus/<target>/ as the smallest
#                                                                set (-merge=1) covering the seeds, the committed
#                                                                corpus and build/fuzz/corpus
#
# Before fuzzing, each target runs the reproducers saved for it as tests/fuzz/regressions/<target>--<what>: one that
# still fails counts as a crash.
#
# Environment: FUZZ_JOBS (build parallelism), FUZZ_WORKSPACE=0 (leave out fuzz_workspace, which needs QtSql),
# FUZZ_RSS_MB (memory limit per target, default 2048), FUZZ_MAX_LEN (longest input, default 4096: the readers'
# cost grows with the input, and a few KiB hold several ads, events or sections; seeds are cut to it),
# FUZZ_EXTRA_ARGS (more libFuzzer options).
# Prints a table (executions, exec/s, crashes, leaks, timeouts, out-of-memory, peak RSS, corpus) and exits 1 when
# any target crashed, leaked, hung or ran out of memory; the inputs are in build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
shared="$root/../shared"

mode=fuzz
seconds=60
case "${1:-}" in
--ci)
    mode=ci
    seconds="${2:?--ci needs SECONDS}"
    shift 2
    ;;
--minimise | --minimize)
    mode=minimise
    shift
    ;;
'' | -*) ;;
*)
    seconds="$1"
    shift
    ;;
esac

command -v clang++ >/dev/null || {
    echo "run-fuzzers.sh: needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev)" >&2
    exit 1
}

workspace=ON
[ "${FUZZ_WORKSPACE:-1}" = 0 ] && workspace=OFF
build=build/fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DPOOLPLANNER_FUZZ=ON -DPOOLPLANNER_FUZZ_WORKSPACE="$workspace" -DPOOLPLANNER_BUILD_GUI=OFF \
    -DPOOLPLANNER_BUILD_TESTS=OFF >/dev/null

all=(fuzz_accounting fuzz_af fuzz_classad fuzz_classad_json fuzz_classad_long fuzz_classad_new fuzz_config
    fuzz_eventlog fuzz_history fuzz_policy fuzz_readers fuzz_resultfile fuzz_scenariofile fuzz_snapshot fuzz_swf
    fuzz_workloadmodel)
[ "$workspace" = ON ] && all+=(fuzz_workspace)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
cmake --build "$build" ${FUZZ_JOBS:+-j "$FUZZ_JOBS"} --target "${targets[@]}"

# ---- seeds ------------------------------------------------------------------------------------------------------
# Seeds over 64 KiB are cut, and libFuzzer cuts them again to FUZZ_MAX_LEN; a gzip file is fed as it is when small
# enough (the inflate path is read too) and always gunzipped.
seedLen=65536
maxLen="${FUZZ_MAX_LEN:-4096}"
# A workspace is SQLite pages of 4 KiB: its seed needs a dozen of them.
lengthFor() { if [ "$1" = fuzz_workspace ]; then echo $seedLen; else echo "$maxLen"; fi; }
seeds="$build/seeds"
addSeeds() # TARGET FILE...
{
    local dir="$seeds/$1" f name
    shift
    mkdir -p "$dir"
    for f in "$@"; do
        [ -f "$f" ] || continue
        name=$(printf '%s' "$f" | sed "s|^$shared/||; s|^$root/||; s|[/ ]|_|g")
        if gzip -t "$f" 2>/dev/null; then
            [ "$(stat -c %s "$f")" -le $seedLen ] && cp "$f" "$dir/$name"
            { zcat "$f" || true; } | head -c $seedLen >"$dir/$name.txt"
        else
            head -c $seedLen "$f" >"$dir/$name"
        fi
    done
}
# Several files as one input, cut at form feeds as the harnesses do (fuzzinput.h): PART_BYTES of each.
addJoined() # TARGET NAME PART_BYTES FILE...
{
    local dir="$seeds/$1" out="$seeds/$1/$2" bytes="$3" first=1 f
    shift 3
    mkdir -p "$dir"
    : >"$out"
    for f in "$@"; do
        [ -f "$f" ] || continue
        [ $first = 1 ] || printf '\f' >>"$out"
        first=0
        { zcat -f "$f" || true; } | head -c "$bytes" >>"$out"
    done
}

makeSeeds()
{
    local s="$shared/htcondor-samples" real="$shared/htcondor-samples/real-pool-25.14" d
    rm -rf "$seeds"
    shopt -s nullglob
    addSeeds fuzz_classad_long "$s"/machine-ads/*.ads "$s"/job-ads/*.ad "$real"/*/snapshots/000_*userprio.long.gz \
        tests/data/two-jobs.history
    addSeeds fuzz_history tests/data/two-jobs.history "$s"/job-ads/*.ad "$real"/*/logs/startd_history.gz
    addSeeds fuzz_classad_new "$s"/accounting/*.txt "$s"/machine-ads/*.fixture "$s"/job-ads/*.fixture
    addSeeds fuzz_af "$s"/history/*.csv
    addSeeds fuzz_eventlog "$s"/event-logs/* "$real"/*/jobs/*.log
    addSeeds fuzz_swf tests/data/*.swf "$shared"/traces/*
    addSeeds fuzz_workloadmodel tests/fuzz/seeds/*.model
    addSeeds fuzz_scenariofile tests/fuzz/seeds/*.scenario "$real"/*/scenario.config
    addSeeds fuzz_resultfile tests/fuzz/seeds/*.json
    addSeeds fuzz_classad tests/fuzz/seeds/*.classad
    addSeeds fuzz_config "$s"/configs/* tests/data/*.condor_config resources/demo/*.condor_config \
        "$real"/*/condor_config "$real"/*/effective_config_dump.txt "$real"/*/scenario.config
    addSeeds fuzz_policy "$s"/configs/* tests/data/*.condor_config resources/demo/*.condor_config \
        "$real"/*/condor_config
    addJoined fuzz_config include-d 32768 tests/data/hgq-worked-example.condor_config "$s"/configs/job_hgq_autoregroup_basic_van.condor_config
    printf 'include : config.d/10-local.config\n' >>"$seeds/fuzz_config/include-d"
    for d in "$real"/*/; do
        # JSON dumps: each kind a poll took (status, q, accounting, negotiator, submitters), and the history
        addSeeds fuzz_classad_json "$d"snapshots/0[01]0_*.json.gz "$d"history.json.gz "$d"final_q.json.gz
        addSeeds fuzz_accounting "$d"snapshots/000_*accounting.json.gz "$d"snapshots/000_*userprio.long.gz \
            "$d"snapshots/000_*submitters.json.gz
        addJoined fuzz_snapshot "$(basename "$d")" 16000 "$d"snapshots/010_*_status.json.gz "$d"snapshots/010_*_q.json.gz \
            "$d"snapshots/010_*_accounting.json.gz "$d"condor_config
        addJoined fuzz_snapshot "$(basename "$d")-long" 16000 "$d"snapshots/000_*_status.json.gz \
            "$d"snapshots/000_*userprio.long.gz "$d"condor_config
    done
    addSeeds fuzz_classad_json tests/data/*.json tests/data/*.jsonl
    addSeeds fuzz_accounting "$s"/accounting/*
    addJoined fuzz_snapshot samples 16000 "$s"/machine-ads/htcondor_StatusAds_partionable8core.long.ads \
        "$s"/job-ads/htcondor_python_bindings_test.old.ad "$s"/accounting/htcondor_personal_pool_collector_ads.new-classad.txt \
        tests/data/hgq-worked-example.condor_config
    # Everything, for the reader behind format detection.
    mkdir -p "$seeds/fuzz_readers"
    for d in "$seeds"/*/; do
        [ "$d" = "$seeds/fuzz_readers/" ] || cp -n "$d"* "$seeds/fuzz_readers/" 2>/dev/null || true
    done
    if [ "$workspace" = ON ]; then
        mkdir -p "$seeds/fuzz_workspace"
        PP_FUZZ_WORKSPACE_SEED="$seeds/fuzz_workspace/seed.ppw" "$build/tests/fuzz/fuzz_workspace" 2>/dev/null
    fi
    shopt -u nullglob
}

# ---- runs -------------------------------------------------------------------------------------------------------
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"
dict=tests/fuzz/htcondor.dict
mkdir -p "$build/artifacts" "$build/logs"

if [ "$mode" = minimise ]; then
    makeSeeds
    for t in "${targets[@]}"; do
        committed="tests/fuzz/corpus/$t"
        fresh="$build/merged/$t"
        rm -rf "$fresh"
        mkdir -p "$fresh" "$committed" "$build/corpus/$t" "$seeds/$t"
        len=$(lengthFor "$t")
        # -use_counters=0: an input is kept for a new edge, not for a new hit count of one: a tenth of the files.
        "$build/tests/fuzz/$t" -merge=1 -use_counters=0 -max_len="$len" -timeout=10 -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
            "$fresh" "$committed" "$seeds/$t" "$build/corpus/$t" >"$build/logs/$t.merge.log" 2>&1
        # Longer than FUZZ_MAX_LEN: a seed that libFuzzer read cut but stored whole; the cut part is what counted.
        find "$fresh" -type f -size +"$len"c -exec truncate -s "$len" {} +
        rm -rf "$committed"
        mv "$fresh" "$committed"
        printf '%-20s %5d files %8d bytes\n' "$t" "$(find "$committed" -type f | wc -l)" \
            "$(find "$committed" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')"
    done
    exit 0
fi

[ "$mode" = fuzz ] && makeSeeds
failed=0
totalRuns=0
rows=()
for t in "${targets[@]}"; do
    log="$build/logs/$t.log"
    if [ "$mode" = ci ]; then
        out="$build/ci-corpus/$t" # what CI finds is thrown away: the repository's corpus stays as committed
        rm -rf "$out"
        mkdir -p "$out"
        dirs=("$out" "tests/fuzz/corpus/$t")
    else
        out="$build/corpus/$t"
        mkdir -p "$out" "tests/fuzz/corpus/$t" "$seeds/$t"
        dirs=("$out" "tests/fuzz/corpus/$t" "$seeds/$t")
    fi
    echo "== $t, ${seconds}s"
    regressions=0
    for r in tests/fuzz/regressions/"$t"--*; do
        [ -f "$r" ] || continue
        if ! "$build/tests/fuzz/$t" -timeout=10 -rss_limit_mb="${FUZZ_RSS_MB:-2048}" "$r" >"$log.regression" 2>&1; then
            echo "   still fails: $r (see $log.regression)"
            regressions=$((regressions + 1))
        fi
    done
    set +e
    # shellcheck disable=SC2086 # FUZZ_EXTRA_ARGS is a list of options
    "$build/tests/fuzz/$t" "${dirs[@]}" -dict="$dict" -max_total_time="$seconds" -max_len="$(lengthFor "$t")" -timeout=10 \
        -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -detect_leaks=1 -print_final_stats=1 -close_fd_mask=1 \
        -artifact_prefix="$build/artifacts/$t-" ${FUZZ_EXTRA_ARGS:-} >"$log" 2>&1
    status=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    leaks=$(grep -c 'ERROR: LeakSanitizer' "$log" || true)
    timeouts=$(grep -c 'ERROR: libFuzzer: timeout' "$log" || true)
    ooms=$(grep -cE 'ERROR: libFuzzer: out-of-memory|ERROR: libFuzzer: malloc' "$log" || true)
    crashes=$(grep -cE 'ERROR: AddressSanitizer|runtime error:|ERROR: libFuzzer: deadly signal|ERROR: libFuzzer: fuzz target' "$log" || true)
    if [ "$status" -ne 0 ] && [ $((leaks + timeouts + ooms + crashes)) -eq 0 ]; then
        crashes=1 # died some other way: the log says how
    fi
    crashes=$((crashes + regressions))
    [ $((leaks + timeouts + ooms + crashes)) -gt 0 ] && failed=1
    files=$(find "$out" "tests/fuzz/corpus/$t" -type f | wc -l)
    totalRuns=$((totalRuns + ${runs:-0}))
    rows+=("$(printf '%-20s %12s %8s %7s %5s %8s %4s %7s %7s' "$t" "${runs:-?}" "${speed:-?}" "$crashes" "$leaks" \
        "$timeouts" "$ooms" "${rss:-?}" "$files")")
    [ "$status" -ne 0 ] && echo "   failed ($status): see $log and $build/artifacts/$t-*"
done

echo
printf '%-20s %12s %8s %7s %5s %8s %4s %7s %7s\n' target executions exec/s crashes leaks timeouts oom rss_mb corpus
printf '%s\n' "${rows[@]}"
printf '%-20s %12s\n' total "$totalRuns"
rm -f /dev/shm/poolplanner-fuzz-*
exit $failed
