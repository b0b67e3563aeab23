// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "model/scenario.h"
#include "policy/grouptree.h"
#include "sim/accountant.h"
#include "sim/defragmenter.h"
#include "sim/negotiator.h"
#include "sim/poolstate.h"
#include "sim/schedd.h"
#include "sim/startdpolicy.h"
#include "sim/waitexplainer.h"
#include "util/radixqueue.h"

#include <atomic>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <vector>

namespace pp {

/// The time of an event that is not scheduled (later than any other).
inline constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();

struct SimulationOptions
{
    std::int64_t sampleInterval = 0; ///< seconds between samples; 0 = chosen from the run's length
    bool recordCycles = false; ///< keep a CycleRecord per negotiation cycle that ran the matchmaker
    std::size_t maxCycleRecords = 200000;
    std::int64_t machineSampleStride = 0; ///< every how many samples the machines are sampled; 0 = chosen
    std::int64_t negotiatorPhase = 0; ///< seconds after the start of the first negotiation cycle
    std::optional<std::uint64_t> tieSeed; ///< instead of the scenario's (an ensemble's runs)
    bool explainWaits = true; ///< why idle demand stayed idle (GroupSummary::whyIdleCoreHours); off for benchmarks
};

/// What one pool of a federation tells the schedds of the others (docs/FLOCKING.md): the federation keeps
/// every job in its home schedd's queue and offers copies of the idle ones to the pools it flocks to.
class FlockingHooks
{
public:
    virtual ~FlockingHooks() = default;
    virtual void jobArrived(std::uint32_t pool, std::uint32_t job, std::int64_t now) = 0;
    /// The job started here: its idle copies elsewhere must go.
    virtual void jobStarted(std::uint32_t pool, std::uint32_t job, std::int64_t now) = 0;
    /// The job was evicted here and is idle again, in its home queue (and wherever its submitter flocks).
    virtual void jobRequeued(std::uint32_t pool, std::uint32_t job, std::int64_t now) = 0;
    /// A claim this pool holds for the submitter (of another pool's schedd) looks for its next job: the home
    /// schedd offers its oldest idle job that fits, here; false when it has none.
    virtual bool pullIdle(std::uint32_t pool, std::uint32_t submitter, int cores, long memoryMb) = 0;
    /// The job left the queue for good (held, removed, spawn failure).
    virtual void jobLeft(std::uint32_t pool, std::uint32_t job) = 0;
    /// This pool's negotiator negotiated with the submitter; satisfied = every idle job it saw was matched.
    virtual void negotiationFinished(std::uint32_t pool, std::uint32_t submitter, bool satisfied, std::int64_t now) = 0;
};

/// A Simulator that is one pool of a federation.
struct FederationMember
{
    FlockingHooks* hooks = nullptr;
    std::uint32_t index = 0; ///< this pool's index in Scenario::federation
    std::vector<char> homeSubmitter; ///< per submitter: its schedd is this pool's
    const GroupTree* reportTree = nullptr; ///< the federation's groups, which the results are laid out by
    std::vector<std::string> domains; ///< per submitter: its home pool's name (the @domain of its User)
    const Workload* workload = nullptr; ///< the federation's jobs, shared by every pool (their scenarios hold none)
};

/// The discrete-event replay of a scenario: job arrivals, negotiation cycles every NEGOTIATOR_INTERVAL,
/// claims on partitionable slots (carved per job, leftovers claimed, reused until CLAIM_WORKLIFE runs out),
/// completions and periodic samples. Single-threaded and deterministic. One pool: a scenario of several pools
/// side by side runs through simulate(), which gives each of them a Simulator of its own.
class Simulator final : public MatchSink
{
public:
    explicit Simulator(
        const Scenario& scenario, SimulationOptions options = {}, const FederationMember* member = nullptr);
    ~Simulator() override;

