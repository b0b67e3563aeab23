// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/validation.h"
#include "model/poolhistory.h"
#include "model/scenario.h"

#include <atomic>
#include <cstdint>

namespace pp {

struct ValidationRunOptions
{
    int runs = 20; ///< tie seeds 1..runs
    std::int64_t sampleInterval = 0; ///< seconds; 0 = the shortest of 20 s, 1 min, 5 min, … giving ≤ 400 samples
    unsigned threads = 0; ///< 0 = every core
    double margin = 0.5; ///< cores
    const std::atomic<bool>* stop = nullptr;
};

/// The sample interval a validation of this long a period uses when none is asked for.
std::int64_t validationSampleInterval(std::int64_t periodSeconds);

/// Replays `history` with `scenario`'s configuration and machines (its workload is replaced by the history's, over
/// the history's period) with `runs` tie seeds on all cores, and compares each group's cores in use with what the
/// real pool's jobs held (analysis/validation.h).
Validation runValidation(const PoolHistory& history, Scenario scenario, const ValidationRunOptions& options);

} // namespace pp
