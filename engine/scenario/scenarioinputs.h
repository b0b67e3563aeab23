// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "io/eventlog.h"
#include "model/scenario.h"
#include "util/diagnostic.h"
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
    /// condor_config files, read in order with later ones overriding earlier ones as config.d's do. None: a
    /// snapshot's own configuration files, or else HTCondor's defaults.
    std::vector<std::string> configPaths;
    std::string tracePath;
    std::string modelPath; ///< a workload model (WorkloadModel::write) instead of a trace
    /// A pool as it is now (loadSnapshot: slot ads, queue, accounting, configuration files, directories of them),
    /// played forward with the model when one is given.
    std::vector<std::string> snapshotPaths;
    std::map<std::string, double> scale; ///< per-group arrival factors for a model
    std::string poolPath; ///< slot ads or a pool description; without it or cores, an SWF header's machines
    std::string mapPath;
    long cores = 0;
    EventLogOptions eventLog; ///< the submit host's time zone and the year of legacy dates, for event logs
    int machineCores = 8;
    std::optional<double> horizonSeconds;
    std::uint64_t seed = 1;
    std::uint64_t tieSeed = 0; ///< Scenario::tieSeed: --tie-seed, POOLPLANNER_TIEBREAK_SEED
    /// The merge study (docs/FLOCKING.md): "separate" splits the pool into its experiments' own pools that flock
    /// to each other, "merged" makes it one pool with quotas by contribution; empty = as it is.
    std::string mergeVariant;
};

/// Reads config, trace, pool and map into a Scenario: the one assembly of input files, for the command line, the
/// window (fileset.h says which inputs its files are) and scenario files. Errors name the file and line, or the option.
Expected<Scenario> loadScenario(const ScenarioInputs& inputs, Warnings& warnings);

/// The same with `policy` instead of the one the configuration (or the built-in) gives: a scenario file's
/// knobs over its base, whose base alone need not make a valid policy and is not read twice.
Expected<Scenario> loadScenario(const ScenarioInputs& inputs, Warnings& warnings, const Policy& policy);

/// Only the configuration and the machines of the inputs (--pool or --cores; one of them is required), for a
/// workload read some other way: `validate` replays a pool's history. `workloadPath` is named in the warning
/// that no configuration was given.
Expected<Scenario> loadPolicyAndMachines(
    const ScenarioInputs& inputs, Warnings& warnings, const std::string& workloadPath);

/// The configuration of `paths` read in order, later files overriding earlier ones as config.d's do; each file's
/// warnings added. Empty when there are none: HTCondor's defaults.
Expected<Config> readConfigFiles(const std::vector<std::string>& paths, Warnings& warnings);

} // namespace pp
