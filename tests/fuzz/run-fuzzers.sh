#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a bounded time.
#   tests/fuzz/run-fuzzers.sh [SECONDS_PER_TARGET]   (default 60)
# Seeds come from tests/data and ../shared/htcondor-samples; crashes land in build/fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
command -v clang++ >/dev/null || { echo "run-fuzzers.sh: needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DPOOLPLANNER_FUZZ=ON -DPOOLPLANNER_BUILD_GUI=OFF -DPOOLPLANNER_BUILD_TESTS=OFF >/dev/null
cmake --build build/fuzz --target fuzz_readers fuzz_config fuzz_classad
mkdir -p build/fuzz/crashes build/fuzz/corpus/{readers,config,classad}
cp -n tests/data/* ../shared/htcondor-samples/*/*.{ads,ad,log,txt,csv} build/fuzz/corpus/readers/ 2>/dev/null || true
cp -n ../shared/htcondor-samples/configs/* tests/data/*.condor_config resources/demo/*.condor_config build/fuzz/corpus/config/ 2>/dev/null || true
printf '%s' '(SubmitterGroupResourcesInUse < SubmitterGroupQuota) && (RemoteGroupResourcesInUse > RemoteGroupQuota)' > build/fuzz/corpus/classad/recipe
printf '%s' 'ifThenElse(isUndefined(TotalJobRunTime), 0, TotalJobRunTime) * 1.2 =?= strcat("a", substr("xyz", 1))' > build/fuzz/corpus/classad/functions
for target in readers config classad; do
    echo "== fuzz_$target, ${seconds}s"
    ASAN_OPTIONS=detect_leaks=0 build/fuzz/tests/fuzz/fuzz_$target build/fuzz/corpus/$target \
        -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 -artifact_prefix=build/fuzz/crashes/ 2>&1 \
        | grep -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Done" || true
done
rm -f /dev/shm/poolplanner-fuzz-*
