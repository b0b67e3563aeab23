// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/startforecast.h"
#include "scenario/scenarioinputs.h"
#include "util/diagnostic.h"

#include <atomic>
#include <string>
#include <vector>

namespace pp {

/// A job to forecast: submitted now (the snapshot's moment) to `group`.
struct ForecastRequest
{
    std::string group; ///< as the pool names it; "atlas.prod" finds "group_atlas.prod" too
    int cores = 1;
    long memoryMb = 0; ///< 0 = no memory request of its own
    bool notebook = false; ///< a BatchSpawner notebook: usable NOTEBOOK_STARTUP_TIME after it starts
    std::string user; ///< whose priority it has; empty = a new user of the group (the best priority)
    int runs = 20; ///< seeds 1..runs: HTCondor's arbitrary choices, and the model's arrivals when there is one
    double horizonSeconds = 7 * 86400.0;
    unsigned threads = 0; ///< 0 = every core
    const std::atomic<bool>* stop = nullptr;
};

/// Plays the pool of `inputs` (a snapshot, with its configuration and optionally a workload model) forward with
/// the job added now, `runs` times, and says when it starts. Errors name the file and line, or the option.
Expected<StartForecast> forecastStart(const ScenarioInputs& inputs, const ForecastRequest& request, Warnings& warnings);

} // namespace pp
