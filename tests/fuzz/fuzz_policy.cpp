// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// A configuration's policy driving a simulation of a tiny pool for a few hours: no knob value may crash or hang the
// engine (NEGOTIATOR_INTERVAL, quotas, preemption and startd expressions all come from the input).
#include "config/config.h"
#include "fuzzinput.h"
#include "policy/policyfromconfig.h"
#include "sim/simulator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const pp::MemoryFileScope file("/fuzz/policy.config", fuzz::bytes(data, size));
    auto config = pp::Config::fromFile("/fuzz/policy.config");
    if (!config)
        return 0;
    auto policy = pp::policyFromConfig(*config);
    if (!policy)
        return 0;
    pp::Scenario scenario;
    scenario.policy = *policy;
    scenario.pool.machines = {{"m1", 4, 8192}, {"m2", 8, 16384}};
    for (int i = 0; i < 12; ++i) {
        pp::Job job;
        job.submit = static_cast<std::uint32_t>(i * 40);
        job.runtime = static_cast<std::uint32_t>(300 + 97 * i);
        job.cores = static_cast<std::uint16_t>(1 + i % 4);
        job.submitter = scenario.workload.submitterIndex(i % 2 ? "a.u1" : "b.c.u2");
        scenario.workload.jobs.push_back(job);
    }
    scenario.horizonSeconds = 4 * 3600;
    (void)pp::simulate(scenario);
    return 0;
}
