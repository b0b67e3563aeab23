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
    : m_ctx(std::move(context))
    , m_last(start)
    , m_sampleSeconds(m_ctx.reportGroups, WaitReasonHours {})
    , m_sampleTouched(m_ctx.reportGroups, 0)
    , m_totalSeconds(m_ctx.reportGroups, WaitReasonHours {})
    , m_who(m_ctx.reportGroups)
    , m_largestFree(m_ctx.reportGroups, 0)
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
    m_sampleTouched[g] = 1;
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
        if (e.reason == WaitReason::NoFittingSlot)
            m_largestFree[g] = std::max(m_largestFree[g], e.largestFree);
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
    const Job& head = m_ctx.jobs[cluster.jobs.front()];
    for (std::uint32_t m = 0; m < m_ctx.pool.machineCount(); ++m)
        if (m_ctx.pool.machineCores(m) >= cluster.cores && m_ctx.pool.machineMemory(m) >= cluster.memoryMb
            && m_ctx.start->start(head, m, m_ctx.epoch + now))
            return true;
    return false;
}

void WaitExplainer::explain(const Negotiator& negotiator, std::int64_t now, CycleRecord* record)
{
    advance(now);
    m_rates.clear();
    const int groups = m_ctx.tree.size();
    const auto& limits = negotiator.groupLimits();
    const PoolState& pool = m_ctx.pool;
    const int largestFree = pool.largestFreeCores();

    // What each group could have lost to the groups before it in this cycle's order: the one that matched most.
    m_earlierTaker.assign(static_cast<std::size_t>(groups), -1);
    m_byPosition.clear();
    for (int g = 0; g < groups; ++g)
        if (limits[static_cast<std::size_t>(g)].orderPosition >= 0)
            m_byPosition.emplace_back(limits[static_cast<std::size_t>(g)].orderPosition, g);
    std::sort(m_byPosition.begin(), m_byPosition.end());
    int taker = -1;
    std::uint32_t takerMatches = 0;
    for (const auto& [position, g] : m_byPosition) {
        m_earlierTaker[static_cast<std::size_t>(g)] = taker;
        const std::uint32_t matches = limits[static_cast<std::size_t>(g)].matches;
        if (matches > takerMatches) {
            taker = g;
            takerMatches = matches;
        }
    }

    // Lazily, once per cycle: free cores outside draining machines, and the group holding most of the pool.
    long freeOutsideDrains = -1;
    const auto freeCores = [&] {
        if (freeOutsideDrains < 0) {
            freeOutsideDrains = pool.totalCores() - pool.claimedCores();
            for (std::uint32_t m : pool.drainingMachines())
                freeOutsideDrains -= pool.freeCores(m);
        }
        return freeOutsideDrains;
    };
    const auto drainFits = [&](const SubmitterQueue::Autocluster& cluster) {
        for (std::uint32_t m : pool.drainingMachines())
            if (pool.freeCores(m) >= cluster.cores && pool.freeMemory(m) >= static_cast<long>(cluster.memoryMb))
                return true;
        return false;
    };
    const auto holderOtherThan = [&](int group) {
        int holder = -1;
        double most = 0;
        for (int g = 0; g < groups; ++g)
            if (g != group && negotiator.groupUsage(g) > most) {
                holder = g;
                most = negotiator.groupUsage(g);
            }
        return holder;
    };

    for (int g = 0; g < groups; ++g) {
        const auto& submitters = negotiator.groupSubmitters(g);
        if (submitters.empty())
            continue;
        const Negotiator::GroupLimit& limit = limits[static_cast<std::size_t>(g)];
        const double usage = negotiator.groupUsage(g);
        const double room = limit.limit - usage;
        // The submitter holding most of the group's room (who used the pie), found when needed.
        std::int64_t shareHolder = -2;
        int holder = -2;
        for (std::uint32_t s : submitters) {
            const SubmitterQueue& queue = m_ctx.queues[s];
            if (queue.idleJobs() == 0 || (m_ctx.homeSubmitter && !(*m_ctx.homeSubmitter)[s]))
                continue;
            const int reportGroup = m_ctx.reportGroup[s];
            for (const auto& cluster : queue.autoclusters()) {
                if (cluster.jobs.empty())
                    continue;
                const double cores = static_cast<double>(cluster.cores) * static_cast<double>(cluster.jobs.size());
                const double cost = m_ctx.useSlotWeights ? cluster.cores : 1.0;
                Entry e {reportGroup, WaitReason::QuotaLimit, cores, -1, 0};
                const bool blocked = limit.limit < 0 || room <= 0 || (room < cost && limit.matches > 0);
                if (!couldEverRun(cluster, now)) {
                    e.reason = WaitReason::Requirements;
                } else if (blocked) {
                    if (limit.cappedBy >= 0) {
                        e.reason = WaitReason::AncestorCap;
                        e.who = limit.cappedBy;
                    } else if (limit.limit >= 0 && limit.unfloored > limit.limit && limit.unfloored - usage > 0) {
                        e.reason = WaitReason::LimitFloored; // a positive limit would have let one match round up
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
                } else if (cluster.cores <= m_largestFreeAtStart && m_earlierTaker[static_cast<std::size_t>(g)] >= 0) {
                    e.reason = WaitReason::GroupOrder;
                    e.who = m_earlierTaker[static_cast<std::size_t>(g)];
                } else if (freeCores() > 0) {
                    e.reason = WaitReason::NoFittingSlot;
                    e.who = cluster.cores;
                    e.largestFree = largestFree;
                } else {
                    if (holder == -2)
                        holder = holderOtherThan(g);
                    if (holder >= 0) {
                        e.reason = WaitReason::ClaimedByOthers;
                        e.who = holder;
                    } else {
                        e.reason = WaitReason::NoFittingSlot;
                        e.who = cluster.cores;
                        e.largestFree = largestFree;
                    }
                }
                if (record && static_cast<std::size_t>(reportGroup) < record->groups.size())
                    record->groups[static_cast<std::size_t>(reportGroup)]
                        .waitingCores[static_cast<std::size_t>(e.reason)]
                        += static_cast<float>(cores);
                // Requests of one group that wait for the same reason and detail are one rate.
                auto same = std::find_if(m_rates.begin(), m_rates.end(), [&](const Entry& r) {
                    return r.group == e.group && r.reason == e.reason && r.who == e.who
                        && r.largestFree == e.largestFree;
                });
                if (same != m_rates.end())
                    same->cores += e.cores;
                else
                    m_rates.push_back(e);
            }
        }
    }
}

void WaitExplainer::closeSample(std::int64_t now, std::vector<WaitSample>& out)
{
    advance(now);
    out.clear();
    for (std::size_t g = 0; g < m_sampleSeconds.size(); ++g) {
        if (!m_sampleTouched[g])
            continue;
        for (std::size_t r = 0; r < waitReasonCount; ++r)
            if (m_sampleSeconds[g][r] > 0)
                out.push_back({static_cast<std::uint32_t>(g), static_cast<WaitReason>(r),
                    static_cast<float>(m_sampleSeconds[g][r] / 3600.0)});
        m_sampleSeconds[g] = {};
        m_sampleTouched[g] = 0;
    }
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
        d.largestFreeCores = m_largestFree[g];
    }
}

} // namespace pp
