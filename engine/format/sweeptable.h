// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/groupfigures.h"
#include "model/ensemble.h"
#include "model/result.h"
#include "util/diagnostic.h"

#include <map>
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
    /// An ensemble's: how many runs, and each figure's spread by its JSON key (the figures above are medians);
    /// `groupSpreads` is aligned with `groups`. One run: 1 and empty.
    int runs = 1;
    bool percentiles = false;
    std::map<std::string, FigureSpread> spreads;
    std::vector<std::map<std::string, FigureSpread>> groupSpreads;
};

SweepRow sweepRow(const std::string& name, const Result& result);
/// The row of an ensemble of one variant (its runs, at least one): each figure the median over the runs, with
/// its spread (min–max, or p5–p95 from 20 runs).
SweepRow sweepRow(const std::string& name, const std::vector<Result>& runs);

/// One line per variant: pool figures, then per experiment its share of the core-hours and its own jobs' p50 wait.
std::string sweepTableText(const std::vector<SweepRow>& rows);

/// `{"variants": [...], "failed": [{"name", "error"}]}` with snake_case keys.
std::string sweepTableJson(
    const std::vector<SweepRow>& rows, const std::vector<std::pair<std::string, Diagnostic>>& failed = {});

} // namespace pp
