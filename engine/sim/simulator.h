// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "policy/grouptree.h"
#include "sim/accountant.h"
#include "sim/defragmenter.h"
#include "sim/negotiator.h"
#include "sim/poolstate.h"
#include "sim/result.h"
#include "sim/scenario.h"
#include "sim/schedd.h"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <queue>
#include <vector>

namespace pp {

struct SimulationOptions
{
    std::int64_t sampleInterval = 0; ///< seconds between samples; 0 = chosen from the run's length
    bool recordCycles = false; ///< keep a CycleRecord per negotiation cycle that ran the matchmaker
    std::size_t maxCycleRecords = 200000;
};

/// The discrete-event replay of a scenario: job arrivals, negotiation cycles every NEGOTIATOR_INTERVAL,
/// claims on partitionable slots (carved per job, leftovers claimed, reused until CLAIM_WORKLIFE runs out),
/// completions and periodic samples. Single-threaded and deterministic.
class Simulator final : public MatchSink
{
public:
    explicit Simulator(const Scenario& scenario, SimulationOptions options = {});
    ~Simulator() override;

    /// Runs to the end (the last job done, the horizon, or a stop request) and returns the result.
    Result run();
    /// Advances the simulation up to `seconds` since its start; false once it has ended.
    bool runUntil(std::int64_t seconds);
    /// Asks a running simulation to stop at the next event; safe from another thread.
    void requestStop() { m_stop.store(true); }
    /// The result so far (complete after run() or once runUntil returned false).
    Result result() const;
    /// The jobs running right now (on a live claim).
    std::vector<std::uint32_t> runningJobs() const;
    /// Called with the fraction of simulated time done, at most every 1 % of progress.
    std::function<void(double)> onProgress;

private:
    struct Completion
    {
        std::int64_t time;
        std::uint32_t claim;
        std::uint32_t job;
        std::uint16_t run; ///< the job's start count when pushed: an evicted run's completion is stale
        bool operator>(const Completion& o) const { return time != o.time ? time > o.time : job > o.job; }
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
    std::int64_t runtimeLimit(std::uint32_t job, std::int64_t start, JobFate* fate);
    void applyRuntimeLimit(std::uint32_t claim, std::uint32_t job, std::int64_t now, JobFate fate);
    void complete(const Completion& c);
    /// A claim's job has left: the schedd reuses the claim for another of the submitter's jobs, or releases it.
    void claimFreed(std::uint32_t claim, std::int64_t now);
    void arrive(std::uint32_t job);
    void enqueueIdle(std::uint32_t job);
    /// Takes an idle job out of its queue for good (spawn failure, removal, hold).
    void dropIdle(std::uint32_t job, JobFate fate);
    void notebookTimeout(std::uint32_t job);
    std::uint32_t dequeueIdle(std::uint32_t submitter, std::size_t autocluster);
    void negotiationCycle(std::int64_t now);
    void defragPoll(std::int64_t now);
    void startDrain(std::uint32_t machine, std::int64_t now);
    /// Evicts every job still on a draining machine; the machine is then whole and back in service.
    void finishDrain(std::uint32_t machine, std::int64_t now);
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
    int smallestIdleCores() const;

    const Scenario& m_scenario;
    SimulationOptions m_options;
    GroupTree m_tree;
    PoolState m_pool;
    Accountant m_accountant;
    std::vector<SubmitterQueue> m_queues;
    std::vector<int> m_submitterGroup;
    StartdRank m_rank;
    std::unique_ptr<Negotiator> m_negotiator;
    std::priority_queue<Completion, std::vector<Completion>, std::greater<>> m_completions;
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
    classad::Expression m_periodicRemove; // SYSTEM_PERIODIC_REMOVE, null when unset
    classad::Expression m_periodicHold;
    classad::ClassAd m_jobAd; // refilled for each periodic evaluation

    Result m_result;
    std::int64_t m_start = 0;
    std::int64_t m_now = 0;
    std::int64_t m_end = 0; ///< horizon end (workload seconds)
    std::int64_t m_nextCycle = 0;
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

/// Convenience: simulate a scenario to its end.
Result simulate(const Scenario& scenario, SimulationOptions options = {});

} // namespace pp
