// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/negotiator.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>
#include <utility>

namespace pp {

namespace {
constexpr double rootSortKey = 3.4e38; // the default GROUP_SORT_EXPR puts <none> last
constexpr double zeroQuotaSortKey = 3.3e38; // ... and groups without quota just before it
} // namespace

Negotiator::Negotiator(Context context, MatchSink& sink)
    : m_ctx(std::move(context))
    , m_sink(sink)
    , m_allocation(m_ctx.tree, m_ctx.policy.allowQuotaOversubscription)
    , m_subUsage(m_ctx.queues.size(), 0.0)
    , m_groupUsage(static_cast<std::size_t>(m_ctx.tree.size()), 0.0)
    , m_roundUsage(static_cast<std::size_t>(m_ctx.tree.size()), 0.0)
    , m_requested(static_cast<std::size_t>(m_ctx.tree.size()), 0.0)
    , m_groupSubmitters(static_cast<std::size_t>(m_ctx.tree.size()))
    , m_isLive(static_cast<std::size_t>(m_ctx.tree.size()), 0)
    , m_liveMark(static_cast<std::size_t>(m_ctx.tree.size()), 0)
    , m_groupHasIdle(static_cast<std::size_t>(m_ctx.tree.size()), 0)
    , m_liveBelow(static_cast<std::size_t>(m_ctx.tree.size()), 0)
    , m_subtreeUsage(static_cast<std::size_t>(m_ctx.tree.size()))
    , m_limits(static_cast<std::size_t>(m_ctx.tree.size()))
    , m_preemption(m_ctx.policy)
{
    if (!m_ctx.policy.groupSortExpr.empty())
        if (auto parsed = classad::Expression::parse(m_ctx.policy.groupSortExpr, "GROUP_SORT_EXPR"))
            m_sortExpr = *parsed;
    m_tracked.assign(m_ctx.queues.size(), 1);
    m_trackedList.resize(m_ctx.queues.size());
    std::iota(m_trackedList.begin(), m_trackedList.end(), 0u);
    m_verdictStamp.assign(m_ctx.submitterNames.size(), 0);
    m_verdict.assign(m_ctx.submitterNames.size(), 0);
    m_partyStamp.assign(m_ctx.submitterNames.size(), 0);
    m_holderMark.assign(m_ctx.submitterNames.size(), 0);
    m_parties.resize(m_ctx.submitterNames.size());
    for (const auto& name : m_ctx.submitterNames)
        m_submitterNames.push_back(classad::Value::sharedString(std::make_shared<const std::string>(name)));
    for (const auto& node : m_ctx.tree.nodes())
        m_groupNames.push_back(classad::Value::sharedString(std::make_shared<const std::string>(node.name)));
}

void Negotiator::prepareDemand()
{
    const Policy& policy = m_ctx.policy;
    // Pool size: the sum of slot weights over all slot ads (§2.3); with weights off a dynamic slot counts 1.
    if (policy.useSlotWeights) {
        m_poolSize = static_cast<double>(m_ctx.pool.totalCores());
        m_minSlotWeight = m_ctx.pool.minSlotWeight();
    } else {
        m_poolSize = static_cast<double>(m_ctx.pool.totalCores() - m_ctx.pool.claimedCores())
            + static_cast<double>(m_ctx.pool.liveClaims());
        m_minSlotWeight = 1.0;
    }

    // Only the groups of the last cycle's submitters hold usage, submitters or demand: a tree of thousands of groups
    // has few busy at a time, and every per-group pass of a cycle walks the live ones alone.
    for (int g : m_liveGroups) {
        const auto i = static_cast<std::size_t>(g);
        m_groupUsage[i] = 0;
        m_roundUsage[i] = 0;
        m_requested[i] = 0;
        m_groupSubmitters[i].clear();
        m_groupHasIdle[i] = 0;
    }
    // The live groups change little from one cycle to the next: the new list is the old one's survivors, in order,
    // merged with the few newcomers, rather than a sort of them all.
    ++m_liveStamp;
    m_newLive.clear();
    const auto makeLive = [this](int g) {
        const auto i = static_cast<std::size_t>(g);
        if (m_liveMark[i] != m_liveStamp) {
            m_liveMark[i] = m_liveStamp;
            if (!m_isLive[i])
                m_newLive.push_back(g);
        }
    };
    makeLive(GroupTree::root); // the autoregroup root negotiates without submitters of its own
    ++m_usageVersion;
    // Submitter order as before: the sums below and the groups' submitter lists are made in index order.
    if (!m_joined.empty()) {
        std::sort(m_joined.begin(), m_joined.end());
        const auto middle = static_cast<std::ptrdiff_t>(m_trackedList.size());
        m_trackedList.insert(m_trackedList.end(), m_joined.begin(), m_joined.end());
        std::inplace_merge(m_trackedList.begin(), m_trackedList.begin() + middle, m_trackedList.end());
        m_joined.clear();
    }
    if (policy.useSlotWeights) {
        for (std::uint32_t s : m_trackedList)
            m_subUsage[s] = m_ctx.accountant.usage(s);
    } else {
        for (std::uint32_t s : m_trackedList)
            m_subUsage[s] = 0.0;
        for (const auto& c : m_ctx.pool.claims())
            if (c.live)
                m_subUsage[c.submitter] += 1.0;
    }
    m_allocation.assignQuotas(m_poolSize);
    std::size_t kept = 0;
    for (std::uint32_t s : m_trackedList) {
        const auto g = static_cast<std::size_t>(m_ctx.submitterGroup[s]);
        makeLive(static_cast<int>(g));
        m_groupUsage[g] += m_subUsage[s];
        const SubmitterQueue& q = m_ctx.queues[s];
        if (!q.hasJobs()) {
            if (m_ctx.accountant.usage(s) == 0.0 && m_subUsage[s] == 0.0) {
                m_tracked[s] = 0; // nothing to negotiate and nothing charged: back when a job arrives
                continue;
            }
            m_trackedList[kept++] = s;
            continue; // no submitter ad
        }
        m_trackedList[kept++] = s;
        m_groupSubmitters[g].push_back(s);
        if (q.idleJobs() > 0)
            m_groupHasIdle[g] = 1;
        m_requested[g] += policy.useWeightedDemand ? static_cast<double>(q.runningCores + q.idleCores())
                                                   : static_cast<double>(q.runningJobs + q.idleJobs());
    }
    m_trackedList.resize(kept);
    std::size_t survivors = 0; // index order: the order of every sum over groups
    for (int g : m_liveGroups) {
        if (m_liveMark[static_cast<std::size_t>(g)] == m_liveStamp)
            m_liveGroups[survivors++] = g;
        else
            m_isLive[static_cast<std::size_t>(g)] = 0;
    }
    m_liveGroups.resize(survivors);
    std::sort(m_newLive.begin(), m_newLive.end());
    for (int g : m_newLive)
        m_isLive[static_cast<std::size_t>(g)] = 1;
    m_liveGroups.insert(m_liveGroups.end(), m_newLive.begin(), m_newLive.end());
    std::inplace_merge(
        m_liveGroups.begin(), m_liveGroups.begin() + static_cast<std::ptrdiff_t>(survivors), m_liveGroups.end());
    ++m_usageEpoch;
    if (policy.strictEnforceQuota && m_ctx.tree.anyRefusesSurplus()) // what subtreeUsage() walks
        for (int g : m_liveGroups)
            for (int node = g; node >= 0 && m_liveBelow[static_cast<std::size_t>(node)] != m_usageEpoch;
                 node = m_ctx.tree.parent(node))
                m_liveBelow[static_cast<std::size_t>(node)] = m_usageEpoch;
    // Autoregroup (§2.8): only the global GROUP_AUTOREGROUP makes the root negotiate for regrouping groups.
    if (policy.autoregroupDefault) {
        for (int g : m_liveGroups)
            if (g != GroupTree::root && m_ctx.tree.node(g).config.autoregroup) {
                for (std::uint32_t s : m_groupSubmitters[static_cast<std::size_t>(g)])
                    m_groupSubmitters[0].push_back(s);
                if (m_groupHasIdle[static_cast<std::size_t>(g)])
                    m_groupHasIdle[GroupTree::root] = 1;
            }
    }
    for (int g : m_liveGroups)
        m_allocation.setRequested(g, m_requested[static_cast<std::size_t>(g)]);
}

void Negotiator::computeAllocation(std::vector<GroupSample>& samples)
{
    prepareDemand();
    const std::size_t groups = m_groupUsage.size();
    samples.assign(groups, GroupSample {});
    for (std::size_t g = 0; g < groups; ++g)
        samples[g].demand = static_cast<float>(m_allocation.group(static_cast<int>(g)).requested);
    m_allocation.fairshare();
    for (std::size_t g = 0; g < groups; ++g) {
        const auto& s = m_allocation.group(static_cast<int>(g));
        samples[g].usage = static_cast<float>(m_groupUsage[g]);
        samples[g].quota = static_cast<float>(s.quota);
        samples[g].allocated = static_cast<float>(s.allocated);
        samples[g].subtreeQuota = static_cast<float>(s.subtreeQuota);
    }
}

double Negotiator::subtreeUsage(int group) const
{
    // Usage moves only with a match; between two, each strict cap reads the same sums. A subtree without a live
    // group adds exactly 0, so it is not walked (the sums keep their order of additions).
    SubtreeUsage& memo = m_subtreeUsage[static_cast<std::size_t>(group)];
    if (memo.version == m_usageVersion)
        return memo.total;
    double total = m_groupUsage[static_cast<std::size_t>(group)];
    for (int c : m_ctx.tree.node(group).children)
        if (m_liveBelow[static_cast<std::size_t>(c)] == m_usageEpoch)
            total += subtreeUsage(c);
    memo = {total, m_usageVersion};
    return total;
}

double Negotiator::strictEnforce(int group, double slots, double usage, int* cappedBy) const
{
    *cappedBy = -1;
    if (!m_ctx.policy.strictEnforceQuota)
        return slots;
    double newAllocation = slots - usage;
    for (int node = group; node >= 0 && m_ctx.tree.anyRefusesSurplus(); node = m_ctx.tree.parent(node)) {
        const GroupConfig& cfg = m_ctx.tree.node(node).config;
        if (node == GroupTree::root || cfg.acceptSurplus)
            continue;
        const double ceiling = cfg.staticQuota ? cfg.configQuota : m_allocation.group(node).subtreeQuota;
        const double available = std::max(0.0, ceiling - subtreeUsage(node));
        if (available < newAllocation && node != group)
            *cappedBy = node; // the group's own cap is its quota, not an ancestor's
        newAllocation = std::min(newAllocation, available);
    }
    return newAllocation + usage;
}

double Negotiator::groupLimit(int group, double n, double maxDelta, double groupUsage)
{
    const Policy& policy = m_ctx.policy;
    const auto& s = m_allocation.group(group);
    const double target = std::max(s.allocated, s.quota);
    const double delta = std::max(0.0, target - groupUsage);
    double slots = delta > 0 ? groupUsage + delta * (n / maxDelta) : target;
    slots = std::min(slots, target);
    if (!policy.useSlotWeights)
        slots = std::floor(slots);
    int cappedBy = -1;
    slots = strictEnforce(group, slots, groupUsage, &cappedBy);
    // The negotiator hands the limit over as an int, even with weighted slots (§10.6).
    const double limit = policy.truncateGroupLimits ? std::trunc(slots) : slots;
    // The explainer keeps the first round's limit, as the negotiator's own log tables it: a later round lowers a
    // group's allocation to what it used, which says nothing of what held it back. Within the round, the last spin's.
    GroupLimit& record = limitRecord(group);
    if (record.limit < 0 || m_round == 1) {
        record.limit = limit;
        record.unfloored = slots;
        record.cappedBy = cappedBy;
    }
    return limit;
}

Negotiator::GroupLimit& Negotiator::limitRecord(int group)
{
    GroupLimit& record = m_limits[static_cast<std::size_t>(group)];
    if (record.stamp != m_limitStamp)
        record = GroupLimit {.stamp = m_limitStamp};
    return record;
}

const Negotiator::GroupLimit& Negotiator::groupLimit(int group) const
{
    static const GroupLimit none {};
    const GroupLimit& record = m_limits[static_cast<std::size_t>(group)];
    return record.stamp == m_limitStamp ? record : none;
}

void Negotiator::resetLimits()
{
    // A new stamp forgets every record at once (a tree of thousands of groups has few busy at a time); the groups of
    // the submitters this cycle looks at note their usage at its start (prepareDemand's).
    ++m_limitStamp;
    for (std::uint32_t s : m_trackedList) {
        const int g = m_ctx.submitterGroup[s];
        limitRecord(g).usageBefore = m_groupUsage[static_cast<std::size_t>(g)];
    }
    m_topTaker = -1;
    m_matchedCost = 0;
}

void Negotiator::allocateRound()
{
    m_allocation.resetAllocations();
    m_allocation.fairshare();
    if (!m_ctx.policy.useSlotWeights)
        m_allocation.recoverRemainders();
    if (m_ctx.policy.autoregroupDefault) { // the root negotiates for everyone: its limit is the pool
        m_allocation.at(GroupTree::root).quota = m_poolSize;
        m_allocation.at(GroupTree::root).allocated = m_poolSize;
    }
}

double Negotiator::largestShortfall(const std::vector<double>& usage)
{
    const auto shortfall
        = [&](int g, double target) { return std::max(0.0, target - usage[static_cast<std::size_t>(g)]); };
    double largest = 0;
    if (m_ctx.tree.anyAcceptSurplus()) { // only a live group is allocated anything
        for (int g : m_liveGroups)
            largest = std::max(largest, shortfall(g, m_allocation.group(g).allocated));
        return largest;
    }
    // Against quotas every group counts. By descending quota, the first group without usage falls short by its
    // whole quota, which no later group can exceed (usage is never negative).
    const std::vector<int>& byQuota = m_allocation.groupsByQuota();
    if (byQuota.empty()) { // quotas just computed: one pass is cheaper than ordering them
        for (int g = 0; g < m_ctx.tree.size(); ++g)
            largest = std::max(largest, shortfall(g, m_allocation.group(g).quota));
        return largest;
    }
    largest = shortfall(GroupTree::root, m_allocation.group(GroupTree::root).quota); // the pool, with autoregroup
    for (int g : byQuota) {
        largest = std::max(largest, shortfall(g, m_allocation.group(g).quota));
        if (usage[static_cast<std::size_t>(g)] <= 0)
            break;
    }
    return largest;
}

void Negotiator::assessLimits()
{
    const Policy& policy = m_ctx.policy;
    prepareDemand();
    resetLimits();
    m_round = 1;
    allocateRound();
    const double maxDelta = largestShortfall(m_groupUsage);
    // The first round's last spin, for the groups its loop would reach.
    for (int g : m_liveGroups) {
        const auto& s = m_allocation.group(g);
        const double usage = m_groupUsage[static_cast<std::size_t>(g)];
        if (m_groupSubmitters[static_cast<std::size_t>(g)].empty() || s.allocated <= 0
            || (usage >= s.allocated && !policy.considerPreemption))
            continue;
        groupLimit(g, maxDelta, maxDelta, usage);
    }
}

double Negotiator::sortKey(int group) const
{
    const double quota = m_allocation.group(group).quota;
    const double usage = m_groupUsage[static_cast<std::size_t>(group)];
    if (m_sortExpr.isNull()) { // the default starvation order, computed directly
        if (group == GroupTree::root)
            return rootSortKey;
        return quota > 0 ? usage / quota : zeroQuotaSortKey;
    }
    // GROUP_SORT_EXPR as written, in an ad with the attributes HTCondor's sort ad carries (§2.7).
    classad::ClassAd ad;
    ad.setString("AccountingGroup", m_ctx.tree.node(group).name);
    ad.setReal("GroupQuota", quota);
    ad.setReal("GroupResourcesAllocated", m_allocation.group(group).allocated);
    ad.setReal("GroupResourcesInUse", usage);
    double key = 0;
    if (!classad::evaluate(m_sortExpr, classad::EvalContext {&ad, nullptr, 0}).toNumber(key))
        key = std::numeric_limits<double>::max(); // HTCondor: "failed to evaluate ... defaulting to" DBL_MAX
    if (std::isnan(key))
        key = std::numeric_limits<double>::max(); // no order among NaNs: they sort last
    return key;
}

void Negotiator::negotiate(std::int64_t now, CycleRecord* out)
{
    const Policy& policy = m_ctx.policy;
    const GroupTree& tree = m_ctx.tree;
    const int groups = tree.size();
    m_negotiated.clear();
    // RANK preemption needs a job ranked above a running one: the lowest CurrentRank bounds every search this
    // cycle (slots claimed during the cycle are not in its slot list anyway).
    m_minCurrentRank = -std::numeric_limits<double>::infinity();
    if (m_ctx.rank && m_ctx.rank->enabled()) {
        m_minCurrentRank = std::numeric_limits<double>::infinity();
        for (const Claim& c : m_ctx.pool.claims())
            if (c.live && c.job >= 0)
                m_minCurrentRank = std::min(m_minCurrentRank, static_cast<double>(c.currentRank));
    }
    prepareDemand();
    resetLimits();
    if (m_ctx.observer)
        m_ctx.observer->cycleStarting();
    if (out) {
        out->time = now;
        out->poolSize = m_poolSize;
        out->groups.assign(static_cast<std::size_t>(groups), GroupCycleRecord {});
        for (int g = 0; g < groups; ++g) {
            out->groups[static_cast<std::size_t>(g)].quota = static_cast<float>(m_allocation.group(g).quota);
            out->groups[static_cast<std::size_t>(g)].usageBefore
                = static_cast<float>(m_groupUsage[static_cast<std::size_t>(g)]);
        }
    }

    // Without preemption no job becomes idle during a cycle, so a group without idle jobs at a round's start has
    // nothing to do in it, and what a cycle records of it is read for groups with waiting jobs only: unless this
    // cycle is recorded whole, the round's order leaves it out.
    // (A group whose last idle job matched in an earlier round is still in; it returns at once.)
    const bool idleOnly = !out && !preemptionEnabled();
    std::vector<double>& usage = m_roundUsage; // group->usage: refreshed after each round only
    for (int g : m_liveGroups)
        usage[static_cast<std::size_t>(g)] = m_groupUsage[static_cast<std::size_t>(g)];
    const bool autoregroup = policy.autoregroupDefault;
    for (int round = 1; round <= policy.maxAllocationRounds; ++round) {
        m_round = round;
        if (out)
            out->rounds = round;
        allocateRound();
        if (out && round == 1)
            for (int g = 0; g < groups; ++g)
                out->groups[static_cast<std::size_t>(g)].allocated
                    = static_cast<float>(m_allocation.group(g).allocated);

        const double maxDelta = largestShortfall(usage);
        double allocatedTotal = 0;
        for (int g : m_liveGroups) // in index order, as every sum over the groups
            allocatedTotal += m_allocation.group(g).allocated;

        // Starvation order; ties keep the tree's breadth-first order (§10.14). Only groups with submitters take
        // part: the others are passed over below anyway, and a tree of thousands has few busy at a time.
        std::vector<double>& keys = m_groupKeys; // read only for the groups in `order`
        keys.resize(static_cast<std::size_t>(groups));
        std::vector<int>& order = m_groupOrder;
        order.clear();
        for (int g : m_liveGroups)
            if (!m_groupSubmitters[static_cast<std::size_t>(g)].empty()
                && (!idleOnly || m_groupHasIdle[static_cast<std::size_t>(g)])) {
                keys[static_cast<std::size_t>(g)] = sortKey(g);
                order.push_back(g);
            }
        // The index breaks ties (the breadth-first order), so an unstable sort gives the one order.
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            if (autoregroup && (a == GroupTree::root || b == GroupTree::root))
                return b == GroupTree::root && a != GroupTree::root;
            const double ka = keys[static_cast<std::size_t>(a)];
            const double kb = keys[static_cast<std::size_t>(b)];
            return ka != kb ? ka < kb : a < b;
        });

