// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/ensemble.h"
#include "model/result.h"
#include "model/workload.h"

#include <iosfwd>
#include <string>

namespace pp {

/// The summary of DESIGN.md's `simulate --json` contract (snake_case keys). Deterministic apart from
/// `wall_seconds`, which is left out when `includeWallTime` is false (for byte-for-byte comparisons).
std::string resultSummaryJson(const Result& result, bool includeWallTime = true);

/// The same summary for an ensemble (`simulate --ensemble K`): each figure its median over the runs, with
/// `<figure>_min`/`_max` (or `_p5`/`_p95` from 20 runs) beside it, and `ensemble: {runs, spread, tie_seeds}`;
/// `wall_seconds` is the runs' engine time added up.
std::string ensembleSummaryJson(const EnsembleResult& ensemble, bool includeWallTime = true);

/// The whole result for `--out`: the summary, per-group and pool time series, per-cycle records and one
/// compact row per job ([submit, first_start, end, cores, submitter]), seconds since the simulation start.
std::string resultFullJson(const Result& result, const Workload& workload);
/// The same, written to `out` a block at a time: the per-job rows are never held whole in memory.
void writeResultFullJson(std::ostream& out, const Result& result, const Workload& workload);

} // namespace pp
