// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/groupfigures.h"

#include <algorithm>

namespace pp {

std::vector<GroupFigures> groupFigures(const Result& result)
{
    const std::size_t n = result.groups.size();
    std::vector<GroupFigures> rows(n);
    for (std::size_t i = 0; i < n; ++i) {
        const GroupSummary& g = result.groups[i];
        GroupFigures& f = rows[i];
        f.name = g.name;
        f.parent = g.parent >= 0 && static_cast<std::size_t>(g.parent) < n ? g.parent : -1;
        f.ownJobs = g.jobsTotal > 0;
        f.coreHours = g.coreHours;
        f.waitP50 = g.waitP50;
        f.waitP95 = g.waitP95;
        f.preemptions = g.preemptions;
        f.badputCoreHours = g.badputCoreHours;
        f.jobsTotal = g.jobsTotal;
        f.jobsCompleted = g.jobsCompleted;
        f.notebookSessions = g.notebookSessions;
        f.notebookStartP50 = g.notebookStartP50;
        f.notebookStartP95 = g.notebookStartP95;
        f.notebookFailures = g.notebookFailures;
    }
    // Depths top-down; a parent listed after its child (not what the engine writes) is still handled.
    for (std::size_t i = 0; i < n; ++i) {
        int depth = 0;
        for (int p = rows[i].parent; p >= 0 && depth <= static_cast<int>(n);
             p = rows[static_cast<std::size_t>(p)].parent)
            ++depth;
        rows[i].depth = depth;
    }
    // Sums bottom-up, deepest first, into every parent but the root.
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = i;
    std::stable_sort(
        order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rows[a].depth > rows[b].depth; });
    for (const std::size_t i : order) {
        const int p = rows[i].parent;
        if (p < 0 || rows[static_cast<std::size_t>(p)].parent < 0)
            continue;
        GroupFigures& parent = rows[static_cast<std::size_t>(p)];
        parent.coreHours += rows[i].coreHours;
        parent.preemptions += rows[i].preemptions;
        parent.badputCoreHours += rows[i].badputCoreHours;
        parent.jobsTotal += rows[i].jobsTotal;
        parent.jobsCompleted += rows[i].jobsCompleted;
        parent.notebookSessions += rows[i].notebookSessions;
        parent.notebookFailures += rows[i].notebookFailures;
    }
    for (auto& f : rows)
        f.share = result.coreHoursDelivered > 0 ? f.coreHours / result.coreHoursDelivered : 0.0;
    return rows;
}

} // namespace pp