    /// Runs to the end (the last job done, the horizon, or a stop request) and hands the result over: result()
    /// is empty afterwards (a week of a big pool's per-job outcomes is not copied).
    Result run();
    /// Advances the simulation up to `seconds` since its start; false once it has ended.
    bool runUntil(std::int64_t seconds);
    /// Asks a running simulation to stop at the next event; safe from another thread.
    void requestStop() { m_stop.store(true); }
    /// The result so far (complete after run() or once runUntil returned false).
    Result result() const;
    /// The result, moved out: for a caller done with this simulation (a federation merging its pools).
    Result takeResult() { return std::move(m_result); }
    /// The jobs running right now (on a live claim).
    std::vector<std::uint32_t> runningJobs() const;
    /// Machine samples (machines × samples) a run keeps at most.
    static constexpr std::int64_t machineSampleBudget = 4'000'000;
    /// Seconds from the start to the horizon, or to the end of the last job when there is none.
    std::int64_t plannedSpan() const { return m_span; }
    /// The workload second of the next event (never: INT64_MAX).
    std::int64_t nextEventTime() const;
    /// Federation: the simulation second of the start.
    std::int64_t startTime() const { return m_start; }
    /// Federation: a job of another pool's schedd becomes idle here (its submitter flocks here), or leaves.
    void offerIdle(std::uint32_t job);
    void withdrawIdle(std::uint32_t job);
    bool isIdleHere(std::uint32_t job) const { return m_queued[job] != 0; }
    /// Federation: a home job started in another pool (a notebook that did is no spawn failure).
    void noteStartedElsewhere(std::uint32_t job) { m_startedElsewhere[job] = 1; }
    const SubmitterQueue& queue(std::uint32_t submitter) const { return m_queues[submitter]; }
    /// Federation: idle jobs of this pool's own schedd.
    long homeIdleJobs() const { return m_idleJobs - m_foreignIdleJobs; }
    long runningJobCount() const { return m_runningJobs; }
    std::int64_t lastCompletion() const { return m_lastCompletion; }
    bool allArrived() const { return m_nextArrival >= m_workload.jobs.size(); }
    bool hasEnded() const { return m_done; }
    /// Federation: ends the run at this workload second (the federation decides when all is done).
    void finishAt(std::int64_t now);
    /// Jobs running at the end and the workload second each run started.
    std::vector<std::pair<std::uint32_t, std::int64_t>> runningSince() const;
    /// Called with the fraction of simulated time done, at most every 1 % of progress.
    std::function<void(double)> onProgress;

private:
    struct Completion
    {
        std::int64_t time;
        std::uint32_t claim;
        std::uint32_t job;
        std::uint16_t run; ///< the job's start count when pushed: an evicted run's completion is stale
        // What completing needs of the job, carried here so that a completion reads only the event and its claim,
        // not the job tables (megabytes, read at random).
        std::uint16_t cores = 0;
        std::uint32_t submitter = 0;
        bool operator>(const Completion& o) const { return time != o.time ? time > o.time : job > o.job; }
    };
    struct LowerJob
    {
        bool operator()(const Completion& a, const Completion& b) const { return a.job < b.job; }
    };

