// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <string>
#include <utility>
#include <vector>

namespace pp {

/// One experiment's month, the way WLCG accounting reports one site and VO: core-hours pledged, contributed (its
/// machines), delivered (its jobs' claimed cores), borrowed beyond its quota from others' unused quota, lent of
/// its unused quota to others, and delivered over pledged.
struct PledgeMonth
{
    std::string experiment;
    std::string month; ///< "2027-01", or "month 1" when the run has no calendar
    double pledgedCoreHours = 0;
    double contributedCoreHours = 0;
    double deliveredCoreHours = 0;
    double borrowedCoreHours = 0;
    double lentCoreHours = 0;
    double ratio() const { return pledgedCoreHours > 0 ? deliveredCoreHours / pledgedCoreHours : 0.0; }
};

/// Per top-level group (experiment) and calendar month of the run, from its time series: `pledgedCores` and
/// `contributedCores` name experiments (cores each; empty: the owners of the result's machines); experiments with
/// neither and no work are left out.
std::vector<PledgeMonth> pledgeSheet(const Result& result,
    const std::vector<std::pair<std::string, double>>& pledgedCores,
    std::vector<std::pair<std::string, double>> contributedCores);

/// The sheet as CSV: `site,experiment,month,pledged_core_hours,contributed_core_hours,delivered_core_hours,
/// borrowed_core_hours,lent_core_hours,delivered_over_pledged`.
std::string pledgeSheetCsv(const std::vector<PledgeMonth>& sheet, const std::string& site);

} // namespace pp
