// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <string>
#include <vector>

namespace pp {

/// The figures a planner reads off one group. Work is counted over the group's whole subtree, because a quota
/// covers the subtree ("atlas" is atlas.prod + atlas.analysis + ...); waits are the group's own jobs', because
/// percentiles of sub-groups do not add up. The root `<none>` counts only jobs without a group: its subtree
/// is the pool, whose totals the Result holds.
struct GroupFigures
{
    std::string name;
    int parent = -1; ///< index into the same list; -1 for the root
    int depth = 0; ///< 0 = the root, 1 = a top-level group (an experiment)
    bool ownJobs = false; ///< the group's own submitters have jobs, so its waits mean something
    double coreHours = 0;
    double share = 0; ///< of the core-hours the pool delivered, 0..1
    double waitP50 = 0, waitP95 = 0; ///< seconds, own jobs
    long preemptions = 0;
    double badputCoreHours = 0;
    long jobsTotal = 0;
    long jobsCompleted = 0;
    long notebookSessions = 0;
    double notebookStartP50 = 0, notebookStartP95 = 0; ///< seconds, own sessions
    long notebookFailures = 0;
};

/// One row per group of the result, in its order (the tree breadth-first, root first).
std::vector<GroupFigures> groupFigures(const Result& result);

} // namespace pp
