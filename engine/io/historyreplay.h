// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/poolhistory.h"
#include "util/diagnostic.h"
#include "util/expected.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pp {

struct HistoryReplayOptions
{
    std::optional<std::int64_t> from; ///< Unix time; default: the earliest QDate
    std::optional<std::int64_t> to; ///< default: the latest completion, start or status change the ads record
    int largestMachineCores = 0; ///< jobs wider than every machine are left out (0: no limit)
    long largestMachineMemoryMb = 0;
};

/// Reads the job ads of a pool's condor_history, and optionally of condor_q at the end of the period (any ad
/// format, by content), into a replay and the runs that really happened (PoolHistory). A job listed twice keeps
/// its ad that says most (finished over running over idle). Only the last run of a job is known from its ads;
/// the jobs' event logs, when given, add every run, evicted ones included (matched by cluster and proc).
Expected<PoolHistory> readPoolHistory(const std::vector<std::string>& paths, const HistoryReplayOptions& options,
    Warnings& warnings, const std::vector<std::string>& eventLogPaths = {});

} // namespace pp
