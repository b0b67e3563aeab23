// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "model/scenario.h"
#include "scenario/scenarioinputs.h"
#include "scenario/whatif.h"
#include "util/expected.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pp {

/// Where a setting of a scenario was written, so that a knob the policy refuses is reported at its line.
struct KnobOrigin
{
    std::string file; ///< a scenario file, or the option that set it ("--vary")
    long line = 0;
};

/// A what-if as a planner saves it: a base (a built-in or a condor_config with a workload and a pool) and the
/// HTCondor knobs that change it. On disk it is condor_config syntax, so that an admin reads it as one:
///
///     POOLPLANNER_NAME = more analysis
///     POOLPLANNER_BASE = demo
///     GROUP_QUOTA_DYNAMIC_atlas.analysis = 0.35
///
/// Keys starting with POOLPLANNER_ describe the scenario (NAME, DESCRIPTION, BASE, TRACE, MODEL, POOL, CORES,
/// MACHINE_CORES, MAP, HORIZON, SEED, UTC_OFFSET, LEGACY_YEAR, SCALE_<group>); every other key is a knob read
/// over the base configuration as a config.d file is. SCALE_<group> scales a model's arrival rates, and copies or
/// thins the jobs of a trace or a built-in (scaleWorkload). Relative paths resolve against the file's directory.
struct ScenarioSpec
{
    std::string name, description;
    ScenarioInputs inputs; ///< builtin = "demo", or configPaths = {the base} with trace/model and pool
    std::vector<std::pair<std::string, std::string>> knobs; ///< overrides over the base configuration, in order;
                                                            ///< a metaknob is named "use POLICY"
    std::string sourcePath; ///< the file it was read from; empty for a built-in or a spec made in memory
    std::map<std::string, KnobOrigin> origins; ///< lower-case key → where it was written; edits may have none
};

/// Reads a scenario file. Errors name the file and line: syntax, unknown POOLPLANNER_ keys, values that are not
/// what the key takes, a base that cannot be read, inputs that do not make one scenario.
Expected<ScenarioSpec> readScenarioFile(const std::string& path);

/// Also accepts a built-in name ("demo") instead of a path; a built-in wins over a file of the same name
/// (write ./demo for the file).
Expected<ScenarioSpec> scenarioSpecFor(const std::string& fileOrBuiltin);

/// The spec as a scenario file; readScenarioFile gives the same spec back (paths are written as they are held,
/// so keep them absolute, as readScenarioFile makes them).
std::string writeScenarioFile(const ScenarioSpec& spec);

/// The base configuration (demoConfigText for demo, else the config file) with the knobs applied.
Expected<Config> scenarioConfig(const ScenarioSpec& spec);

/// loadScenario(inputs) with the policy rebuilt from scenarioConfig; name from the spec. A knob the policy
/// refuses is reported at its line in the scenario file.
Expected<Scenario> buildScenario(const ScenarioSpec& spec, Warnings& warnings);

/// Sets one key as a line of a scenario file does: a POOLPLANNER_ key changes the description or the inputs
/// (relative paths against `baseDir`, the working directory when empty); any other name is a knob that replaces
/// the same knob or comes last. Errors are reported at `origin`.
std::optional<Diagnostic> setScenarioValue(ScenarioSpec& spec, const std::string& key, const std::string& value,
    const KnobOrigin& origin, const std::string& baseDir = {});

/// The spec's base: its inputs without its knobs and workload factors (what the window opens as the baseline).
ScenarioSpec baseSpecOf(const ScenarioSpec& spec);

/// The spec's changes as the window's planner holds them (scenario/whatif.h): its knobs, its workload factors as
/// POOLPLANNER_SCALE_<group> and, with group limits, the SYSTEM_PERIODIC_* knobs that enforce them over
/// `baseConfig` (scenarioConfig of the base).
KnobEdits scenarioEdits(const ScenarioSpec& spec, const Config& baseConfig);

/// A base spec with the planner's edits: the inverse of scenarioEdits. Knobs the planner derives from group limits
/// are left for the reader to derive again; a removed knob is written empty (undefined: HTCondor's default).
ScenarioSpec specWithEdits(const ScenarioSpec& base, const KnobEdits& edits);

/// Checks that the inputs make one scenario: a built-in brings its own pool and workload, a configuration needs
/// a workload and a pool. Reported at the line of the key that is missing or too much.
std::optional<Diagnostic> checkScenarioInputs(const ScenarioSpec& spec);

} // namespace pp
