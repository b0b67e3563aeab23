// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/groupfigures.h"
#include "model/result.h"
#include "util/diagnostic.h"

#include <string>
#include <utility>
#include <vector>

namespace pp {

/// One variant of a sweep as `sweep` and `collect` print it: the pool, and each experiment (top-level group).
struct SweepRow
{
    std::string name; ///< "000": the variant's number, or a result file's name without ".json"
    std::string label; ///< what the variant changes: its result's scenario name
    std::vector<std::pair<std::string, std::string>> settings; ///< the varied keys and values, when known
    double utilization = 0;
    double coreHoursDelivered = 0;
    long jobsTotal = 0;
    long jobsCompleted = 0;
    std::vector<GroupFigures> groups; ///< top-level groups, and <none> when jobs without a group ran
};

SweepRow sweepRow(const std::string& name, const Result& result);

/// One line per variant: pool figures, then per experiment its share of the core-hours and its own jobs' p50 wait.
std::string sweepTableText(const std::vector<SweepRow>& rows);

/// `{"variants": [...], "failed": [{"name", "error"}]}` with snake_case keys.
std::string sweepTableJson(
    const std::vector<SweepRow>& rows, const std::vector<std::pair<std::string, Diagnostic>>& failed = {});

} // namespace pp
