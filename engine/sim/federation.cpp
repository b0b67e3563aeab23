// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/federation.h"

#include "analysis/jobsummary.h"
#include "analysis/surplusflows.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace pp {

namespace {

int poolIndex(const Scenario& scenario, const std::string& name)
{
    for (std::size_t p = 0; p < scenario.federation.size(); ++p)
        if (scenario.federation[p].name == name)
            return static_cast<int>(p);
    return -1;
}
// The submitter's idle jobs in one pool's queue, copied: offering or withdrawing them changes that queue.
std::vector<std::uint32_t> idleJobsOf(const Simulator& pool, std::uint32_t submitter)
{
    std::vector<std::uint32_t> idle;
    for (const auto& cluster : pool.queue(submitter).autoclusters())
        idle.insert(idle.end(), cluster.jobs.begin(), cluster.jobs.end());
    return idle;
}
} // namespace

std::optional<std::string> federationProblem(const Scenario& scenario)
{
    const auto& pools = scenario.federation;
    if (pools.empty())
        return std::string("the scenario has no pools side by side");
    if (scenario.submitterPool.size() != scenario.workload.submitters.size())
        return std::string("every submitter needs a home pool");
    if (!scenario.running.empty() || !scenario.priorities.empty())
        return std::string("a snapshot of a running pool cannot be split into several pools");
    std::vector<char> used(scenario.pool.machines.size(), 0);
    for (const auto& pool : pools) {
        if (pool.name.empty())
            return std::string("a pool has no name");
        if (poolIndex(scenario, pool.name) != &pool - pools.data())
            return "two pools are named '" + pool.name + "'";
        for (std::uint32_t m : pool.machines) {
            if (m >= used.size())
                return "pool '" + pool.name + "' names machine " + std::to_string(m) + ", which does not exist";
            if (used[m]++)
                return "machine " + scenario.pool.machines[m].name + " is in two pools";
        }
        for (const auto& target : pool.policy.flockTo)
            if (poolIndex(scenario, target) < 0)
                return "pool '" + pool.name + "' flocks to '" + target + "', which is not one of the pools";
    }
    for (std::uint32_t home : scenario.submitterPool)
        if (home >= pools.size())
            return std::string("a submitter's home pool does not exist");
    return std::nullopt;
}

