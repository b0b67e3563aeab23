// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <string>
#include <vector>

namespace pp {

/// When the job starts, over the runs.
struct StartForecast
{
    std::string group; ///< the group's name in the pool
    std::string submitter;
    int cores = 1;
    long memoryMb = 0;
    bool notebook = false;
    bool arrivalsModelled = false; ///< a workload model plays new arrivals forward
    bool laterJobs = false; ///< the scenario's own jobs arrive after it (a trace or a model); else only what is queued
    std::string when = "now"; ///< when it is submitted, in words
    double horizonSeconds = 0;
    std::vector<double> waits; ///< per run, seconds from now to its start (a notebook: to usable); sorted; -1 = not
                               ///< within the horizon (or its spawn failed)
    int notStarted = 0;
    double p50 = -1, p90 = -1; ///< seconds; -1 = beyond the horizon in that share of the runs
    double spawnTimeoutSeconds = 0; ///< notebooks: NOTEBOOK_START_TIMEOUT
    double timeoutChance = 0; ///< notebooks: the share of runs where JupyterHub gave up on it
    std::string why; ///< when it does not start in some runs: why the group waited in the first (explain's words)
};

} // namespace pp
