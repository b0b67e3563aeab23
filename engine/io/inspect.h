// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "util/expected.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace pp {

/// What `poolplanner-cli inspect` says about one file (DESIGN.md's --json keys).
struct FileSummary
{
    std::string path;
    std::string format;
    long records = 0; ///< ads, events or jobs read
    std::vector<std::string> warnings;

    bool hasSlots = false;
    long partitionable = 0, dynamicSlots = 0, staticSlots = 0;
    long coresTotal = 0, coresClaimed = 0;

    bool hasJobs = false;
    std::map<std::string, long> jobsByStatus; ///< "idle", "running", "removed", "completed", "held", …
    int widestJobCores = 0; ///< SWF: the most cores one job asked for (HTCondor runs it on one machine)
    /// SWF: the machines its header names (MaxNodes, MaxProcs), widened so that the widest job fits one: the pool
    /// a replay without --cores or --pool runs on. 0 when the header does not say.
    long headerMachines = 0;
    int headerMachineCores = 0;

    bool hasEvents = false;
    std::map<std::string, long> eventsByCode; ///< "005" → count

    std::set<std::string> groups;
    bool hasSpan = false;
    std::int64_t spanStart = 0, spanEnd = 0; ///< Unix times (SWF: seconds from its start)
};

/// Detects the format and reads the file to the end, counting what it holds.
Expected<FileSummary> inspectFile(const std::string& path);

/// The `--json` output: a list with one object per file.
std::string inspectJson(const std::vector<FileSummary>& files);

} // namespace pp
