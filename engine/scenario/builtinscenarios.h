// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/scenario.h"

#include <cstdint>
#include <string>

namespace pp {

/// A scenario that ships with PoolPlanner and is named on the command line instead of a file
/// (`--scenario demo`). Every command and the scenario files find them here: the demo, and its merge study
/// (demo-separate, demo-merged; DESIGN.md).
struct BuiltinScenario
{
    const char* name;
    const char* description;
    /// Its condor_config text, the base that scenario files and export-config edit.
    const std::string& (*configText)();
    /// The file name that errors in that text are reported against.
    const char* configName;
    /// Pool, workload and policy for a seed.
    Scenario (*build)(std::uint64_t seed);
    /// The merge-study variant it is of that scenario ("separate" or "merged"), derived after its knobs are
    /// edited; empty for the scenario itself.
    const char* mergeVariant = "";
};

/// The built-in scenario of that name; nullptr for any other name.
const BuiltinScenario* findBuiltinScenario(const std::string& name);

/// The names for messages: "demo" (comma-separated when there are several).
std::string builtinScenarioNames();

} // namespace pp
