// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/pool.h"
#include "model/workload.h"
#include "policy/policy.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pp {

/// One pool of several side by side (docs/FLOCKING.md): its own machines, negotiator, groups and policy; its
/// schedd flocks to the pools its policy's FLOCK_TO names, in that order.
struct FederatedPool
{
    std::string name; ///< the pool's name, as FLOCK_TO lists it
    std::vector<std::uint32_t> machines; ///< indices into Scenario::pool.machines
    Policy policy;
    double negotiatorPhase = -1; ///< seconds after the start of its first cycle; -1 = spread by the seed
};

/// Everything a simulation needs. Same scenario and seed, same result, bit for bit.
struct Scenario
{
    std::string name;
    Pool pool;
    Workload workload;
    Policy policy;
    double horizonSeconds = 0; ///< 0 = until the last job ends
    std::uint64_t seed = 1;
    /// Where HTCondor itself is arbitrary (docs/HTCONDOR.md: submitters tied on priority, starvation and
    /// LastHeardFrom % 1009 sorted by an unstable sort; equally ranked slots and autoclusters in the collector's
    /// and schedd's order; the cycle's phase against the submissions), the choices drawn from this seed, once per
    /// run. 0 = the engine's fixed order: first seen first, lowest machine first, cycles from the start.
    std::uint64_t tieSeed = 0;

    /// Empty: one pool. Otherwise the pools side by side: `pool` holds all their machines and `policy` only
    /// names the groups the results are reported by (the experiments and their queues); `submitterPool` says
    /// whose schedd each submitter uses (its home pool), one entry per workload submitter.
    std::vector<FederatedPool> federation;
    std::vector<std::uint32_t> submitterPool;

    // A pool already in use (from a snapshot): the simulation starts at `startTime` (workload seconds) with
    // these jobs running on these machines since `startedAt`, and the accountant's records as they were.
    struct RunningJob
    {
        std::uint32_t job = 0; ///< index into workload.jobs
        std::uint32_t machine = 0;
        std::int64_t startedAt = 0; ///< workload seconds, at or before startTime
    };
    struct Priority
    {
        std::uint32_t submitter = 0;
        double realPriority = 0.5;
        double factor = 1000;
        double accumulatedUsage = 0; ///< core-seconds
    };
    std::optional<std::int64_t> startTime;
    std::vector<RunningJob> running;
    std::vector<Priority> priorities;
};

} // namespace pp
