// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// The Simulator's ways of ending a run early: preemption, draining by condor_defrag, runtime limits.
#include "sim/simulator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pp {

void Simulator::evict(std::uint32_t claimIndex, std::int64_t now, EvictionCause cause, JobFate fate)
{
    Claim& claim = m_pool.claim(claimIndex);
    const auto job = static_cast<std::uint32_t>(claim.job);
    const Job& spec = m_workload.jobs[job];
    auto& evictions = m_groupEvictions[static_cast<std::size_t>(m_reportGroup[spec.submitter])];
    ++evictions.runs[cause];
    const double lostCoreSeconds = static_cast<double>(spec.cores) * static_cast<double>(now - claim.jobStartedAt);
    evictions.badputCoreSeconds[cause] += lostCoreSeconds;
    // The work lost is part of why the group's demand went unserved (a drain's is drain badput, not a wait).
    if (m_explainer && cause != Drain)
        m_explainer->lost(m_reportGroup[spec.submitter],
            cause == Preemption ? WaitReason::Preempted : WaitReason::RuntimeLimit, lostCoreSeconds, now);
    SubmitterQueue& queue = m_queues[spec.submitter];
    --queue.runningJobs;
    queue.runningCores -= spec.cores;
    --m_runningJobs;
    claim.job = -1;
    // Its pending completion is now stale (the run count moves on when it restarts). In a federation the job goes
    // back to its home schedd, which offers it again wherever its submitter flocks.
    if (fate == Queued && federated())
        m_member->hooks->jobRequeued(m_member->index, job, now);
    else if (fate == Queued)
        enqueueIdle(job);
    else {
        m_result.jobs[job].fate = fate;
        if (federated())
            m_member->hooks->jobLeft(m_member->index, job);
    }
}

void Simulator::startPreempting(
    std::uint32_t submitter, std::size_t autocluster, std::uint32_t claimIndex, std::int64_t now)
{
    Claim& retiring = m_pool.claim(claimIndex);
    // With early preemption the victim may be inside its retirement: the slot goes Claimed/Retiring, the job runs
    // on until it ends or its soft kill is due (§4.3, §10.13), and only then does the preempting claim start its
    // job. A federation's jobs are offered by several pools at once, so there the victim leaves at once.
    if (!federated() && (retiring.successor >= 0 || softKillTime(retiring, now) > now)) {
        if (retiring.successor >= 0) // a better preempter replaces the waiting one, whose job is idle again
            enqueueIdle(static_cast<std::uint32_t>(retiring.successor));
        else
            m_retirementKills.push({softKillTime(retiring, now), claimIndex, static_cast<std::uint32_t>(retiring.job),
                m_result.jobs[static_cast<std::size_t>(retiring.job)].starts});
        const std::uint32_t job = dequeueIdle(submitter, autocluster);
        retiring.successor = static_cast<std::int32_t>(job);
        retiring.successorSubmitter = submitter;
        retiring.successorRank = m_rank.enabled()
            ? static_cast<float>(m_rank.rank(m_workload.jobs[job], retiring.machine, m_workload.epoch + now))
            : 0.0F;
        ++m_result.matches;
        return;
    }
    evict(claimIndex, now, Preemption);
    // The claim passes to the new submitter and keeps its size: a 1-core job on a 4-core slot is charged 4 (§10.10).
    Claim& claim = m_pool.claim(claimIndex);
    m_accountant.changeUsage(claim.submitter, -static_cast<double>(claim.cores), now);
    claim.submitter = submitter;
    claim.claimedAt = now;
    m_accountant.changeUsage(submitter, claim.cores, now);
    ++m_result.matches;
    startJob(dequeueIdle(submitter, autocluster), claimIndex, now);
}

void Simulator::startAfterPslotPreemption(std::uint32_t submitter, std::size_t autocluster, std::uint32_t machine,
    const std::vector<std::uint32_t>& claims, std::int64_t now)
{
    for (std::uint32_t c : claims) {
        evict(c, now, Preemption);
        const Claim& claim = m_pool.claim(c);
        m_accountant.changeUsage(claim.submitter, -static_cast<double>(claim.cores), now);
        m_pool.release(c);
    }
    startMatched(submitter, autocluster, machine, now);
}

void Simulator::retirementEnded(std::uint32_t claimIndex, std::int64_t now)
{
    evict(claimIndex, now, Preemption);
    handOver(claimIndex, now);
}

