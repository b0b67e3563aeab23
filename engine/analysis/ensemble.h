// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/ensemble.h"

#include <cstdint>
#include <vector>

namespace pp {

/// Below this many runs a spread is min–max; from it on, p5–p95.
constexpr int percentileSpreadRuns = 20;

/// The spread of one figure's values over the runs (min–max, or p5–p95 from percentileSpreadRuns on) and its
/// median. Reorders `values`.
FigureSpread spreadOf(std::vector<double>& values, double* median = nullptr);

/// The median and spread of every figure over `runs` (at least one; all of the same scenario, so their groups
/// are the same, in the same order). `tieSeeds`: each run's, in the same order.
EnsembleResult summariseEnsemble(const std::vector<Result>& runs, const std::vector<std::uint64_t>& tieSeeds);
inline EnsembleResult summariseEnsemble(const EnsembleRuns& runs)
{
    return summariseEnsemble(runs.results, runs.tieSeeds);
}

} // namespace pp
