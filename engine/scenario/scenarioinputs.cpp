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
    if (!inputs.snapshotPaths.empty()) {
        // As the window does: without a model, what runs and waits now plays out, for a day unless --horizon says.
        WorkloadModel model;
        double horizon = inputs.horizonSeconds.value_or(7 * 86400.0);
        if (inputs.modelPath.empty()) {
            horizon = inputs.horizonSeconds.value_or(86400.0);
            warnings.add({"--model", 0,
                "no workload model: what runs and waits now plays out with no new arrivals (poolplanner-cli fit "
                "makes a model of a trace)"});
        } else {
            auto read = WorkloadModel::read(inputs.modelPath);
            if (!read)
                return read.error();
            model = std::move(read).value();
        }
        auto scenario = loadSnapshot(inputs.snapshotPaths, model, horizon, inputs.seed, warnings);
        if (!scenario)
            return scenario.error();
        if (given) {
            scenario->policy = *given;
        } else if (!inputs.configPath.empty()) { // an explicit --config wins over configuration files in the snapshot
            auto config = Config::fromFile(inputs.configPath);
            if (!config)
                return config.error();
            auto policy = policyFromConfig(*config, &warnings);
            if (!policy)
                return policy.error();
            scenario->policy = std::move(policy).value();
        }
        return scenario;
    }
    if (inputs.configPath.empty())
        return Diagnostic {"--config", 0, "a configuration file is required (or --demo)"};
    if (inputs.tracePath.empty() && inputs.modelPath.empty())
        return Diagnostic {"--trace", 0, "a workload is required: --trace (an SWF file, plain or gzip) or --model"};
    if (!inputs.tracePath.empty() && !inputs.modelPath.empty())
        return Diagnostic {"--model", 0, "give either --trace or --model, not both"};
    if (inputs.poolPath.empty() && inputs.cores <= 0)
        return Diagnostic {"--cores", 0, "give the pool: --cores N [--machine-cores M] or --pool FILE"};

    Scenario scenario;
    if (given) {
        scenario.policy = *given;
    } else {
        auto config = Config::fromFile(inputs.configPath);
        if (!config)
            return config.error();
        auto policy = policyReportingConfigWarnings(*config, warnings);
        if (!policy)
            return policy.error();
        scenario.policy = std::move(policy).value();
    }

    if (!inputs.poolPath.empty()) {
        auto pool = readPool(inputs.poolPath, warnings);
        if (!pool)
            return pool.error();
        scenario.pool = std::move(pool).value();
    } else {
        auto pool = Pool::uniform(inputs.cores, inputs.machineCores);
        if (!pool)
            return pool.error();
        scenario.pool = std::move(pool).value();
    }

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
        swf.largestMachineCores = scenario.pool.largestMachineCores();
        swf.largestMachineMemoryMb = scenario.pool.largestMachineMemoryMb();
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

} // namespace

Expected<Scenario> loadScenario(const ScenarioInputs& inputs, Warnings& warnings)
{
    return withMergeVariant(load(inputs, warnings, nullptr), inputs.mergeVariant);
}

Expected<Scenario> loadScenario(const ScenarioInputs& inputs, Warnings& warnings, const Policy& policy)
{
    return withMergeVariant(load(inputs, warnings, &policy), inputs.mergeVariant);
}

} // namespace pp
