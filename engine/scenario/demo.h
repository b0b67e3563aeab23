// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/scenario.h"
#include "util/expected.h"

#include <string>

namespace pp {

/// The built-in demo pool's configuration (resources/demo/demo.condor_config).
const std::string& demoConfigText();

/// The built-in demo: about 20,000 cores on 32–64-core partitionable machines, six experiments and a
/// notebooks group with quotas by contribution, and a week of generated workload (≈500,000 jobs with a
/// daily rhythm). Deterministic for a seed. `scale` multiplies the number of jobs (1 = the demo).
Scenario demoScenario(std::uint64_t seed = 1, double scale = 1.0);

} // namespace pp
