// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/surplusflows.h"

#include <algorithm>
#include <map>

namespace pp {

std::vector<SurplusFlow> computeSurplusFlows(
    const std::vector<GroupSummary>& groups, const std::vector<std::vector<GroupSample>>& series, double sampleInterval)
{
    const std::size_t n = groups.size();
    const auto at = [](int g) { return static_cast<std::size_t>(g); };
    // A parent that is not a group of the run ends the climb (the engine never makes one; a hand-made result might).
    const auto parentOf = [&](int g) {
        const int parent = groups[at(g)].parent;
        return parent >= 0 && at(parent) < n ? parent : -1;
    };
    std::vector<std::vector<int>> children(n);
    for (std::size_t g = 0; g < n; ++g)
        if (const int parent = parentOf(static_cast<int>(g)); parent >= 0)
            children[at(parent)].push_back(static_cast<int>(g));
    std::map<std::pair<int, int>, double> total; // (lender, borrower) -> core-seconds
    std::vector<double> spare(n);
    std::vector<double> borrowed(n);
    for (const auto& sample : series) {
        if (sample.size() != n)
            continue;
        for (std::size_t g = 0; g < n; ++g) {
            // The root's own quota is the unclaimed rest; a group's is its subtree's less its children's.
            double own = g == 0 ? sample[0].quota : sample[g].subtreeQuota;
            if (g != 0)
                for (int c : children[g])
                    own -= sample[at(c)].subtreeQuota;
            own = std::max(0.0, own);
            spare[g] = std::max(0.0, own - sample[g].usage);
            borrowed[g] = std::max(0.0, sample[g].usage - own);
        }
        for (std::size_t b = 0; b < n; ++b) {
            const int borrower = static_cast<int>(b);
            double need = borrowed[b];
            // Siblings first, then the parent, then the parent's siblings, and so on up the tree.
            // At most n steps up, so a parent cycle cannot loop forever.
            std::size_t steps = 0;
            for (int node = borrower; need > 1e-9 && parentOf(node) >= 0 && steps++ < n; node = parentOf(node)) {
                const int parent = parentOf(node);
                double available = 0;
                for (int s : children[at(parent)])
                    if (s != node)
                        available += spare[at(s)];
                if (available > 1e-9) {
                    const double take = std::min(need, available);
                    for (int s : children[at(parent)]) {
                        if (s == node || spare[at(s)] <= 0)
                            continue;
                        const double share = take * spare[at(s)] / available;
                        spare[at(s)] -= share;
                        total[{s, borrower}] += share * sampleInterval;
                    }
                    need -= take;
                }
                const double fromParent = std::min(need, spare[at(parent)]);
                if (fromParent > 1e-9) {
                    spare[at(parent)] -= fromParent;
                    total[{parent, borrower}] += fromParent * sampleInterval;
                    need -= fromParent;
                }
            }
        }
    }
    std::vector<SurplusFlow> flows;
    for (const auto& [pair, seconds] : total)
        if (seconds > 0)
            flows.push_back({pair.first, pair.second, seconds / 3600.0});
    std::stable_sort(flows.begin(), flows.end(),
        [](const SurplusFlow& a, const SurplusFlow& b) { return a.coreHours > b.coreHours; });
    return flows;
}

} // namespace pp
