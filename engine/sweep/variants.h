// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "scenario/scenariofile.h"
#include "util/expected.h"

#include <string>
#include <utility>
#include <vector>

namespace pp {

/// One `--vary KNOB=V1,V2,...`: a knob (or a POOLPLANNER_ key such as POOLPLANNER_SEED) and its values.
struct SweepAxis
{
    std::string key;
    std::vector<std::string> values;
};

/// Parses `KNOB=V1,V2,...`; errors name the option. Values cannot contain commas.
Expected<SweepAxis> parseSweepAxis(const std::string& text);

/// One scenario of a sweep.
struct SweepVariant
{
    std::string name; ///< "000", "001", ...: file names of an emitted sweep
    std::vector<std::pair<std::string, std::string>> settings; ///< one value per axis
    ScenarioSpec spec; ///< the base with the settings applied; its name says what it changes
};

/// The cartesian product of the axes over the base, the first axis varying slowest. A value that does not fit
/// its key, or inputs that stop making one scenario, are errors that name the `--vary` setting.
Expected<std::vector<SweepVariant>> sweepVariants(const ScenarioSpec& base, const std::vector<SweepAxis>& axes);

} // namespace pp
