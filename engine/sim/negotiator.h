// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "policy/grouptree.h"
#include "policy/quotaallocation.h"
#include "sim/accountant.h"
#include "sim/poolstate.h"
#include "sim/preemption.h"
#include "sim/schedd.h"
#include "sim/startdpolicy.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace pp {

/// Receives the negotiator's matches: the simulator turns them into claims and running jobs.
class MatchSink
{
public:
    virtual ~MatchSink() = default;
    /// The submitter's oldest job of `autocluster` was matched to the p-slot of `machine`.
    virtual void startMatched(std::uint32_t submitter, std::size_t autocluster, std::uint32_t machine, std::int64_t now)
        = 0;
    /// The submitter's oldest job of `autocluster` preempts the job on `claim`, whose dynamic slot it takes over.
    virtual void startPreempting(
        std::uint32_t submitter, std::size_t autocluster, std::uint32_t claim, std::int64_t now)
        = 0;
    /// ALLOW_PSLOT_PREEMPTION: the claims are preempted together, their resources return to the machine's
    /// p-slot, and the submitter's job is matched to it.
    virtual void startAfterPslotPreemption(std::uint32_t submitter, std::size_t autocluster, std::uint32_t machine,
        const std::vector<std::uint32_t>& claims, std::int64_t now)
        = 0;
};

class Negotiator;

/// Is shown each cycle at its end, before the p-slots withdrawn during it come back (the wait explainer).
class CycleObserver
{
public:
    virtual ~CycleObserver() = default;
    virtual void cycleStarting() = 0;
    virtual void cycleEnded(const Negotiator& negotiator, std::int64_t now, CycleRecord* record) = 0;
};

/// One negotiation cycle of HTCondor's negotiator in HGQ mode (docs/HTCONDOR.md §1–3, §10): pool size,
/// quotas top-down, demand, surplus bottom-up, allocation rounds, group order, integer group limits with
/// strict enforcement, the pie between submitters with one round-up per spin, and matching of
/// autoclusters to partitionable slots.
class Negotiator
{
public:
    struct Context
    {
        const Policy& policy;
        const GroupTree& tree;
        PoolState& pool;
        Accountant& accountant;
        std::vector<SubmitterQueue>& queues;
        const std::vector<int>& submitterGroup; ///< group index of each submitter
        const std::vector<Job>& jobs;
        const std::vector<std::string>& submitterNames;
        std::int64_t epoch = 0; ///< Unix time of workload second 0, for time() in expressions
        StartdPolicy* rank = nullptr; ///< the startd's RANK, START and retirement
        /// Each submitter's place among submitters tied on priority and starvation (HTCondor's last key,
        /// LastHeardFrom % 1009, under an unstable sort); empty = the order they were first seen in.
        std::vector<std::uint32_t> submitterTieRank {};
        std::uint64_t autoclusterTieSalt = 0; ///< SubmitterQueue::offerOrder's; 0 = oldest head job first
        CycleObserver* observer = nullptr;
    };

    /// What the last cycle (or assessLimits) decided for one group: what the wait explainer reads.
    struct GroupLimit
    {
        double limit = -1; ///< the limit handed to the pie in the last spin it negotiated; -1 = never reached
        double unfloored = -1; ///< the same before the negotiator truncated it to an integer
        int cappedBy = -1; ///< the non-accepting ancestor whose strict cap lowered it, or -1
        std::uint32_t matches = 0;
        /// The group that had matched most in this cycle when this one was first negotiated with: who took the free
        /// cores before it in the starvation order; -1 = none had matched.
        int takenBefore = -1;
        double costTakenBefore = 0; ///< what every group matched this cycle before this one was first reached
        double usageBefore = 0; ///< the group's weighted usage when the cycle began
        bool reached = false;
        std::uint64_t stamp = 0; ///< the cycle the record is of
    };

    /// Whether this policy ever preempts by priority (PREEMPTION_REQUIREMENTS is not the literal False).
    bool preemptionEnabled() const
    {
        return m_ctx.policy.considerPreemption && (m_preemption.enabled() || (m_ctx.rank && m_ctx.rank->enabled()));
    }

    Negotiator(Context context, MatchSink& sink);

    /// The submitter has a new idle job, or a job starting. A cycle looks only at submitters with jobs or usage, not
    /// at every one the workload names (a pool of 20,000 users has a few hundred busy at a time): the simulator
    /// says who joins, and a cycle drops those left with neither.
    void submitterActive(std::uint32_t submitter)
    {
        if (m_tracked[submitter])
            return;
        m_tracked[submitter] = 1;
        m_joined.push_back(submitter);
    }

    /// Runs one cycle at `now`. When `record` is set, fills `out` with what each group was given.
    void negotiate(std::int64_t now, CycleRecord* out);

