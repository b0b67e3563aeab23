// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweep/validationrun.h"

#include "policy/grouptree.h"
#include "sweep/ensemblerun.h"

namespace pp {

std::int64_t validationSampleInterval(std::int64_t periodSeconds)
{
    for (std::int64_t interval : {20, 60, 300, 900, 3600, 21600})
        if (periodSeconds / interval <= 400)
            return interval;
    return 86400;
}

Scenario historyReplayScenario(const PoolHistory& history, Scenario scenario)
{
    scenario.workload = history.workload;
    scenario.startTime = 0; // the period's start, not the first submission
    scenario.horizonSeconds = static_cast<double>(history.to - history.from);
    return scenario;
}

Validation runValidation(const PoolHistory& history, Scenario scenario, const ValidationRunOptions& options)
{
    scenario = historyReplayScenario(history, std::move(scenario));
    EnsembleRunOptions ensemble;
    ensemble.runs = std::max(1, options.runs);
    ensemble.threads = options.threads;
    ensemble.stop = options.stop;
    ensemble.simulation.sampleInterval
        = options.sampleInterval > 0 ? options.sampleInterval : validationSampleInterval(history.to - history.from);
    const EnsembleRuns runs = runEnsemble(scenario, ensemble);
    // Each of the history's submitters is charged to a group of the pool's own tree, as its results name them.
    const GroupTree tree(scenario.policy);
    std::vector<std::string> groupOfSubmitter;
    groupOfSubmitter.reserve(history.workload.submitters.size());
    for (const auto& submitter : history.workload.submitters)
        groupOfSubmitter.push_back(tree.node(tree.groupOfSubmitter(submitter)).name);
    return validateAgainstHistory(history, groupOfSubmitter, runs.results, options.margin);
}

Expected<HistoryReplayInputs> readHistoryReplay(const ScenarioInputs& machines,
    const std::vector<std::string>& historyPaths, const std::vector<std::string>& eventLogPaths,
    HistoryReplayOptions read, Warnings& warnings)
{
    if (historyPaths.empty())
        return Diagnostic {"--history", 0, "a replay needs the pool's condor_history (job ads, -long or -json)"};
    auto scenario = loadPolicyAndMachines(machines, warnings, historyPaths.front());
    if (!scenario)
        return scenario.error();
    read.largestMachineCores = scenario->pool.largestMachineCores();
    read.largestMachineMemoryMb = scenario->pool.largestMachineMemoryMb();
    auto history = readPoolHistory(historyPaths, read, warnings, eventLogPaths);
    if (!history)
        return history.error();
    return HistoryReplayInputs {std::move(scenario).value(), std::move(history).value()};
}

Expected<PoolValidation> validatePool(const ScenarioInputs& machines, const std::vector<std::string>& historyPaths,
    const std::vector<std::string>& eventLogPaths, HistoryReplayOptions read, const ValidationRunOptions& options,
    Warnings& warnings)
{
    auto inputs = readHistoryReplay(machines, historyPaths, eventLogPaths, read, warnings);
    if (!inputs)
        return inputs.error();
    PoolValidation out;
    out.poolCores = inputs->scenario.pool.totalCores();
    out.replay = historyReplayScenario(inputs->history, std::move(inputs->scenario));
    out.validation = runValidation(inputs->history, out.replay, options);
    out.history = std::move(inputs->history);
    return out;
}

} // namespace pp
