// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/jobsummary.h"
#include "model/result.h"
#include "model/workload.h"

#include <array>
#include <string>
#include <vector>

namespace pp {

/// What one experiment got in one variant of the merge study.
struct ExperimentOutcome
{
    static constexpr std::size_t sizeClasses = jobSizeClasses.size();
    long contributedCores = 0;
    double contributedCoreHours = 0; ///< its machines' cores over the simulated time
    double deliveredCoreHours = 0; ///< to its jobs, wherever they ran
    long jobs = 0;
    long completed = 0;
    std::array<long, sizeClasses> startedBySize {};
    std::array<double, sizeClasses> waitP50 {}, waitP95 {}; ///< seconds, started jobs
    /// Sharing: core-hours its jobs got beyond its own share (separate: on other pools' machines, by flocking;
    /// merged: surplus of other experiments' quotas), and core-hours of its own that others used.
    double borrowedCoreHours = 0, lentCoreHours = 0;
    long preemptions = 0; ///< runs evicted by preemption (flocked jobs by owners; over-quota jobs)
    double badputCoreHours = 0; ///< every eviction's lost work
    long notebookSessions = 0;
    long notebookFailures = 0;
    double notebookStartP50 = 0, notebookStartP95 = 0; ///< seconds from submission to a usable notebook
};

/// The site as a whole in one variant.
struct SiteOutcome
{
    double deliveredCoreHours = 0;
    double utilization = 0;
    /// Idle cores a waiting job could use (on machines with enough free cores for the smallest request that has
    /// waited longer than two negotiation cycles anywhere), over the samples when there was one.
    double idleCoreHoursWhileWaiting = 0;
    double meanWholeMachines = 0; ///< machines with every core free: room for multicore jobs
    long preemptions = 0;
    double badputCoreHours = 0;
};

struct MergeStudyRow
{
    std::string experiment;
    ExperimentOutcome separate, merged;
};

/// The comparison the merge question asks for (DESIGN.md, issue 8): per experiment and for the site, separate
/// pools with flocking against one merged pool, and in words who gains and who loses.
struct MergeStudy
{
    std::string separateName, mergedName;
    std::vector<MergeStudyRow> rows; ///< the experiments: top-level groups
    SiteOutcome separate, merged;
    std::vector<std::string> summary; ///< sentences, the most important first
};

/// The study from the two runs of the same workload; `separate` is the run of several pools (either order of the
/// arguments is accepted: the one with Result::poolNames is the separate variant).
MergeStudy mergeStudy(const Result& a, const Workload& workloadA, const Result& b, const Workload& workloadB);

/// True when the two results are a merge study's two variants (one of several pools, one of one pool).
bool isMergeStudy(const Result& a, const Result& b);

} // namespace pp