    /// The submitters this cycle negotiated with (in order; a submitter the pie reached twice appears twice):
    /// the schedd learns from each such negotiation whether it was satisfied (docs/FLOCKING.md §2.3).
    const std::vector<std::uint32_t>& negotiated() const { return m_negotiated; }

    /// Quotas and first-round allocations from the current usage and demand, without matching (for samples).
    void computeAllocation(std::vector<GroupSample>& samples);

    /// The limits a cycle would set now, without matching: for a moment the simulator skips the cycle (nothing
    /// could match), so that what waits can still be explained. Fills groupLimit() as negotiate() does.
    void assessLimits();
    const GroupLimit& groupLimit(int group) const;
    /// The pool size of the last cycle (§2.3): a limit this large is no quota, the pool is.
    double poolSize() const { return m_poolSize; }
    /// Weighted usage (cores) of a group's own submitters, and of one submitter, as the cycle left it.
    double groupUsage(int group) const { return m_groupUsage[static_cast<std::size_t>(group)]; }
    double submitterUsage(std::uint32_t submitter) const { return m_subUsage[submitter]; }
    /// The group's computed quota this cycle (§2.4).
    double groupQuota(int group) const { return m_allocation.group(group).quota; }
    /// The submitters that may have jobs or usage, in index order (a superset of those with jobs).
    const std::vector<std::uint32_t>& activeSubmitters() const { return m_trackedList; }
    /// The group's submitters with jobs this cycle.
    const std::vector<std::uint32_t>& groupSubmitters(int group) const
    {
        return m_groupSubmitters[static_cast<std::size_t>(group)];
    }

private:
    enum class Outcome { Done, Resume };
    void prepareDemand();
    void negotiateWithGroup(int group, bool unlimitedRoot, double limit, std::int64_t now, CycleRecord* out);
    Outcome negotiateWithSubmitter(std::uint32_t submitter, double allowed, double allowedClaimed,
        bool ignoreSubmitterLimit, double& pieLeft, std::int64_t now, std::uint32_t& matches);
    struct Victim
    {
        std::int64_t claim = -1;
        bool byRank = false; ///< the machine's RANK prefers the new job (no priority test, §4.1)
        double newRank = 0;
    };
    /// The claimed dynamic slot the submitter's job may preempt (§3.5 ranking, §4.1 rules), or -1. `self` is the
    /// submitter as its autocluster's match list saw it (see negotiateWithSubmitter).
    Victim findVictim(std::uint32_t submitter, const PreemptionParty& self, const Job& job, std::int64_t now,
        bool ignoreLimitForRank, const std::function<bool(double)>& affordable);
    /// A machine where preempting several dynamic slots makes room for the job (§4.4), or machine -1.
    struct PslotVictims
    {
        std::int64_t machine = -1;
        std::vector<std::uint32_t> claims;
        double cost = 0; ///< the p-slot's weight once the victims' cores are added back
        bool rankOnly = true; ///< every victim is a RANK preemption
    };
    PslotVictims findPslotVictims(
        std::uint32_t submitter, const PreemptionParty& self, const Job& job, std::int64_t now);
    PreemptionParty party(std::uint32_t submitter) const;
    const PreemptionParty& remoteParty(std::uint32_t remote); // party(), once per findVictim call
    /// The live claims whose running job ranks below `rank` (RANK preemption's only candidates), in index order.
    const std::vector<std::uint32_t>& claimsRankedBelow(double rank);
    /// Whether PREEMPTION_REQUIREMENTS, when it reads only the two users, lets the submitter preempt any user
    /// holding a claim; the verdicts it asks for are findVictim's.
    bool anyoneMayBePreempted(
        std::uint32_t submitter, const PreemptionParty& self, const Job& job, std::int64_t unixNow);
    double subtreeUsage(int group) const;
    double strictEnforce(int group, double slots, double usage, int* cappedBy) const;
    /// A group's limit in a spin that has reached `n` of `maxDelta` (§2.6 round robin), recorded in m_limits.
    double groupLimit(int group, double n, double maxDelta, double groupUsage);
    void resetLimits();
    /// One allocation round's quotas and allocations from the requests (§2.6), as negotiate() begins each round.
    void allocateRound();
    /// The largest gap between a group's target (allocation with surplus, else quota) and its usage: the round
    /// robin's full step.
    double largestShortfall(const std::vector<double>& usage);
    GroupLimit& limitRecord(int group); // this cycle's record, cleared at its first use
    bool hasIdleJobs(int group) const; // one of the submitters it negotiates for has an idle job
    /// A match's cost, charged to the cycle, the submitter and its group: the one place usage moves in a cycle.
    void chargeMatch(std::uint32_t submitter, std::size_t group, double cost);
    double sortKey(int group) const;

