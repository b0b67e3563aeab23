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
        Result result = runWith(federation, onProgress, stop);
        auto notes = skippedJobNotes(scenario.workload);
        result.notes.insert(result.notes.begin(), notes.begin(), notes.end());
        return result;
    }
    Simulator simulator(scenario, options);
    Result result = runWith(simulator, onProgress, stop);
    // What the trace held that the run could not replay comes first: it bounds what every other figure means.
    auto notes = skippedJobNotes(scenario.workload);
    result.notes.insert(result.notes.begin(), notes.begin(), notes.end());
    return result;
}

} // namespace pp
