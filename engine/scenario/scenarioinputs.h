// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "io/eventlog.h"
#include "model/scenario.h"
#include "util/expected.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pp {

/// The inputs DESIGN.md's command line names for a scenario, before anything is read.
struct ScenarioInputs
{
    std::string builtin; ///< "demo" (or another built-in name); empty = from files
    std::string configPath;
    std::string tracePath;
    std::string modelPath; ///< a workload model (WorkloadModel::write) instead of a trace
    std::vector<std::string> snapshotPaths; ///< a pool as it is now (loadSnapshot); needs a model
    std::map<std::string, double> scale; ///< per-group arrival factors for a model
    std::string poolPath;
    std::string mapPath;
    long cores = 0;
    EventLogOptions eventLog; ///< the submit host's time zone and the year of legacy dates, for event logs
    int machineCores = 8;
    std::optional<double> horizonSeconds;
    std::uint64_t seed = 1;
    /// The merge study (docs/FLOCKING.md): "separate" splits the pool into its experiments' own pools that flock
    /// to each other, "merged" makes it one pool with quotas by contribution; empty = as it is.
    std::string mergeVariant;
};

/// Reads config, trace, pool and map into a Scenario. Errors name the file and line, or the option.
Expected<Scenario> loadScenario(const ScenarioInputs& inputs, Warnings& warnings);

/// The same with `policy` instead of the one the configuration (or the built-in) gives: a scenario file's
/// knobs over its base, whose base alone need not make a valid policy and is not read twice.
Expected<Scenario> loadScenario(const ScenarioInputs& inputs, Warnings& warnings, const Policy& policy);

} // namespace pp