    Context m_ctx;
    MatchSink& m_sink;
    QuotaAllocation m_allocation;
    double m_poolSize = 0;
    double m_minSlotWeight = 1;
    std::vector<double> m_subUsage; // weighted usage this cycle: claimed cores + match costs
    std::vector<double> m_groupUsage; // node-level sum of m_subUsage
    std::vector<double> m_roundUsage; // negotiate's group->usage, refreshed after each allocation round
    std::vector<double> m_requested; // per group, prepareDemand's
    std::vector<std::vector<std::uint32_t>> m_groupSubmitters; // submitters with jobs, per group
    // The groups of the submitters prepareDemand looked at, and the root, in index order: only they can hold usage,
    // submitters, demand or an allocation, so only they are reset and summed.
    std::vector<int> m_liveGroups;
    std::vector<char> m_isLive; // per group: in m_liveGroups
    std::vector<std::uint64_t> m_liveMark; // per group: == m_liveStamp when live in this prepareDemand
    std::uint64_t m_liveStamp = 0;
    std::vector<int> m_newLive; // live now, not in the last list
    std::vector<char> m_groupHasIdle; // per live group: a submitter had an idle job when prepareDemand ran
    std::uint64_t m_usageEpoch = 0; // one per prepareDemand
    std::vector<std::uint64_t> m_liveBelow; // per group: == m_usageEpoch when it or a descendant is live
    // subtreeUsage's memo: valid while m_usageVersion, bumped by every change of m_groupUsage, has not moved.
    struct SubtreeUsage
    {
        double total = 0;
        std::uint64_t version = 0;
    };
    mutable std::vector<SubtreeUsage> m_subtreeUsage;
    std::uint64_t m_usageVersion = 1;
    std::vector<char> m_tracked; // per submitter: in m_trackedList
    std::vector<std::uint32_t> m_trackedList; // submitters that may have jobs or usage (every one at first), sorted
    std::vector<std::uint32_t> m_joined; // tracked since the last cycle, merged into m_trackedList by the next
    std::vector<double> m_groupKeys; // per group, negotiate's starvation order
    std::vector<int> m_groupOrder;
    std::vector<GroupLimit> m_limits;
    std::uint64_t m_limitStamp = 1;
    int m_round = 1; // the allocation round negotiate() is in
    int m_topTaker = -1; // the group with the most matches so far this cycle
    double m_matchedCost = 0; // what the matches of this cycle cost so far
    PreemptionPolicy m_preemption;
    classad::Expression m_sortExpr; // GROUP_SORT_EXPR when configured; null = the default
    std::vector<classad::Value> m_submitterNames; // as ClassAd strings, built once
    std::vector<std::uint64_t> m_verdictStamp; // per remote submitter: which findVictim call m_verdict is from
    std::vector<char> m_verdict;
    // Each remote submitter's party, made once per findVictim call (usage does not move within one): a pool of
    // thousands of claims held by a few dozen users would otherwise make it once per claim.
    std::vector<std::uint64_t> m_partyStamp;
    std::vector<PreemptionParty> m_parties;
    std::vector<std::uint32_t> m_holders; // the users holding claims when this cycle began (anyoneMayBePreempted)
    std::vector<std::uint64_t> m_holderMark; // per user: == m_holdersStamp when in m_holders
    std::uint64_t m_holdersStamp = 0; // the cycle (m_limitStamp) m_holders is of
    std::vector<std::pair<double, std::vector<std::uint32_t>>> m_ranked; // claimsRankedBelow's lists this cycle
    std::uint64_t m_rankedStamp = 0;
    std::uint64_t m_stamp = 0;
    std::vector<classad::Value> m_groupNames;
    std::vector<std::uint32_t> m_preemptedThisCycle; // claims matched this cycle leave the candidate list
    std::vector<std::uint32_t> m_negotiated;
    std::vector<std::size_t> m_offerOrder; // the autoclusters of the submitter being negotiated with, in offer order
    double m_minCurrentRank = 0; // lowest CurrentRank of a running job at the start of the cycle
    // negotiateWithGroup's working lists, kept between calls: it runs for every group in every cycle.
    struct SubmitterOrder
    {
        double priority;
        double starvation;
        std::uint32_t tie;
        std::uint32_t submitter;
    };
    std::vector<std::uint32_t> m_active;
    std::vector<std::uint32_t> m_stay;
    std::vector<double> m_starvation;
    std::vector<double> m_activePriority; // m_active's effective priorities (constant within a cycle)
    std::vector<double> m_activeShare; // and their shares of the pie, maxPrio / (EUP * normalFactor)
    std::vector<SubmitterOrder> m_order;
};

} // namespace pp
