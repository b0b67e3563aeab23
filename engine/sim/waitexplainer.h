// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "policy/grouptree.h"
#include "sim/negotiator.h"
#include "sim/poolstate.h"
#include "sim/schedd.h"
#include "sim/startdpolicy.h"

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace pp {

/// Says after each negotiation cycle why each group's idle cores stayed idle (issue 15), in the vocabulary of
/// WaitReason, and adds it up: what a cycle leaves waiting waits for that reason until the next cycle. Runs in the
/// cycle's last moment, before the p-slots the cycle withdrew come back.
///
/// A request (an autocluster's idle jobs) is, in this order:
///  1. requirements: bigger than every machine, or refused by every machine's START;
///  2. blocked by its group's first-round limit — nothing left (the usage at the cycle's start or after its matches
///     reached it), or less than the request after the group matched this cycle (before that, one match may round
///     up past the limit, §3.4); a limit as large as the pool is none — as ancestor_cap when a non-accepting
///     ancestor lowered the limit, limit_floored when the limit was a fraction of a core that the truncation to an
///     integer took to 0 (0.3 → 0), quota_limit otherwise;
///  3. submitter_share when a free p-slot fits it: the group had room, its submitters had used their pie;
///  4. draining when a draining machine has the free cores and memory;
///  5. group_order when a p-slot fitted at the start of the cycle and groups earlier in the order matched: as many
///     jobs as they took cores for (at least one), the rest go on to the next tests;
///  6. claimed_by_others when cores other groups hold in claims without using them (a small job on a bigger
///     dynamic slot, a claim waiting for a retiring job) would, with a machine's free ones, fit it;
///  7. no_fitting_slot otherwise: no p-slot has enough free cores or memory (the largest free one is said; 0 when
///     the pool is full).
class WaitExplainer final : public CycleObserver
{
public:
    struct Context
    {
        const GroupTree& tree; ///< the pool's groups (limits)
        const PoolState& pool;
        const std::vector<SubmitterQueue>& queues;
        const std::vector<int>& submitterGroup; ///< pool group of each submitter
        const std::vector<int>& reportGroup; ///< result group of each submitter
        std::size_t reportGroups;
        const std::vector<Job>& jobs;
        const std::vector<std::string>& submitterNames;
        StartdPolicy* start = nullptr; ///< the startd's START, when it is configured
        std::int64_t epoch = 0;
        const std::vector<char>* homeSubmitter = nullptr; ///< federation: only the home schedd's jobs wait here
        bool useSlotWeights = true;
    };

    WaitExplainer(Context context, std::int64_t start);

    void cycleStarting() override;
    void cycleEnded(const Negotiator& negotiator, std::int64_t now, CycleRecord* record) override;
    /// A moment the simulator skipped the cycle (nothing could match): explained from assessLimits().
    void cycleSkipped(const Negotiator& negotiator, std::int64_t now);
    /// Work a group's job lost: an evicted run (preempted or runtime_limit).
    void lost(int reportGroup, WaitReason reason, double coreSeconds, std::int64_t now);
    /// Closes a sample interval at `now`: its core-hours per group and reason, nonzero only.
    void closeSample(std::int64_t now, std::vector<WaitSample>& out);
    /// Nothing is idle at `now` (the simulator skipped the cycle for that): nothing waits until the next one.
    void nothingWaits(std::int64_t now);
    /// The run's totals and details into the result's groups (laid out by the report tree), ending at `now`:
    /// what came after the last sample goes into it.
    void finish(std::int64_t now, Result& result);

private:
    struct Entry
    {
        int group; // report group
        WaitReason reason;
        double cores;
        int who; // the detail's pool group or submitter; for no_fitting_slot the cores requested; -1 = none
        int largestFree; // no_fitting_slot: the largest free p-slot
        int beyondQuota = -1; // no_fitting_slot in a full pool: the pool group holding most cores beyond its quota
    };
    void explain(const Negotiator& negotiator, std::int64_t now, CycleRecord* record);
    void advance(std::int64_t now);
    void add(int group, WaitReason reason, double coreSeconds);
    /// Whether any machine could ever run the request (its size; START, when configured).
    bool couldEverRun(const SubmitterQueue::Autocluster& cluster, std::int64_t now);

    Context m_ctx;
    std::int64_t m_last; // the moment the current rates hold from
    int m_largestFreeAtStart = 0;
    int m_largestMachineCores = 0;
    long m_largestMachineMemory = 0;
    std::vector<Entry> m_rates; // cores waiting now, by group, reason and detail
    std::map<std::tuple<int, int, int, int, int>, std::size_t> m_rateIndex; // that key → its entry
    std::vector<WaitReasonHours> m_sampleSeconds; // per report group: core-seconds since the last sample
    std::vector<char> m_sampleTouched;
    std::vector<std::uint32_t> m_touchedList; // the groups with core-seconds since the last sample
    std::unordered_map<std::uint32_t, bool> m_startCache; // a request's oldest job → some machine's START takes it
    std::int64_t m_startCacheSince = 0;
    std::vector<WaitReasonHours> m_totalSeconds;
    // Per report group and reason with a detail: core-seconds per pool group, submitter or request size.
    std::vector<std::array<std::unordered_map<int, double>, waitReasonCount>> m_who;
    // Per report group and request size: the largest free p-slot while no_fitting_slot held for it.
    std::vector<std::unordered_map<int, int>> m_largestFree;
    std::vector<std::unordered_map<int, double>> m_beyondQuota; // per report group: who held a full pool, weighed
    // explain()'s working list
    struct IdleClaim
    {
        std::uint32_t machine;
        int group; // pool group of the claim's submitter
        int cores; // claimed and not used by a job
    };
    std::vector<IdleClaim> m_idleClaimed; // by machine, then group
    struct IdleMachine
    {
        std::uint32_t machine;
        int reachable; // free cores and every idle claimed one
        std::size_t begin, end; // its claims in m_idleClaimed
    };
    std::vector<IdleMachine> m_idleMachines; // most reachable first
    long m_runningCores = 0; // cores of the running jobs of the submitters with jobs
    struct GroupCycle // per pool group, what explain() works out once a cycle
    {
        std::uint64_t cycle = 0;
        std::int64_t shareHolder = -2; // -2 = not looked for yet
        double orderBudget = 0;
    };
    std::vector<GroupCycle> m_groupCycle;
    std::uint64_t m_cycle = 0;
};

} // namespace pp
