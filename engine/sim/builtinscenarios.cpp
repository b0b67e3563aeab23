// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/builtinscenarios.h"

#include "sim/demo.h"

namespace pp {

namespace {

Scenario buildDemo(std::uint64_t seed)
{
    return demoScenario(seed);
}

const BuiltinScenario builtins[] = {
    {"demo", "the built-in demo pool", &demoConfigText, "demo.condor_config", &buildDemo},
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
