#!/usr/bin/env bash
# Builds the release preset and runs the benchmarks; figures go to stdout.
#   tests/bench/run-benchmarks.sh [CASE]   the replay benchmark (CASE filters by name, e.g. LPC)
#   READERS_MB=1000 tests/bench/run-benchmarks.sh   also the reader benchmark on a generated history of that size
# Window builds only: build/release/tests/bench/poolplanner-bench-workspace [COPIES] (the workspace's save) and
# QT_QPA_PLATFORM=offscreen build/release/tests/bench/poolplanner-bench-window -iterations 5 (the window, big pool)
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build --preset release --target poolplanner-bench poolplanner-bench-ensemble poolplanner-bench-readers \
    poolplanner-bench-groups poolplanner-bench-explain
build/release/tests/bench/poolplanner-bench "$@"
build/release/tests/bench/poolplanner-bench-ensemble "$@"
build/release/tests/bench/poolplanner-bench-groups
build/release/tests/bench/poolplanner-bench-explain
build/release/tests/bench/poolplanner-bench-readers "${READERS_MB:-300}"
