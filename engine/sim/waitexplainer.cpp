// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/waitexplainer.h"

#include <algorithm>
#include <cmath>

namespace pp {

namespace {

// The detail with the most core-seconds (the lowest key among equals, so the choice does not depend on hashing).
int heaviest(const std::unordered_map<int, double>& weights)
{
    int best = -1;
    double bestWeight = 0;
    for (const auto& [key, weight] : weights)
        if (weight > bestWeight || (weight == bestWeight && best >= 0 && key < best)) {
            best = key;
            bestWeight = weight;
        }
    return best;
}

bool hasDetail(WaitReason reason)
{
    return reason == WaitReason::AncestorCap || reason == WaitReason::SubmitterShare || reason == WaitReason::GroupOrder
        || reason == WaitReason::ClaimedByOthers || reason == WaitReason::NoFittingSlot;
}

} // namespace

WaitExplainer::WaitExplainer(Context context, std::int64_t start)
    : m_ctx(context)
    , m_last(start)
    , m_sampleSeconds(m_ctx.reportGroups, WaitReasonHours {})
    , m_sampleTouched(m_ctx.reportGroups, 0)
    , m_totalSeconds(m_ctx.reportGroups, WaitReasonHours {})
    , m_who(m_ctx.reportGroups)
    , m_largestFree(m_ctx.reportGroups)
    , m_beyondQuota(m_ctx.reportGroups)
    , m_groupCycle(static_cast<std::size_t>(m_ctx.tree.size()))
{
    for (std::uint32_t m = 0; m < m_ctx.pool.machineCount(); ++m) {
        m_largestMachineCores = std::max(m_largestMachineCores, m_ctx.pool.machineCores(m));
        m_largestMachineMemory = std::max(m_largestMachineMemory, m_ctx.pool.machineMemory(m));
    }
}

void WaitExplainer::cycleStarting()
{
    m_largestFreeAtStart = m_ctx.pool.largestFreeCores();
}

void WaitExplainer::cycleEnded(const Negotiator& negotiator, std::int64_t now, CycleRecord* record)
{
    explain(negotiator, now, record);
}

void WaitExplainer::cycleSkipped(const Negotiator& negotiator, std::int64_t now)
{
    m_largestFreeAtStart = m_ctx.pool.largestFreeCores();
    explain(negotiator, now, nullptr);
}

void WaitExplainer::add(int group, WaitReason reason, double coreSeconds)
{
    const auto g = static_cast<std::size_t>(group);
    m_sampleSeconds[g][static_cast<std::size_t>(reason)] += coreSeconds;
    m_totalSeconds[g][static_cast<std::size_t>(reason)] += coreSeconds;
    if (!m_sampleTouched[g]) {
        m_sampleTouched[g] = 1;
        m_touchedList.push_back(static_cast<std::uint32_t>(g));
    }
}

void WaitExplainer::advance(std::int64_t now)
{
    if (now <= m_last)
        return;
    const auto seconds = static_cast<double>(now - m_last);
    m_last = now;
    for (const Entry& e : m_rates) {
        add(e.group, e.reason, e.cores * seconds);
        if (!hasDetail(e.reason))
            continue;
        const auto g = static_cast<std::size_t>(e.group);
        m_who[g][static_cast<std::size_t>(e.reason)][e.who] += e.cores * seconds;
        if (e.reason == WaitReason::NoFittingSlot) {
            int& largest = m_largestFree[g][e.who];
            largest = std::max(largest, e.largestFree);
            if (e.beyondQuota >= 0)
                m_beyondQuota[g][e.beyondQuota] += e.cores * seconds;
        }
    }
}

void WaitExplainer::lost(int reportGroup, WaitReason reason, double coreSeconds, std::int64_t now)
{
    advance(now);
    add(reportGroup, reason, coreSeconds);
}

bool WaitExplainer::couldEverRun(const SubmitterQueue::Autocluster& cluster, std::int64_t now)
{
    if (cluster.cores > m_largestMachineCores || static_cast<long>(cluster.memoryMb) > m_largestMachineMemory)
        return false;
    if (!m_ctx.start || !m_ctx.start->startEnabled())
        return true;
    // START is asked of every machine: the answer for a request's oldest job is kept for an hour of the run (an
    // expression may read the time), not asked again each cycle.
    if (now - m_startCacheSince >= 3600) {
        m_startCache.clear();
        m_startCacheSince = now;
    }
    const std::uint32_t headJob = cluster.jobs.front();
    if (const auto known = m_startCache.find(headJob); known != m_startCache.end())
        return known->second;
    const Job& head = m_ctx.jobs[headJob];
    bool accepted = false;
    for (std::uint32_t m = 0; m < m_ctx.pool.machineCount() && !accepted; ++m)
        accepted = m_ctx.pool.machineCores(m) >= cluster.cores && m_ctx.pool.machineMemory(m) >= cluster.memoryMb
            && m_ctx.start->start(head, m, m_ctx.epoch + now);
    m_startCache.emplace(headJob, accepted);
    return accepted;
}

void WaitExplainer::explain(const Negotiator& negotiator, std::int64_t now, CycleRecord* record)
{
    advance(now);
    m_rates.clear();
    m_rateIndex.clear();
    const int groups = m_ctx.tree.size();
    const PoolState& pool = m_ctx.pool;
    const int largestFree = pool.largestFreeCores();
    m_runningCores = 0;
    for (std::uint32_t s : negotiator.activeSubmitters()) // every running job is one of theirs
        m_runningCores += m_ctx.queues[s].runningCores;

    const auto drainFits = [&](const SubmitterQueue::Autocluster& cluster) {
        for (std::uint32_t m : pool.drainingMachines())
            if (pool.freeCores(m) >= cluster.cores && pool.freeMemory(m) >= static_cast<long>(cluster.memoryMb))
                return true;
        return false;
    };
    // Cores held in claims but not used by a job (a 1-core job on a 4-core dynamic slot, a claim waiting for a
    // retiring job), per machine and by pool group; read once a cycle, and only when some request gets this far.
    bool idleClaimsRead = false;
    const auto readIdleClaims = [&] {
        idleClaimsRead = true;
        m_idleClaimed.clear();
        m_idleMachines.clear();
        if (pool.claimedCores() <= m_runningCores)
            return; // every claimed core runs a job
        for (const Claim& c : pool.claims()) {
            const int used = c.live && c.job >= 0 ? m_ctx.jobs[static_cast<std::size_t>(c.job)].cores : 0;
            if (c.live && c.cores > used && !pool.isDraining(c.machine))
                m_idleClaimed.push_back({c.machine, m_ctx.submitterGroup[c.submitter], c.cores - used});
        }
        std::sort(m_idleClaimed.begin(), m_idleClaimed.end(), [](const IdleClaim& a, const IdleClaim& b) {
            return a.machine != b.machine ? a.machine < b.machine : a.group < b.group;
        });
        // Machines by what they would have free with every idle claim given back, most first.
        for (std::size_t i = 0; i < m_idleClaimed.size();) {
            IdleMachine m {m_idleClaimed[i].machine, pool.freeCores(m_idleClaimed[i].machine), i, i};
            for (; m.end < m_idleClaimed.size() && m_idleClaimed[m.end].machine == m.machine; ++m.end)
                m.reachable += m_idleClaimed[m.end].cores;
            i = m.end;
            m_idleMachines.push_back(m);
        }
        std::sort(m_idleMachines.begin(), m_idleMachines.end(),
            [](const IdleMachine& a, const IdleMachine& b) { return a.reachable > b.reachable; });
    };
    // The other group whose idle claimed cores, with the machine's free ones, would fit the request (the one holding
    // most of them there); -1 = none.
    const auto claimHolder = [&](int group, const SubmitterQueue::Autocluster& cluster) {
        if (!idleClaimsRead)
            readIdleClaims();
        for (const IdleMachine& m : m_idleMachines) {
            if (m.reachable < cluster.cores)
                break; // sorted: no later machine reaches it either
            int own = 0;
            int holder = -1;
            int most = 0;
            for (std::size_t k = m.begin; k < m.end; ++k) {
                const IdleClaim& c = m_idleClaimed[k];
                if (c.group == group) {
                    own += c.cores;
                } else if (c.cores > most) {
                    most = c.cores;
                    holder = c.group;
                }
            }
            if (holder >= 0 && m.reachable - own >= cluster.cores)
                return holder;
        }
        return -1;
    };

    bool beyondQuotaRead = false;
    int beyondQuota[2] = {-1, -1};
    // No p-slot fits, and nothing else held the request back: cores others hold idle in claims, or none free.
    const auto fullPool = [&](int group, const SubmitterQueue::Autocluster& cluster, Entry& e) {
        if (const int holder = claimHolder(group, cluster); holder >= 0) {
            e.reason = WaitReason::ClaimedByOthers;
            e.who = holder;
        } else {
            e.reason = WaitReason::NoFittingSlot;
            e.who = cluster.cores;
            e.largestFree = largestFree;
            if (largestFree == 0) {
                if (!beyondQuotaRead) { // once per cycle: the two groups holding most of a full pool beyond quota
                    beyondQuotaRead = true;
                    double most[2] = {0, 0};
                    for (int other = 0; other < groups; ++other) {
                        const double beyond = negotiator.groupUsage(other) - negotiator.groupQuota(other);
                        if (beyond > most[0]) {
                            most[1] = most[0];
                            beyondQuota[1] = beyondQuota[0];
                            most[0] = beyond;
                            beyondQuota[0] = other;
                        } else if (beyond > most[1]) {
                            most[1] = beyond;
                            beyondQuota[1] = other;
                        }
                    }
                }
                e.beyondQuota = beyondQuota[0] == group ? beyondQuota[1] : beyondQuota[0];
            }
        }
    };
    const auto addRate = [&](const Entry& e) {
        if (record && static_cast<std::size_t>(e.group) < record->groups.size())
            record->groups[static_cast<std::size_t>(e.group)].waitingCores[static_cast<std::size_t>(e.reason)]
                += static_cast<float>(e.cores);
        // Requests of one group that wait for the same reason and detail are one rate.
        const auto [at, added] = m_rateIndex.try_emplace(
            std::make_tuple(e.group, static_cast<int>(e.reason), e.who, e.largestFree, e.beyondQuota), m_rates.size());
        if (added)
            m_rates.push_back(e);
        else
            m_rates[at->second].cores += e.cores;
    };

    // Each submitter with idle jobs, in its own group (not where autoregroup also negotiates for it).
    ++m_cycle;
    for (std::uint32_t s : negotiator.activeSubmitters()) {
        const SubmitterQueue& queue = m_ctx.queues[s];
        if (queue.idleJobs() == 0 || (m_ctx.homeSubmitter && !(*m_ctx.homeSubmitter)[s]))
            continue;
        const int g = m_ctx.submitterGroup[s];
        const auto& submitters = negotiator.groupSubmitters(g);
        const Negotiator::GroupLimit& limit = negotiator.groupLimit(g);
        // A group at its limit when the cycle began stays there for its idle jobs, even if a preemption in the
        // cycle took one of its claims; one that matched up to it during the cycle is there after.
        const double usage = std::max(limit.usageBefore, negotiator.groupUsage(g));
        const double room = limit.limit - usage;
        GroupCycle& state = m_groupCycle[static_cast<std::size_t>(g)];
        if (state.cycle != m_cycle)
            state = {m_cycle, -2, limit.costTakenBefore};
        // The submitter holding most of the group's room (who used the pie), found when needed; and what earlier
        // groups took, not yet blamed for a wait.
        std::int64_t& shareHolder = state.shareHolder;
        double& orderBudget = state.orderBudget;
        const int reportGroup = m_ctx.reportGroup[s];
        for (const auto& cluster : queue.autoclusters()) {
            if (cluster.jobs.empty())
                continue;
            const double cores = static_cast<double>(cluster.cores) * static_cast<double>(cluster.jobs.size());
            const double cost = m_ctx.useSlotWeights ? cluster.cores : 1.0;
            Entry e {reportGroup, WaitReason::QuotaLimit, cores, -1, 0};
            // A limit of the whole pool is none: what stops the group then is the pool, not its quota.
            const bool blocked = limit.limit < 0
                || ((room <= 0 || (room < cost && limit.matches > 0)) && limit.limit < negotiator.poolSize());
            if (!couldEverRun(cluster, now)) {
                e.reason = WaitReason::Requirements;
            } else if (blocked) {
                if (limit.cappedBy >= 0) {
                    e.reason = WaitReason::AncestorCap;
                    e.who = limit.cappedBy;
                } else if (limit.limit == 0 && limit.unfloored > 0) {
                    e.reason = WaitReason::LimitFloored; // a fraction of a core: 0.3 → 0, nothing ever starts
                } else {
                    e.reason = WaitReason::QuotaLimit;
                }
            } else if (pool.bestFit(cluster.cores, cluster.memoryMb) >= 0) {
                e.reason = WaitReason::SubmitterShare;
                if (shareHolder == -2) {
                    shareHolder = -1;
                    double most = -1;
                    for (std::uint32_t other : submitters)
                        if (negotiator.submitterUsage(other) > most) {
                            most = negotiator.submitterUsage(other);
                            shareHolder = other;
                        }
                }
                e.who = static_cast<int>(shareHolder);
            } else if (!pool.drainingMachines().empty() && drainFits(cluster)) {
                e.reason = WaitReason::Draining;
            } else if (cluster.cores <= m_largestFreeAtStart && limit.takenBefore >= 0 && limit.takenBefore != g
                && orderBudget > 0) {
                // Earlier groups took what was free: as many of these jobs as what they took would have
                // started (at least one: they broke up the slot it fitted in); the rest would have waited anyway.
                const double perJob = m_ctx.useSlotWeights ? cluster.cores : 1.0;
                const double blamed = std::min(
                    static_cast<double>(cluster.jobs.size()), std::max(1.0, std::floor(orderBudget / perJob)));
                orderBudget = std::max(0.0, orderBudget - blamed * perJob);
                addRate(Entry {reportGroup, WaitReason::GroupOrder, blamed * cluster.cores, limit.takenBefore, 0});
                e.cores -= blamed * cluster.cores;
                if (e.cores <= 0)
                    continue;
                fullPool(g, cluster, e);
            } else {
                fullPool(g, cluster, e);
            }
            addRate(e);
        }
    }
}

void WaitExplainer::closeSample(std::int64_t now, std::vector<WaitSample>& out)
{
    advance(now);
    out.clear();
    std::sort(m_touchedList.begin(), m_touchedList.end()); // the series lists groups in order
    for (std::uint32_t g : m_touchedList) {
        for (std::size_t r = 0; r < waitReasonCount; ++r)
            if (m_sampleSeconds[g][r] > 0)
                out.push_back({static_cast<std::uint32_t>(g), static_cast<WaitReason>(r),
                    static_cast<float>(m_sampleSeconds[g][r] / 3600.0)});
        m_sampleSeconds[g] = {};
        m_sampleTouched[g] = 0;
    }
    m_touchedList.clear();
}

void WaitExplainer::nothingWaits(std::int64_t now)
{
    advance(now);
    m_rates.clear();
}

void WaitExplainer::finish(std::int64_t now, Result& result)
{
    advance(now);
    m_rates.clear();
    // What came after the last sample joins it.
    if (!result.whyIdleSeries.empty()) {
        std::vector<WaitSample> rest;
        closeSample(now, rest);
        auto& last = result.whyIdleSeries.back();
        for (const WaitSample& w : rest) {
            auto same = std::find_if(last.begin(), last.end(),
                [&](const WaitSample& x) { return x.group == w.group && x.reason == w.reason; });
            if (same != last.end())
                same->coreHours += w.coreHours;
            else
                last.push_back(w);
        }
        std::sort(last.begin(), last.end(), [](const WaitSample& a, const WaitSample& b) {
            return a.group != b.group ? a.group < b.group : a.reason < b.reason;
        });
    }
    const auto poolGroupName = [&](int g) { return g >= 0 ? m_ctx.tree.node(g).name : std::string(); };
    for (std::size_t g = 0; g < m_totalSeconds.size() && g < result.groups.size(); ++g) {
        GroupSummary& summary = result.groups[g];
        for (std::size_t r = 0; r < waitReasonCount; ++r)
            summary.whyIdleCoreHours[r] = m_totalSeconds[g][r] / 3600.0;
        const auto& who = m_who[g];
        WaitDetails& d = summary.whyIdleDetails;
        d.capAncestor = poolGroupName(heaviest(who[static_cast<std::size_t>(WaitReason::AncestorCap)]));
        const int submitter = heaviest(who[static_cast<std::size_t>(WaitReason::SubmitterShare)]);
        d.shareSubmitter = submitter >= 0 ? m_ctx.submitterNames[static_cast<std::size_t>(submitter)] : std::string();
        d.earlierGroup = poolGroupName(heaviest(who[static_cast<std::size_t>(WaitReason::GroupOrder)]));
        d.claimHolder = poolGroupName(heaviest(who[static_cast<std::size_t>(WaitReason::ClaimedByOthers)]));
        d.neededCores = std::max(0, heaviest(who[static_cast<std::size_t>(WaitReason::NoFittingSlot)]));
        d.largestFreeCores = d.neededCores > 0 ? m_largestFree[g][d.neededCores] : 0;
        d.poolHeldBy = poolGroupName(heaviest(m_beyondQuota[g]));
    }
}

} // namespace pp