FederationSimulator::FederationSimulator(const Scenario& scenario, SimulationOptions options)
    : m_scenario(scenario)
    , m_reportTree(scenario.policy)
{
    const auto& pools = scenario.federation;
    const auto& submitters = scenario.workload.submitters;
    m_poolScenarios.reserve(pools.size()); // the Simulators keep references into these
    for (std::size_t p = 0; p < pools.size(); ++p) {
        Scenario own;
        own.name = scenario.name + " / " + pools[p].name;
        for (std::uint32_t m : pools[p].machines)
            own.pool.machines.push_back(scenario.pool.machines[m]);
        own.workload.epoch = scenario.workload.epoch; // the jobs themselves are shared through the member
        own.policy = pools[p].policy;
        own.horizonSeconds = scenario.horizonSeconds;
        own.seed = scenario.seed + p;
        own.tieSeed = scenario.tieSeed == 0 ? 0 : scenario.tieSeed + p; // each pool's collector has its own order
        own.startTime = scenario.startTime;
        m_poolScenarios.push_back(std::move(own));

        std::vector<std::uint32_t> flock;
        for (const auto& target : pools[p].policy.flockTo)
            if (const int q = poolIndex(scenario, target); q >= 0 && q != static_cast<int>(p)
                && std::find(flock.begin(), flock.end(), static_cast<std::uint32_t>(q)) == flock.end())
                flock.push_back(static_cast<std::uint32_t>(q));
        m_flockTo.push_back(std::move(flock));
    }
    m_members.resize(pools.size());
    std::vector<std::string> domains;
    for (std::uint32_t s = 0; s < submitters.size(); ++s)
        domains.push_back(pools[scenario.submitterPool[s]].name);
    // One sample clock for all, so that the pools' series add up sample by sample.
    long machines = static_cast<long>(scenario.pool.machines.size());
    for (std::size_t p = 0; p < pools.size(); ++p) {
        FederationMember& member = m_members[p];
        member.hooks = this;
        member.index = static_cast<std::uint32_t>(p);
        member.reportTree = &m_reportTree;
        member.workload = &scenario.workload;
        member.domains = domains;
        member.homeSubmitter.assign(submitters.size(), 0);
        for (std::uint32_t s = 0; s < submitters.size(); ++s)
            member.homeSubmitter[s] = scenario.submitterPool[s] == p ? 1 : 0;
        SimulationOptions own = options;
        own.recordCycles = false; // each pool's cycles are laid out by its own groups
        if (p > 0) {
            own.sampleInterval = m_pools.front()->result().sampleInterval;
            own.machineSampleStride = m_pools.front()->result().machineSampleStride;
        } else {
            // The first pool picks the sample interval; the stride is set for all machines of all pools.
            Simulator probe(m_poolScenarios[0], own, &member);
            const std::int64_t interval = probe.result().sampleInterval;
            const std::int64_t samples = probe.plannedSpan() / interval + 2;
            own.sampleInterval = interval;
            own.machineSampleStride = std::max<std::int64_t>(
                1, (samples * machines + Simulator::machineSampleBudget - 1) / Simulator::machineSampleBudget);
        }
        // Each negotiator keeps its own phase (§6): the pool's own setting, or spread by the seed.
        const double interval = std::max(1.0, pools[p].policy.negotiatorInterval);
        own.negotiatorPhase = pools[p].negotiatorPhase >= 0
            ? static_cast<std::int64_t>(pools[p].negotiatorPhase)
            : static_cast<std::int64_t>(
                (scenario.seed * 7919 + p * 104729 + options.tieSeed.value_or(scenario.tieSeed) * 15485863)
                % static_cast<std::uint64_t>(interval));
        m_pools.push_back(std::make_unique<Simulator>(m_poolScenarios[p], own, &member));
    }
    m_start = m_pools.front()->startTime();
    m_lastSubmit = scenario.workload.jobs.empty() ? m_start : scenario.workload.jobs.back().submit;
    m_flock.assign(submitters.size(), FlockState {});
    for (std::uint32_t s = 0; s < submitters.size(); ++s) {
        const Policy& home = pools[scenario.submitterPool[s]].policy;
        m_flock[s].level = std::clamp(home.minFlockLevel, 0, maxLevel(s)); // MIN_FLOCK_LEVEL
        m_flock[s].stamp = m_start;
    }
    for (const auto& pool : pools)
        m_nextCountJobs.push_back(m_start + static_cast<std::int64_t>(std::max(1.0, pool.policy.scheddInterval)));
}

FederationSimulator::~FederationSimulator() = default;

int FederationSimulator::maxLevel(std::uint32_t submitter) const
{
    return static_cast<int>(m_flockTo[m_scenario.submitterPool[submitter]].size());
}

std::uint32_t FederationSimulator::poolAt(std::uint32_t submitter, int level) const
{
    const std::uint32_t home = m_scenario.submitterPool[submitter];
    return level == 0 ? home : m_flockTo[home][static_cast<std::size_t>(level - 1)];
}

void FederationSimulator::setLevel(std::uint32_t submitter, int level)
{
    FlockState& state = m_flock[submitter];
    const int old = state.level;
    state.level = level;
    if (level > old) {
        // The schedd advertises the submitter's idle jobs to the newly reached collectors.
        const auto idle = idleJobsOf(*m_pools[poolAt(submitter, 0)], submitter);
        for (int l = old + 1; l <= level; ++l)
            for (std::uint32_t job : idle)
                m_pools[poolAt(submitter, l)]->offerIdle(job);
    } else {
        // Those collectors now see IdleJobs = 0: their negotiators stop matching the submitter.
        for (int l = level + 1; l <= old; ++l) {
            Simulator& pool = *m_pools[poolAt(submitter, l)];
            for (std::uint32_t job : idleJobsOf(pool, submitter))
                pool.withdrawIdle(job);
        }
    }
}

void FederationSimulator::jobArrived(std::uint32_t, std::uint32_t job, std::int64_t)
{
    const std::uint32_t s = m_scenario.workload.jobs[job].submitter;
    for (int l = 1; l <= m_flock[s].level; ++l)
        m_pools[poolAt(s, l)]->offerIdle(job);
}

