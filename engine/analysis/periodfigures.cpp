// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/periodfigures.h"

#include <algorithm>

namespace pp {

std::vector<GroupPeriodFigures> groupPeriodFigures(const std::vector<GroupSummary>& groups,
    const std::vector<std::vector<GroupSample>>& series, int first, int last, double sampleIntervalSeconds)
{
    std::vector<GroupPeriodFigures> period(groups.size());
    first = std::max(first, 0);
    last = std::min(last, static_cast<int>(series.size()) - 1);
    if (last < first)
        return period;
    const double samples = last - first + 1;
    for (int s = first; s <= last; ++s) {
        const auto& sample = series[static_cast<std::size_t>(s)];
        for (std::size_t g = 0; g < groups.size() && g < sample.size(); ++g) {
            // <none> is HTCondor's root: its subtree is the whole pool, its own quota what the groups leave.
            period[g].quota += (g == 0 ? sample[g].quota : sample[g].subtreeQuota) / samples;
            period[g].allocated += sample[g].allocated / samples;
            period[g].usage += sample[g].usage / samples;
            period[g].demand += sample[g].demand / samples;
        }
    }
    // Usage, demand and allocation of a group's own submitters: sum them up the tree (children come last).
    for (std::size_t g = groups.size(); g-- > 1;) {
        const int parent = groups[g].parent;
        if (parent > 0) {
            auto& p = period[static_cast<std::size_t>(parent)];
            p.usage += period[g].usage;
            p.demand += period[g].demand;
            p.allocated += period[g].allocated;
        }
    }
    for (auto& p : period)
        p.chargedCoreHours = p.usage * samples * sampleIntervalSeconds / 3600.0;
    return period;
}

PoolPeriodFigures poolPeriodFigures(const std::vector<PoolSample>& series, int first, int last)
{
    PoolPeriodFigures mean;
    first = std::max(first, 0);
    last = std::min(last, static_cast<int>(series.size()) - 1);
    if (last < first)
        return mean;
    for (int s = first; s <= last; ++s) {
        const PoolSample& p = series[static_cast<std::size_t>(s)];
        mean.claimedCores += p.claimedCores;
        mean.idleCores += p.idleCores;
        mean.wholeMachines += p.wholeMachines;
        mean.fragmentedCores += p.fragmentedCores;
        mean.drainingMachines += p.drainingMachines;
    }
    const auto n = static_cast<double>(last - first + 1);
    mean.claimedCores /= n;
    mean.idleCores /= n;
    mean.wholeMachines /= n;
    mean.fragmentedCores /= n;
    mean.drainingMachines /= n;
    return mean;
}

} // namespace pp
