// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/jobsummary.h"

namespace pp {

std::size_t jobSizeClass(int cores)
{
    std::size_t c = 0;
    while (c + 1 < jobSizeClasses.size() && cores > jobSizeClasses[c].maxCores)
        ++c;
    return c;
}

void summariseJobOutcomes(Result& result, const Workload& workload, const std::vector<int>& groupOfSubmitter,
    const std::unordered_map<std::uint32_t, std::int64_t>& runningSince, double notebookStartupSeconds,
    std::int64_t start, std::int64_t now)
{
    const std::size_t groups = result.groups.size();
    std::vector<std::vector<float>> waits(groups);
    std::vector<std::vector<float>> notebookStarts(groups);
    std::vector<std::vector<float>> waitsBySize(jobSizeClasses.size());
    for (std::size_t j = 0; j < workload.jobs.size(); ++j) {
        const Job& spec = workload.jobs[j];
        if (static_cast<std::int64_t>(spec.submit) > now)
            continue; // never arrived within the horizon
        const JobOutcome& outcome = result.jobs[j];
        const auto g = static_cast<std::size_t>(groupOfSubmitter[spec.submitter]);
        auto& summary = result.groups[g];
        auto& sub = result.submitters[spec.submitter];
        ++summary.jobsTotal;
        double coreSeconds = 0;
        if (outcome.end >= 0) {
            ++summary.jobsCompleted;
            ++sub.jobsCompleted;
            coreSeconds = static_cast<double>(spec.cores) * spec.runtime;
        } else if (const auto it = runningSince.find(static_cast<std::uint32_t>(j)); it != runningSince.end()) {
            coreSeconds = static_cast<double>(spec.cores) * static_cast<double>(now - it->second);
        }
        summary.coreHours += coreSeconds / 3600.0;
        sub.coreHours += coreSeconds / 3600.0;
        summary.jobsRemoved += outcome.fate == Removed ? 1 : 0;
        summary.jobsHeld += outcome.fate == Held ? 1 : 0;
        if (spec.kind == Notebook) {
            ++summary.notebookSessions;
            summary.notebookFailures += outcome.fate == SpawnFailed ? 1 : 0;
        }
        if (outcome.firstStart < 0) {
            summary.jobsNeverStarted += outcome.fate == Queued ? 1 : 0;
            continue;
        }
        const auto wait = static_cast<float>(start + outcome.firstStart - static_cast<std::int64_t>(spec.submit));
        waits[g].push_back(wait);
        if (spec.kind == Notebook)
            notebookStarts[g].push_back(wait + static_cast<float>(notebookStartupSeconds));
        waitsBySize[jobSizeClass(spec.cores)].push_back(wait);
    }
    for (std::size_t g = 0; g < groups; ++g) {
        auto& summary = result.groups[g];
        const WaitPercentiles wait = waitPercentiles(waits[g]);
        summary.waitP50 = wait.p50;
        summary.waitP95 = wait.p95;
        summary.waitP99 = wait.p99;
        summary.notebookStartP50 = percentile(notebookStarts[g], 50);
        summary.notebookStartP95 = percentile(notebookStarts[g], 95);
    }
    result.waitsBySize.clear();
    for (std::size_t c = 0; c < jobSizeClasses.size(); ++c) {
        const WaitPercentiles wait = waitPercentiles(waitsBySize[c]);
        result.waitsBySize.push_back(
            {jobSizeClasses[c].label, static_cast<long>(waitsBySize[c].size()), wait.p50, wait.p95, wait.p99});
    }
}

} // namespace pp
