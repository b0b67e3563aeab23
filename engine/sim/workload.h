// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <cstdint>
#include <string>
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

/// Jobs sorted by submit time (ties keep their order in the source), and the submitters they name.
struct Workload
{
    std::vector<Job> jobs;
    /// Accounting names, `group.user` or just `user` (the root group), without `@domain`.
    std::vector<std::string> submitters;
    std::int64_t epoch = 0; ///< Unix time of second 0, when known
    std::string source; ///< where it came from, for reports

    /// Finds or adds a submitter by name; returns its index.
    std::uint32_t submitterIndex(const std::string& name);
};

} // namespace pp
