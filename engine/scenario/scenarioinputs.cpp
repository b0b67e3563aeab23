// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenario/scenarioinputs.h"

#include "config/config.h"
#include "io/jobworkload.h"
#include "io/slotpool.h"
#include "io/snapshot.h"
#include "io/swfreader.h"
#include "model/workloadmodel.h"
#include "policy/policyfromconfig.h"
#include "scenario/builtinscenarios.h"
#include "scenario/mergevariants.h"

#include <algorithm>

#include <filesystem>

namespace pp {

namespace {

Expected<Scenario> withMergeVariant(Expected<Scenario> scenario, const std::string& variant);

Expected<Policy> policyOfConfigFiles(const std::vector<std::string>& paths, Warnings& warnings)
{
    auto config = readConfigFiles(paths, warnings);
    if (!config)
        return config.error();
    return policyFromConfig(*config, &warnings);
}

std::string fileName(const std::string& path)
{
    return std::filesystem::path(path).filename().string();
}

// A pool as it is now, played forward: with a model for a week, without one for a day with no new arrivals (unless
// the horizon says otherwise). An explicit configuration wins over the configuration files among the snapshot's.
Expected<Scenario> snapshotScenario(const ScenarioInputs& inputs, Warnings& warnings, const Policy* given)
{
    const std::string& first = inputs.snapshotPaths.front();
    WorkloadModel model;
    double horizon = inputs.horizonSeconds.value_or(7 * 86400.0);
    if (inputs.modelPath.empty()) {
        horizon = inputs.horizonSeconds.value_or(86400.0);
        warnings.add({first, 0,
            "no workload model: what runs and waits now plays out with no new arrivals (poolplanner-cli fit makes a "
            "model of a trace)"});
    } else {
        auto read = WorkloadModel::read(inputs.modelPath);
        if (!read)
            return read.error();
        model = std::move(read).value();
    }
    auto scenario = loadSnapshot(inputs.snapshotPaths, model, horizon, inputs.seed, warnings);
    if (!scenario)
        return scenario.error();
    if (scenario->pool.totalCores() <= 0)
        return Diagnostic {
            first, 0, "no machine with cores in these files: a snapshot needs the pool's slot ads (condor_status)"};
    scenario->name = "snapshot of " + fileName(first);
    if (given) {
        scenario->policy = *given;
    } else if (!inputs.configPaths.empty()) {
        auto policy = policyOfConfigFiles(inputs.configPaths, warnings);
        if (!policy)
            return policy.error();
        scenario->policy = std::move(policy).value();
    }
    return scenario;
}

// A trace with neither --cores nor --pool runs on the machines its SWF header names, sized so that its widest job
// fits one machine; said, since the pool decides every figure.
Expected<Pool> poolOfTraceHeader(const std::string& tracePath, const Workload& workload, Warnings& warnings)
{
    int largest = 1;
    for (const Job& j : workload.jobs)
        largest = std::max<int>(largest, j.cores);
    auto pool = poolFromSwfHeader(tracePath, largest, warnings);
    if (!pool)
        return Diagnostic {tracePath, 0,
            "the trace does not say which machines ran it: give the pool (--cores N [--machine-cores M] or --pool "
            "FILE, or open the pool's slot ads with it)"};
    warnings.add({tracePath, 0,
        "no pool given: the " + std::to_string(pool->machines.size()) + " machines of "
            + std::to_string(pool->largestMachineCores()) + " cores its header names"});
    return std::move(*pool);
}

// The configuration (or `given`) and the machines the inputs name, with no workload yet. `workloadPath` is named
// in the warning that no configuration was given.
Expected<Scenario> policyAndMachines(
    const ScenarioInputs& inputs, Warnings& warnings, const Policy* given, const std::string& workloadPath)
{
    Scenario scenario;
    if (given) {
        scenario.policy = *given;
    } else {
        if (inputs.configPaths.empty())
            warnings.add({workloadPath, 0,
                "no configuration: the pool shares by HTCondor's defaults (no group quotas, every user equal)"});
        auto policy = policyOfConfigFiles(inputs.configPaths, warnings);
        if (!policy)
            return policy.error();
        scenario.policy = std::move(policy).value();
    }
    if (!inputs.poolPath.empty()) {
        auto pool = readPool(inputs.poolPath, warnings,
            MachineAttributes {scenario.policy.machineOwnerAttribute, scenario.policy.hs06PerCoreAttribute});
        if (!pool)
            return pool.error();
        scenario.pool = std::move(pool).value();
    } else if (inputs.cores > 0) {
        auto pool = Pool::uniform(inputs.cores, inputs.machineCores);
        if (!pool)
            return pool.error();
        scenario.pool = std::move(pool).value();
    }
    return scenario;
}

Expected<Scenario> load(const ScenarioInputs& inputs, Warnings& warnings, const Policy* given)
{
    if (!inputs.builtin.empty()) {
        const BuiltinScenario* builtin = findBuiltinScenario(inputs.builtin);
        if (!builtin)
            return Diagnostic {"--scenario", 0,
                "unknown built-in scenario '" + inputs.builtin + "' (this version has: " + builtinScenarioNames()
                    + ")"};
        Scenario scenario = builtin->build(inputs.seed);
        if (given)
            scenario.policy = *given;
        if (inputs.horizonSeconds)
            scenario.horizonSeconds = *inputs.horizonSeconds;
        if (*builtin->mergeVariant && inputs.mergeVariant.empty())
            return withMergeVariant(std::move(scenario), builtin->mergeVariant);
        return scenario;
    }
    if (!inputs.snapshotPaths.empty())
        return snapshotScenario(inputs, warnings, given);
    if (inputs.tracePath.empty() && inputs.modelPath.empty())
        return Diagnostic {"--trace", 0, "a workload is required: --trace (an SWF file, plain or gzip) or --model"};
    if (!inputs.tracePath.empty() && !inputs.modelPath.empty())
        return Diagnostic {"--model", 0, "give either --trace or --model, not both"};
    if (!inputs.modelPath.empty() && inputs.poolPath.empty() && inputs.cores <= 0)
        return Diagnostic {"--cores", 0, "a model needs machines: give --cores N [--machine-cores M] or --pool FILE"};

    auto base
        = policyAndMachines(inputs, warnings, given, inputs.tracePath.empty() ? inputs.modelPath : inputs.tracePath);
    if (!base)
        return base.error();
    Scenario scenario = std::move(base).value();
    const bool poolGiven = !inputs.poolPath.empty() || inputs.cores > 0;

    if (!inputs.modelPath.empty()) {
        auto model = WorkloadModel::read(inputs.modelPath);
        if (!model)
            return model.error();
        // A model has no end of its own: a week unless --horizon says otherwise, from a fixed Monday so that
        // the same seed gives the same jobs.
        constexpr std::int64_t modelEpoch = 1'799'020'800; // Monday 2027-01-04 00:00 UTC
        scenario.workload
            = model->generate(inputs.horizonSeconds.value_or(7 * 86400.0), modelEpoch, inputs.seed, inputs.scale);
        scenario.name = std::filesystem::path(inputs.modelPath).filename().string();
        if (scenario.workload.jobs.empty())
            return Diagnostic {inputs.modelPath, 0, "the model generates no jobs over this horizon"};
        const int largest = scenario.pool.largestMachineCores();
        const long largestMemory = scenario.pool.largestMachineMemoryMb();
        Workload& w = scenario.workload;
        w.sourceJobs = static_cast<long>(w.jobs.size());
        for (const Job& j : w.jobs) {
            const double coreHours = static_cast<double>(j.cores) * j.runtime / 3600.0;
            w.sourceCoreHours += coreHours;
            if (j.cores > largest)
                w.skip("generated wider than every machine (" + std::to_string(largest) + " cores)", coreHours);
            else if (static_cast<long>(j.memoryMb) > largestMemory)
                w.skip("generated with more memory than any machine has", coreHours);
        }
        if (!w.skipped.empty()) {
            std::erase_if(w.jobs,
                [&](const Job& j) { return j.cores > largest || static_cast<long>(j.memoryMb) > largestMemory; });
            for (const auto& note : skippedJobNotes(w))
                warnings.add({inputs.modelPath, 0, note});
        }
    } else {
        SwfOptions swf;
        if (poolGiven) {
            swf.largestMachineCores = scenario.pool.largestMachineCores();
            swf.largestMachineMemoryMb = scenario.pool.largestMachineMemoryMb();
        }
        if (!inputs.mapPath.empty()) {
            auto map = readGroupMap(inputs.mapPath);
            if (!map)
                return map.error();
            swf.groupMap = std::move(map).value();
        }
        WorkloadReadOptions read;
        read.swf = swf;
        read.eventLog = inputs.eventLog;
        auto workload = readWorkload(inputs.tracePath, read, warnings);
        if (!workload)
            return workload.error();
        scenario.workload = std::move(workload).value();
        scenario.name = std::filesystem::path(inputs.tracePath).filename().string();
        if (!poolGiven) {
            auto pool = poolOfTraceHeader(inputs.tracePath, scenario.workload, warnings);
            if (!pool)
                return pool.error();
            scenario.pool = std::move(pool).value();
        }
    }
    scenario.horizonSeconds = inputs.horizonSeconds.value_or(0.0);
    scenario.seed = inputs.seed;
    return scenario;
}

// The variant is derived last, from the scenario with every edit applied: edits to the base reach both variants.
Expected<Scenario> withMergeVariant(Expected<Scenario> scenario, const std::string& variant)
{
    if (!scenario || variant.empty())
        return scenario;
    if (variant == "separate")
        return separatePoolsVariant(*scenario);
    if (variant == "merged")
        return mergedPoolVariant(*scenario);
    return Diagnostic {
        "POOLPLANNER_MERGE_VARIANT", 0, "'" + variant + "' is not a merge-study variant (separate or merged)"};
}

Expected<Scenario> withTieSeed(Expected<Scenario> scenario, std::uint64_t tieSeed)
{
    if (scenario)
        scenario->tieSeed = tieSeed;
    return scenario;
}

} // namespace

Expected<Config> readConfigFiles(const std::vector<std::string>& paths, Warnings& warnings)
{
    if (paths.size() == 1) {
        auto config = Config::fromFile(paths.front());
        if (config)
            for (const auto& w : config->warnings().items)
                warnings.add(w);
        return config;
    }
    Config config;
    for (const auto& path : paths) {
        auto read = Config::fromFile(path);
        if (!read)
            return read.error();
        for (const auto& w : read->warnings().items)
            warnings.add(w);
        for (const auto* e : read->entries())
            config.set(e->name, e->value, e->file);
    }
    return config;
}

Expected<Scenario> loadScenario(const ScenarioInputs& inputs, Warnings& warnings)
{
    return withTieSeed(withMergeVariant(load(inputs, warnings, nullptr), inputs.mergeVariant), inputs.tieSeed);
}

Expected<Scenario> loadScenario(const ScenarioInputs& inputs, Warnings& warnings, const Policy& policy)
{
    return withTieSeed(withMergeVariant(load(inputs, warnings, &policy), inputs.mergeVariant), inputs.tieSeed);
}

Expected<Scenario> loadPolicyAndMachines(
    const ScenarioInputs& inputs, Warnings& warnings, const std::string& workloadPath)
{
    if (inputs.poolPath.empty() && inputs.cores <= 0)
        return Diagnostic {"--pool", 0, "machines are needed: give --pool FILE (slot ads) or --cores N"};
    auto scenario = policyAndMachines(inputs, warnings, nullptr, workloadPath);
    if (scenario)
        scenario->tieSeed = inputs.tieSeed;
    return scenario;
}

} // namespace pp