        double n = 0;
        for (;;) {
            n = std::min(n + policy.roundRobinRate, maxDelta);
            for (int g : order) {
                const auto& s = m_allocation.group(g);
                const double groupUsage = usage[static_cast<std::size_t>(g)];
                if (s.allocated <= 0)
                    continue;
                if (groupUsage >= s.allocated && !policy.considerPreemption)
                    continue;
                if (m_groupSubmitters[static_cast<std::size_t>(g)].empty())
                    continue;
                const double limit = groupLimit(g, n, maxDelta, groupUsage);
                const bool unlimitedRoot = autoregroup && g == GroupTree::root;
                if (out)
                    out->groups[static_cast<std::size_t>(g)].limit = static_cast<float>(limit);
                GroupLimit& record = limitRecord(g);
                if (!record.reached) {
                    record.reached = true;
                    record.takenBefore = m_topTaker;
                    record.costTakenBefore = m_matchedCost;
                }
                negotiateWithGroup(g, unlimitedRoot, limit, now, out);
                if (m_topTaker < 0 || record.matches > limitRecord(m_topTaker).matches)
                    m_topTaker = record.matches > 0 ? g : m_topTaker;
            }
            if (n >= maxDelta)
                break;
        }

        double usageTotal = 0;
        for (int g : m_liveGroups) { // the others have neither usage nor allocation
            auto& s = m_allocation.at(g);
            usage[static_cast<std::size_t>(g)] = m_groupUsage[static_cast<std::size_t>(g)];
            usageTotal += std::min(usage[static_cast<std::size_t>(g)], s.allocated);
            if (usage[static_cast<std::size_t>(g)] < s.allocated)
                s.requested = usage[static_cast<std::size_t>(g)]; // leave the unused allocation to others next round
            else
                s.requested += s.allocated;
        }
        if (usageTotal >= allocatedTotal)
            break;
    }
    if (out)
        for (int g = 0; g < groups; ++g)
            out->groups[static_cast<std::size_t>(g)].usageAfter
                = static_cast<float>(m_groupUsage[static_cast<std::size_t>(g)]);
    if (m_ctx.observer) // before the p-slots withdrawn this cycle come back: what it could not match is what waits
        m_ctx.observer->cycleEnded(*this, now, out);
    m_ctx.pool.restoreWithdrawn();
    m_preemptedThisCycle.clear();
}

