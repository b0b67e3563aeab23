// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// One entry point for every kind of scenario: one pool, or several side by side.
#include "sim/federation.h"
#include "sim/simulator.h"

namespace pp {

namespace {
template <typename Engine>
Result runWith(Engine& engine, const std::function<void(double)>& onProgress, const std::atomic<bool>* stop)
{
    engine.onProgress = [&](double fraction) {
        if (stop && stop->load())
            engine.requestStop();
        if (onProgress)
            onProgress(fraction);
    };
    if (stop && stop->load())
        engine.requestStop();
    return engine.run();
}
} // namespace

Result simulate(const Scenario& scenario, SimulationOptions options, const std::function<void(double)>& onProgress,
    const std::atomic<bool>* stop)
{
    if (!scenario.federation.empty()) {
        if (const auto problem = federationProblem(scenario)) {
            Result refused;
            refused.scenarioName = scenario.name;
            refused.notes.push_back("the pools cannot run side by side: " + *problem);
            return refused;
        }
        FederationSimulator federation(scenario, options);
        return runWith(federation, onProgress, stop);
    }
    Simulator simulator(scenario, options);
    return runWith(simulator, onProgress, stop);
}

} // namespace pp
