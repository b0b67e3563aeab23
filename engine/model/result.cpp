// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "model/result.h"

#include <algorithm>
#include <cmath>

namespace pp {

double percentile(std::vector<float>& values, double p)
{
    if (values.empty())
        return 0;
    const double rank = std::ceil(p / 100.0 * static_cast<double>(values.size()));
    const std::size_t index = static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(values.size()))) - 1;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
    return values[index];
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
