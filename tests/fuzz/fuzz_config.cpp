// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// condor_config text through the configuration reader and the policy built from it, then a simulation of a
// tiny pool under that policy: no knob value may crash the engine.
#include "config/config.h"
#include "policy/policyfromconfig.h"
#include "policy/quotaallocation.h"
#include "sim/simulator.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto config = pp::Config::fromText(text, "fuzz.config");
    if (!config)
        return 0;
    auto policy = pp::policyFromConfig(*config);
    if (!policy)
        return 0;
    const pp::GroupTree tree(*policy);
    std::vector<double> demand(static_cast<std::size_t>(tree.size()), 3.0);
    (void)pp::allocateOnce(tree, 16, demand, policy->allowQuotaOversubscription, policy->useSlotWeights);
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
    scenario.horizonSeconds = 3 * 86400;
    (void)pp::simulate(scenario);
    return 0;
}
