// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "model/workload.h"
#include "scenario/scenariofile.h"

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace pp {

/// What became of one scenario of a batch.
struct RunOutcome
{
    std::optional<Result> result; ///< set when the scenario was built and simulated
    std::optional<Diagnostic> error; ///< set otherwise
    Warnings warnings;
    Workload workload; ///< kept only when asked for (resultFullJson needs it)
};

struct ParallelRunOptions
{
    unsigned threads = 0; ///< 0 = every core std::thread::hardware_concurrency reports
    bool keepWorkloads = false;
    /// Drop each result's per-job outcomes, time series and cycle records as soon as it is made, keeping the
    /// totals and the per-group summary: a sweep of thousands of variants must not hold thousands of runs.
    bool summariesOnly = false;
    /// Called after each scenario with how many are done, from the thread that finished it (serialised).
    std::function<void(std::size_t done, std::size_t total)> onProgress;
    const std::atomic<bool>* stop = nullptr; ///< scenarios not started when it turns true are not run
};

/// Runs `work` on `threads` threads at once (on this one when 1) and returns when every one has returned.
void runOnThreads(unsigned threads, const std::function<void()>& work);

/// Builds and simulates each scenario on its own thread's Simulator, up to `threads` at a time. The outcomes come
/// back in the order of the specs and are the same whatever the number of threads: a simulation is a pure
/// function of its scenario and seed.
std::vector<RunOutcome> runScenarios(const std::vector<ScenarioSpec>& specs, const ParallelRunOptions& options = {});

} // namespace pp
