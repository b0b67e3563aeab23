// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "io/eventlog.h"
#include "io/swfreader.h"
#include "model/workload.h"
#include "util/expected.h"

#include <string>

namespace pp {

struct WorkloadReadOptions
{
    SwfOptions swf; ///< group map and machine limits (used for every format)
    EventLogOptions eventLog;
    /// Event logs do not name the submitter: their jobs are charged to this one (default: the file's stem).
    std::string eventLogSubmitter;
};

/// A replayable workload from any file that holds finished jobs, detected by content: an SWF trace, job ads
/// (`condor_history` files, `-long`, `-json`, `-jsonl`), or a job event log. A job counts with its last run:
/// submit (QDate / 000), start (JobCurrentStartDate / 001), end (CompletionDate / 005), RequestCpus and
/// RequestMemory evaluated as ClassAd expressions. Jobs that never finished are skipped and counted.
/// Notebook jobs are recognised by BatchSpawner's marks (docs/HTCONDOR.md §8).
Expected<Workload> readWorkload(const std::string& path, const WorkloadReadOptions& options, Warnings& warnings);

} // namespace pp
