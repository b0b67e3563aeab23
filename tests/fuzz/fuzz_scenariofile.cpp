// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Scenario files (condor_config syntax with POOLPLANNER_ keys). An input split at a form feed is the scenario and a
// base configuration beside it (`POOLPLANNER_BASE = base.condor_config`); then the knobs over the base, and the
// policy they make.
#include "config/config.h"
#include "fuzzinput.h"
#include "policy/policyfromconfig.h"
#include "scenario/scenariofile.h"

#include <optional>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto parts = fuzz::split(fuzz::bytes(data, size), 2);
    const pp::MemoryFileScope scenarioFile("/fuzz/plan/more.scenario", parts[0]);
    std::optional<pp::MemoryFileScope> base;
    if (parts.size() > 1)
        base.emplace("/fuzz/plan/base.condor_config", parts[1]);
    auto spec = pp::readScenarioFile("/fuzz/plan/more.scenario");
    if (!spec)
        return 0;
    (void)pp::writeScenarioFile(*spec);
    auto config = pp::scenarioConfig(*spec);
    if (!config)
        return 0;
    (void)pp::policyFromConfig(*config);
    return 0;
}