void Negotiator::negotiateWithGroup(int group, bool unlimitedRoot, double limit, std::int64_t now, CycleRecord* out)
{
    const Policy& policy = m_ctx.policy;
    const bool named = !unlimitedRoot;
    const auto g = static_cast<std::size_t>(group);
    // A group whose submitters have no idle job has nothing to offer: none of them can match, so nothing can make one
    // of them idle during this call either. Its running jobs still made it one of the groups reached.
    if (!hasIdleJobs(group))
        return;
    const auto& submitters = m_groupSubmitters[g];
    std::vector<std::uint32_t>& active = m_active;
    active.assign(submitters.begin(), submitters.end());
    std::uint32_t matches = 0;
    int spin = 0;
    std::size_t sharedBy = 0; // how many submitters the shares were computed for
    double maxPrio = 0;
    double normalFactor = 0;
    for (;;) {
        ++spin;
        const bool ignoreSubmitterLimit = spin == 1 && policy.considerPreemption;
        const double groupUsageAtSpin = named ? m_groupUsage[g] : 0.0;
        if (!ignoreSubmitterLimit && named && groupUsageAtSpin >= limit)
            break;
        if (!policy.considerPreemption)
            std::erase_if(active, [&](std::uint32_t s) { return m_ctx.queues[s].idleJobs() == 0; });
        if (active.empty())
            break;

        // Shares ∝ 1/EUP (§3.4). Priorities move only between cycles, so the shares change only when a submitter
        // leaves. From the third spin on, the list keeps its order, so a spin that lost no one has the shares of the
        // last (the second is the first in the sorted order, whose sums add in a different order).
        std::vector<double>& eup = m_activePriority;
        std::vector<double>& share = m_activeShare;
        const auto computeShares = [&] {
            share.resize(active.size());
            for (std::size_t i = 0; i < active.size(); ++i)
                share[i] = maxPrio / (eup[i] * normalFactor);
            sharedBy = active.size();
        };
        if (spin < 3 || active.size() != sharedBy) {
            eup.resize(active.size());
            maxPrio = 0;
            for (std::size_t i = 0; i < active.size(); ++i) {
                eup[i] = m_ctx.accountant.effectivePriority(active[i]);
                maxPrio = std::max(maxPrio, eup[i]);
            }
            normalFactor = 0;
            for (const double prio : eup)
                normalFactor += maxPrio / prio;
            computeShares();
        }
        const double pie = std::min(m_poolSize, limit);
        // The limits of active[i].
        const auto limitsOf = [&](std::size_t i, double& full, double& unclaimed) {
            const std::uint32_t s = active[i];
            full = policy.ignoreUserPriorities ? 1e300 : std::max(0.0, share[i] * pie - m_subUsage[s]);
            unclaimed = full;
            if (named)
                unclaimed = std::min(unclaimed, std::max(0.0, limit - groupUsageAtSpin));
            if (!policy.considerPreemption)
                full = unclaimed;
        };
        double pieLeft = 0;
        std::vector<double>& starvation = m_starvation;
        starvation.assign(active.size(), 0.0);
        for (std::size_t i = 0; i < active.size(); ++i) {
            const std::uint32_t s = active[i];
            if (m_ctx.queues[s].idleJobs() == 0)
                continue;
            double full = 0;
            double unclaimed = 0;
            limitsOf(i, full, unclaimed);
            pieLeft += full;
            const double used = m_subUsage[s];
            starvation[i] = used + full > 0 ? used / (used + full) : 0.0;
        }
        if (!policy.considerPreemption && pieLeft <= 0)
            break;
        const std::size_t countAtStart = active.size();
        if (spin == 1) {
            // Effective priority, then starvation, then the collector's order for full ties (§3.4): the keys are
            // read once, not at every comparison. The tie rank is a permutation, so no two keys are equal and an
            // unstable sort gives the one order.
            // A submitter without idle jobs is done as soon as it is reached; without preemption none gains one
            // during the cycle, so it leaves the order here (it still counted in the shares above).
            const bool idleOnly = policy.considerPreemption && !preemptionEnabled();
            std::vector<SubmitterOrder>& order = m_order;
            order.clear();
            const auto& tie = m_ctx.submitterTieRank;
            for (std::size_t i = 0; i < active.size(); ++i)
                if (!idleOnly || m_ctx.queues[active[i]].idleJobs() > 0)
                    order.push_back({eup[i], starvation[i], tie.empty() ? active[i] : tie[active[i]], active[i]});
            std::sort(order.begin(), order.end(), [](const SubmitterOrder& a, const SubmitterOrder& b) {
                if (a.priority != b.priority)
                    return a.priority < b.priority;
                if (a.starvation != b.starvation)
                    return a.starvation < b.starvation;
                return a.tie < b.tie;
            });
            active.resize(order.size());
            eup.resize(order.size());
            for (std::size_t i = 0; i < order.size(); ++i) {
                active[i] = order[i].submitter;
                eup[i] = order[i].priority;
            }
            computeShares(); // in the new order, with this spin's maxPrio and normalFactor
        }

        const double pieLeftAtStart = pieLeft;
        std::vector<std::uint32_t>& stay = m_stay;
        stay.clear();
        std::size_t i = 0;
        for (; i < active.size(); ++i) {
            const std::uint32_t s = active[i];
            if (!ignoreSubmitterLimit && named && m_groupUsage[g] >= limit)
                break;
            double full = 0;
            double unclaimed = 0;
            limitsOf(i, full, unclaimed);
            if (full > pieLeft)
                full = pieLeft;
            Outcome outcome = Outcome::Done;
            if (m_ctx.queues[s].idleJobs() == 0)
                outcome = Outcome::Done;
            else if (spin > 1 && (full < m_minSlotWeight || pieLeft < m_minSlotWeight))
                outcome = Outcome::Resume;
            else
                outcome = negotiateWithSubmitter(s, unclaimed, full, ignoreSubmitterLimit, pieLeft, now, matches);
            if (outcome == Outcome::Resume)
                stay.push_back(s);
        }
        for (; i < active.size(); ++i) // not reached this spin: still in the list
            stay.push_back(active[i]);
        active.swap(stay);
        const bool changed = pieLeft < pieLeftAtStart || active.size() < countAtStart;
        if (!changed || active.empty() || m_ctx.pool.largestFreeCores() == 0)
            break;
    }
    limitRecord(group).matches += matches;
    if (out) {
        out->groups[g].matches += matches;
        out->matches += matches;
    }
}

