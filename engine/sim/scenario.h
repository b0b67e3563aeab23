// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "policy/policy.h"
#include "pool/pool.h"
#include "sim/workload.h"

#include <cstdint>
#include <string>

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
};

} // namespace pp
