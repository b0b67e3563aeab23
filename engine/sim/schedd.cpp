// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/schedd.h"

#include "util/randomstream.h"

#include <algorithm>

namespace pp {

void SubmitterQueue::addIdle(std::uint32_t job, const Job& spec)
{
    auto it = std::find_if(m_autoclusters.begin(), m_autoclusters.end(),
        [&](const Autocluster& a) { return a.cores == spec.cores && a.memoryMb == spec.memoryMb; });
    if (it == m_autoclusters.end()) {
        m_autoclusters.push_back({spec.cores, spec.memoryMb, {}});
        it = m_autoclusters.end() - 1;
    }
    // Requeued jobs (after an eviction) go back in submission order, as the schedd sorts by job id.
    if (it->jobs.empty() || it->jobs.back() < job)
        it->jobs.push_back(job);
    else
        it->jobs.insert(std::lower_bound(it->jobs.begin(), it->jobs.end(), job), job);
    ++m_idleJobs;
    m_idleCores += spec.cores;
}

std::uint32_t SubmitterQueue::takeIdle(std::size_t autocluster, const Job& spec)
{
    auto& a = m_autoclusters[autocluster];
    const std::uint32_t job = a.jobs.front();
    a.jobs.pop_front();
    --m_idleJobs;
    m_idleCores -= spec.cores;
    return job;
}

bool SubmitterQueue::removeIdle(std::uint32_t job, const Job& spec)
{
    for (auto& a : m_autoclusters) {
        if (a.cores != spec.cores || a.memoryMb != spec.memoryMb)
            continue;
        const auto it = std::lower_bound(a.jobs.begin(), a.jobs.end(), job);
        if (it == a.jobs.end() || *it != job)
            return false;
        a.jobs.erase(it);
        --m_idleJobs;
        m_idleCores -= spec.cores;
        return true;
    }
    return false;
}

void SubmitterQueue::offerOrder(
    const std::vector<Job>& jobs, std::uint64_t tieSalt, std::vector<std::size_t>& order) const
{
    order.clear();
    for (std::size_t i = 0; i < m_autoclusters.size(); ++i)
        if (!m_autoclusters[i].jobs.empty())
            order.push_back(i);
    if (order.size() < 2)
        return;
    if (tieSalt == 0) {
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return m_autoclusters[a].jobs.front() < m_autoclusters[b].jobs.front();
        });
        return;
    }
    const auto drawn = [&](std::size_t a) { return RandomStream(tieSalt + a).next(); };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const std::int64_t sa = jobs[m_autoclusters[a].jobs.front()].submit;
        const std::int64_t sb = jobs[m_autoclusters[b].jobs.front()].submit;
        return sa != sb ? sa < sb : drawn(a) < drawn(b);
    });
}

std::int64_t SubmitterQueue::oldestFitting(int cores, long memoryMb, std::size_t* autocluster) const
{
    std::int64_t best = -1;
    for (std::size_t i = 0; i < m_autoclusters.size(); ++i) {
        const auto& a = m_autoclusters[i];
        if (a.jobs.empty() || a.cores > cores || a.memoryMb > memoryMb)
            continue;
        if (best < 0 || a.jobs.front() < best) {
            best = a.jobs.front();
            if (autocluster)
                *autocluster = i;
        }
    }
    return best;
}

int SubmitterQueue::smallestIdleCores() const
{
    int smallest = 0;
    for (const auto& a : m_autoclusters)
        if (!a.jobs.empty() && (smallest == 0 || a.cores < smallest))
            smallest = a.cores;
    return smallest;
}

} // namespace pp