void Simulator::handOver(std::uint32_t claimIndex, std::int64_t now)
{
    // The retired job is gone: the preempting claim activates with the job it was matched for, and from now on the
    // slot's ad (and so the accountant) names its submitter.
    Claim& claim = m_pool.claim(claimIndex);
    if (m_pool.isDraining(claim.machine)) { // a draining startd starts nothing: the slot is released instead
        releaseClaim(claimIndex, now);
        return;
    }
    const auto job = static_cast<std::uint32_t>(claim.successor);
    claim.successor = -1;
    m_accountant.changeUsage(claim.submitter, -static_cast<double>(claim.cores), now);
    claim.submitter = claim.successorSubmitter;
    claim.claimedAt = now;
    m_accountant.changeUsage(claim.submitter, claim.cores, now);
    startJob(job, claimIndex, now);
}

void Simulator::releaseClaim(std::uint32_t claimIndex, std::int64_t now)
{
    Claim& claim = m_pool.claim(claimIndex);
    if (claim.successor >= 0) // the preempting claim goes with the slot: its job is idle again
        enqueueIdle(static_cast<std::uint32_t>(claim.successor));
    const std::uint32_t machine = claim.machine;
    m_accountant.changeUsage(claim.submitter, -static_cast<double>(claim.cores), now);
    m_pool.release(claimIndex);
    endDrainIfWhole(machine);
}

std::int64_t Simulator::runtimeLimit(std::uint32_t job, std::int64_t start, double retirement, JobFate* fate)
{
    const Policy& policy = m_scenario.policy;
    const Job& spec = m_workload.jobs[job];
    const std::int64_t end = start + static_cast<std::int64_t>(spec.runtime);
    std::int64_t limitAt = never;
    // Startd policy metaknobs (§4.6): evict (requeue) or hold once the job has run for the limit.
    if (policy.runtimeLimitAction != Policy::RuntimeLimitAction::None) {
        auto at = start + static_cast<std::int64_t>(policy.runtimeLimitSeconds);
        // LIMIT_JOB_RUNTIMES PREEMPTs and the job retires: the startd soft-kills it so that it is gone when its
        // retirement ends, MachineMaxVacateTime before (§10.13), and it exits on the soft kill.
        if (policy.runtimeLimitAction == Policy::RuntimeLimitAction::Evict && policy.runtimeLimitRetires)
            at = std::max(at,
                start + static_cast<std::int64_t>(std::ceil(std::min(retirement - policy.machineMaxVacateTime, 4e18))));
        if (at < end) {
            limitAt = at;
            *fate = policy.runtimeLimitAction == Policy::RuntimeLimitAction::Hold ? Held : Queued;
        }
    }
    if (m_periodicRemove.isNull() && m_periodicHold.isNull())
        return limitAt;
    // SYSTEM_PERIODIC_REMOVE/HOLD are evaluated by the schedd every PERIODIC_EXPR_INTERVAL. Runtime policies
    // only become true as a run gets longer, so the first check that fires is found by bisection over the
    // checks this run will see (with an expression that is true from the start, the first check).
    const auto interval = std::max<std::int64_t>(1, static_cast<std::int64_t>(policy.periodicExprInterval));
    const std::int64_t first = start / interval + 1;
    const std::int64_t last = (std::min(end, limitAt) - 1) / interval;
    const std::string& user = m_workload.submitters[spec.submitter];
    const std::size_t dot = user.rfind('.');
    const auto fires = [&](const classad::Expression& e, std::int64_t check) {
        static const std::string jobStatus = "jobstatus", currentStart = "jobcurrentstartdate", qdate = "qdate",
                                 requestCpus = "requestcpus", requestMemory = "requestmemory",
                                 accounting = "accountinggroup", acctGroup = "acctgroup",
                                 acctGroupUser = "acctgroupuser", owner = "owner", universe = "jobuniverse",
                                 starts = "numjobstarts", entered = "enteredcurrentstatus";
        const std::int64_t epoch = m_workload.epoch;
        m_jobAd.setLower(jobStatus, classad::Value::integer(2));
        m_jobAd.setLower(currentStart, classad::Value::integer(epoch + start));
        m_jobAd.setLower(entered, classad::Value::integer(epoch + start));
        m_jobAd.setLower(qdate, classad::Value::integer(epoch + spec.submit));
        m_jobAd.setLower(requestCpus, classad::Value::integer(spec.cores));
        m_jobAd.setLower(requestMemory, classad::Value::integer(spec.memoryMb));
        m_jobAd.setLower(accounting, classad::Value::string(user));
        m_jobAd.setLower(acctGroup,
            dot == std::string::npos ? classad::Value::undefined() : classad::Value::string(user.substr(0, dot)));
        m_jobAd.setLower(acctGroupUser, classad::Value::string(dot == std::string::npos ? user : user.substr(dot + 1)));
        m_jobAd.setLower(owner, classad::Value::string(dot == std::string::npos ? user : user.substr(dot + 1)));
        m_jobAd.setLower(universe, classad::Value::integer(5));
        m_jobAd.setLower(starts, classad::Value::integer(m_result.jobs[job].starts));
        return classad::evaluate(e, classad::EvalContext {&m_jobAd, nullptr, epoch + check * interval}).isTrue();
    };
    for (const auto& [expression, action] :
        {std::pair {&m_periodicRemove, Removed}, std::pair {&m_periodicHold, Held}}) {
        if (expression->isNull() || first > last || !fires(*expression, last))
            continue;
        std::int64_t low = first;
        std::int64_t high = last; // fires at `high`
        while (low < high) {
            const std::int64_t mid = low + (high - low) / 2;
            if (fires(*expression, mid))
                high = mid;
            else
                low = mid + 1;
        }
        if (high * interval < limitAt) {
            limitAt = high * interval;
            *fate = action;
        }
    }
    return limitAt;
}

