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
    double horizonSeconds = 7 * 86400.0; ///< from its submission
    std::int64_t submitAfter = 0; ///< seconds after the scenario's start (a snapshot's moment); 0 = at it
    std::string when = "now"; ///< how to say the moment: "now", "at Mon 4 Jan 2027 00:00 UTC"
    unsigned threads = 0; ///< 0 = every core
    const std::atomic<bool>* stop = nullptr;
};

/// Plays the pool of `inputs` (a snapshot, with its configuration and optionally a workload model) forward with
/// the job added now, `runs` times, and says when it starts. Errors name the file and line, or the option.
Expected<StartForecast> forecastStart(const ScenarioInputs& inputs, const ForecastRequest& request, Warnings& warnings);

/// The same from a scenario already loaded (the window's): its own workload in every run, only HTCondor's arbitrary
/// choices drawn anew.
Expected<StartForecast> forecastStart(const Scenario& scenario, const ForecastRequest& request);

} // namespace pp
