// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/simulator.h"

#include "util/randomstream.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>
#include <limits>
#include <unordered_map>

namespace pp {

namespace {

// Each arbitrary choice draws from its own stream of the run's tie seed; seed 0 keeps the fixed order (0 out).
enum class TieChoice : std::uint64_t { Slots = 1, Submitters, Autoclusters, CyclePhase, ScheddUpdates };
std::uint64_t tieStream(std::uint64_t tieSeed, TieChoice choice)
{
    if (tieSeed == 0)
        return 0;
    const std::uint64_t drawn = RandomStream(tieSeed * 8 + static_cast<std::uint64_t>(choice)).next();
    return drawn == 0 ? 1 : drawn;
}

// A sample interval that gives a few thousand points over the run, on a round value.
std::int64_t chooseSampleInterval(std::int64_t span)
{
    static constexpr std::int64_t candidates[] = {60, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400};
    for (std::int64_t c : candidates)
        if (span / c <= 2000)
            return c;
    return 86400;
}

double priorityFactorFor(const Policy& policy, const GroupTree& tree, int group, const std::string& submitter)
{
    if (submitter.rfind("nice-user", 0) == 0)
        return policy.niceUserPrioFactor;
    const double groupFactor = tree.node(group).config.prioFactor;
    return groupFactor > 0 ? groupFactor : policy.defaultPrioFactor;
}
} // namespace

Simulator::Simulator(const Scenario& scenario, SimulationOptions options, const FederationMember* member)
    : m_scenario(scenario)
    , m_options(options)
    , m_member(member)
    , m_workload(member && member->workload ? *member->workload : scenario.workload)
    , m_tree(scenario.policy)
    , m_pool(scenario.pool, tieStream(options.tieSeed.value_or(scenario.tieSeed), TieChoice::Slots))
    , m_accountant(m_workload.submitters.size(), scenario.policy.priorityHalflife,
          scenario.startTime ? *scenario.startTime : (m_workload.jobs.empty() ? 0 : m_workload.jobs.front().submit))
    , m_queues(m_workload.submitters.size())
    , m_rank(scenario.policy, m_pool, m_workload.submitters, member ? &member->domains : nullptr)
    , m_defrag(scenario.policy, scenario.seed,
          m_workload.epoch
              + (scenario.startTime ? *scenario.startTime
                                    : (m_workload.jobs.empty() ? 0 : m_workload.jobs.front().submit)))
{
    const auto& workload = m_workload;
    m_submitterGroup.reserve(workload.submitters.size());
    for (std::uint32_t s = 0; s < workload.submitters.size(); ++s) {
        const int group = m_tree.groupOfSubmitter(workload.submitters[s]);
        m_submitterGroup.push_back(group);
        m_accountant.setPriorityFactor(s, priorityFactorFor(scenario.policy, m_tree, group, workload.submitters[s]));
    }
    m_reportTree = member && member->reportTree ? member->reportTree : &m_tree;
    m_reportGroup = m_submitterGroup;
    if (member)
        for (std::uint32_t s = 0; s < workload.submitters.size(); ++s)
            m_reportGroup[s] = m_reportTree->groupOfSubmitter(workload.submitters[s]);
    for (int g = 0; g < m_tree.size(); ++g)
        m_poolGroupToReport.push_back(member ? m_reportTree->find(m_tree.node(g).name) : g);
    m_queued.assign(workload.jobs.size(), 0);
    if (member)
        m_startedElsewhere.assign(workload.jobs.size(), 0);
    Negotiator::Context context {scenario.policy, m_tree, m_pool, m_accountant, m_queues, m_submitterGroup,
        workload.jobs, workload.submitters, workload.epoch, &m_rank};
    if (m_options.explainWaits) {
        m_explainer = std::make_unique<WaitExplainer>(
            WaitExplainer::Context {m_tree, m_pool, m_queues, m_submitterGroup, m_reportGroup,
                static_cast<std::size_t>(m_reportTree->size()), workload.jobs, workload.submitters, &m_rank,
                workload.epoch, member ? &member->homeSubmitter : nullptr, scenario.policy.useSlotWeights},
            0);
        context.observer = m_explainer.get();
    }
    const std::uint64_t tieSeed = m_options.tieSeed.value_or(scenario.tieSeed);
    if (tieSeed != 0) {
        const auto order = drawnOrder(workload.submitters.size(), tieStream(tieSeed, TieChoice::Submitters));
        context.submitterTieRank.resize(order.size());
        for (std::uint32_t place = 0; place < order.size(); ++place)
            context.submitterTieRank[order[place]] = place;
        context.autoclusterTieSalt = tieStream(tieSeed, TieChoice::Autoclusters);
    }
    m_negotiator = std::make_unique<Negotiator>(std::move(context), *this);

    m_start = scenario.startTime ? *scenario.startTime : (workload.jobs.empty() ? 0 : workload.jobs.front().submit);
    m_now = m_start;
    m_end
        = scenario.horizonSeconds > 0 ? m_start + static_cast<std::int64_t>(std::ceil(scenario.horizonSeconds)) : never;
    // The negotiator's cycles run every NEGOTIATOR_INTERVAL from the daemon's start, which no trace records: with a
    // tie seed, its phase against the submissions is drawn (a federation's pools draw their own).
    std::int64_t phase = std::max<std::int64_t>(0, m_options.negotiatorPhase);
    if (tieSeed != 0 && !member && m_options.negotiatorPhase == 0)
        phase = static_cast<std::int64_t>(RandomStream(tieStream(tieSeed, TieChoice::CyclePhase)).uniform()
            * std::max(1.0, scenario.policy.negotiatorInterval));
    m_nextCycle = m_start + phase;
    // The schedd publishes its submitter ads every SCHEDD_INTERVAL, after a submission as soon as
    // SCHEDD_MIN_INTERVAL allows; a job is seen by the first cycle after that publication. B2's carol submitted at
    // 04:41:53 just after a publication, the next came at :58, and the cycle at :55 did not see her jobs. The
    // publications' phase is as arbitrary as the cycle's: drawn with a tie seed, and left out without one.
    if (tieSeed != 0 && !member) {
        m_scheddPeriod = static_cast<std::int64_t>(
            std::max(1.0, std::min(scenario.policy.scheddInterval, scenario.policy.scheddMinInterval)));
        m_scheddPhase = static_cast<std::int64_t>(
            RandomStream(tieStream(tieSeed, TieChoice::ScheddUpdates)).uniform() * static_cast<double>(m_scheddPeriod));
    }
    m_nextSample = m_start;
    std::int64_t span = m_end != never ? m_end - m_start : 0;
    if (m_end == never) {
        std::int64_t last = m_start;
        for (const Job& j : workload.jobs)
            last = std::max<std::int64_t>(last, static_cast<std::int64_t>(j.submit) + j.runtime);
        span = last - m_start;
    }
    std::uint32_t longest = 0;
    for (const Job& j : workload.jobs)
        longest = std::max(longest, j.runtime);
    m_stallLimit = std::max<std::int64_t>(std::int64_t {30} * 86400, 10 * static_cast<std::int64_t>(longest));
    m_span = span;
    m_result.sampleInterval = m_options.sampleInterval > 0 ? m_options.sampleInterval : chooseSampleInterval(span);
    {
        const std::int64_t samples = span / m_result.sampleInterval + 2;
        const auto machines = static_cast<std::int64_t>(m_pool.machineCount());
        m_result.machineSampleStride = m_options.machineSampleStride > 0
            ? m_options.machineSampleStride
            : std::max<std::int64_t>(
                1, (samples * machines + Simulator::machineSampleBudget - 1) / Simulator::machineSampleBudget);
    }
    m_result.scenarioName = scenario.name;
    m_result.jobsTotal = static_cast<long>(workload.jobs.size());
    m_result.poolCores = m_pool.totalCores();
    m_result.contributions = scenario.pool.contributions();
    m_result.notebookStartupSeconds = scenario.policy.notebookStartupSeconds;
    m_result.startTime = m_start;
    m_result.epoch = workload.epoch;
    m_result.jobs.assign(workload.jobs.size(), JobOutcome {});
    for (const Job& j : workload.jobs)
        m_result.coreHoursDemanded += static_cast<double>(j.cores) * j.runtime / 3600.0;
    if (m_pool.totalCores() == 0)
        m_result.notes.emplace_back("the pool has no cores; no job can run");
    describeGroups(); // names are known from the start, so results read mid-run can be shown
    restoreSnapshotState();
    m_groupEvictions.assign(static_cast<std::size_t>(m_reportTree->size()), GroupEvictions {});
    const auto periodic = [](const std::string& text, const char* knob) {
        auto parsed = classad::Expression::parse(text, knob);
        return text.empty() || !parsed ? classad::Expression {} : *parsed;
    };
    m_periodicRemove = periodic(scenario.policy.systemPeriodicRemove, "SYSTEM_PERIODIC_REMOVE");
    m_periodicHold = periodic(scenario.policy.systemPeriodicHold, "SYSTEM_PERIODIC_HOLD");
    m_drainSerial.assign(m_pool.machineCount(), 0);
    m_nextDefragPoll = m_defrag.enabled() ? m_start + m_defrag.interval() : never;
    skipForeignArrivals();
}

void Simulator::skipForeignArrivals()
{
    // A pool of a federation wakes for its own schedd's submissions only; the others reach it as offers.
    while (federated() && m_nextArrival < m_workload.jobs.size() && !isHome(static_cast<std::uint32_t>(m_nextArrival)))
        ++m_nextArrival;
}

Simulator::~Simulator() = default;

void Simulator::restoreSnapshotState()
{
    for (const auto& p : m_scenario.priorities)
        if (p.submitter < m_queues.size()) {
            m_accountant.setPriorityFactor(p.submitter, std::max(1.0, p.factor));
            m_accountant.restore(p.submitter, p.realPriority, p.accumulatedUsage);
        }
    if (m_scenario.running.empty())
        return;
    m_alreadyRunning.assign(m_workload.jobs.size(), 0);
    long misfits = 0;
    for (const auto& r : m_scenario.running) {
        if (r.job >= m_workload.jobs.size() || r.machine >= m_pool.machineCount()) {
            ++misfits;
            continue;
        }
        const Job& spec = m_workload.jobs[r.job];
        if (m_pool.freeCores(r.machine) < spec.cores
            || m_pool.freeMemory(r.machine) < static_cast<long>(spec.memoryMb)) {
            ++misfits; // the snapshot claims more than the machine has: it queues instead
            continue;
        }
        m_alreadyRunning[r.job] = 1;
        const std::uint32_t claim = m_pool.carve(r.machine, spec.submitter, spec.cores, spec.memoryMb, r.startedAt);
        m_accountant.changeUsage(spec.submitter, spec.cores, m_start);
        startJob(r.job, claim, std::min(r.startedAt, m_start));
    }
    if (misfits > 0)
        m_result.notes.push_back(std::to_string(misfits)
            + " running jobs of the snapshot did not fit their machines and were queued instead");
}

void Simulator::enqueueIdle(std::uint32_t job)
{
    const Job& spec = m_workload.jobs[job];
    m_queues[spec.submitter].addIdle(job, spec);
    if (m_negotiator)
        m_negotiator->submitterActive(spec.submitter);
    ++m_idleByCores[spec.cores];
    ++m_idleJobs;
    m_queued[job] = 1;
    m_foreignIdleJobs += isHome(job) ? 0 : 1;
}

std::uint32_t Simulator::dequeueIdle(std::uint32_t submitter, std::size_t autocluster)
{
    const auto& cluster = m_queues[submitter].autoclusters()[autocluster];
    const Job& spec = m_workload.jobs[cluster.jobs.front()];
    const std::uint32_t job = m_queues[submitter].takeIdle(autocluster, spec);
    if (auto it = m_idleByCores.find(spec.cores); it != m_idleByCores.end() && --it->second == 0)
        m_idleByCores.erase(it);
    --m_idleJobs;
    m_queued[job] = 0;
    m_foreignIdleJobs -= isHome(job) ? 0 : 1;
    return job;
}

int Simulator::smallestIdleCores() const
{
    return m_idleByCores.empty() ? 0 : m_idleByCores.begin()->first;
}

std::int64_t Simulator::seenAt(double submit) const
{
    const auto t = static_cast<std::int64_t>(submit);
    if (m_scheddPeriod <= 0 || t < m_start)
        return t; // jobs queued before the run starts are in the schedd's ads already
    const std::int64_t sinceLast = ((t - m_scheddPhase) % m_scheddPeriod + m_scheddPeriod) % m_scheddPeriod;
    return t + (m_scheddPeriod - sinceLast); // the next publication after the submission
}

void Simulator::arrive(std::uint32_t job)
{
    enqueueIdle(job);
    const Job& spec = m_workload.jobs[job];
    if (spec.kind == Notebook) {
        // JupyterHub gives up when the notebook is not usable within start_timeout (§8): it must be running
        // by then minus the start-up of the single-user server.
        const Policy& policy = m_scenario.policy;
        const auto wait
            = static_cast<std::int64_t>(std::max(0.0, policy.notebookStartTimeout - policy.notebookStartupSeconds));
        m_notebookTimeouts.push({std::max(m_now, static_cast<std::int64_t>(spec.submit) + wait), job});
    }
}

void Simulator::dropIdle(std::uint32_t job, JobFate fate)
{
    withdrawIdle(job);
    if (!isHome(job))
        return;
    m_result.jobs[job].fate = fate;
    if (federated())
        m_member->hooks->jobLeft(m_member->index, job);
}

void Simulator::withdrawIdle(std::uint32_t job)
{
    const Job& spec = m_workload.jobs[job];
    if (!m_queued[job] || !m_queues[spec.submitter].removeIdle(job, spec))
        return;
    if (auto it = m_idleByCores.find(spec.cores); it != m_idleByCores.end() && --it->second == 0)
        m_idleByCores.erase(it);
    --m_idleJobs;
    m_queued[job] = 0;
    m_foreignIdleJobs -= isHome(job) ? 0 : 1;
}

void Simulator::offerIdle(std::uint32_t job)
{
    if (!m_queued[job])
        enqueueIdle(job);
}

void Simulator::notebookTimeout(std::uint32_t job)
{
    // Only jobs still idle at home are removed: one that started (here or, flocked, elsewhere) is no failure.
    if (m_result.jobs[job].firstStart < 0 && (m_startedElsewhere.empty() || !m_startedElsewhere[job]) && m_queued[job])
        dropIdle(job, SpawnFailed); // condor_rm from the hub: the job leaves with a 009, never having run
}

void Simulator::startJob(std::uint32_t job, std::uint32_t claimIndex, std::int64_t now)
{
    const Job& spec = m_workload.jobs[job];
    Claim& claim = m_pool.claim(claimIndex);
    claim.job = static_cast<std::int32_t>(job);
    claim.jobStartedAt = now;
    const std::int64_t unixNow = m_workload.epoch + now;
    // A constant RANK prefers no job: CurrentRank stays 0, as the negotiator's new-job rank does.
    claim.currentRank = m_rank.enabled() ? static_cast<float>(m_rank.rank(spec, claim.machine, unixNow)) : 0.0F;
    claim.retirement = static_cast<float>(m_rank.retirement(spec, claim.machine, unixNow));
    JobOutcome& outcome = m_result.jobs[job];
    if (outcome.firstStart < 0) {
        outcome.firstStart = static_cast<std::int32_t>(now - m_start);
        ++m_result.jobsStarted;
    }
    ++outcome.starts;
    claim.run = outcome.starts;
    SubmitterQueue& queue = m_queues[spec.submitter];
    // A job handed a retired slot (early preemption) starts without having been idle since the last cycle.
    if (m_negotiator)
        m_negotiator->submitterActive(spec.submitter);
    ++queue.runningJobs;
    queue.runningCores += spec.cores;
    ++m_runningJobs;
    m_completions.push(
        {now + static_cast<std::int64_t>(spec.runtime), claimIndex, job, outcome.starts, spec.cores, spec.submitter});
    JobFate fate = Queued;
    if (const std::int64_t limitAt = runtimeLimit(job, now, claim.retirement, &fate); limitAt != never)
        m_limitTimers.push({limitAt, claimIndex, job, outcome.starts, fate});
    if (federated())
        m_member->hooks->jobStarted(m_member->index, job, now);
}

void Simulator::startMatched(std::uint32_t submitter, std::size_t autocluster, std::uint32_t machine, std::int64_t now)
{
    const Policy& policy = m_scenario.policy;
    const std::uint32_t job = dequeueIdle(submitter, autocluster);
    __builtin_prefetch(&m_result.jobs[job], 1); // startJob's, long out of cache: fetched while the slot is carved
    const Job& spec = m_workload.jobs[job];
    if (!policy.consumptionPolicy)
        m_pool.withdraw(machine); // the whole p-slot was matched: it leaves this cycle (§10.1)
    std::uint32_t claim = m_pool.carve(machine, submitter, spec.cores, spec.memoryMb, now);
    m_accountant.changeUsage(submitter, spec.cores, now);
    ++m_result.matches;
    startJob(job, claim, now);
    if (policy.consumptionPolicy || !policy.claimPartitionableLeftovers)
        return;
    // The schedd holds the leftovers of the p-slot and fills them with this submitter's jobs.
    std::size_t ac = 0;
    while (nextForClaim(submitter, machine, m_pool.freeCores(machine), m_pool.freeMemory(machine), now, &ac)) {
        const std::uint32_t next = dequeueIdle(submitter, ac);
        const Job& nextSpec = m_workload.jobs[next];
        claim = m_pool.carve(machine, submitter, nextSpec.cores, nextSpec.memoryMb, now);
        m_accountant.changeUsage(submitter, nextSpec.cores, now);
        startJob(next, claim, now);
    }
}

void Simulator::complete(const Completion& c)
{
    m_lastCompletion = c.time;
    Claim& claim = m_pool.claim(c.claim);
    m_result.jobs[c.job].end = static_cast<std::int32_t>(c.time - m_start);
    ++m_result.jobsCompleted;
    // The run went uninterrupted from its start: its length is the job's runtime.
    m_deliveredCoreSeconds += static_cast<double>(c.cores) * static_cast<double>(c.time - claim.jobStartedAt);
    SubmitterQueue& queue = m_queues[c.submitter];
    --queue.runningJobs;
    queue.runningCores -= c.cores;
    --m_runningJobs;

    claim.job = -1;
    claimFreed(c.claim, c.time);
}

bool Simulator::nextForClaim(std::uint32_t submitter, std::uint32_t machine, int cores, long memoryMb, std::int64_t now,
    std::size_t* autocluster)
{
    std::int64_t job = m_queues[submitter].oldestFitting(cores, memoryMb, autocluster);
    // A claim belongs to the schedd, not to a flock level: one held in another pool takes any of the submitter's
    // idle jobs, even those that pool no longer sees (docs/FLOCKING.md §5.4).
    bool pulled = false;
    if (job < 0 && federated() && !m_member->homeSubmitter[submitter]) {
        pulled = m_member->hooks->pullIdle(m_member->index, submitter, cores, memoryMb);
        if (pulled)
            job = m_queues[submitter].oldestFitting(cores, memoryMb, autocluster);
    }
    if (job < 0)
        return false;
    // The startd checks START again when a claim activates a new job.
    const Job& spec = m_workload.jobs[static_cast<std::size_t>(job)];
    if (m_rank.startEnabled() && !m_rank.start(spec, machine, m_workload.epoch + now)) {
        if (pulled)
            withdrawIdle(static_cast<std::uint32_t>(job)); // it stays at home
        return false;
    }
    return true;
}

void Simulator::claimFreed(std::uint32_t claimIndex, std::int64_t now)
{
    Claim& claim = m_pool.claim(claimIndex);
    if (claim.successor >= 0) { // the retiring job ended by itself: the preempting claim takes the slot
        handOver(claimIndex, now);
        return;
    }
    // The schedd reuses the claim for the submitter's next job that fits, while CLAIM_WORKLIFE allows (§10.2).
    const double worklife = m_scenario.policy.claimWorklife;
    const bool reusable = !m_pool.isDraining(claim.machine)
        && (worklife < 0 || (worklife > 0 && static_cast<double>(now - claim.claimedAt) < worklife));
    if (reusable) {
        std::size_t ac = 0;
        if (nextForClaim(claim.submitter, claim.machine, claim.cores, claim.memoryMb, now, &ac)) {
            const std::uint32_t next = dequeueIdle(claim.submitter, ac);
            ++m_result.claimReuses;
            startJob(next, claimIndex, now);
            return;
        }
    }
    releaseClaim(claimIndex, now);
}

void Simulator::negotiationCycle(std::int64_t now)
{
    m_accountant.updatePriorities(now);
    m_lastCycleMatched = false;
    const int smallest = smallestIdleCores();
    // In a federation a cycle that matches nothing still tells the schedds they are unsatisfied (they flock).
    if (m_idleJobs == 0 || smallest == 0
        || (m_pool.largestFreeCores() < smallest && !m_negotiator->preemptionEnabled() && !federated())) {
        // Nothing could match: a real cycle would change nothing either. What waits is still explained.
        if (m_explainer && m_idleJobs - m_foreignIdleJobs > 0) {
            m_negotiator->assessLimits();
            m_explainer->cycleSkipped(*m_negotiator, now);
        } else if (m_explainer) {
            m_explainer->nothingWaits(now);
        }
        return;
    }
    const long before = m_result.matches;
    CycleRecord record;
    const bool keep = m_options.recordCycles && m_result.cycles.size() < m_options.maxCycleRecords;
    m_negotiator->negotiate(now, keep ? &record : nullptr);
    ++m_result.negotiationCycles;
    m_lastCycleMatched = m_result.matches > before;
    if (keep) {
        record.time = now - m_start;
        m_result.cycles.push_back(std::move(record));
    }
    if (federated())
        reportNegotiations(now);
}

void Simulator::reportNegotiations(std::int64_t now)
{
    // A negotiation is satisfied when none of the submitter's idle jobs here was left unmatched (every request
    // list offered, none rejected: ScheddNegotiate::getSatisfaction).
    std::vector<std::uint32_t> submitters = m_negotiator->negotiated();
    std::sort(submitters.begin(), submitters.end());
    submitters.erase(std::unique(submitters.begin(), submitters.end()), submitters.end());
    for (std::uint32_t s : submitters)
        m_member->hooks->negotiationFinished(m_member->index, s, m_queues[s].idleJobs() == 0, now);
}

void Simulator::advanceClockTo(std::int64_t now)
{
    if (now > m_now) {
        m_claimedCoreSeconds += static_cast<double>(m_pool.claimedCores()) * static_cast<double>(now - m_now);
        m_now = now;
    }
}

bool Simulator::finished() const
{
    if (federated())
        return false; // the federation decides: a job may still come back from another pool
    return m_nextArrival >= m_workload.jobs.size() && m_runningJobs == 0 && m_idleJobs == 0;
}

std::int64_t Simulator::nextEventTime() const
{
    const auto& jobs = m_workload.jobs;
    const std::int64_t nextCompletion = m_completions.empty() ? never : m_completions.nextTime();
    const std::int64_t nextArrival
        = m_nextArrival < jobs.size() ? std::max(m_start, seenAt(jobs[m_nextArrival].submit)) : never;
    const std::int64_t nextDeadline = m_drainDeadlines.empty() ? never : m_drainDeadlines.top().time;
    const std::int64_t nextTimeout = std::min({m_notebookTimeouts.empty() ? never : m_notebookTimeouts.top().time,
        m_limitTimers.empty() ? never : m_limitTimers.top().time,
        m_retirementKills.empty() ? never : m_retirementKills.top().time});
    return std::min(
        {nextCompletion, nextArrival, m_nextCycle, m_nextSample, m_nextDefragPoll, nextDeadline, nextTimeout});
}

void Simulator::finishAt(std::int64_t now)
{
    advanceClockTo(now);
    finish(now);
}

std::vector<std::pair<std::uint32_t, std::int64_t>> Simulator::runningSince() const
{
    std::vector<std::pair<std::uint32_t, std::int64_t>> running;
    for (const auto& claim : m_pool.claims())
        if (claim.live && claim.job >= 0)
            running.emplace_back(static_cast<std::uint32_t>(claim.job), claim.jobStartedAt);
    return running;
}

bool Simulator::runUntil(std::int64_t seconds)
{
    if (m_done)
        return false;
    const auto& jobs = m_workload.jobs;
    const std::int64_t limit = seconds >= never - m_start ? never : m_start + seconds;
    const double span = m_end != never
        ? static_cast<double>(m_end - m_start)
        : std::max(1.0, static_cast<double>(jobs.empty() ? 1 : jobs.back().submit - m_start));
    for (;;) {
        if (m_stop.load(std::memory_order_relaxed)) {
            m_result.stoppedEarly = true;
            finish(m_now);
            return false;
        }
        if (finished()) {
            finish(m_now);
            return false;
        }
        const std::int64_t t = nextEventTime();
        if (t > m_end) {
            advanceClockTo(m_end);
            finish(m_end);
            return false;
        }
        if (t > limit) {
            advanceClockTo(limit);
            return true;
        }
        advanceClockTo(t);
        // Same-second order: completions free resources, then arrivals queue, then the negotiator runs.
        // A completion is current while its claim still runs that job's same run (eviction clears claim.job).
        for (Completion c {}; m_completions.popDue(t, c);) {
            const Claim& claim = m_pool.claim(c.claim);
            if (claim.job == static_cast<std::int32_t>(c.job) && claim.run == c.run)
                complete(c);
        }
        // The next completion's claim and outcome are far apart in memory and long out of cache: fetching them
        // now overlaps that wait with the rest of this second's work.
        if (const Completion* next = m_completions.peekNext()) {
            __builtin_prefetch(&m_pool.claim(next->claim));
            __builtin_prefetch(&m_result.jobs[next->job], 1);
        }
        while (!m_limitTimers.empty() && m_limitTimers.top().time == t) {
            const LimitTimer l = m_limitTimers.top();
            m_limitTimers.pop();
            if (m_result.jobs[l.job].starts == l.run && m_pool.claim(l.claim).job == static_cast<std::int32_t>(l.job))
                applyRuntimeLimit(l.claim, l.job, t, l.fate);
        }
        while (!m_retirementKills.empty() && m_retirementKills.top().time == t) {
            const Completion k = m_retirementKills.top();
            m_retirementKills.pop();
            if (m_result.jobs[k.job].starts == k.run && m_pool.claim(k.claim).job == static_cast<std::int32_t>(k.job))
                retirementEnded(k.claim, t);
        }
        while (!m_drainDeadlines.empty() && m_drainDeadlines.top().time == t) {
            const DrainDeadline d = m_drainDeadlines.top();
            m_drainDeadlines.pop();
            if (m_drainSerial[d.machine] == d.drain)
                drainDue(d.machine, t, false);
        }
        // Jobs submitted before a snapshot's start are in the queue from the first instant (<=, not ==).
        while (m_nextArrival < jobs.size() && seenAt(jobs[m_nextArrival].submit) <= t) {
            const auto job = static_cast<std::uint32_t>(m_nextArrival++);
            if ((!m_alreadyRunning.empty() && m_alreadyRunning[job]) || !isHome(job))
                continue;
            arrive(job);
            if (federated())
                m_member->hooks->jobArrived(m_member->index, job, t);
        }
        skipForeignArrivals();
        if (t == m_nextDefragPoll) {
            defragPoll(t);
            m_nextDefragPoll += m_defrag.interval();
        }
        if (t == m_nextCycle) {
            negotiationCycle(t);
            m_nextCycle += static_cast<std::int64_t>(std::max(1.0, m_scenario.policy.negotiatorInterval));
            // Jobs that can never start: nothing runs, nothing arrives, and the negotiator has stopped changing.
            if (!federated() && m_runningJobs == 0 && m_nextArrival >= jobs.size() && m_idleJobs > 0
                && !m_lastCycleMatched && m_accountant.settled()) {
                m_result.notes.push_back(std::to_string(m_idleJobs)
                    + " jobs can never start under this policy (their groups get no usable limit); the run ends when "
                      "nothing else can happen");
                finish(t);
                return false;
            }
        }
        // A policy can evict jobs forever (drained or preempted before they can finish): without a horizon such
        // a run would never end, so it stops once nothing has completed for far longer than any job needs.
        if (m_end == never && !federated() && m_nextArrival >= jobs.size()
            && t - std::max<std::int64_t>(m_lastCompletion, jobs.empty() ? m_start : jobs.back().submit)
                > m_stallLimit) {
            m_result.notes.push_back("no job completed in " + std::to_string((t - m_lastCompletion) / 86400)
                + " days: the policy keeps evicting them (drains or preemption shorter than the jobs); the run stops "
                  "here");
            finish(t);
            return false;
        }
        while (!m_notebookTimeouts.empty() && m_notebookTimeouts.top().time == t) {
            notebookTimeout(m_notebookTimeouts.top().job);
            m_notebookTimeouts.pop();
        }
        if (t == m_nextSample) {
            takeSample(t);
            m_nextSample += m_result.sampleInterval;
        }
        if (onProgress) {
            const double progress = std::clamp(static_cast<double>(t - m_start) / span, 0.0, 1.0);
            if (progress - m_lastProgress >= 0.01) {
                m_lastProgress = progress;
                onProgress(progress);
            }
        }
    }
}

std::vector<std::uint32_t> Simulator::runningJobs() const
{
    std::vector<std::uint32_t> jobs;
    for (const auto& claim : m_pool.claims())
        if (claim.live && claim.job >= 0)
            jobs.push_back(static_cast<std::uint32_t>(claim.job));
    return jobs;
}

Result Simulator::result() const
{
    return m_result;
}

Result Simulator::run()
{
    const auto started = std::chrono::steady_clock::now();
    runUntil(never);
    m_result.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return std::move(m_result);
}

} // namespace pp
