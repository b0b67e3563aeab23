// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "model/result.h"

#include <algorithm>
#include <cmath>

namespace pp {

namespace {

// The nearest-rank index of percentile p in a sample of n > 0 values.
std::size_t nearestRank(std::size_t n, double p)
{
    const double rank = std::ceil(p / 100.0 * static_cast<double>(n));
    return static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(n))) - 1;
}

// Puts the value of rank `index` in place, looking only at values[from..]: those before are known not to be
// greater (an earlier selection left them there).
float selectFrom(std::vector<float>& values, std::size_t from, std::size_t index)
{
    std::nth_element(values.begin() + static_cast<std::ptrdiff_t>(from),
        values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
    return values[index];
}

} // namespace

double percentile(std::vector<float>& values, double p)
{
    if (values.empty())
        return 0;
    return selectFrom(values, 0, nearestRank(values.size(), p));
}

WaitPercentiles waitPercentiles(std::vector<float>& values)
{
    if (values.empty())
        return {};
    const std::size_t n = values.size();
    const std::size_t i50 = nearestRank(n, 50);
    const std::size_t i95 = nearestRank(n, 95);
    const std::size_t i99 = nearestRank(n, 99);
    WaitPercentiles result;
    result.p50 = selectFrom(values, 0, i50);
    result.p95 = selectFrom(values, i50, i95);
    result.p99 = selectFrom(values, i95, i99);
    return result;
}

std::vector<int> topLevelGroups(const Result& result)
{
    std::vector<int> top(result.groups.size());
    for (std::size_t g = 0; g < result.groups.size(); ++g) {
        int t = static_cast<int>(g);
        while (t > 0 && result.groups[static_cast<std::size_t>(t)].parent > 0)
            t = result.groups[static_cast<std::size_t>(t)].parent;
        top[g] = t;
    }
    return top;
}

} // namespace pp
