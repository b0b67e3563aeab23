// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/validation.h"
#include "io/historyreplay.h"
#include "model/poolhistory.h"
#include "model/scenario.h"
#include "scenario/scenarioinputs.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace pp {

struct ValidationRunOptions
{
    int runs = 20; ///< tie seeds 1..runs
    std::int64_t sampleInterval = 0; ///< seconds; 0 = the shortest of 20 s, 1 min, 5 min, … giving ≤ 400 samples
    unsigned threads = 0; ///< 0 = every core
    double margin = 0.5; ///< cores
    const std::atomic<bool>* stop = nullptr;
};

/// The sample interval a validation of this long a period uses when none is asked for.
std::int64_t validationSampleInterval(std::int64_t periodSeconds);

/// `scenario`'s configuration and machines with the history's jobs, over the history's period: what validate replays.
Scenario historyReplayScenario(const PoolHistory& history, Scenario scenario);

/// A pool's files read for a replay: its configuration and machines (`machines`), the history's job ads and the
/// jobs' event logs; the machines bound the jobs kept. Errors name the file and line.
struct HistoryReplayInputs
{
    Scenario scenario; ///< configuration and machines; its workload is still empty
    PoolHistory history;
};
Expected<HistoryReplayInputs> readHistoryReplay(const ScenarioInputs& machines,
    const std::vector<std::string>& historyPaths, const std::vector<std::string>& eventLogPaths,
    HistoryReplayOptions read, Warnings& warnings);

/// Replays `history` with `scenario`'s configuration and machines (its workload is replaced by the history's, over
/// the history's period) with `runs` tie seeds on all cores, and compares each group's cores in use with what the
/// real pool's jobs held (analysis/validation.h).
Validation runValidation(const PoolHistory& history, Scenario scenario, const ValidationRunOptions& options);

/// What validating a pool from its files gives: the history read, the comparison, and the pool's cores.
struct PoolValidation
{
    PoolHistory history;
    Validation validation;
    long poolCores = 0;
    Scenario replay; ///< what was replayed (historyReplayScenario), to run once more cycle by cycle
};

/// The whole of `validate`, for the command line and the window alike: the configuration and machines of
/// `machines` (--config, --pool or --cores), the history's job ads (`historyPaths`, condor_history and condor_q) and
/// the jobs' event logs, then runValidation. `read` gives the period; the machines bound the jobs kept. Errors name
/// the file and line.
Expected<PoolValidation> validatePool(const ScenarioInputs& machines, const std::vector<std::string>& historyPaths,
    const std::vector<std::string>& eventLogPaths, HistoryReplayOptions read, const ValidationRunOptions& options,
    Warnings& warnings);

} // namespace pp