void FederationSimulator::jobStarted(std::uint32_t pool, std::uint32_t job, std::int64_t)
{
    for (std::size_t p = 0; p < m_pools.size(); ++p)
        if (p != pool)
            m_pools[p]->withdrawIdle(job);
    const std::uint32_t home = m_scenario.submitterPool[m_scenario.workload.jobs[job].submitter];
    if (home != pool)
        m_pools[home]->noteStartedElsewhere(job);
}

void FederationSimulator::jobRequeued(std::uint32_t, std::uint32_t job, std::int64_t)
{
    const std::uint32_t s = m_scenario.workload.jobs[job].submitter;
    for (int l = 0; l <= m_flock[s].level; ++l)
        m_pools[poolAt(s, l)]->offerIdle(job);
}

void FederationSimulator::jobLeft(std::uint32_t, std::uint32_t job)
{
    for (auto& pool : m_pools)
        pool->withdrawIdle(job);
}

bool FederationSimulator::pullIdle(std::uint32_t pool, std::uint32_t submitter, int cores, long memoryMb)
{
    std::size_t autocluster = 0;
    const std::int64_t job
        = m_pools[m_scenario.submitterPool[submitter]]->queue(submitter).oldestFitting(cores, memoryMb, &autocluster);
    if (job < 0)
        return false;
    m_pools[pool]->offerIdle(static_cast<std::uint32_t>(job));
    return true;
}

void FederationSimulator::negotiationFinished(
    std::uint32_t pool, std::uint32_t submitter, bool satisfied, std::int64_t now)
{
    // ScheddNegotiate's end of a negotiation with pool level L (docs/FLOCKING.md §2.5).
    FlockState& state = m_flock[submitter];
    int level = -1;
    for (int l = 0; l <= maxLevel(submitter); ++l)
        if (poolAt(submitter, l) == pool)
            level = l;
    if (level < 0)
        return; // not a pool this schedd flocks to
    const Policy& home = m_scenario.federation[m_scenario.submitterPool[submitter]].policy;
    const int minimum = std::clamp(home.minFlockLevel, 0, maxLevel(submitter));
    if (satisfied || state.level == level)
        state.stamp = now;
    if (satisfied) {
        if (state.level > level && state.level > minimum)
            setLevel(submitter, std::max(level, minimum));
    } else if (state.level == level && state.level < maxLevel(submitter)) {
        setLevel(submitter, std::min(state.level + std::max(1, home.flockIncrement), maxLevel(submitter)));
    }
}

void FederationSimulator::countJobs(std::uint32_t pool, std::int64_t now)
{
    // A submitter no negotiator has served for 2 × SCHEDD_INTERVAL flocks one level further (§2.3, rule 2).
    const Policy& policy = m_scenario.federation[pool].policy;
    const auto timeout = static_cast<std::int64_t>(2 * policy.scheddInterval);
    for (std::uint32_t s = 0; s < m_flock.size(); ++s) {
        if (m_scenario.submitterPool[s] != pool)
            continue;
        FlockState& state = m_flock[s];
        if (m_pools[pool]->queue(s).idleJobs() == 0) {
            state.stamp = now;
        } else if (now - state.stamp > timeout && state.level < maxLevel(s)) {
            setLevel(s, std::min(state.level + std::max(1, policy.flockIncrement), maxLevel(s)));
            state.stamp = now;
        }
    }
}

bool FederationSimulator::allDone() const
{
    for (const auto& pool : m_pools)
        if (!pool->allArrived() || pool->runningJobCount() > 0 || pool->homeIdleJobs() > 0)
            return false;
    return true;
}

