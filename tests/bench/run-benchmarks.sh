#!/usr/bin/env bash
# Builds the release preset and runs the replay benchmark; figures go to stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build --preset release --target poolplanner-bench
build/release/tests/bench/poolplanner-bench "$@"