void Negotiator::chargeMatch(std::uint32_t submitter, std::size_t group, double cost)
{
    m_matchedCost += cost;
    m_subUsage[submitter] += cost;
    m_groupUsage[group] += cost;
    ++m_usageVersion; // subtreeUsage's sums are stale
}

bool Negotiator::hasIdleJobs(int group) const
{
    const auto& submitters = m_groupSubmitters[static_cast<std::size_t>(group)];
    return std::any_of(
        submitters.begin(), submitters.end(), [&](std::uint32_t s) { return m_ctx.queues[s].idleJobs() > 0; });
}

const PreemptionParty& Negotiator::remoteParty(std::uint32_t remote)
{
    if (m_partyStamp[remote] != m_stamp) {
        m_parties[remote] = party(remote);
        m_partyStamp[remote] = m_stamp;
    }
    return m_parties[remote];
}

bool Negotiator::anyoneMayBePreempted(
    std::uint32_t submitter, const PreemptionParty& self, const Job& job, std::int64_t unixNow)
{
    // Only users holding a claim when the cycle began can lose one in it: a slot claimed during the cycle is not in
    // its slot list, and one preempted in it is not offered again. Their list is made once per cycle; a verdict
    // that depends only on the two users is then asked once per user here, and saved for findVictim's scan.
    if (m_holdersStamp != m_limitStamp) {
        m_holdersStamp = m_limitStamp;
        m_holders.clear();
        for (const Claim& c : m_ctx.pool.claims()) {
            if (!c.live || c.job < 0)
                continue;
            const std::uint32_t remote = c.successor >= 0 ? c.successorSubmitter : c.submitter;
            if (m_holderMark[remote] != m_holdersStamp) {
                m_holderMark[remote] = m_holdersStamp;
                m_holders.push_back(remote);
            }
        }
    }
    const PreemptionPolicy::Candidate anySlot {job.cores, job.memoryMb, 0.0}; // the verdict reads no slot attribute
    for (std::uint32_t remote : m_holders) {
        if (remote == submitter)
            continue; // priority preemption needs another user
        if (m_verdictStamp[remote] != m_stamp) {
            m_verdictStamp[remote] = m_stamp;
            m_verdict[remote]
                = m_preemption.allows(self, remoteParty(remote), anySlot, job.cores, job.memoryMb, unixNow) ? 1 : 0;
        }
        if (m_verdict[remote])
            return true;
    }
    return false;
}

