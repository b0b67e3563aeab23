// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/validation.h"
#include "model/poolhistory.h"

#include <cstdint>
#include <string>

namespace pp {

/// "2026-11-26 04:37:52 UTC".
std::string utcTimeText(std::int64_t unixTime);

/// The validation as a terminal reads it: the period and the jobs, one row per group (real mean, the replay's
/// median and range, the error, inside or not, the share of samples inside), and the verdict.
std::string validationText(const Validation& v, const PoolHistory& history, long poolCores);

/// The same as JSON: `validation: {from, to, …, groups: [{name, real_mean_cores, simulated_mean_cores,
/// simulated_mean_cores_min/_max (or _p5/_p95), error_cores, inside, samples_inside, series: {…}}], verdict}`.
std::string validationJson(const Validation& v, const PoolHistory& history, long poolCores);

} // namespace pp
