// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/workload.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace pp {

/// The schedd's view of one submitter's queue: idle jobs grouped into autoclusters (jobs that ask for the
/// same cores and memory), each in submission order, and the counts a submitter ad publishes (§2.5, §6.4).
class SubmitterQueue
{
public:
    struct Autocluster
    {
        std::uint16_t cores = 0;
        std::uint32_t memoryMb = 0;
        std::deque<std::uint32_t> jobs; // idle job indices, oldest first
    };

    void addIdle(std::uint32_t job, const Job& spec);
    /// Removes and returns the oldest idle job of an autocluster.
    std::uint32_t takeIdle(std::size_t autocluster, const Job& spec);
    /// Takes an idle job out of the queue (a removal); false when it is not idle here.
    bool removeIdle(std::uint32_t job, const Job& spec);
    /// The autoclusters with idle jobs, oldest head job first: the order the schedd offers them in. With a
    /// `tieSalt`, autoclusters whose head jobs were submitted in the same second come in an order drawn from it.
    /// Into `order` (reused: a cycle asks this of every submitter it negotiates with).
    void offerOrder(const std::vector<Job>& jobs, std::uint64_t tieSalt, std::vector<std::size_t>& order) const;
    /// The oldest idle job that fits in the given resources (for claim reuse and leftovers), or -1.
    std::int64_t oldestFitting(int cores, long memoryMb, std::size_t* autocluster) const;

    const std::vector<Autocluster>& autoclusters() const { return m_autoclusters; }
    long idleJobs() const { return m_idleJobs; }
    long idleCores() const { return m_idleCores; }
    long runningJobs = 0;
    long runningCores = 0; ///< RequestCpus of running jobs (the schedd's WeightedRunningJobs)
    bool hasJobs() const { return m_idleJobs > 0 || runningJobs > 0; }
    int smallestIdleCores() const;

private:
    std::vector<Autocluster> m_autoclusters;
    long m_idleJobs = 0;
    long m_idleCores = 0;
};

} // namespace pp
