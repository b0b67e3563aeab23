// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/workload.h"

#include <cstdint>
#include <vector>

namespace pp {

/// One run of a job on a real pool, as its ads record it: who, how many cores, from when to when (Unix time).
struct RealRun
{
    std::uint32_t submitter = 0; ///< index into PoolHistory::workload.submitters
    int cores = 1;
    std::int64_t start = 0;
    std::int64_t end = 0;
};

/// What a real pool did over a period, read from its condor_history (and condor_q at the period's end): the
/// jobs to replay, and the runs that really happened, to compare the replay with.
struct PoolHistory
{
    /// Second 0 is `from`. A job that had not finished by `to` (running or idle then) runs past the end in the
    /// replay: its runtime is unknown, and all the real pool shows is that it held or wanted cores until `to`.
    Workload workload;
    std::vector<RealRun> runs; ///< clipped to [from, to]
    std::int64_t from = 0;
    std::int64_t to = 0;
    long finished = 0; ///< jobs that completed (or were removed after running) inside the period
    long runningAtEnd = 0;
    long waitingAtEnd = 0; ///< idle or held at `to`
    long jobsWithEveryRun = 0; ///< jobs whose runs came from an event log (all runs), not only their ad's last
};

} // namespace pp
