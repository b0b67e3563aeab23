// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "model/scenario.h"

#include <map>
#include <string>
#include <vector>

namespace pptest {

/// A job of a hand-made test workload.
struct JobSpec
{
    std::string submitter; ///< "group.user" or "user"
    std::uint32_t submit = 0;
    std::uint32_t runtime = 3600;
    std::uint16_t cores = 1;
    std::uint32_t memoryMb = 0;
};

/// `count` copies of one job.
std::vector<JobSpec> jobs(const std::string& submitter, int count, std::uint32_t runtime = 3600,
    std::uint16_t cores = 1, std::uint32_t submit = 0);

/// A scenario from condor_config text, machines of the given core counts (2 GB per core) and jobs.
pp::Scenario makeScenario(const std::string& configText, const std::vector<int>& machineCores,
    const std::vector<JobSpec>& jobList, double horizonSeconds = 0);

/// Both job lists, one after the other.
std::vector<JobSpec> concat(std::vector<JobSpec> a, const std::vector<JobSpec>& b);

/// Cores each submitter's running jobs hold `seconds` after the start; optionally the result so far.
std::map<std::string, int> coresAt(
    const pp::Scenario& scenario, std::int64_t seconds, pp::Result* out = nullptr, bool recordCycles = false);

/// Index of a group by name in a result; fails the calling test (returns -1) when absent.
int groupIndex(const pp::Result& result, const std::string& name);

} // namespace pptest
