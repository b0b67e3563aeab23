#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 PoolPlanner developers
#
# One entry point for a fresh Debian 12 machine:
#   scripts/poolplanner.sh run     install what is missing, build (release), start the app on the demo pool
#   scripts/poolplanner.sh test    install what is missing, build with ASan+UBSan, run every test
#   scripts/poolplanner.sh setup   only install the packages
#   scripts/poolplanner.sh bench   build (release) and print the replay benchmark
#   scripts/poolplanner.sh tidy    build (release) and run the .clang-tidy checks on engine/, models/, ui/, app/
#   scripts/poolplanner.sh package build (release) and make build/release/package/poolplanner_VERSION_ARCH.deb
#   scripts/poolplanner.sh package-test   the .deb installed with apt, the programs run from the PATH, removed
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(g++ cmake ninja-build ccache pkg-config zlib1g-dev libsimdjson-dev poppler-utils clang-tidy dpkg-dev
          qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libqt6sql6-sqlite libgl-dev
          fonts-dejavu-core xvfb xauth)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else echo "poolplanner.sh: run as root or install sudo to install: ${PACKAGES[*]}" >&2; exit 1
    fi
}

setup() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

build() { # preset
    cmake --preset "$1" >/dev/null
    cmake --build --preset "$1"
}

tidy() { # on the release build's compile commands; any finding fails (.clang-tidy: WarningsAsErrors)
    echo "clang-tidy on engine/, models/, ui/ and app/ ($(nproc) at a time)..."
    if ! run-clang-tidy -p build/release -j "$(nproc)" -quiet "$PWD/(engine|models|ui|app)/" >build/tidy.log 2>&1; then
        sed "s/\x1b\[[0-9;]*m//g" build/tidy.log | grep -E "(warning|error):" | sort -u >&2 || cat build/tidy.log >&2
        echo "clang-tidy found the above (full log: build/tidy.log)" >&2
        return 1
    fi
    echo "clang-tidy: nothing found"
}

package() { # the .deb of the release build
    build release
    rm -f build/release/package/poolplanner_*.deb
    (cd build/release && cpack >/dev/null)
    ls build/release/package/poolplanner_*.deb
}

package_test() { # installed as a user would, run from the PATH, removed again
    local deb
    deb=$(package | tail -n 1)
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb"
    local out
    out=$(mktemp -d)
    command -v poolplanner poolplanner-cli
    poolplanner-cli --version
    poolplanner-cli simulate --scenario /usr/share/poolplanner/more-analysis.scenario --horizon 1d >"$out/simulate.txt"
    grep -q "core-hours delivered" "$out/simulate.txt"
    QT_QPA_PLATFORM=offscreen poolplanner --view groups --screenshot "$out/groups.png"
    test -s "$out/groups.png"
    test -f /usr/share/applications/poolplanner.desktop
    test -f /usr/share/icons/hicolor/scalable/apps/poolplanner.svg
    as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q poolplanner
    rm -rf "$out"
    echo "package-test: $deb installs, runs from the PATH and removes"
}

case "${1:-}" in
    setup) setup ;;
    run)
        setup
        build release
        shift
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
            echo "No display found: starting under Xvfb (set DISPLAY to use your own)." >&2
            exec xvfb-run -a -s "-screen 0 1920x1080x24" build/release/app/poolplanner "$@"
        fi
        exec build/release/app/poolplanner "$@" ;;
    test)
        setup
        build asan
        # Leak checking stays on for our code; Qt's platform plugins keep a few process-lifetime allocations.
        export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" \
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" QT_QPA_PLATFORM=offscreen
        ctest --preset asan --output-on-failure -j 2
        # Again on the optimised build users run: some defects (a dangling reference) only show with -O2.
        build release
        ctest --preset release --output-on-failure -j 2
        # The engine and the CLI alone, as on a server: no Qt Widgets or Charts anywhere in the build.
        build headless
        ctest --preset headless --output-on-failure -j 2
        tidy
        package_test ;;
    tidy)
        setup
        build release
        tidy ;;
    package)
        setup
        package ;;
    package-test)
        setup
        package_test ;;
    bench)
        setup
        shift
        tests/bench/run-benchmarks.sh "$@" ;;
    *)
        echo "usage: scripts/poolplanner.sh run|test|setup|bench|tidy|package|package-test" >&2
        exit 2 ;;
esac