const std::vector<std::uint32_t>& Negotiator::claimsRankedBelow(double rank)
{
    // A claim's rank moves in a cycle only when it is preempted, and then it is not offered again; claims made in
    // the cycle are not offered at all. So one list per distinct bound (jobs mostly share a few) serves the cycle.
    if (m_rankedStamp != m_limitStamp) {
        m_rankedStamp = m_limitStamp;
        m_ranked.clear();
    }
    for (const auto& [bound, claims] : m_ranked)
        if (bound == rank)
            return claims;
    std::vector<std::uint32_t> below;
    const auto& claims = m_ctx.pool.claims();
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
        const Claim& c = claims[i];
        if (c.live && c.job >= 0 && (c.successor >= 0 ? c.successorRank : c.currentRank) < rank)
            below.push_back(i);
    }
    m_ranked.emplace_back(rank, std::move(below));
    return m_ranked.back().second;
}

PreemptionParty Negotiator::party(std::uint32_t submitter) const
{
    const int g = m_ctx.submitterGroup[submitter];
    PreemptionParty p;
    p.name = m_submitterNames[submitter];
    p.group = m_groupNames[static_cast<std::size_t>(g)];
    p.userPrio = m_ctx.accountant.effectivePriority(submitter);
    p.userResourcesInUse = m_subUsage[submitter];
    p.groupQuota = m_allocation.group(g).quota;
    p.groupResourcesInUse = m_groupUsage[static_cast<std::size_t>(g)];
    return p;
}

