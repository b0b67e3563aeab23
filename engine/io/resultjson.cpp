// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/resultjson.h"

#include "util/json.h"

#include <algorithm>

namespace pp {

namespace {

// A figure, and beside it where it fell over an ensemble's runs (`core_hours_min`, `core_hours_max`, or _p5/_p95).
void figure(
    JsonWriter& w, const char* key, double value, int digits, const FigureSpread* spread, const EnsembleResult* e)
{
    w.key(key).value(value, digits);
    if (!spread)
        return;
    w.key(std::string(key) + "_" + e->lowName()).value(spread->low, digits);
    w.key(std::string(key) + "_" + e->highName()).value(spread->high, digits);
}

// Why the group's idle demand waited, per reason, and who or what stood behind the reasons (issue 15).
void writeWhyIdle(JsonWriter& w, const GroupSummary& g)
{
    w.key("why_idle").beginObject();
    for (std::size_t r = 0; r < waitReasonCount; ++r)
        w.key(waitReasonCode(static_cast<WaitReason>(r))).value(g.whyIdleCoreHours[r], 3);
    w.endObject();
    const WaitDetails& d = g.whyIdleDetails;
    w.key("why_idle_detail").beginObject();
    if (!d.capAncestor.empty())
        w.key("ancestor_cap").value(d.capAncestor);
    if (!d.shareSubmitter.empty())
        w.key("submitter_share").value(d.shareSubmitter);
    if (!d.earlierGroup.empty())
        w.key("group_order").value(d.earlierGroup);
    if (!d.claimHolder.empty())
        w.key("claimed_by_others").value(d.claimHolder);
    if (d.neededCores > 0) {
        w.key("no_fitting_slot").beginObject();
        w.key("cores").value(static_cast<long>(d.neededCores));
        w.key("largest_free_cores").value(static_cast<long>(d.largestFreeCores));
        if (!d.poolHeldBy.empty())
            w.key("pool_held_beyond_quota_by").value(d.poolHeldBy);
        w.endObject();
    }
    w.endObject();
}

void writeSummary(JsonWriter& w, const Result& r, bool includeWallTime, const EnsembleResult* ensemble = nullptr)
{
    const auto pool = [&](const char* key, double value, int digits) {
        figure(w, key, value, digits, ensemble ? ensemble->poolSpread(key) : nullptr, ensemble);
    };
    w.key("scenario").value(r.scenarioName);
    w.key("jobs_total").value(r.jobsTotal);
    pool("jobs_started", static_cast<double>(r.jobsStarted), 0);
    pool("jobs_completed", static_cast<double>(r.jobsCompleted), 0);
    pool("core_hours_delivered", r.coreHoursDelivered, 3);
    w.key("core_hours_demanded").value(r.coreHoursDemanded, 3);
    pool("claimed_core_hours", r.claimedCoreHours, 3);
    pool("utilization", r.utilization, 6);
    w.key("pool_cores").value(r.poolCores);
    w.key("simulated_seconds").value(static_cast<long long>(r.simulatedSeconds));
    if (includeWallTime)
        w.key("wall_seconds").value(r.wallSeconds, 3);
    pool("negotiation_cycles", static_cast<double>(r.negotiationCycles), 0);
    pool("matches", static_cast<double>(r.matches), 0);
    pool("claim_reuses", static_cast<double>(r.claimReuses), 0);
    pool("drains_started", static_cast<double>(r.drainsStarted), 0);
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
    for (std::size_t gi = 0; gi < r.groups.size(); ++gi) {
        const GroupSummary& g = r.groups[gi];
        const auto group = [&](const char* key, double value, int digits) {
            figure(w, key, value, digits, ensemble ? ensemble->groupSpread(gi, key) : nullptr, ensemble);
        };
        w.beginObject();
        w.key("name").value(g.name);
        w.key("parent").value(g.parent >= 0 ? r.groups[static_cast<std::size_t>(g.parent)].name : std::string());
        w.key("config_quota").value(g.configQuota, 6);
        w.key("static_quota").value(g.staticQuota);
        w.key("accept_surplus").value(g.acceptSurplus);
        group("quota", g.meanQuota, 3);
        group("core_hours", g.coreHours, 3);
        group("claimed_core_hours", g.claimedCoreHours, 3);
        w.key("jobs_total").value(g.jobsTotal);
        group("jobs_completed", static_cast<double>(g.jobsCompleted), 0);
        group("jobs_never_started", static_cast<double>(g.jobsNeverStarted), 0);
        group("wait_p50_s", g.waitP50, 0);
        group("wait_p95_s", g.waitP95, 0);
        group("wait_p99_s", g.waitP99, 0);
        group("preemptions", static_cast<double>(g.preemptions), 0);
        group("drain_evictions", static_cast<double>(g.drainEvictions), 0);
        group("badput_preemption_core_hours", g.preemptionBadputCoreHours, 3);
        group("badput_drain_core_hours", g.drainBadputCoreHours, 3);
        group("limit_evictions", static_cast<double>(g.limitEvictions), 0);
        group("badput_limit_core_hours", g.limitBadputCoreHours, 3);
        group("jobs_removed", static_cast<double>(g.jobsRemoved), 0);
        group("jobs_held", static_cast<double>(g.jobsHeld), 0);
        w.key("notebook_sessions").value(g.notebookSessions);
        group("notebook_failures", static_cast<double>(g.notebookFailures), 0);
        group("notebook_start_p50_s", g.notebookStartP50, 0);
        group("notebook_start_p95_s", g.notebookStartP95, 0);
        group("badput_core_hours", g.badputCoreHours, 3);
        writeWhyIdle(w, g);
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

std::string ensembleSummaryJson(const EnsembleResult& e, bool includeWallTime)
{
    JsonWriter w;
    w.beginObject();
    w.key("ensemble").beginObject();
    w.key("runs").value(e.runs);
    w.key("spread").value(e.percentiles ? "p5-p95" : "min-max");
    w.key("tie_seeds").beginArray();
    for (std::uint64_t seed : e.tieSeeds)
        w.value(static_cast<long long>(seed));
    w.endArray();
    w.endObject();
    writeSummary(w, e.median, includeWallTime, &e);
    w.endObject();
    return w.str();
}

namespace {

void writeFull(JsonWriter& w, const Result& r, const Workload& workload)
{
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
    w.key("why_idle_series").beginObject(); // sparse: sample index (its time is index × sample_interval_s)
    w.key("reasons").beginArray();
    for (std::size_t reason = 0; reason < waitReasonCount; ++reason)
        w.value(waitReasonCode(static_cast<WaitReason>(reason)));
    w.endArray();
    w.key("columns").beginArray().value("sample").value("group").value("reason").value("core_hours").endArray();
    w.key("rows").beginArray();
    for (std::size_t k = 0; k < r.whyIdleSeries.size(); ++k)
        for (const WaitSample& ws : r.whyIdleSeries[k])
            w.beginArray()
                .value(static_cast<long long>(k))
                .value(static_cast<long long>(ws.group))
                .value(static_cast<long long>(ws.reason))
                .value(ws.coreHours, 6)
                .endArray();
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
        for (const auto& g : c.groups) {
            w.beginArray()
                .value(g.quota, 3)
                .value(g.allocated, 3)
                .value(g.limit, 3)
                .value(g.usageBefore, 2)
                .value(g.usageAfter, 2)
                .value(static_cast<long long>(g.matches));
            w.beginObject(); // the idle cores it left waiting, by reason
            for (std::size_t reason = 0; reason < waitingReasonCount; ++reason)
                if (g.waitingCores[reason] > 0)
                    w.key(waitReasonCode(static_cast<WaitReason>(reason))).value(g.waitingCores[reason], 2);
            w.endObject().endArray();
        }
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
}

} // namespace

std::string resultFullJson(const Result& result, const Workload& workload)
{
    JsonWriter w(false);
    writeFull(w, result, workload);
    return w.str();
}

void writeResultFullJson(std::ostream& out, const Result& result, const Workload& workload)
{
    JsonWriter w(out);
    writeFull(w, result, workload);
    w.flush();
}

} // namespace pp