    void startMatched(
        std::uint32_t submitter, std::size_t autocluster, std::uint32_t machine, std::int64_t now) override;
    void startPreempting(
        std::uint32_t submitter, std::size_t autocluster, std::uint32_t claim, std::int64_t now) override;
    void startAfterPslotPreemption(std::uint32_t submitter, std::size_t autocluster, std::uint32_t machine,
        const std::vector<std::uint32_t>& claims, std::int64_t now) override;
    void startJob(std::uint32_t job, std::uint32_t claim, std::int64_t now);
    enum EvictionCause { Preemption, Drain, RuntimeLimit, causeCount };
    /// Ends the run on a claim early; its run so far is badput (§4.7). The job goes back to the queue, or
    /// leaves it with `fate` (held or removed).
    void evict(std::uint32_t claim, std::int64_t now, EvictionCause cause, JobFate fate = Queued);
    /// The time a runtime limit ends this run, or never; and what then happens to the job.
    std::int64_t runtimeLimit(std::uint32_t job, std::int64_t start, double retirement, JobFate* fate);
    /// A preempted job's retirement is over (its soft kill is due): it is evicted and the preempting claim starts.
    void retirementEnded(std::uint32_t claim, std::int64_t now);
    /// The claim's running job is gone: the preempting claim waiting for it activates with its job.
    void handOver(std::uint32_t claim, std::int64_t now);
    /// The claim ends: its cores go back to the p-slot (a preempting claim's job waiting for it is idle again).
    void releaseClaim(std::uint32_t claim, std::int64_t now);
    void applyRuntimeLimit(std::uint32_t claim, std::uint32_t job, std::int64_t now, JobFate fate);
    void complete(const Completion& c);
    /// A claim's job has left: the schedd reuses the claim for another of the submitter's jobs, or releases it.
    void claimFreed(std::uint32_t claim, std::int64_t now);
    /// Whether the submitter has an idle job for a claim on `machine` with these resources (its autocluster then).
    bool nextForClaim(std::uint32_t submitter, std::uint32_t machine, int cores, long memoryMb, std::int64_t now,
        std::size_t* autocluster);
    /// When the negotiator first sees a job submitted at `submit`: the schedd's next publication of its submitter ads.
    std::int64_t seenAt(double submit) const;
    void arrive(std::uint32_t job);
    void skipForeignArrivals();
    void enqueueIdle(std::uint32_t job);
    /// Takes an idle job out of its queue for good (spawn failure, removal, hold).
    void dropIdle(std::uint32_t job, JobFate fate);
    void notebookTimeout(std::uint32_t job);
    std::uint32_t dequeueIdle(std::uint32_t submitter, std::size_t autocluster);
    void negotiationCycle(std::int64_t now);
    void defragPoll(std::int64_t now);
    void startDrain(std::uint32_t machine, std::int64_t now);
    /// Evicts every job still on a draining machine; the machine is then whole and back in service.
    /// When the startd soft-kills this claim's job during a graceful drain (never before `now`).
    std::int64_t softKillTime(const Claim& claim, std::int64_t now) const;
    /// Evicts the draining machine's jobs whose soft kill is due (every job with `everyJob`) and releases its
    /// claims without a job; the drain ends when the machine is whole.
    void drainDue(std::uint32_t machine, std::int64_t now, bool everyJob);
    /// A draining machine whose last job left is whole: the drain ends (resume on completion).
    void endDrainIfWhole(std::uint32_t machine);
    void takeSample(std::int64_t now);
    void advanceClockTo(std::int64_t now);
    bool finished() const;
    void finish(std::int64_t now);
    void describeGroups();
    /// A snapshot's running jobs and accountant records, in place before the first event.
    void restoreSnapshotState();
    /// Per-group and per-size statistics from the job outcomes, at the end of the run.
    void summariseJobs(std::int64_t now);
    bool federated() const { return m_member != nullptr; }
    bool isHome(std::uint32_t job) const
    {
        return !m_member || m_member->homeSubmitter[m_workload.jobs[job].submitter];
    }
    void reportNegotiations(std::int64_t now);
    std::vector<GroupSample> federationGroupSample(const std::vector<GroupSample>& own) const;
    int smallestIdleCores() const;

