// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace pp {

/// A period of a run, seconds since its start: [from, to).
struct RunPeriod
{
    std::int64_t from = 0;
    std::int64_t to = 0;
};

/// What one group (or its whole subtree) waited for, and lost, over a run or a period of it.
struct GroupWaits
{
    int group = 0;
    bool subtree = false; ///< the group and every group below it
    WaitReasonHours hours {};
    double waited() const; ///< core-hours idle after cycles, every reason
    double lost() const; ///< core-hours of work its jobs lost (runtime_limit, preempted)
    /// The nonzero reasons, largest first (ties in the vocabulary's order); waits only, or the work lost only.
    std::vector<std::pair<WaitReason, double>> largestFirst(bool waits) const;
};

/// The group's waits: over the whole run (its totals), or over `period` from the result's series (a sample
/// counts when the middle of the interval it covers lies in the period). `subtree` adds every group below it.
GroupWaits groupWaits(const Result& result, int group, bool subtree, std::optional<RunPeriod> period = {});

/// The group's own waits, or when it has none of its own (a parent whose jobs all sit in sub-groups) its subtree's.
GroupWaits groupOrSubtreeWaits(const Result& result, int group, std::optional<RunPeriod> period = {});

/// The group whose own idle cores waited the most core-hours over the run; -1 when none waited.
int groupThatWaitedMost(const Result& result);

/// [sample][reason]: the core-hours a group (its subtree with `subtree`) waited per reason in each sample interval,
/// for a chart stacked by reason.
std::vector<WaitReasonHours> groupWaitSeries(const Result& result, int group, bool subtree);

} // namespace pp
