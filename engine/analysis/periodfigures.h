// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <cstdint>
#include <vector>

namespace pp {

/// A group's figures over a period of the run: means over its samples, and the core-hours charged in it.
struct GroupPeriodFigures
{
    double quota = 0; ///< the subtree's quota; for <none>, HTCondor's root, what the groups leave
    double allocated = 0; ///< first-round allocation, the subtree's
    double usage = 0; ///< cores claimed, the subtree's
    double demand = 0; ///< running + idle cores, the subtree's
    double chargedCoreHours = 0; ///< usage over the period, in core-hours
};

/// Per group (in the result's order) over samples [first, last] of its group series, both included: what the
/// window's Groups view shows for a period and what the CLI and the report can quote for the same one. An empty
/// period (last < first, or no samples) gives zeros. Children come after their parent (Result::groups), so
/// subtree sums need one pass from the end.
std::vector<GroupPeriodFigures> groupPeriodFigures(const std::vector<GroupSummary>& groups,
    const std::vector<std::vector<GroupSample>>& series, int first, int last, double sampleIntervalSeconds);

/// The pool's means over samples [first, last] of its pool series, both included; zeros for an empty period.
struct PoolPeriodFigures
{
    double claimedCores = 0;
    double idleCores = 0;
    double wholeMachines = 0; ///< machines with every core free: where a whole-machine job could start
    double fragmentedCores = 0; ///< idle cores on machines with fewer than 8 free: no 8-core job fits there
    double drainingMachines = 0;
};

PoolPeriodFigures poolPeriodFigures(const std::vector<PoolSample>& series, int first, int last);

} // namespace pp
