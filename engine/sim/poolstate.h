// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/pool.h"
#include "util/chunkedkeyset.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace pp {

/// A dynamic slot carved from a machine's partitionable slot and the claim a submitter holds on it.
struct Claim
{
    std::uint32_t machine = 0;
    std::uint32_t submitter = 0;
    std::int32_t job = -1; ///< running job, -1 while the claim is idle
    std::uint16_t cores = 0;
    std::uint16_t run = 0; ///< the running job's start count (JobOutcome::starts) when it started here
    std::uint32_t memoryMb = 0;
    std::int64_t claimedAt = 0; ///< for CLAIM_WORKLIFE
    std::int64_t jobStartedAt = 0;
    float currentRank = 0; ///< the startd RANK of the running job (CurrentRank)
    float retirement = 0; ///< MAXJOBRETIREMENTTIME of the running job, seconds from its start
    /// Early preemption: the job that preempted the running one and starts when it has retired, -1 = none.
    /// The slot's ad then names its submitter as PreemptingUser and its RANK as PreemptingRank.
    std::int32_t successor = -1;
    std::uint32_t successorSubmitter = 0;
    float successorRank = 0;
    bool live = false;
};

/// The machines' partitionable slots and their dynamic slots. Free p-slots are kept ordered the way the
/// default NEGOTIATOR_PRE_JOB_RANK prefers them (fewest free cores, then least free memory, then the
/// lowest machine index), so the best fit for a job is a single ordered lookup (§3.5).
class PoolState
{
public:
    /// `tieSeed`: the order among p-slots the preferred order ranks equal (the collector's), drawn from it; 0 =
    /// the lowest machine index first.
    explicit PoolState(const Pool& pool, std::uint64_t tieSeed = 0);

    std::size_t machineCount() const { return m_free.size(); }
    long totalCores() const { return m_totalCores; }
    long claimedCores() const { return m_claimedCores; }
    int freeCores(std::uint32_t machine) const { return m_free[machine].cores; }
    long freeMemory(std::uint32_t machine) const { return m_free[machine].memoryMb; }
    int machineCores(std::uint32_t machine) const { return m_total[machine].cores; }
    /// Dynamic slots (live claims) carved from the machine.
    int dynamicSlots(std::uint32_t machine) const { return m_dynamicSlots[machine]; }
    long machineMemory(std::uint32_t machine) const { return m_total[machine].memoryMb; }
    const std::string& machineName(std::uint32_t machine) const { return m_names[machine]; }
    const std::string& machineOwner(std::uint32_t machine) const { return m_owners[machine]; }
    bool isWhole(std::uint32_t machine) const { return m_free[machine].cores == m_total[machine].cores; }
    /// Largest number of free cores on any candidate p-slot (0 when none).
    int largestFreeCores() const;
    /// Smallest SlotWeight over all slot ads, as the negotiator computes it (a fully carved p-slot weighs 0).
    double minSlotWeight() const;

    /// The best p-slot for a request among the candidates (not withdrawn), or -1 when none fits.
    std::int64_t bestFit(int cores, long memoryMb) const;
    /// The best p-slot that also satisfies `accepts` (the startd's START), or -1.
    template <typename Accepts> std::int64_t bestFit(int cores, long memoryMb, Accepts&& accepts) const
    {
        const auto accepted = [&](std::uint64_t key) { return accepts(machineOf(key)); };
        for (int c = nextCandidateCores(std::max(cores, 1)); c > 0; c = nextCandidateCores(c + 1)) {
            std::uint64_t key = 0;
            if (m_candidates[static_cast<std::size_t>(c)].findFrom(memoryKey(memoryMb), accepted, key))
                return machineOf(key);
        }
        return -1;
    }
    /// Removes a p-slot from this cycle's candidates (default mode: one match per p-slot per cycle).
    void withdraw(std::uint32_t machine);
    /// Puts every withdrawn p-slot back at the end of a cycle.
    void restoreWithdrawn();
    /// A draining machine starts no new jobs (§5.3); its p-slot is no candidate until the drain ends.
    void setDraining(std::uint32_t machine, bool draining);
    bool isDraining(std::uint32_t machine) const { return m_draining[machine] != 0; }
    /// The machines draining now, in no particular order (a few: condor_defrag bounds concurrent drains).
    const std::vector<std::uint32_t>& drainingMachines() const { return m_drainingList; }

    /// Carves a dynamic slot; the caller has checked that it fits. Returns the claim index.
    std::uint32_t carve(std::uint32_t machine, std::uint32_t submitter, int cores, long memoryMb, std::int64_t now);
    /// Ends a claim: its resources return to the p-slot.
    void release(std::uint32_t claimIndex);
    Claim& claim(std::uint32_t index) { return m_claims[index]; }
    const Claim& claim(std::uint32_t index) const { return m_claims[index]; }
    const std::vector<Claim>& claims() const { return m_claims; }
    std::size_t liveClaims() const { return m_claims.size() - m_freeClaimSlots.size(); }

private:
    struct Resources
    {
        int cores = 0;
        long memoryMb = 0;
    };
    // The candidates with the same free cores, ordered by free memory (high 32 bits, MB), then by the machine's
    // tie key (low 32 bits): one integer comparison orders two of them.
    using Bucket = ChunkedKeySet;
    static std::uint64_t memoryKey(long memoryMb)
    {
        return static_cast<std::uint64_t>(std::clamp<long>(memoryMb, 0, 0xFFFFFFFFL)) << 32;
    }
    std::uint32_t machineOf(std::uint64_t key) const { return m_machineOfKey[key & 0xFFFFFFFFU]; }
    std::uint64_t keyOf(std::uint32_t machine) const { return memoryKey(m_free[machine].memoryMb) | m_tieKey[machine]; }
    /// The least free-core count >= `cores` that has candidates, or 0 when none has.
    int nextCandidateCores(int cores) const;
    void index(std::uint32_t machine);
    void unindex(std::uint32_t machine);

    std::vector<Resources> m_total;
    std::vector<std::string> m_names;
    std::vector<std::string> m_owners;
    std::vector<Resources> m_free;
    std::vector<char> m_withdrawn;
    std::vector<char> m_draining;
    std::vector<std::uint32_t> m_withdrawnList;
    std::vector<std::uint32_t> m_drainingList;
    // P-slots with at least one free core, not withdrawn, by their free cores: the preferred order is the buckets
    // in ascending cores, each in its own order. Bucketing keeps each bucket short.
    std::vector<Bucket> m_candidates;
    std::vector<std::uint64_t> m_occupied; // bit c: bucket c holds candidates
    std::vector<char> m_indexed;
    std::vector<int> m_dynamicSlots; // per machine
    std::vector<std::uint32_t> m_tieKey; // machine -> its place among equals
    std::vector<std::uint32_t> m_machineOfKey; // and back
    std::vector<Claim> m_claims;
    std::vector<std::uint32_t> m_freeClaimSlots;
    // Dynamic slots by cores (how many of each, and a bit per size held): the smallest slot weight in O(1).
    std::vector<int> m_claimsOfSize;
    std::vector<std::uint64_t> m_claimSizeBits;
    long m_fullMachines = 0; // p-slots with no core left
    long m_totalCores = 0;
    long m_claimedCores = 0;
};

} // namespace pp