Negotiator::Victim Negotiator::findVictim(std::uint32_t submitter, const PreemptionParty& self, const Job& job,
    std::int64_t now, bool ignoreLimitForRank, const std::function<bool(double)>& affordable)
{
    const Policy& policy = m_ctx.policy;
    const bool rankOn = m_ctx.rank && m_ctx.rank->enabled();
    const bool startOn = m_ctx.rank && m_ctx.rank->startEnabled();
    const bool prioOn = m_preemption.enabled();
    const std::int64_t unixNow = m_ctx.epoch + now;
    // No machine ranks this job above any running one: it preempts by RANK nowhere.
    const double jobMaxRank = rankOn ? m_ctx.rank->maxRank(job, unixNow) : 0.0;
    const bool noRankPreemption = !rankOn || jobMaxRank <= m_minCurrentRank;
    if (!prioOn && noRankPreemption)
        return {};
    ++m_stamp; // forget the verdicts of the previous call: usage has moved since
    if (prioOn && noRankPreemption && !m_preemption.requirementsDependOnSlot()
        && !anyoneMayBePreempted(submitter, self, job, unixNow))
        return {};
    double lastCost = -1;
    bool lastAffordable = false;
    Victim best;
    int bestCores = 0;
    long bestMemory = 0;
    double bestRank = 0;
    const auto& claims = m_ctx.pool.claims();
    // Without priority preemption only a claim ranked below what some machine gives this job can be taken.
    const std::vector<std::uint32_t>* ranked = prioOn ? nullptr : &claimsRankedBelow(jobMaxRank);
    const std::size_t count = ranked ? ranked->size() : claims.size();
    for (std::size_t k = 0; k < count; ++k) {
        const std::uint32_t i = ranked ? (*ranked)[k] : static_cast<std::uint32_t>(k);
        const Claim& c = claims[i];
        if (!c.live || c.job < 0 || c.cores < job.cores || c.memoryMb < job.memoryMb || m_ctx.pool.isDraining(c.machine)
            || c.claimedAt == now)
            continue; // a slot claimed in this very cycle is not in the cycle's slot list
        const double runTime = static_cast<double>(now - c.jobStartedAt);
        // A job inside its retirement time is trimmed from the candidates unless early preemption is on (§4.2).
        if (!policy.considerEarlyPreemption && runTime < c.retirement)
            continue;
        if (!m_preemptedThisCycle.empty()
            && std::find(m_preemptedThisCycle.begin(), m_preemptedThisCycle.end(), i) != m_preemptedThisCycle.end())
            continue;
        // RANK preemption: the machine strictly prefers the new job; priorities and PREEMPTION_REQUIREMENTS do not
        // matter, and in the first spin not even the submitter limit. Otherwise priority preemption needs another
        // user, Rank >= CurrentRank and PREEMPTION_REQUIREMENTS.
        if (startOn && !m_ctx.rank->start(job, c.machine, unixNow))
            continue; // the machine's START refuses the job
        // A retiring slot that was already preempted is offered as its preempting user's, with its RANK as the
        // CurrentRank a new preemption must beat (matchmaker.cpp: ATTR_PREEMPTING_USER, ATTR_PREEMPTING_RANK).
        const bool retiring = c.successor >= 0;
        const std::uint32_t remoteSubmitter = retiring ? c.successorSubmitter : c.submitter;
        const float currentRank = retiring ? c.successorRank : c.currentRank;
        const double newRank = rankOn ? m_ctx.rank->rank(job, c.machine, unixNow) : 0.0;
        const bool byRank = rankOn && newRank > currentRank;
        if (!byRank && (!prioOn || remoteSubmitter == submitter || newRank < currentRank))
            continue;
        if (!(byRank && ignoreLimitForRank)) { // the submitter limit must permit the slot's cost (§4.1)
            const double cost = policy.useSlotWeights ? c.cores : 1.0;
            if (cost != lastCost) { // most claims cost the same: the limit is asked once per cost, not per claim
                lastCost = cost;
                lastAffordable = affordable(cost);
            }
            if (!lastAffordable)
                continue;
        }
        // Lexicographic, higher wins (§3.5): NEGOTIATOR_PRE_JOB_RANK (10000000*Rank, then the smallest slot), then
        // the kind of preemption (Rank before priority), then PREEMPTION_RANK.
        if (best.claim >= 0) {
            if (newRank != best.newRank) {
                if (newRank < best.newRank)
                    continue;
            } else if (c.cores != bestCores || static_cast<long>(c.memoryMb) != bestMemory) {
                if (c.cores > bestCores || (c.cores == bestCores && static_cast<long>(c.memoryMb) > bestMemory))
                    continue;
            } else if (byRank != best.byRank) {
                if (!byRank)
                    continue;
            }
        }
        const PreemptionPolicy::Candidate candidate {c.cores, static_cast<long>(c.memoryMb), runTime};
        const PreemptionParty& remote = remoteParty(remoteSubmitter);
        if (!byRank) {
            // A verdict that depends only on the two users is worked out once per remote user (per call).
            const bool perUser = !m_preemption.requirementsDependOnSlot();
            if (perUser && m_verdictStamp[remoteSubmitter] == m_stamp) {
                if (!m_verdict[remoteSubmitter])
                    continue;
            } else {
                const bool allowed = m_preemption.allows(self, remote, candidate, job.cores, job.memoryMb, unixNow);
                if (perUser) {
                    m_verdictStamp[remoteSubmitter] = m_stamp;
                    m_verdict[remoteSubmitter] = allowed ? 1 : 0;
                }
                if (!allowed)
                    continue;
            }
        }
        const double rank = m_preemption.rank(self, remote, candidate, job.cores, job.memoryMb, unixNow);
        const bool better = best.claim < 0 || newRank > best.newRank || c.cores < bestCores
            || static_cast<long>(c.memoryMb) < bestMemory || (byRank && !best.byRank) || rank > bestRank;
        if (better) {
            best = {static_cast<std::int64_t>(i), byRank, newRank};
            bestCores = c.cores;
            bestMemory = static_cast<long>(c.memoryMb);
            bestRank = rank;
        }
    }
    return best;
}

