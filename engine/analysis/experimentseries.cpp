// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/experimentseries.h"

namespace pp {

int ExperimentSeries::find(const Result& result, const std::string& name) const
{
    for (std::size_t e = 0; e < groups.size(); ++e)
        if (result.groups[static_cast<std::size_t>(groups[e])].name == name)
            return static_cast<int>(e);
    return -1;
}

ExperimentSeries experimentSeries(const Result& result)
{
    ExperimentSeries series;
    const std::vector<int> top = topLevelGroups(result);
    std::vector<int> columnOf(result.groups.size(), -1);
    for (std::size_t g = 0; g < result.groups.size(); ++g) {
        const bool experiment = g > 0 && top[g] == static_cast<int>(g);
        const bool rootWithWork = g == 0 && result.groups[0].coreHours > 0;
        if (experiment || rootWithWork) {
            columnOf[g] = static_cast<int>(series.groups.size());
            series.groups.push_back(static_cast<int>(g));
        }
    }
    series.usage.reserve(result.groupSeries.size());
    series.quota.reserve(result.groupSeries.size());
    for (const auto& sample : result.groupSeries) {
        std::vector<float> usage(series.groups.size(), 0.0F);
        std::vector<float> quota(series.groups.size(), 0.0F);
        for (std::size_t g = 0; g < sample.size() && g < top.size(); ++g) {
            const int column = columnOf[static_cast<std::size_t>(top[g])];
            if (column < 0)
                continue;
            const auto c = static_cast<std::size_t>(column);
            usage[c] += sample[g].usage;
            if (top[g] == static_cast<int>(g)) // the experiment itself: its subtree's quota; <none>: its own
                quota[c] = g == 0 ? sample[g].quota : sample[g].subtreeQuota;
        }
        series.usage.push_back(std::move(usage));
        series.quota.push_back(std::move(quota));
    }
    return series;
}

} // namespace pp