Result FederationSimulator::run()
{
    const auto started = std::chrono::steady_clock::now();
    const std::int64_t end = m_scenario.horizonSeconds > 0
        ? m_start + static_cast<std::int64_t>(std::ceil(m_scenario.horizonSeconds))
        : never;
    const std::int64_t span = std::max<std::int64_t>(1, m_pools.front()->plannedSpan());
    std::int64_t stallLimit = std::int64_t {30} * 86400;
    for (const Job& j : m_scenario.workload.jobs)
        stallLimit = std::max<std::int64_t>(stallLimit, 10 * static_cast<std::int64_t>(j.runtime));
    std::int64_t now = m_start;
    double reported = 0;
    bool stopped = false;
    for (;;) {
        if (m_stop.load(std::memory_order_relaxed)) {
            stopped = true;
            break;
        }
        if (allDone())
            break;
        std::int64_t t = *std::min_element(m_nextCountJobs.begin(), m_nextCountJobs.end());
        for (const auto& pool : m_pools)
            if (!pool->hasEnded())
                t = std::min(t, pool->nextEventTime());
        if (t > end) {
            now = end;
            break;
        }
        for (const auto& pool : m_pools)
            if (!pool->hasEnded())
                pool->runUntil(t - m_start);
        for (std::uint32_t p = 0; p < m_pools.size(); ++p)
            if (m_nextCountJobs[p] == t) {
                countJobs(p, t);
                m_nextCountJobs[p]
                    += static_cast<std::int64_t>(std::max(1.0, m_scenario.federation[p].policy.scheddInterval));
            }
        now = t;
        // As for one pool: a policy can evict jobs forever, so a run without a horizon stops once nothing has
        // completed anywhere for far longer than any job needs.
        bool arrived = true;
        std::int64_t lastCompletion = m_lastSubmit;
        for (const auto& pool : m_pools) {
            arrived = arrived && pool->allArrived();
            lastCompletion = std::max(lastCompletion, pool->lastCompletion());
        }
        if (end == never && arrived && t - lastCompletion > stallLimit) {
            m_notes.push_back("no job completed in " + std::to_string((t - lastCompletion) / 86400)
                + " days in any pool: the jobs still waiting cannot start, or the policy keeps evicting them; the run "
                  "stops here");
            break;
        }
        if (onProgress) {
            const double progress = std::clamp(static_cast<double>(t - m_start) / static_cast<double>(span), 0.0, 1.0);
            if (progress - reported >= 0.01) {
                reported = progress;
                onProgress(progress);
            }
        }
    }
    for (auto& pool : m_pools)
        pool->finishAt(now);
    Result result = combine(now);
    result.stoppedEarly = stopped;
    result.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (onProgress)
        onProgress(1.0);
    return result;
}

