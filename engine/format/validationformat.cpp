// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "format/validationformat.h"

#include "format/texttable.h"
#include "util/humanformat.h"
#include "util/json.h"
#include "util/text.h"

#include <cstdio>
#include <ctime>

namespace pp {

namespace {

std::string signedCores(double value)
{
    return (value >= 0.005 ? "+" : "") + text::fixed(value, 2);
}

std::string verdict(const Validation& v)
{
    const std::vector<std::string> outside = v.outside();
    const std::string margin = text::fixed(v.margin, 1);
    if (v.groups.empty())
        return "no group used any cores, really or in the replay: nothing to compare";
    if (outside.empty())
        return "consistent: every group's real mean lies inside the replay's range (within " + margin + " core)";
    std::string names;
    for (std::size_t i = 0; i < outside.size(); ++i)
        names += (i == 0 ? "" : i + 1 == outside.size() ? " and " : ", ") + outside[i];
    return std::to_string(v.groups.size() - outside.size()) + " of " + std::to_string(v.groups.size())
        + " groups lie inside the replay's range (within " + margin + " core); " + names
        + (outside.size() == 1 ? " does" : " do") + " not";
}

std::string jobsLine(const PoolHistory& h)
{
    const std::size_t jobs = h.workload.jobs.size();
    return std::to_string(jobs) + (jobs == 1 ? " job (" : " jobs (") + std::to_string(h.finished) + " finished, "
        + std::to_string(h.runningAtEnd) + " running and " + std::to_string(h.waitingAtEnd)
        + " waiting at the end, replayed as running past it)";
}

} // namespace

std::string utcTimeText(std::int64_t unixTime)
{
    const auto t = static_cast<std::time_t>(unixTime);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buffer;
}

std::string validationText(const Validation& v, const PoolHistory& history, long poolCores)
{
    std::string out = "validate: " + jobsLine(history) + "\n";
    out += "  period " + utcTimeText(v.from) + " to " + utcTimeText(v.to) + " ("
        + human::duration(double(v.to - v.from)) + ") on " + std::to_string(poolCores) + " cores; "
        + std::to_string(v.runs) + " runs with their own tie seeds, " + "cores in use sampled every "
        + human::duration(double(v.sampleInterval)) + "\n\n";
    const std::string spread = v.percentiles ? "p5-p95" : "min-max";
    TextTable table({"group", "real mean cores", "replay median", spread, "error", "inside", "samples inside"});
    for (const auto& g : v.groups)
        table.addRow({g.name, text::fixed(g.realMean, 2), text::fixed(g.simulatedMedian, 2),
            text::fixed(g.simulated.low, 2) + "-" + text::fixed(g.simulated.high, 2), signedCores(g.error()),
            g.inside ? "yes" : "no", human::percent(g.samplesInside)});
    out += table.str();
    out += "\nverdict: " + verdict(v) + "\n";
    if (history.jobsWithEveryRun > 0)
        out += "(real: the cores each group's jobs held; every run of " + std::to_string(history.jobsWithEveryRun)
            + " jobs from their event logs, with the slot's cores; the last run from its ad for the others)\n";
    else
        out += "(real: the cores each group's jobs held, from JobCurrentStartDate to CompletionDate or the end; only "
               "a job's last run is in its ad: give the event logs, --events, for every run)\n";
    return out;
}

std::string validationJson(const Validation& v, const PoolHistory& history, long poolCores)
{
    JsonWriter json;
    const std::string low = v.percentiles ? "_p5" : "_min";
    const std::string high = v.percentiles ? "_p95" : "_max";
    json.beginObject().key("validation").beginObject();
    json.key("from").value(static_cast<long long>(v.from));
    json.key("to").value(static_cast<long long>(v.to));
    json.key("pool_cores").value(poolCores);
    json.key("jobs").value(static_cast<long>(history.workload.jobs.size()));
    json.key("jobs_finished").value(history.finished);
    json.key("jobs_running_at_end").value(history.runningAtEnd);
    json.key("jobs_waiting_at_end").value(history.waitingAtEnd);
    json.key("jobs_with_every_run").value(history.jobsWithEveryRun);
    json.key("sample_interval_s").value(static_cast<long long>(v.sampleInterval));
    json.key("ensemble")
        .beginObject()
        .key("runs")
        .value(v.runs)
        .key("spread")
        .value(v.percentiles ? "p5-p95" : "min-max")
        .endObject();
    json.key("margin_cores").value(v.margin, 2);
    json.key("consistent").value(v.consistent());
    json.key("verdict").value(verdict(v));
    json.key("times_s").beginArray();
    for (auto t : v.times)
        json.value(static_cast<long long>(t));
    json.endArray();
    json.key("groups").beginArray();
    for (const auto& g : v.groups) {
        json.beginObject();
        json.key("name").value(g.name);
        json.key("real_mean_cores").value(g.realMean, 3);
        json.key("simulated_mean_cores").value(g.simulatedMedian, 3);
        json.key("simulated_mean_cores" + low).value(g.simulated.low, 3);
        json.key("simulated_mean_cores" + high).value(g.simulated.high, 3);
        json.key("error_cores").value(g.error(), 3);
        json.key("inside").value(g.inside);
        json.key("samples_inside").value(g.samplesInside, 3);
        json.key("real_cores").beginArray();
        for (double x : g.real)
            json.value(x, 2);
        json.endArray();
        json.key("simulated_cores" + low).beginArray();
        for (const auto& b : g.band)
            json.value(b.low, 2);
        json.endArray();
        json.key("simulated_cores" + high).beginArray();
        for (const auto& b : g.band)
            json.value(b.high, 2);
        json.endArray();
        json.endObject();
    }
    json.endArray();
    json.endObject().endObject();
    return json.str() + "\n";
}

} // namespace pp
