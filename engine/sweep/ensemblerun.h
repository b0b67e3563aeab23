// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/ensemble.h"
#include "model/scenario.h"
#include "sim/simulator.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace pp {

struct EnsembleRunOptions
{
    int runs = 8;
    unsigned threads = 0; ///< 0 = every core std::thread::hardware_concurrency reports
    std::uint64_t firstTieSeed = 1; ///< runs use tie seeds firstTieSeed, firstTieSeed + 1, …
    SimulationOptions simulation; ///< for every run (its tieSeed is each run's)
    const std::atomic<bool>* stop = nullptr;
};

/// One scenario run `runs` times, each with its own tie seed (HTCondor's arbitrary choices drawn anew), up to
/// `threads` at a time; summariseEnsemble (analysis/ensemble.h) makes medians and spreads of them. The same runs
/// whatever the number of threads. Throws what a run throws (out of memory).
EnsembleRuns runEnsemble(const Scenario& scenario, const EnsembleRunOptions& options);

} // namespace pp