Result FederationSimulator::combine(std::int64_t now)
{
    const auto& workload = m_scenario.workload;
    const auto& pools = m_scenario.federation;
    std::vector<Result> parts;
    for (const auto& pool : m_pools)
        parts.push_back(pool->takeResult());
    const Result& first = parts.front();

    Result r;
    r.scenarioName = m_scenario.name;
    r.jobsTotal = static_cast<long>(workload.jobs.size());
    r.coreHoursDemanded = first.coreHoursDemanded;
    r.startTime = first.startTime;
    r.epoch = first.epoch;
    r.sampleInterval = first.sampleInterval;
    r.machineSampleStride = first.machineSampleStride;
    r.notes = m_notes;
    r.contributions = m_scenario.pool.contributions();
    r.notebookStartupSeconds = first.notebookStartupSeconds;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const Result& part = parts[p];
        r.coreHoursDelivered += part.coreHoursDelivered;
        r.claimedCoreHours += part.claimedCoreHours;
        r.simulatedSeconds = std::max(r.simulatedSeconds, part.simulatedSeconds);
        r.poolCores += part.poolCores;
        r.negotiationCycles += part.negotiationCycles;
        r.matches += part.matches;
        r.claimReuses += part.claimReuses;
        r.drainsStarted += part.drainsStarted;
        for (const auto& note : part.notes)
            r.notes.push_back(pools[p].name + ": " + note);
        r.poolNames.push_back(pools[p].name);
        r.poolMachineCount.push_back(static_cast<long>(pools[p].machines.size()));
    }
    const double capacity = static_cast<double>(r.poolCores) * static_cast<double>(r.simulatedSeconds) / 3600.0;
    r.utilization = capacity > 0 ? r.claimedCoreHours / capacity : 0.0;

    // A job's runs may have been in several pools: its first start is the earliest, its end the one that finished.
    r.jobs.assign(workload.jobs.size(), JobOutcome {});
    for (const Result& part : parts)
        for (std::size_t j = 0; j < workload.jobs.size(); ++j) {
            const JobOutcome& o = part.jobs[j];
            JobOutcome& merged = r.jobs[j];
            if (o.firstStart >= 0 && (merged.firstStart < 0 || o.firstStart < merged.firstStart))
                merged.firstStart = o.firstStart;
            merged.end = std::max(merged.end, o.end);
            merged.starts = static_cast<std::uint16_t>(std::min(65535, merged.starts + o.starts));
            if (merged.fate == Queued)
                merged.fate = o.fate;
        }
    for (const auto& o : r.jobs) {
        r.jobsStarted += o.firstStart >= 0 ? 1 : 0;
        r.jobsCompleted += o.end >= 0 ? 1 : 0;
    }

    // Series: every pool sampled at the same instants, laid out by the same groups.
    std::size_t samples = first.poolSeries.size();
    for (const Result& part : parts)
        samples = std::min({samples, part.poolSeries.size(), part.groupSeries.size()});
    r.poolSeries.resize(samples);
    r.groupSeries.assign(samples, std::vector<GroupSample>(static_cast<std::size_t>(m_reportTree.size())));
    for (std::size_t k = 0; k < samples; ++k) {
        PoolSample& sum = r.poolSeries[k];
        sum.time = first.poolSeries[k].time;
        for (const Result& part : parts) {
            const PoolSample& s = part.poolSeries[k];
            sum.claimedCores += s.claimedCores;
            sum.idleCores += s.idleCores;
            sum.idleJobs += s.idleJobs;
            sum.wholeMachines += s.wholeMachines;
            sum.drainingMachines += s.drainingMachines;
            sum.fragmentedCores += s.fragmentedCores;
            sum.waitingLong += s.waitingLong;
            if (s.smallestWaitingLong > 0)
                sum.smallestWaitingLong = sum.smallestWaitingLong > 0
                    ? std::min(sum.smallestWaitingLong, s.smallestWaitingLong)
                    : s.smallestWaitingLong;
            for (std::size_t i = 0; i < sum.idleCoresFor.size(); ++i)
                sum.idleCoresFor[i] += s.idleCoresFor[i];
            for (std::size_t g = 0; g < r.groupSeries[k].size() && g < part.groupSeries[k].size(); ++g) {
                GroupSample& to = r.groupSeries[k][g];
                const GroupSample& from = part.groupSeries[k][g];
                to.usage += from.usage;
                to.quota += from.quota;
                to.allocated += from.allocated;
                to.demand += from.demand;
                to.subtreeQuota += from.subtreeQuota;
            }
        }
    }
    // Why groups waited: each pool explains its own schedd's jobs, so the pools' figures add up.
    r.whyIdleSeries.assign(samples, {});
    for (std::size_t k = 0; k < samples; ++k) {
        std::map<std::pair<std::uint32_t, WaitReason>, float> sum;
        for (const Result& part : parts)
            if (k < part.whyIdleSeries.size())
                for (const WaitSample& w : part.whyIdleSeries[k])
                    sum[{w.group, w.reason}] += w.coreHours;
        for (const auto& [key, hours] : sum)
            r.whyIdleSeries[k].push_back({key.first, key.second, hours});
    }
    std::size_t machineSamples = first.machineSeries.size();
    for (const Result& part : parts)
        machineSamples = std::min(machineSamples, part.machineSeries.size());
    r.machineSeries.assign(machineSamples, std::vector<MachineSample>(m_scenario.pool.machines.size()));
    for (std::size_t k = 0; k < machineSamples; ++k)
        for (std::size_t p = 0; p < parts.size(); ++p)
            for (std::size_t i = 0; i < pools[p].machines.size() && i < parts[p].machineSeries[k].size(); ++i)
                r.machineSeries[k][pools[p].machines[i]] = parts[p].machineSeries[k][i];

    // Groups: the layout every pool reported by; evictions and quotas add up, the rest follows from the jobs.
    r.groups = first.groups;
    for (auto& g : r.groups) {
        GroupSummary fresh;
        fresh.name = g.name;
        fresh.parent = g.parent;
        fresh.configQuota = g.configQuota;
        fresh.staticQuota = g.staticQuota;
        fresh.acceptSurplus = g.acceptSurplus;
        g = fresh;
    }
    for (const Result& part : parts)
        for (std::size_t g = 0; g < r.groups.size() && g < part.groups.size(); ++g) {
            GroupSummary& to = r.groups[g];
            const GroupSummary& from = part.groups[g];
            to.meanQuota += from.meanQuota;
            to.claimedCoreHours += from.claimedCoreHours;
            to.preemptions += from.preemptions;
            to.drainEvictions += from.drainEvictions;
            to.limitEvictions += from.limitEvictions;
            to.badputCoreHours += from.badputCoreHours;
            to.preemptionBadputCoreHours += from.preemptionBadputCoreHours;
            to.drainBadputCoreHours += from.drainBadputCoreHours;
            to.limitBadputCoreHours += from.limitBadputCoreHours;
            for (std::size_t reason = 0; reason < waitReasonCount; ++reason)
                to.whyIdleCoreHours[reason] += from.whyIdleCoreHours[reason];
        }
    // The details of the pool where the group waited most.
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
        double most = -1;
        for (const Result& part : parts) {
            if (g >= part.groups.size())
                continue;
            double waited = 0;
            for (double h : part.groups[g].whyIdleCoreHours)
                waited += h;
            if (waited > most) {
                most = waited;
                r.groups[g].whyIdleDetails = part.groups[g].whyIdleDetails;
            }
        }
    }
    r.submitters.assign(workload.submitters.size(), SubmitterSummary {});
    std::vector<int> groupOf(workload.submitters.size(), 0);
    for (std::uint32_t s = 0; s < workload.submitters.size(); ++s) {
        const SubmitterSummary& home = parts[m_scenario.submitterPool[s]].submitters[s];
        r.submitters[s].name = home.name;
        r.submitters[s].group = home.group;
        r.submitters[s].finalRealPriority = home.finalRealPriority;
        r.submitters[s].priorityFactor = home.priorityFactor;
        groupOf[s] = home.group;
    }
    std::unordered_map<std::uint32_t, std::int64_t> running;
    for (const auto& pool : m_pools)
        for (const auto& [job, since] : pool->runningSince())
            running[job] = since;
    summariseJobOutcomes(r, workload, groupOf, running, pools[0].policy.notebookStartupSeconds, m_start, now);
    r.flows = computeSurplusFlows(r.groups, r.groupSeries, static_cast<double>(r.sampleInterval));

    // Who ran whose jobs: each pool's core-hours per submitter, and its preemptions per group (a group's home is
    // its submitters' pool: in a derived study every group belongs to one experiment).
    std::vector<std::vector<PoolExchange>> exchange(pools.size(), std::vector<PoolExchange>(pools.size()));
    std::vector<int> homeOfGroup(r.groups.size(), -1);
    for (std::uint32_t s = 0; s < workload.submitters.size(); ++s)
        if (homeOfGroup[static_cast<std::size_t>(groupOf[s])] < 0)
            homeOfGroup[static_cast<std::size_t>(groupOf[s])] = static_cast<int>(m_scenario.submitterPool[s]);
    for (std::size_t p = 0; p < parts.size(); ++p) {
        for (std::uint32_t s = 0; s < workload.submitters.size(); ++s)
            exchange[m_scenario.submitterPool[s]][p].coreHours += parts[p].submitters[s].coreHours;
        for (std::size_t g = 0; g < parts[p].groups.size() && g < homeOfGroup.size(); ++g)
            if (homeOfGroup[g] >= 0) {
                auto& e = exchange[static_cast<std::size_t>(homeOfGroup[g])][p];
                e.preemptions += parts[p].groups[g].preemptions;
                e.badputCoreHours += parts[p].groups[g].preemptionBadputCoreHours;
            }
    }
    for (std::size_t h = 0; h < pools.size(); ++h)
        for (std::size_t p = 0; p < pools.size(); ++p) {
            PoolExchange e = exchange[h][p];
            e.home = static_cast<int>(h);
            e.execute = static_cast<int>(p);
            if (e.coreHours > 0 || e.preemptions > 0)
                r.exchanges.push_back(e);
        }
    return r;
}

} // namespace pp
