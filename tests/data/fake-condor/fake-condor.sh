# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 PoolPlanner developers
#
# Shared part of the stand-in HTCondor commands in this folder (condor_status, condor_q, condor_userprio), sourced
# by each of them. PoolPlanner's tests run these instead of a real pool: they print recorded real HTCondor ads
# (recorded/, provenance in README.md) or misbehave on request, and need nothing beyond /bin/sh and coreutils.
#
#   FAKE_CONDOR_MODE=fail   print a message on stderr and exit 1
#   FAKE_CONDOR_MODE=hang   sleep 30 s (the caller's timeout has to stop it)
#   FAKE_CONDOR_MODE=empty  print nothing and exit 0 (what condor_q -json prints for an empty queue)
#   FAKE_CONDOR_ONLY=TOOL   the mode applies to that command only; the others behave
#
# fake_condor TOOL EXPECTED_ARGUMENTS GIVEN_ARGUMENTS FILE...
# prints the files one after another, a blank line between them as between ads, when the arguments are the ones
# PoolPlanner is expected to pass; anything else is a usage error, so a test cannot pass with the wrong command.
fake_condor() {
    tool=$1
    expected=$2
    given=$3
    shift 3
    mode=${FAKE_CONDOR_MODE:-}
    if [ -n "${FAKE_CONDOR_ONLY:-}" ] && [ "$FAKE_CONDOR_ONLY" != "$tool" ]; then
        mode=
    fi
    case $mode in
    fail)
        echo "$tool: fake failure for a test (FAKE_CONDOR_MODE=fail)" >&2
        exit 1
        ;;
    hang)
        # exec: the process the caller kills is the sleep itself, so nothing is left behind holding the pipes.
        exec sleep 30
        ;;
    empty)
        exit 0
        ;;
    '') ;;
    *)
        echo "$tool: unknown FAKE_CONDOR_MODE '$mode'" >&2
        exit 2
        ;;
    esac
    if [ "$given" != "$expected" ]; then
        echo "$tool: stand-in called with '$given', expected '$expected'" >&2
        exit 2
    fi
    first=yes
    for file in "$@"; do
        if [ $first = no ]; then
            echo
        fi
        first=no
        cat "$file" || exit 1
    done
}