Negotiator::PslotVictims Negotiator::findPslotVictims(
    std::uint32_t submitter, const PreemptionParty& self, const Job& job, std::int64_t now)
{
    const bool rankOn = m_ctx.rank && m_ctx.rank->enabled();
    const bool startOn = m_ctx.rank && m_ctx.rank->startEnabled();
    const std::int64_t unixNow = m_ctx.epoch + now;
    // The dynamic slots of each machine that could be victims (pslotMultiMatch, §4.4).
    std::vector<std::vector<std::uint32_t>> children(m_ctx.pool.machineCount());
    const auto& claims = m_ctx.pool.claims();
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
        const Claim& c = claims[i];
        if (!c.live || c.job < 0 || m_ctx.pool.isDraining(c.machine) || c.claimedAt == now)
            continue;
        // Retiring children are skipped even with early preemption ("TODO In the future, condition this on
        // ConsiderEarlyPreemption", pslotMultiMatch), and so are children already preempted.
        if (static_cast<double>(now - c.jobStartedAt) < c.retirement || c.successor >= 0)
            continue;
        if (!m_preemptedThisCycle.empty()
            && std::find(m_preemptedThisCycle.begin(), m_preemptedThisCycle.end(), i) != m_preemptedThisCycle.end())
            continue;
        children[c.machine].push_back(i);
    }
    PslotVictims best;
    for (std::uint32_t m = 0; m < children.size(); ++m) {
        auto& list = children[m];
        if (list.empty() || m_ctx.pool.machineCores(m) < job.cores)
            continue;
        // Lowest CurrentRank first; children are added back until the job fits.
        std::stable_sort(list.begin(), list.end(),
            [&](std::uint32_t a, std::uint32_t b) { return claims[a].currentRank < claims[b].currentRank; });
        if (startOn && !m_ctx.rank->start(job, m, unixNow))
            continue;
        const double newRank = rankOn ? m_ctx.rank->rank(job, m, unixNow) : 0.0;
        int cores = m_ctx.pool.freeCores(m);
        long memory = m_ctx.pool.freeMemory(m);
        PslotVictims candidate;
        candidate.machine = m;
        for (std::uint32_t i : list) {
            if (cores >= job.cores && memory >= job.memoryMb)
                break;
            const Claim& c = claims[i];
            if (c.currentRank > newRank)
                break; // a child the machine prefers stops the scan
            if (c.currentRank == newRank) { // priority preemption: another user, PREEMPTION_REQUIREMENTS on the dslot
                const PreemptionPolicy::Candidate slot {
                    c.cores, static_cast<long>(c.memoryMb), static_cast<double>(now - c.jobStartedAt)};
                if (c.submitter == submitter || !m_preemption.enabled()
                    || !m_preemption.allows(self, party(c.submitter), slot, job.cores, job.memoryMb, unixNow))
                    continue;
                candidate.rankOnly = false;
            }
            candidate.claims.push_back(i);
            cores += c.cores;
            memory += static_cast<long>(c.memoryMb);
        }
        if (cores < job.cores || memory < job.memoryMb || candidate.claims.empty())
            continue;
        candidate.cost = cores;
        // The smallest p-slot that fits (NEGOTIATOR_PRE_JOB_RANK), then the fewest victims.
        if (best.machine < 0 || candidate.cost < best.cost
            || (candidate.cost == best.cost && candidate.claims.size() < best.claims.size()))
            best = std::move(candidate);
    }
    return best;
}

