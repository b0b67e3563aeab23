// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The Simulator's samples over time and its summaries at the end of a run.
#include "analysis/jobsummary.h"
#include "analysis/surplusflows.h"
#include "sim/simulator.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <unordered_map>

namespace pp {

void Simulator::describeGroups()
{
    m_result.groups.assign(static_cast<std::size_t>(m_reportTree->size()), GroupSummary {});
    for (std::size_t g = 0; g < m_result.groups.size(); ++g) {
        const auto& node = m_reportTree->node(static_cast<int>(g));
        auto& summary = m_result.groups[g];
        summary.name = node.name;
        summary.parent = node.parent;
        summary.configQuota = node.config.configQuota;
        summary.staticQuota = node.config.staticQuota;
        summary.acceptSurplus = node.config.acceptSurplus;
    }
}

void Simulator::takeSample(std::int64_t now)
{
    PoolSample sample;
    sample.time = now - m_start;
    sample.claimedCores = static_cast<float>(m_pool.claimedCores());
    sample.idleCores = static_cast<float>(m_pool.totalCores() - m_pool.claimedCores());
    sample.idleJobs = static_cast<float>(m_idleJobs - m_foreignIdleJobs); // a flocked job waits at home
    // Autoclusters keep their jobs in submission order: the first one has waited longest.
    const auto longWait = static_cast<std::int64_t>(2 * std::max(1.0, m_scenario.policy.negotiatorInterval));
    // The allocation first: it brings the negotiator's list of submitters with jobs up to date, and only they can
    // have a job waiting (a pool of 20,000 users has a few hundred busy at a time).
    std::vector<GroupSample> groups;
    m_negotiator->computeAllocation(groups);
    long waitingLong = 0;
    int smallest = 0;
    for (std::uint32_t s : m_negotiator->activeSubmitters()) {
        if (federated() && !m_member->homeSubmitter[s])
            continue;
        for (const auto& cluster : m_queues[s].autoclusters())
            if (!cluster.jobs.empty()
                && now - static_cast<std::int64_t>(m_workload.jobs[cluster.jobs.front()].submit) > longWait) {
                ++waitingLong;
                smallest = smallest == 0 ? cluster.cores : std::min<int>(smallest, cluster.cores);
            }
    }
    sample.waitingLong = static_cast<float>(waitingLong);
    sample.smallestWaitingLong = static_cast<float>(smallest);
    long whole = 0;
    long draining = 0;
    long fragmented = 0;
    for (std::uint32_t m = 0; m < m_pool.machineCount(); ++m) {
        whole += m_pool.isWhole(m) ? 1 : 0;
        if (m_pool.isDraining(m)) {
            ++draining;
            continue;
        }
        const int free = m_pool.freeCores(m);
        fragmented += free < 8 ? free : 0;
        for (std::size_t i = 0; i < PoolSample::idleCoreSteps.size(); ++i)
            if (free >= PoolSample::idleCoreSteps[i])
                sample.idleCoresFor[i] += static_cast<float>(free);
    }
    sample.wholeMachines = static_cast<float>(whole);
    sample.fragmentedCores = static_cast<float>(fragmented);
    sample.drainingMachines = static_cast<float>(draining);
    if (static_cast<std::int64_t>(m_result.poolSeries.size()) % m_result.machineSampleStride == 0) {
        std::vector<MachineSample> machines(m_pool.machineCount());
        for (std::uint32_t m = 0; m < m_pool.machineCount(); ++m) {
            machines[m].claimedCores
                = static_cast<std::uint16_t>(std::clamp(m_pool.machineCores(m) - m_pool.freeCores(m), 0, 65535));
            machines[m].draining = m_pool.isDraining(m);
            machines[m].dynamicSlots = static_cast<std::uint16_t>(std::min(m_pool.dynamicSlots(m), 65535));
        }
        m_result.machineSeries.push_back(std::move(machines));
    }
    m_result.poolSeries.push_back(sample);
    if (federated())
        groups = federationGroupSample(groups);
    m_result.groupSeries.push_back(std::move(groups));
    if (m_explainer) {
        std::vector<WaitSample> waits;
        m_explainer->closeSample(now, waits);
        m_result.whyIdleSeries.push_back(std::move(waits));
    }
}

std::vector<GroupSample> Simulator::federationGroupSample(const std::vector<GroupSample>& own) const
{
    // Laid out by the federation's groups so that the pools' series add up: quotas and allocations of the
    // groups this pool has, usage of every submitter that runs here (flocked ones under their own group), and
    // demand counting idle jobs only at home, where they wait.
    std::vector<GroupSample> out(static_cast<std::size_t>(m_reportTree->size()));
    for (std::size_t g = 0; g < own.size(); ++g)
        if (const int r = m_poolGroupToReport[g]; r >= 0) {
            out[static_cast<std::size_t>(r)].quota += own[g].quota;
            out[static_cast<std::size_t>(r)].allocated += own[g].allocated;
            out[static_cast<std::size_t>(r)].subtreeQuota += own[g].subtreeQuota;
        }
    for (std::uint32_t s = 0; s < m_queues.size(); ++s) {
        auto& sample = out[static_cast<std::size_t>(m_reportGroup[s])];
        const double usage = m_accountant.usage(s);
        sample.usage += static_cast<float>(usage);
        sample.demand += static_cast<float>(usage);
        if (m_member->homeSubmitter[s])
            sample.demand += static_cast<float>(m_queues[s].idleCores());
    }
    return out;
}

void Simulator::finish(std::int64_t now)
{
    if (m_done)
        return;
    m_done = true;
    // Runs cut by the horizon deliver what they ran.
    for (const auto& claim : m_pool.claims())
        if (claim.live && claim.job >= 0) {
            const Job& spec = m_workload.jobs[static_cast<std::size_t>(claim.job)];
            m_deliveredCoreSeconds += static_cast<double>(spec.cores)
                * static_cast<double>(std::max<std::int64_t>(0, now - claim.jobStartedAt));
        }
    m_result.simulatedSeconds = now - m_start;
    m_result.coreHoursDelivered = m_deliveredCoreSeconds / 3600.0;
    m_result.claimedCoreHours = m_claimedCoreSeconds / 3600.0;
    const double capacity = static_cast<double>(m_pool.totalCores()) * static_cast<double>(m_result.simulatedSeconds);
    m_result.utilization = capacity > 0 ? m_claimedCoreSeconds / capacity : 0.0;

    const auto& workload = m_workload;
    const std::size_t groups = static_cast<std::size_t>(m_reportTree->size());
    describeGroups();
    for (std::size_t g = 0; g < groups; ++g) {
        auto& summary = m_result.groups[g];
        double quotaSum = 0;
        for (const auto& sample : m_result.groupSeries)
            quotaSum += sample[g].quota;
        summary.meanQuota
            = m_result.groupSeries.empty() ? 0.0 : quotaSum / static_cast<double>(m_result.groupSeries.size());
    }
    m_result.submitters.assign(workload.submitters.size(), SubmitterSummary {});
    for (std::uint32_t s = 0; s < workload.submitters.size(); ++s) {
        auto& sub = m_result.submitters[s];
        sub.name = workload.submitters[s];
        sub.group = m_reportGroup[s];
        sub.finalRealPriority = m_accountant.realPriority(s);
        sub.priorityFactor = m_accountant.priorityFactor(s);
        m_result.groups[static_cast<std::size_t>(m_reportGroup[s])].claimedCoreHours
            += m_accountant.chargedSinceStart(s, now) / 3600.0;
    }
    summariseJobs(now);
    if (m_explainer)
        m_explainer->finish(now, m_result);
    m_result.flows
        = computeSurplusFlows(m_result.groups, m_result.groupSeries, static_cast<double>(m_result.sampleInterval));
    if (onProgress)
        onProgress(1.0);
}

void Simulator::summariseJobs(std::int64_t now)
{
    // The run in progress at the end counts what it ran so far.
    std::unordered_map<std::uint32_t, std::int64_t> running;
    for (const auto& [job, since] : runningSince())
        running[job] = since;
    summariseJobOutcomes(
        m_result, m_workload, m_reportGroup, running, m_scenario.policy.notebookStartupSeconds, m_start, now);
    for (std::size_t g = 0; g < m_result.groups.size(); ++g) {
        auto& summary = m_result.groups[g];
        const auto& evictions = m_groupEvictions[g];
        summary.preemptions = evictions.runs[Preemption];
        summary.drainEvictions = evictions.runs[Drain];
        summary.limitEvictions = evictions.runs[RuntimeLimit];
        summary.preemptionBadputCoreHours = evictions.badputCoreSeconds[Preemption] / 3600.0;
        summary.drainBadputCoreHours = evictions.badputCoreSeconds[Drain] / 3600.0;
        summary.limitBadputCoreHours = evictions.badputCoreSeconds[RuntimeLimit] / 3600.0;
        summary.badputCoreHours
            = summary.preemptionBadputCoreHours + summary.drainBadputCoreHours + summary.limitBadputCoreHours;
    }
}

} // namespace pp
