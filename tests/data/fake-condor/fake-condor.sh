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
#   FAKE_CONDOR_MODE=grandchild  start `sleep 30` in the background and wait for it (its pid in
#                           $FAKE_CONDOR_STATE/grandchild.pid): a timeout must stop the whole process group
#   FAKE_CONDOR_MODE=garbage  print text that is not ClassAds and exit 0
#   FAKE_CONDOR_ONLY=TOOL   the mode applies to that command only; the others behave
#   FAKE_CONDOR_REPLAY=DIR  print the recorded polls of a real pool in order instead of recorded/: DIR holds
#                           NNN_<time>_status.json.gz, NNN_<time>_q.json.gz and NNN_<time>_userprio.long.gz
#                           (as ../shared/htcondor-samples/real-pool-25.14/*/snapshots); each call prints the
#                           next poll of its kind, the last one again once all were printed. FAKE_CONDOR_STATE
#                           names a directory where the position is kept (required with REPLAY).
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
    grandchild)
        # A wrapper that starts a child of its own and waits for it, as a site's condor_q wrapper might: a timeout
        # must stop both. The child's pid goes to $FAKE_CONDOR_STATE/grandchild.pid for the test to look for.
        sleep 30 &
        echo $! >"${FAKE_CONDOR_STATE:-/tmp}/grandchild.pid"
        wait
        exit 0
        ;;
    garbage)
        # Exit status 0 and text that is no ClassAd output at all.
        echo "this is not what condor prints: {{{ ]]] <html>"
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
    if [ -n "${FAKE_CONDOR_REPLAY:-}" ]; then
        replay "$tool"
        return
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

# replay TOOL: prints the next recorded poll of TOOL's kind from $FAKE_CONDOR_REPLAY.
replay() {
    case $1 in
    condor_status) kind=status.json ;;
    condor_q) kind=q.json ;;
    condor_userprio) kind=userprio.long ;;
    esac
    [ -n "${FAKE_CONDOR_STATE:-}" ] || { echo "$1: FAKE_CONDOR_REPLAY needs FAKE_CONDOR_STATE" >&2; exit 2; }
    position_file="$FAKE_CONDOR_STATE/$1.next"
    position=$(cat "$position_file" 2>/dev/null || echo 0)
    count=0
    chosen=
    for file in "$FAKE_CONDOR_REPLAY"/*_"$kind".gz; do
        [ -e "$file" ] || continue
        if [ "$count" -le "$position" ]; then
            chosen=$file
        fi
        count=$((count + 1))
    done
    [ -n "$chosen" ] || { echo "$1: no recorded $kind polls in $FAKE_CONDOR_REPLAY" >&2; exit 1; }
    echo $((position + 1)) >"$position_file"
    gzip -dc "$chosen"
}