Negotiator::Outcome Negotiator::negotiateWithSubmitter(std::uint32_t submitter, double allowed, double allowedClaimed,
    bool ignoreSubmitterLimit, double& pieLeft, std::int64_t now, std::uint32_t& matches)
{
    const Policy& policy = m_ctx.policy;
    SubmitterQueue& queue = m_ctx.queues[submitter];
    const auto group = static_cast<std::size_t>(m_ctx.submitterGroup[submitter]);
    const bool preemption = preemptionEnabled();
    const bool rankOn = m_ctx.rank && m_ctx.rank->enabled();
    const bool startOn = m_ctx.rank && m_ctx.rank->startEnabled();
    const std::int64_t unixNow = m_ctx.epoch + now;
    m_negotiated.push_back(submitter);
    double used = 0; // limitUsed: every match of this session
    double usedUnclaimed = 0; // limitUsedUnclaimed: matches of unclaimed slots only
    // One round-up per spin: a submitter with a positive limit that has matched nothing yet may take one slot
    // costing more than its limit (§3.4, §10.7; SubmitterLimitPermits).
    const auto permits = [](double usedSoFar, double cost, double limit) {
        return usedSoFar + cost <= limit || (usedSoFar <= 0 && limit > 0);
    };
    queue.offerOrder(m_ctx.jobs, m_ctx.autoclusterTieSalt, m_offerOrder);
    for (std::size_t ac : m_offerOrder) {
        // The negotiator sorts an autocluster's candidate slots once, at its first request in the session, and
        // pops the next one for each further request (NEGOTIATOR_MATCHLIST_CACHING, PREEMPTION_REQUIREMENTS_STABLE:
        // matchmaker.cpp). So PREEMPTION_REQUIREMENTS sees the submitter's usage as it was at that first request,
        // and a slot popped from the list passes the submitter limit by either test, the claimed or the unclaimed
        // one. B2's atlas.prod, quota 5 and limit 8, preempted six 1-core slots and then a 4-core one in one
        // session, ending at 10.
        std::optional<PreemptionParty> listParty;
        bool fromCachedList = false;
        for (;; fromCachedList = true) {
            if (queue.autoclusters()[ac].jobs.empty())
                break;
            // Over the submitter limit only a machine whose RANK prefers the job is considered, and only in the
            // first spin when preemption is (only_consider_startd_rank); otherwise the session ends.
            const bool overLimit = used >= allowedClaimed;
            if (overLimit && !(rankOn && ignoreSubmitterLimit))
                return Outcome::Resume;
            if (preemption && !listParty)
                listParty = party(submitter);
            const auto& cluster = queue.autoclusters()[ac];
            // START is the slot's Requirements: with one, the best fit is the best slot that accepts the job.
            const std::int64_t machine = overLimit ? -1
                : startOn                          ? m_ctx.pool.bestFit(cluster.cores, cluster.memoryMb,
                                               [&](std::uint32_t m) { return m_ctx.rank->start(m_ctx.jobs[cluster.jobs.front()], m, unixNow); })
                                                   : m_ctx.pool.bestFit(cluster.cores, cluster.memoryMb);
            if (machine >= 0) { // an unclaimed slot ranks first among equal RANKs (RemoteOwner =?= UNDEFINED)
                const auto m = static_cast<std::uint32_t>(machine);
                double cost = 1.0;
                if (policy.useSlotWeights)
                    cost = policy.consumptionPolicy ? cluster.cores : m_ctx.pool.freeCores(m);
                if (!permits(usedUnclaimed, cost, allowed))
                    return Outcome::Resume;
                used += cost;
                usedUnclaimed += cost;
                pieLeft -= cost;
                chargeMatch(submitter, group, cost);
                ++matches;
                m_sink.startMatched(submitter, ac, m, now);
                continue;
            }
            if (!preemption)
                break; // nothing fits: the schedd offers no more of this autocluster this cycle
            // Preemption. The victim stays charged for its slot until the next cycle: Accountant::AddMatch adds
            // the new match and removes nothing, and B2's NegotiatorLog shows star's subtree usage at 16 all
            // through the cycle that preempted all of it. A victim's slot is at least as large as the job, so when
            // even that cost is beyond the limit no slot can be afforded (unless the machine's RANK prefers the job,
            // which in the first spin ignores the limit).
            const auto affordable = [&](double cost) {
                return !overLimit
                    && (permits(used, cost, allowedClaimed)
                        || (fromCachedList && permits(usedUnclaimed, cost, allowed)));
            };
            const bool rankMayIgnoreLimit = rankOn && ignoreSubmitterLimit;
            if (!rankMayIgnoreLimit && !affordable(policy.useSlotWeights ? cluster.cores : 1.0))
                return Outcome::Resume;
            const Job& head = m_ctx.jobs[cluster.jobs.front()];
            const Victim victim = findVictim(submitter, *listParty, head, now, rankMayIgnoreLimit, affordable);
            if (victim.claim < 0) {
                if (!policy.allowPslotPreemption)
                    break;
                const PslotVictims many = findPslotVictims(submitter, *listParty, head, now);
                if (many.machine < 0)
                    break;
                const double cost = policy.useSlotWeights ? many.cost : 1.0;
                if (!(many.rankOnly && rankMayIgnoreLimit) && !affordable(cost))
                    return Outcome::Resume;
                used += cost;
                pieLeft -= cost;
                chargeMatch(submitter, group, cost);
                for (std::uint32_t v : many.claims)
                    m_preemptedThisCycle.push_back(v);
                ++matches;
                m_sink.startAfterPslotPreemption(
                    submitter, ac, static_cast<std::uint32_t>(many.machine), many.claims, now);
                continue;
            }
            const auto claimIndex = static_cast<std::uint32_t>(victim.claim);
            const Claim& claim = m_ctx.pool.claim(claimIndex);
            const double cost = policy.useSlotWeights ? claim.cores : 1.0;
            if (!(victim.byRank && rankMayIgnoreLimit) && !affordable(cost))
                return Outcome::Resume;
            used += cost;
            pieLeft -= cost;
            chargeMatch(submitter, group, cost);
            m_preemptedThisCycle.push_back(claimIndex);
            ++matches;
            m_sink.startPreempting(submitter, ac, claimIndex, now);
        }
    }
    return Outcome::Done;
}

} // namespace pp
