// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace pp {

/// A job as the engine replays it. Kept small on purpose: a year of a large pool holds ten million of these.
struct Job
{
    std::uint32_t submit = 0; ///< seconds since the workload's epoch
    std::uint32_t runtime = 0; ///< seconds of work when it runs uninterrupted
    std::uint32_t memoryMb = 0; ///< RequestMemory, already rounded up as the startd does
    std::uint16_t cores = 1; ///< RequestCpus
    std::uint16_t kind = 0; ///< JobKind
    std::uint32_t submitter = 0; ///< index into Workload::submitters
};
static_assert(sizeof(Job) == 20, "Job must stay compact");

enum JobKind : std::uint16_t { Batch = 0, Notebook = 1 };

/// Jobs of a source that could not be replayed, for one reason: how many, and the core-hours they held.
struct SkippedJobs
{
    std::string reason; ///< "wider than every machine (8 cores)", …
    long jobs = 0;
    double coreHours = 0; ///< cores × runtime where the source states both; 0 where it does not
};

/// Jobs sorted by submit time (ties keep their order in the source), and the submitters they name.
struct Workload
{
    std::vector<Job> jobs;
    /// Accounting names, `group.user` or just `user` (the root group), without `@domain`.
    std::vector<std::string> submitters;
    std::int64_t epoch = 0; ///< Unix time of second 0, when known
    std::string source; ///< where it came from, for reports
    /// What the source held beyond `jobs`: skipped jobs by reason, and the source's whole size, so that a result
    /// can say what share of the trace it left out. Empty and 0 when nothing was skipped or the size is unknown.
    std::vector<SkippedJobs> skipped;
    long sourceJobs = 0;
    double sourceCoreHours = 0;

    /// Counts a job left out for `reason` (merged with earlier ones of the same reason).
    void skip(const std::string& reason, double coreHours);

    /// Finds or adds a submitter by name; returns its index.
    std::uint32_t submitterIndex(const std::string& name);
    /// submitterIndex's lookup by name, brought up to date when `submitters` grew by other means.
    std::unordered_map<std::string, std::uint32_t> submitterLookup;
};

/// One sentence per reason jobs were skipped, with their share of the source's jobs and core-hours: the
/// result's notes, so that `--json`, the window and the report say what the numbers leave out.
std::vector<std::string> skippedJobNotes(const Workload& workload);

} // namespace pp
