// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "model/workload.h"

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace pp {

/// The job sizes waits are reported by (cores requested: 1, 2–4, 5–8, more), with their labels.
struct JobSizeClass
{
    const char* label;
    int maxCores;
};
inline constexpr std::array<JobSizeClass, 4> jobSizeClasses {
    {{"1 core", 1}, {"2-4 cores", 4}, {"5-8 cores", 8}, {"more than 8 cores", 1 << 30}}};
/// The index of the size class a job of that many cores falls in.
std::size_t jobSizeClass(int cores);

/// The per-group, per-submitter and per-size figures that follow from the jobs' outcomes alone: jobs, completions,
/// core-hours delivered, waits, notebook start times, removals and holds. Counts the jobs submitted by `now`
/// (workload seconds); `runningSince` holds the runs still going then and when each started. `result.groups` and
/// `result.submitters` must already be laid out (names, parents); their outcome fields are added to.
void summariseJobOutcomes(Result& result, const Workload& workload, const std::vector<int>& groupOfSubmitter,
    const std::unordered_map<std::uint32_t, std::int64_t>& runningSince, double notebookStartupSeconds,
    std::int64_t start, std::int64_t now);

} // namespace pp
