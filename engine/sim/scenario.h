// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "policy/policy.h"
#include "pool/pool.h"
#include "sim/workload.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pp {

/// Everything a simulation needs. Same scenario and seed, same result, bit for bit.
struct Scenario
{
    std::string name;
    Pool pool;
    Workload workload;
    Policy policy;
    double horizonSeconds = 0; ///< 0 = until the last job ends
    std::uint64_t seed = 1;

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
