// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenario/builtinscenarios.h"

#include "scenario/demo.h"

namespace pp {

namespace {

Scenario buildDemo(std::uint64_t seed)
{
    return demoScenario(seed);
}

const BuiltinScenario builtins[] = {
    {"demo", "the built-in demo pool", &demoConfigText, "demo.condor_config", &buildDemo, ""},
    {"demo-separate", "the demo pool as its experiments' own pools, flocking to each other", &demoConfigText,
        "demo.condor_config", &buildDemo, "separate"},
    {"demo-merged", "the demo pool as one pool, quotas by the cores each experiment contributed", &demoConfigText,
        "demo.condor_config", &buildDemo, "merged"},
};

} // namespace

const BuiltinScenario* findBuiltinScenario(const std::string& name)
{
    for (const auto& b : builtins)
        if (name == b.name)
            return &b;
    return nullptr;
}

std::string builtinScenarioNames()
{
    std::string out;
    for (const auto& b : builtins)
        out += (out.empty() ? "" : ", ") + std::string(b.name);
    return out;
}

} // namespace pp
