// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/waitreason.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace pp {

/// What happened to one job.
struct JobOutcome
{
    std::int32_t firstStart = -1; ///< seconds since the simulation start; -1 = never started
    std::int32_t end = -1; ///< completion; -1 = not finished within the horizon
    std::uint16_t starts = 0;
    std::uint8_t fate = 0; ///< JobFate: how the job left the queue, when it did not simply complete
};

enum JobFate : std::uint8_t {
    Queued = 0, ///< idle, running or completed (see firstStart and end)
    SpawnFailed = 1, ///< a notebook not started within its start timeout: JupyterHub removed it
    Removed = 2, ///< removed by SYSTEM_PERIODIC_REMOVE
    Held = 3, ///< held by SYSTEM_PERIODIC_HOLD or HOLD_IF_RUNTIME_EXCEEDS
};

/// One sample of the pool over time (every Result::sampleInterval seconds).
struct PoolSample
{
    std::int64_t time = 0; ///< seconds since the simulation start
    float claimedCores = 0;
    float idleCores = 0;
    float idleJobs = 0; ///< jobs waiting
    float wholeMachines = 0;
    float drainingMachines = 0;
    float fragmentedCores = 0; ///< idle cores on machines with fewer than 8 free: no 8-core job fits there
    /// Kinds of idle job (autoclusters) whose oldest job has waited longer than two negotiation cycles: more
    /// than the wait for the next cycle, so idle cores such a job could use are cores the pool failed to use.
    float waitingLong = 0;
    float smallestWaitingLong = 0; ///< cores of the smallest of those requests; 0 = none
    /// Idle cores on machines (not draining) with at least idleCoreSteps[i] cores free: what a request of that
    /// many cores could use.
    std::array<float, 4> idleCoresFor {};
    static constexpr std::array<int, 4> idleCoreSteps {1, 2, 4, 8};
};

/// One machine at one sample: what its partitionable slot has handed out.
struct MachineSample
{
    std::uint16_t claimedCores = 0; ///< cores in dynamic slots
    std::uint16_t dynamicSlots = 0;
    bool draining = false;
};

/// One group at one sample: node-level values, as HTCondor's group records hold them.
struct GroupSample
{
    float usage = 0; ///< cores claimed by the group's own submitters
    float quota = 0; ///< computed quota (§2.4)
    float allocated = 0; ///< allocation with surplus, first round (§2.6)
    float demand = 0; ///< running + idle cores of its submitters
    float subtreeQuota = 0; ///< quota of the group's whole subtree (§2.4)
};

/// What one negotiation cycle decided for one group (docs/HTCONDOR.md §10: "limit 0.3 → 0").
struct GroupCycleRecord
{
    float quota = 0;
    float allocated = 0; ///< first allocation round
    float limit = -1; ///< the absolute limit passed to the pie in the last round it negotiated; -1 = skipped
    float usageBefore = 0;
    float usageAfter = 0;
    std::uint32_t matches = 0;
    std::array<float, waitReasonCount> waitingCores {}; ///< idle cores the cycle left, by reason (the waits)
};

struct CycleRecord
{
    std::int64_t time = 0;
    double poolSize = 0;
    int rounds = 0;
    std::uint32_t matches = 0;
    std::vector<GroupCycleRecord> groups; ///< indexed like Result::groups
};

/// Per-group totals over the run; rows follow the group tree (root `<none>` first, breadth-first).
struct GroupSummary
{
    std::string name;
    int parent = -1;
    double configQuota = 0;
    bool staticQuota = false;
    bool acceptSurplus = false;
    double meanQuota = 0; ///< computed quota averaged over the samples
    double coreHours = 0; ///< delivered to its own submitters' jobs
    /// Cores its own submitters' claims held over time, work later preempted, drained or cut by the horizon
    /// included (a 1-core job on a 4-core slot counts 4): what a real pool's accounting and condor_status show.
    double claimedCoreHours = 0;
    long jobsTotal = 0;
    long jobsCompleted = 0;
    long jobsNeverStarted = 0;
    double waitP50 = 0, waitP95 = 0, waitP99 = 0; ///< seconds from submit to first start, started jobs
    long preemptions = 0; ///< runs of its jobs evicted by priority preemption
    long drainEvictions = 0; ///< runs of its jobs evicted by draining
    long limitEvictions = 0; ///< runs ended by a runtime limit (evicted, held or removed)
    double badputCoreHours = 0; ///< core-hours of evicted runs, whatever evicted them
    double preemptionBadputCoreHours = 0, drainBadputCoreHours = 0, limitBadputCoreHours = 0; ///< badput by cause
    long jobsRemoved = 0;
    long jobsHeld = 0;
    long notebookSessions = 0; ///< notebook jobs submitted
    long notebookFailures = 0; ///< spawn failures: not running within the start timeout
    double notebookStartP50 = 0, notebookStartP95 = 0; ///< seconds from submit to a usable notebook
    /// Why its own submitters' idle cores waited after each cycle (core-hours until the next), and the work its
    /// jobs lost (runtime_limit, preempted): issue 15's explainer.
    WaitReasonHours whyIdleCoreHours {};
    WaitDetails whyIdleDetails;
};