    const Scenario& m_scenario;
    SimulationOptions m_options;
    const FederationMember* m_member;
    const Workload& m_workload; ///< the scenario's, or in a federation the one every pool shares
    GroupTree m_tree;
    PoolState m_pool;
    Accountant m_accountant;
    std::vector<SubmitterQueue> m_queues;
    std::vector<int> m_submitterGroup;
    StartdPolicy m_rank;
    // Results are laid out by this tree: the pool's own, or in a federation the federation's groups.
    const GroupTree* m_reportTree = nullptr;
    std::vector<int> m_reportGroup; // per submitter
    std::vector<int> m_poolGroupToReport; // this pool's group -> report group (-1: none of that name)
    std::vector<char> m_queued; // per job: idle in this pool's queue
    std::vector<char> m_startedElsewhere; // federation: per job, started in another pool
    long m_foreignIdleJobs = 0;
    std::unique_ptr<WaitExplainer> m_explainer; // null when SimulationOptions::explainWaits is off
    std::unique_ptr<Negotiator> m_negotiator;
    RadixQueue<Completion, LowerJob> m_completions; // same second: the lower job index first
    std::map<int, long> m_idleByCores; // cores -> idle jobs asking for that many
    struct DrainDeadline
    {
        std::int64_t time;
        std::uint32_t machine;
        std::uint64_t drain; // which drain of that machine; a cancelled or finished drain leaves a stale deadline
        bool operator>(const DrainDeadline& o) const { return time != o.time ? time > o.time : machine > o.machine; }
    };
    Defragmenter m_defrag;
    std::int64_t m_nextDefragPoll = 0;
    std::priority_queue<DrainDeadline, std::vector<DrainDeadline>, std::greater<>> m_drainDeadlines;
    std::vector<std::uint64_t> m_drainSerial; // per machine: the drain in progress, 0 = none
    std::uint64_t m_drains = 0;
    struct JobTimer
    {
        std::int64_t time;
        std::uint32_t job;
        bool operator>(const JobTimer& o) const { return time != o.time ? time > o.time : job > o.job; }
    };
    std::priority_queue<JobTimer, std::vector<JobTimer>, std::greater<>> m_notebookTimeouts;
    struct GroupEvictions
    {
        long runs[causeCount] = {};
        double badputCoreSeconds[causeCount] = {};
    };
    std::vector<GroupEvictions> m_groupEvictions; // by the evicted job's group
    struct LimitTimer
    {
        std::int64_t time;
        std::uint32_t claim;
        std::uint32_t job;
        std::uint16_t run;
        JobFate fate; ///< Queued: evicted and requeued; Held or Removed: leaves the queue
        bool operator>(const LimitTimer& o) const { return time != o.time ? time > o.time : job > o.job; }
    };
    std::priority_queue<LimitTimer, std::vector<LimitTimer>, std::greater<>> m_limitTimers;
    /// Soft kills of jobs retiring after early preemption (a stale run is skipped, as for completions).
    std::priority_queue<Completion, std::vector<Completion>, std::greater<>> m_retirementKills;
    classad::Expression m_periodicRemove; // SYSTEM_PERIODIC_REMOVE, null when unset
    classad::Expression m_periodicHold;
    classad::ClassAd m_jobAd; // refilled for each periodic evaluation

    Result m_result;
    std::int64_t m_start = 0;
    std::int64_t m_now = 0;
    std::int64_t m_end = 0; ///< horizon end (workload seconds)
    std::int64_t m_span = 0;
    std::int64_t m_nextCycle = 0;
    std::int64_t m_scheddPeriod = 0; // submitter ads published every this many seconds; 0 = new jobs seen at once
    std::int64_t m_scheddPhase = 0;
    std::int64_t m_nextSample = 0;
    std::size_t m_nextArrival = 0;
    long m_idleJobs = 0;
    long m_runningJobs = 0;
    double m_claimedCoreSeconds = 0;
    double m_deliveredCoreSeconds = 0;
    std::int64_t m_lastCompletion = 0;
    std::int64_t m_stallLimit = 0; ///< seconds without a completion after which a run is declared stuck
    std::vector<char> m_alreadyRunning; // jobs a snapshot starts running; they never arrive
    bool m_done = false;
    bool m_lastCycleMatched = true;
    double m_lastProgress = 0;
    std::atomic<bool> m_stop {false};
};

/// Simulates a scenario to its end: one pool, or several side by side (Scenario::federation, which must pass
/// federationProblem()). `onProgress` gets the fraction done; `stop`, when given, is polled to end early.
Result simulate(const Scenario& scenario, SimulationOptions options = {},
    const std::function<void(double)>& onProgress = {}, const std::atomic<bool>* stop = nullptr);

} // namespace pp