void Simulator::applyRuntimeLimit(std::uint32_t claimIndex, std::uint32_t job, std::int64_t now, JobFate fate)
{
    evict(claimIndex, now, RuntimeLimit, fate);
    if (fate == Queued && m_pool.claim(claimIndex).successor >= 0) // a preempting claim was waiting for the slot
        handOver(claimIndex, now);
    else if (fate == Queued) // the startd preempted the claim: it ends with the job
        releaseClaim(claimIndex, now);
    else // the schedd held or removed the job: its claim stays the schedd's to reuse
        claimFreed(claimIndex, now);
    (void)job;
}

void Simulator::endDrainIfWhole(std::uint32_t machine)
{
    if (m_pool.isDraining(machine) && m_pool.isWhole(machine)) {
        m_pool.setDraining(machine, false);
        m_drainSerial[machine] = 0;
    }
}

void Simulator::defragPoll(std::int64_t now)
{
    const auto decision = m_defrag.poll(m_pool, now, m_workload.epoch + now);
    for (std::uint32_t m : decision.cancel) {
        m_pool.setDraining(m, false);
        m_drainSerial[m] = 0;
    }
    for (std::uint32_t m : decision.drain)
        startDrain(m, now);
}

std::int64_t Simulator::softKillTime(const Claim& claim, std::int64_t now) const
{
    // The job must be gone when its retirement ends, and vacating may take MachineMaxVacateTime: the startd
    // soft-kills it that long before, at once when the vacate time is longer than the retirement left (§10.13).
    const double at = static_cast<double>(claim.jobStartedAt) + static_cast<double>(claim.retirement)
        - m_scenario.policy.machineMaxVacateTime;
    return std::max<std::int64_t>(now, static_cast<std::int64_t>(std::ceil(std::min(at, 4e18))));
}

void Simulator::startDrain(std::uint32_t machine, std::int64_t now)
{
    m_pool.setDraining(machine, true);
    m_drainSerial[machine] = ++m_drains;
    ++m_result.drainsStarted;
    // graceful: each job runs on until its soft kill and exits on it (as /bin/sleep and most batch jobs do), or
    // finishes first; quick and fast soft- or hard-kill every job at once (§5.3, §10.13).
    if (m_scenario.policy.defragSchedule == "graceful")
        for (const auto& c : m_pool.claims())
            if (c.live && c.job >= 0 && c.machine == machine)
                if (const std::int64_t at = softKillTime(c, now); at > now)
                    m_drainDeadlines.push({at, machine, m_drainSerial[machine]});
    drainDue(machine, now, m_scenario.policy.defragSchedule != "graceful");
}

void Simulator::drainDue(std::uint32_t machine, std::int64_t now, bool everyJob)
{
    for (std::uint32_t i = 0; i < m_pool.claims().size(); ++i) {
        const Claim& c = m_pool.claim(i);
        if (!c.live || c.machine != machine)
            continue;
        if (c.job >= 0) {
            if (!everyJob && softKillTime(c, now) > now)
                continue; // still retiring
            evict(i, now, Drain);
        }
        // A claim without a job has nothing to retire: the draining startd releases it.
        releaseClaim(i, now);
    }
    endDrainIfWhole(machine);
}

} // namespace pp