/// Waits by job size over the whole pool (cores requested: 1, 2–4, 5–8, more).
struct SizeClassWaits
{
    std::string label;
    long jobs = 0; ///< started jobs in this class
    double waitP50 = 0, waitP95 = 0, waitP99 = 0;
};

struct SubmitterSummary
{
    std::string name;
    int group = 0;
    double coreHours = 0;
    double finalRealPriority = 0;
    double priorityFactor = 0;
    long jobsCompleted = 0;
};

/// Core-hours one group used of another's unused quota (docs/DESIGN.md "surplus flows").
struct SurplusFlow
{
    int from = 0; ///< lender, index into Result::groups
    int to = 0; ///< borrower
    double coreHours = 0;
};

/// Several pools side by side: what one pool's machines did for the submitters of one pool's schedd.
struct PoolExchange
{
    int home = 0; ///< index into Result::poolNames: whose schedd the jobs came from
    int execute = 0; ///< whose machines ran them
    double coreHours = 0;
    long preemptions = 0; ///< runs evicted there by preemption (a flocked job by the owner's RANK, …)
    double badputCoreHours = 0; ///< what those preemptions lost
};

/// The outcome of a simulation: summary, time series, per-job outcomes and (optionally) per-cycle records.
struct Result
{
    std::string scenarioName;
    long jobsTotal = 0;
    long jobsCompleted = 0;
    long jobsStarted = 0;
    double coreHoursDelivered = 0; ///< job cores × time run, all runs within the horizon
    double coreHoursDemanded = 0; ///< job cores × runtime of every job in the workload
    double claimedCoreHours = 0; ///< dynamic-slot cores × time claimed (a 1-core job on a 4-core slot counts 4)
    double utilization = 0; ///< claimed core-hours over capacity
    std::int64_t startTime = 0; ///< workload seconds of simulation second 0
    std::int64_t epoch = 0; ///< Unix time of workload second 0, when known
    std::int64_t simulatedSeconds = 0;
    double wallSeconds = 0;
    long poolCores = 0;
    double notebookStartupSeconds = 0; ///< NOTEBOOK_STARTUP_TIME: from a notebook job's start to a usable notebook
    long negotiationCycles = 0; ///< cycles that ran the matchmaker
    long matches = 0;
    long claimReuses = 0; ///< jobs started on an existing claim without a negotiator match
    long drainsStarted = 0; ///< drain commands condor_defrag sent
    bool stoppedEarly = false; ///< requestStop() was honoured
    std::vector<std::string> notes; ///< what the engine wants the user to know (stalled jobs, …)

    std::vector<GroupSummary> groups;
    std::vector<SizeClassWaits> waitsBySize;
    std::vector<SurplusFlow> flows; ///< largest first
    std::vector<SubmitterSummary> submitters;
    /// Several pools side by side (Scenario::federation): their names and who ran whose jobs; empty for one pool.
    std::vector<std::string> poolNames;
    std::vector<PoolExchange> exchanges;
    std::vector<long> poolMachineCount; ///< per pool: its machines (Result::machineSeries holds them all)
    /// Cores each owner (experiment) contributed, when machines have owners (MachineSpec::owner).
    std::vector<std::pair<std::string, long>> contributions;
    std::int64_t sampleInterval = 3600;
    std::vector<PoolSample> poolSeries;
    std::vector<std::vector<GroupSample>> groupSeries; ///< [sample][group]
    /// Machines are sampled every `machineSampleStride`-th pool sample, so that a big pool over a long run
    /// stays within a few million entries: machineSeries[k] is the pool at poolSeries[k * stride].
    std::int64_t machineSampleStride = 1;
    std::vector<std::vector<MachineSample>> machineSeries; ///< [machine sample][machine], Pool::machines order
    /// [sample]: the core-hours each group waited (or lost) for each reason since the previous sample; only
    /// nonzero entries, in group then reason order. The last sample also holds what came after it.
    std::vector<std::vector<WaitSample>> whyIdleSeries;
    std::vector<CycleRecord> cycles;
    std::vector<JobOutcome> jobs; ///< indexed like Workload::jobs
};

/// Each group's top-level ancestor, its experiment (the root stays the root, 0).
std::vector<int> topLevelGroups(const Result& result);

/// Nearest-rank percentile of a sample (p in 0..100); 0 for an empty sample. Reorders the sample in place
/// (no copy: a year of jobs is millions of values), so several percentiles can be taken in turn.
double percentile(std::vector<float>& values, double p);

/// p50, p95 and p99 of one sample (each as percentile() gives it), in about the time of one: a large sample by
/// radix selection, a small one each among the values the one before left above it. May reorder the sample.
struct WaitPercentiles
{
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
};
WaitPercentiles waitPercentiles(std::vector<float>& values);

} // namespace pp
