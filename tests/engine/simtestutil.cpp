// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "simtestutil.h"

#include "config/config.h"
#include "policy/policyfromconfig.h"
#include "sim/simulator.h"

#include <algorithm>
#include <stdexcept>

namespace pptest {

std::vector<JobSpec> jobs(
    const std::string& submitter, int count, std::uint32_t runtime, std::uint16_t cores, std::uint32_t submit)
{
    return std::vector<JobSpec>(static_cast<std::size_t>(count), JobSpec {submitter, submit, runtime, cores, 0});
}

pp::Scenario makeScenario(const std::string& configText, const std::vector<int>& machineCores,
    const std::vector<JobSpec>& jobList, double horizonSeconds)
{
    pp::Scenario scenario;
    scenario.name = "test";
    auto config = pp::Config::fromText(configText, "test.config");
    if (!config)
        throw std::runtime_error(config.error().message());
    auto policy = pp::policyFromConfig(*config);
    if (!policy)
        throw std::runtime_error(policy.error().message());
    scenario.policy = *policy;
    int index = 1;
    for (int cores : machineCores)
        scenario.pool.machines.push_back({"m" + std::to_string(index++), cores, cores * 2048L, {}});
    std::vector<JobSpec> sorted = jobList;
    std::stable_sort(
        sorted.begin(), sorted.end(), [](const JobSpec& a, const JobSpec& b) { return a.submit < b.submit; });
    for (const auto& spec : sorted) {
        pp::Job job;
        job.submit = spec.submit;
        job.runtime = spec.runtime;
        job.cores = spec.cores;
        job.memoryMb = spec.memoryMb;
        job.submitter = scenario.workload.submitterIndex(spec.submitter);
        scenario.workload.jobs.push_back(job);
    }
    scenario.horizonSeconds = horizonSeconds;
    return scenario;
}

std::vector<JobSpec> concat(std::vector<JobSpec> a, const std::vector<JobSpec>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::map<std::string, int> coresAt(
    const pp::Scenario& scenario, std::int64_t seconds, pp::Result* out, bool recordCycles)
{
    pp::SimulationOptions options;
    options.recordCycles = recordCycles;
    pp::Simulator simulator(scenario, options);
    simulator.runUntil(seconds);
    const pp::Result result = simulator.result();
    std::map<std::string, int> cores;
    for (std::uint32_t j : simulator.runningJobs()) {
        const auto& spec = scenario.workload.jobs[j];
        cores[scenario.workload.submitters[spec.submitter]] += spec.cores;
    }
    if (out)
        *out = result;
    return cores;
}

int groupIndex(const pp::Result& result, const std::string& name)
{
    for (std::size_t i = 0; i < result.groups.size(); ++i)
        if (result.groups[i].name == name)
            return static_cast<int>(i);
    return -1;
}

} // namespace pptest
