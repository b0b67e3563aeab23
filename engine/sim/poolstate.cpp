// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/poolstate.h"

#include "util/randomstream.h"

#include <algorithm>
#include <bit>
#include <cassert>

namespace pp {

PoolState::PoolState(const Pool& pool, std::uint64_t tieSeed)
{
    m_machineOfKey = drawnOrder(pool.machines.size(), tieSeed);
    m_tieKey.resize(m_machineOfKey.size());
    for (std::uint32_t key = 0; key < m_machineOfKey.size(); ++key)
        m_tieKey[m_machineOfKey[key]] = key;
    m_total.reserve(pool.machines.size());
    for (const auto& m : pool.machines) {
        m_total.push_back({m.cores, m.memoryMb});
        m_names.push_back(m.name);
        m_owners.push_back(m.owner);
        m_totalCores += m.cores;
    }
    m_free = m_total;
    int widest = 0;
    for (const Resources& r : m_total)
        widest = std::max(widest, r.cores);
    m_candidates.resize(static_cast<std::size_t>(widest) + 1);
    m_occupied.assign(static_cast<std::size_t>(widest) / 64 + 1, 0);
    m_claimsOfSize.assign(static_cast<std::size_t>(widest) + 1, 0);
    m_claimSizeBits.assign(m_occupied.size(), 0);
    m_withdrawn.assign(m_total.size(), 0);
    m_draining.assign(m_total.size(), 0);
    m_indexed.assign(m_total.size(), 0);
    m_dynamicSlots.assign(m_total.size(), 0);
    for (std::uint32_t i = 0; i < m_total.size(); ++i)
        index(i);
}

void PoolState::index(std::uint32_t machine)
{
    const int cores = m_free[machine].cores;
    if (m_indexed[machine] || m_withdrawn[machine] || m_draining[machine] || cores <= 0)
        return;
    m_candidates[static_cast<std::size_t>(cores)].insert(keyOf(machine));
    m_occupied[static_cast<std::size_t>(cores) / 64] |= 1ULL << (cores % 64);
    m_indexed[machine] = 1;
}

void PoolState::unindex(std::uint32_t machine)
{
    if (!m_indexed[machine])
        return;
    const int cores = m_free[machine].cores;
    Bucket& bucket = m_candidates[static_cast<std::size_t>(cores)];
    bucket.erase(keyOf(machine)); // m_free has not changed since the machine was indexed
    if (bucket.empty())
        m_occupied[static_cast<std::size_t>(cores) / 64] &= ~(1ULL << (cores % 64));
    m_indexed[machine] = 0;
}

int PoolState::nextCandidateCores(int cores) const
{
    auto word = static_cast<std::size_t>(cores) / 64;
    if (word >= m_occupied.size())
        return 0;
    std::uint64_t bits = m_occupied[word] & (~0ULL << (cores % 64));
    while (bits == 0) {
        if (++word == m_occupied.size())
            return 0;
        bits = m_occupied[word];
    }
    return static_cast<int>(word * 64) + std::countr_zero(bits);
}

int PoolState::largestFreeCores() const
{
    for (std::size_t word = m_occupied.size(); word-- > 0;)
        if (m_occupied[word] != 0)
            return static_cast<int>(word * 64) + 63 - std::countl_zero(m_occupied[word]);
    return 0;
}

double PoolState::minSlotWeight() const
{
    if (m_fullMachines > 0)
        return 0.0; // a p-slot with no cores left advertises SlotWeight = Cpus = 0
    const int leastFree = nextCandidateCores(1);
    int smallest = leastFree > 0 ? leastFree : -1;
    for (std::size_t word = 0; word < m_claimSizeBits.size(); ++word)
        if (m_claimSizeBits[word] != 0) {
            const int smallestClaim = static_cast<int>(word * 64) + std::countr_zero(m_claimSizeBits[word]);
            if (smallest < 0 || smallestClaim < smallest)
                smallest = smallestClaim;
            break;
        }
    return smallest < 0 ? 1.0 : smallest;
}

std::int64_t PoolState::bestFit(int cores, long memoryMb) const
{
    return bestFit(cores, memoryMb, [](std::uint32_t) { return true; });
}

void PoolState::withdraw(std::uint32_t machine)
{
    if (m_withdrawn[machine])
        return;
    unindex(machine);
    m_withdrawn[machine] = 1;
    m_withdrawnList.push_back(machine);
}

void PoolState::setDraining(std::uint32_t machine, bool draining)
{
    if (isDraining(machine) == draining)
        return;
    unindex(machine);
    m_draining[machine] = draining ? 1 : 0;
    if (draining)
        m_drainingList.push_back(machine);
    else
        std::erase(m_drainingList, machine);
    index(machine);
}

void PoolState::restoreWithdrawn()
{
    for (std::uint32_t m : m_withdrawnList) {
        m_withdrawn[m] = 0;
        index(m);
    }
    m_withdrawnList.clear();
}

std::uint32_t PoolState::carve(
    std::uint32_t machine, std::uint32_t submitter, int cores, long memoryMb, std::int64_t now)
{
    assert(m_free[machine].cores >= cores && m_free[machine].memoryMb >= memoryMb);
    unindex(machine);
    m_free[machine].cores -= cores;
    m_free[machine].memoryMb -= memoryMb;
    if (m_free[machine].cores == 0)
        ++m_fullMachines;
    index(machine);
    m_claimedCores += cores;
    if (m_claimsOfSize[static_cast<std::size_t>(cores)]++ == 0)
        m_claimSizeBits[static_cast<std::size_t>(cores) / 64] |= 1ULL << (cores % 64);
    ++m_dynamicSlots[machine];

    std::uint32_t slot = 0;
    if (!m_freeClaimSlots.empty()) {
        slot = m_freeClaimSlots.back();
        m_freeClaimSlots.pop_back();
        // The slot the next carve takes was freed long ago: fetched now, it is in cache by then.
        if (!m_freeClaimSlots.empty())
            __builtin_prefetch(&m_claims[m_freeClaimSlots.back()], 1);
    } else {
        slot = static_cast<std::uint32_t>(m_claims.size());
        m_claims.emplace_back();
    }
    Claim& c = m_claims[slot];
    c = Claim {};
    c.machine = machine;
    c.submitter = submitter;
    c.cores = static_cast<std::uint16_t>(cores);
    c.memoryMb = static_cast<std::uint32_t>(memoryMb);
    c.claimedAt = now;
    c.live = true;
    return slot;
}

void PoolState::release(std::uint32_t claimIndex)
{
    Claim& c = m_claims[claimIndex];
    assert(c.live);
    unindex(c.machine);
    if (m_free[c.machine].cores == 0 && c.cores > 0)
        --m_fullMachines;
    m_free[c.machine].cores += c.cores;
    m_free[c.machine].memoryMb += c.memoryMb;
    index(c.machine);
    m_claimedCores -= c.cores;
    --m_dynamicSlots[c.machine];
    if (--m_claimsOfSize[c.cores] == 0)
        m_claimSizeBits[c.cores / 64u] &= ~(1ULL << (c.cores % 64u));
    c.live = false;
    c.job = -1;
    c.successor = -1;
    m_freeClaimSlots.push_back(claimIndex);
}

} // namespace pp
