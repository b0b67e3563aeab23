// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/pool.h"
#include "util/diagnostic.h"
#include "util/expected.h"

#include <string>
#include <vector>

namespace pp {

/// The machines an experiment contributed: `experiment,machines,cores_per_machine[,hs06_per_core]`.
struct Contribution
{
    std::string experiment;
    long machines = 0;
    int coresPerMachine = 0;
    double hs06PerCore = 0; ///< 0 = not given
    long totalCores = 0; ///< from slot ads, where machines differ: their cores summed (0: machines × cores)
    long cores() const { return totalCores > 0 ? totalCores : machines * coresPerMachine; }
};

/// What an experiment was promised: `experiment,amount,unit`, unit `cores` or `HS06`.
struct Pledge
{
    std::string experiment;
    double amount = 0;
    bool hs06 = false;
    double cores = 0; ///< the amount in cores (HS06 over the benchmark factor of the pool's cores)
};

/// A target the quotas should meet: `group,metric,op,value`, op one of >=, <=, >, <.
struct QuotaTarget
{
    std::string group;
    std::string metric; ///< a group key of simulate --json (wait_p95_s, core_hours, …) or delivered_over_pledge
    bool atLeast = true; ///< >= and > (the figure must reach the value); <= and < otherwise
    double value = 0;
    std::string text() const; ///< "belle2 delivered_over_pledge >= 1"
};

/// The metrics a target may name.
const std::vector<std::string>& quotaTargetMetrics();

/// Each reader takes a CSV (an optional header line, `#` comments, blank lines); errors name the file and line.
Expected<std::vector<Contribution>> readContributions(const std::string& path);
/// HS06 pledges become cores with the experiment's own hs06_per_core when its contribution gives one, else the
/// pool's average over the contributions that give one; without any, an HS06 pledge is an error.
Expected<std::vector<Pledge>> readPledges(const std::string& path, const std::vector<Contribution>& contributions);
Expected<std::vector<QuotaTarget>> readQuotaTargets(const std::string& path);

/// The contributions the pool's own slot ads state: its machines by owner (POOLPLANNER_OWNER_ATTRIBUTE), in order
/// of first appearance, with the cores-weighted HS06 per core of those that advertise one. Machines without an
/// owner are nobody's contribution.
std::vector<Contribution> contributionsOfPool(const Pool& pool);

} // namespace pp
