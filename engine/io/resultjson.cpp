// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/resultjson.h"

#include "util/json.h"

#include <algorithm>

namespace pp {

namespace {

void writeSummary(JsonWriter& w, const Result& r, bool includeWallTime)
{
    w.key("scenario").value(r.scenarioName);
    w.key("jobs_total").value(r.jobsTotal);
    w.key("jobs_started").value(r.jobsStarted);
    w.key("jobs_completed").value(r.jobsCompleted);
    w.key("core_hours_delivered").value(r.coreHoursDelivered, 3);
    w.key("core_hours_demanded").value(r.coreHoursDemanded, 3);
    w.key("claimed_core_hours").value(r.claimedCoreHours, 3);
    w.key("utilization").value(r.utilization, 6);
    w.key("pool_cores").value(r.poolCores);
    w.key("simulated_seconds").value(static_cast<long long>(r.simulatedSeconds));
    if (includeWallTime)
        w.key("wall_seconds").value(r.wallSeconds, 3);
    w.key("negotiation_cycles").value(r.negotiationCycles);
    w.key("matches").value(r.matches);
    w.key("claim_reuses").value(r.claimReuses);
    w.key("drains_started").value(r.drainsStarted);
    w.key("stopped_early").value(r.stoppedEarly);
    w.key("notes").beginArray();
    for (const auto& n : r.notes)
        w.value(n);
    w.endArray();
    w.key("surplus_flows").beginArray();
    for (const auto& f : r.flows) {
        if (f.from < 0 || f.to < 0 || static_cast<std::size_t>(std::max(f.from, f.to)) >= r.groups.size())
            continue; // not a group of this result
        w.beginObject();
        w.key("from").value(r.groups[static_cast<std::size_t>(f.from)].name);
        w.key("to").value(r.groups[static_cast<std::size_t>(f.to)].name);
        w.key("core_hours").value(f.coreHours, 1);
        w.endObject();
    }
    w.endArray();
    w.key("contributions").beginArray(); // cores per machine owner
    for (const auto& [owner, cores] : r.contributions)
        w.beginObject().key("owner").value(owner).key("cores").value(cores).endObject();
    w.endArray();
    if (!r.poolNames.empty()) { // several pools side by side: who ran whose jobs
        w.key("pools").beginArray();
        for (std::size_t p = 0; p < r.poolNames.size(); ++p) {
            w.beginObject().key("name").value(r.poolNames[p]);
            w.key("machines").value(p < r.poolMachineCount.size() ? r.poolMachineCount[p] : 0L).endObject();
        }
        w.endArray();
        w.key("exchanges").beginArray();
        for (const auto& e : r.exchanges) {
            w.beginObject();
            w.key("home").value(r.poolNames[static_cast<std::size_t>(e.home)]);
            w.key("execute").value(r.poolNames[static_cast<std::size_t>(e.execute)]);
            w.key("core_hours").value(e.coreHours, 1);
            w.key("preemptions").value(e.preemptions);
            w.key("badput_core_hours").value(e.badputCoreHours, 1);
            w.endObject();
        }
        w.endArray();
    }
    w.key("waits_by_size").beginArray();
    for (const auto& c : r.waitsBySize) {
        w.beginObject();
        w.key("size").value(c.label);
        w.key("jobs_started").value(c.jobs);
        w.key("wait_p50_s").value(c.waitP50, 0);
        w.key("wait_p95_s").value(c.waitP95, 0);
        w.key("wait_p99_s").value(c.waitP99, 0);
        w.endObject();
    }
    w.endArray();
    w.key("groups").beginArray();
    for (const auto& g : r.groups) {
        w.beginObject();
        w.key("name").value(g.name);
        w.key("parent").value(g.parent >= 0 ? r.groups[static_cast<std::size_t>(g.parent)].name : std::string());
        w.key("config_quota").value(g.configQuota, 6);
        w.key("static_quota").value(g.staticQuota);
        w.key("accept_surplus").value(g.acceptSurplus);
        w.key("quota").value(g.meanQuota, 3);
        w.key("core_hours").value(g.coreHours, 3);
        w.key("claimed_core_hours").value(g.claimedCoreHours, 3);
        w.key("jobs_total").value(g.jobsTotal);
        w.key("jobs_completed").value(g.jobsCompleted);
        w.key("jobs_never_started").value(g.jobsNeverStarted);
        w.key("wait_p50_s").value(g.waitP50, 0);
        w.key("wait_p95_s").value(g.waitP95, 0);
        w.key("wait_p99_s").value(g.waitP99, 0);
        w.key("preemptions").value(g.preemptions);
        w.key("drain_evictions").value(g.drainEvictions);
        w.key("badput_preemption_core_hours").value(g.preemptionBadputCoreHours, 3);
        w.key("badput_drain_core_hours").value(g.drainBadputCoreHours, 3);
        w.key("limit_evictions").value(g.limitEvictions);
        w.key("badput_limit_core_hours").value(g.limitBadputCoreHours, 3);
        w.key("jobs_removed").value(g.jobsRemoved);
        w.key("jobs_held").value(g.jobsHeld);
        w.key("notebook_sessions").value(g.notebookSessions);
        w.key("notebook_failures").value(g.notebookFailures);
        w.key("notebook_start_p50_s").value(g.notebookStartP50, 0);
        w.key("notebook_start_p95_s").value(g.notebookStartP95, 0);
        w.key("badput_core_hours").value(g.badputCoreHours, 3);
        w.endObject();
    }
    w.endArray();
}

} // namespace

std::string resultSummaryJson(const Result& result, bool includeWallTime)
{
    JsonWriter w;
    w.beginObject();
    writeSummary(w, result, includeWallTime);
    w.endObject();
    return w.str();
}

std::string resultFullJson(const Result& r, const Workload& workload)
{
    JsonWriter w(false);
    w.beginObject();
    w.key("format").value("poolplanner-result");
    w.key("version").value(1);
    writeSummary(w, r, true);
    w.key("start_time").value(static_cast<long long>(r.startTime));
    w.key("epoch").value(static_cast<long long>(r.epoch));
    w.key("sample_interval_s").value(static_cast<long long>(r.sampleInterval));
    w.key("submitters").beginArray();
    for (const auto& s : r.submitters) {
        w.beginObject();
        w.key("name").value(s.name);
        w.key("group").value(r.groups[static_cast<std::size_t>(s.group)].name);
        w.key("core_hours").value(s.coreHours, 3);
        w.key("jobs_completed").value(s.jobsCompleted);
        w.key("real_priority").value(s.finalRealPriority, 3);
        w.key("priority_factor").value(s.priorityFactor, 3);
        w.endObject();
    }
    w.endArray();
    w.key("pool_series").beginObject();
    w.key("columns")
        .beginArray()
        .value("time_s")
        .value("claimed_cores")
        .value("idle_cores")
        .value("idle_jobs")
        .value("whole_machines")
        .value("draining_machines")
        .value("fragmented_cores")
        .value("waiting_long")
        .value("smallest_waiting_long")
        .value("idle_cores_for_1")
        .value("idle_cores_for_2")
        .value("idle_cores_for_4")
        .value("idle_cores_for_8")
        .endArray();
    w.key("rows").beginArray();
    for (const auto& p : r.poolSeries)
        w.beginArray()
            .value(static_cast<long long>(p.time))
            .value(p.claimedCores, 0)
            .value(p.idleCores, 0)
            .value(p.idleJobs, 0)
            .value(p.wholeMachines, 0)
            .value(p.drainingMachines, 0)
            .value(p.fragmentedCores, 0)
            .value(p.waitingLong, 0)
            .value(p.smallestWaitingLong, 0)
            .value(p.idleCoresFor[0], 0)
            .value(p.idleCoresFor[1], 0)
            .value(p.idleCoresFor[2], 0)
            .value(p.idleCoresFor[3], 0)
            .endArray();
    w.endArray();
    w.endObject();
    w.key("group_series").beginObject();
    w.key("columns").beginArray().value("usage").value("quota").value("allocated").value("demand").endArray();
    w.key("rows").beginArray();
    for (const auto& sample : r.groupSeries) {
        w.beginArray();
        for (const auto& g : sample)
            w.beginArray().value(g.usage, 2).value(g.quota, 3).value(g.allocated, 3).value(g.demand, 2).endArray();
        w.endArray();
    }
    w.endArray();
    w.endObject();
    w.key("cycles").beginArray();
    for (const auto& c : r.cycles) {
        w.beginObject();
        w.key("time_s").value(static_cast<long long>(c.time));
        w.key("pool_size").value(c.poolSize, 3);
        w.key("rounds").value(c.rounds);
        w.key("matches").value(static_cast<long long>(c.matches));
        w.key("groups").beginArray();
        for (const auto& g : c.groups)
            w.beginArray()
                .value(g.quota, 3)
                .value(g.allocated, 3)
                .value(g.limit, 3)
                .value(g.usageBefore, 2)
                .value(g.usageAfter, 2)
                .value(static_cast<long long>(g.matches))
                .endArray();
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("jobs").beginObject();
    w.key("columns")
        .beginArray()
        .value("submit_s")
        .value("first_start_s")
        .value("end_s")
        .value("cores")
        .value("submitter")
        .endArray();
    w.key("rows").beginArray();
    for (std::size_t j = 0; j < r.jobs.size() && j < workload.jobs.size(); ++j) {
        const auto& spec = workload.jobs[j];
        w.beginArray()
            .value(static_cast<long long>(spec.submit) - r.startTime)
            .value(static_cast<long long>(r.jobs[j].firstStart))
            .value(static_cast<long long>(r.jobs[j].end))
            .value(static_cast<long long>(spec.cores))
            .value(static_cast<long long>(spec.submitter))
            .endArray();
    }
    w.endArray();
    w.endObject();
    w.endObject();
    return w.str();
}

} // namespace pp
