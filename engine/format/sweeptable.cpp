// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "format/sweeptable.h"

#include "analysis/ensemble.h"
#include "format/texttable.h"
#include "util/humanformat.h"
#include "util/json.h"

#include <algorithm>

namespace pp {

SweepRow sweepRow(const std::string& name, const Result& result)
{
    SweepRow row;
    row.name = name;
    row.label = result.scenarioName;
    row.utilization = result.utilization;
    row.coreHoursDelivered = result.coreHoursDelivered;
    row.jobsTotal = result.jobsTotal;
    row.jobsCompleted = result.jobsCompleted;
    for (auto& f : groupFigures(result))
        if (f.depth == 1 || (f.depth == 0 && f.jobsTotal > 0))
            row.groups.push_back(std::move(f));
    return row;
}

SweepRow sweepRow(const std::string& name, const std::vector<Result>& runs)
{
    if (runs.size() <= 1) {
        SweepRow empty;
        empty.name = name;
        return runs.empty() ? empty : sweepRow(name, runs.front());
    }
    std::vector<SweepRow> each;
    each.reserve(runs.size());
    for (const auto& r : runs)
        each.push_back(sweepRow(name, r));
    SweepRow row = each.front();
    row.runs = static_cast<int>(runs.size());
    row.percentiles = row.runs >= percentileSpreadRuns;
    std::vector<double> values(each.size());
    // The median into `target` and the spread under `key`, of one figure read from every run's row.
    const auto summarise = [&](auto read, auto& target, std::map<std::string, FigureSpread>& spreads, const char* key) {
        for (std::size_t k = 0; k < each.size(); ++k)
            values[k] = read(each[k]);
        double median = 0;
        spreads[key] = spreadOf(values, &median);
        target = static_cast<std::remove_reference_t<decltype(target)>>(median);
    };
    summarise([](const SweepRow& r) { return r.utilization; }, row.utilization, row.spreads, "utilization");
    summarise([](const SweepRow& r) { return r.coreHoursDelivered; }, row.coreHoursDelivered, row.spreads,
        "core_hours_delivered");
    summarise([](const SweepRow& r) { return static_cast<double>(r.jobsCompleted); }, row.jobsCompleted, row.spreads,
        "jobs_completed");
    // The runs share the scenario, so their groups are the same, in the same order.
    row.groupSpreads.resize(row.groups.size());
    for (std::size_t g = 0; g < row.groups.size(); ++g) {
        auto& spreads = row.groupSpreads[g];
        GroupFigures& f = row.groups[g];
        const auto at = [g](const SweepRow& r) -> const GroupFigures& { return r.groups.at(g); };
        summarise([&](const SweepRow& r) { return at(r).coreHours; }, f.coreHours, spreads, "core_hours");
        summarise([&](const SweepRow& r) { return at(r).share; }, f.share, spreads, "share");
        summarise([&](const SweepRow& r) { return at(r).waitP50; }, f.waitP50, spreads, "wait_p50_s");
        summarise([&](const SweepRow& r) { return at(r).waitP95; }, f.waitP95, spreads, "wait_p95_s");
        summarise([&](const SweepRow& r) { return static_cast<double>(at(r).preemptions); }, f.preemptions, spreads,
            "preemptions");
        summarise(
            [&](const SweepRow& r) { return at(r).badputCoreHours; }, f.badputCoreHours, spreads, "badput_core_hours");
        summarise([&](const SweepRow& r) { return static_cast<double>(at(r).jobsCompleted); }, f.jobsCompleted, spreads,
            "jobs_completed");
    }
    return row;
}

namespace {

// "41%", or "41% (40-42%)" when an ensemble's runs differ as shown.
std::string withSpread(const std::string& median, const FigureSpread* spread, std::string (*format)(double))
{
    if (!spread)
        return median;
    const std::string low = format(spread->low);
    const std::string high = format(spread->high);
    return low == high ? median : median + " (" + low + "-" + high + ")"; // a spread below the shown precision is none
}

const FigureSpread* spreadIn(const std::map<std::string, FigureSpread>& spreads, const char* key)
{
    const auto it = spreads.find(key);
    return it == spreads.end() ? nullptr : &it->second;
}

} // namespace

std::string sweepTableText(const std::vector<SweepRow>& rows)
{
    // Experiments in the order they first appear: variants may add or drop a group.
    std::vector<std::string> groups;
    for (const auto& row : rows)
        for (const auto& g : row.groups)
            if (std::find(groups.begin(), groups.end(), g.name) == groups.end())
                groups.push_back(g.name);
    std::vector<std::string> header {"variant", "changes", "utilization", "core-hours", "jobs done"};
    header.insert(header.end(), groups.begin(), groups.end());
    TextTable table(header, 2);
    for (const auto& row : rows) {
        std::vector<std::string> cells {row.name, row.label,
            withSpread(human::level(row.utilization), spreadIn(row.spreads, "utilization"), human::level),
            human::quantity(row.coreHoursDelivered), human::quantity(static_cast<double>(row.jobsCompleted))};
        for (const auto& name : groups) {
            const auto g
                = std::find_if(row.groups.begin(), row.groups.end(), [&](const auto& f) { return f.name == name; });
            if (g == row.groups.end()) {
                cells.emplace_back("-");
                continue;
            }
            const auto index = static_cast<std::size_t>(g - row.groups.begin());
            const std::map<std::string, FigureSpread> none;
            const auto& spreads = index < row.groupSpreads.size() ? row.groupSpreads[index] : none;
            cells.push_back(withSpread(human::level(g->share), spreadIn(spreads, "share"), human::level)
                + (g->ownJobs ? " "
                            + withSpread(human::duration(g->waitP50), spreadIn(spreads, "wait_p50_s"), human::duration)
                              : ""));
        }
        table.addRow(std::move(cells));
    }
    std::string note = "per experiment: its share of the core-hours delivered (sub-groups included) and the p50 "
                       "wait of its own jobs";
    if (!rows.empty() && rows.front().runs > 1)
        note += "; each the median of " + std::to_string(rows.front().runs)
            + " runs with their own tie seeds, with the " + (rows.front().percentiles ? "p5-p95" : "min-max")
            + " in brackets where the runs differ";
    return table.str() + note + "\n";
}

std::string sweepTableJson(
    const std::vector<SweepRow>& rows, const std::vector<std::pair<std::string, Diagnostic>>& failed)
{
    JsonWriter w;
    w.beginObject();
    w.key("variants").beginArray();
    for (const auto& row : rows) {
        w.beginObject();
        w.key("name").value(row.name);
        w.key("scenario").value(row.label);
        if (!row.settings.empty()) {
            w.key("settings").beginObject();
            for (const auto& [key, value] : row.settings)
                w.key(key).value(value);
            w.endObject();
        }
        const std::string low = row.percentiles ? "_p5" : "_min";
        const std::string high = row.percentiles ? "_p95" : "_max";
        // A figure, and beside it its spread when the row is an ensemble's.
        const auto figure = [&](const std::map<std::string, FigureSpread>& spreads, const std::string& key,
                                double value, int decimals) {
            w.key(key).value(value, decimals);
            if (const auto it = spreads.find(key); it != spreads.end()) {
                w.key(key + low).value(it->second.low, decimals);
                w.key(key + high).value(it->second.high, decimals);
            }
        };
        if (row.runs > 1) {
            w.key("ensemble").beginObject();
            w.key("runs").value(row.runs);
            w.key("spread").value(row.percentiles ? "p5-p95" : "min-max");
            w.endObject();
        }
        figure(row.spreads, "utilization", row.utilization, 6);
        figure(row.spreads, "core_hours_delivered", row.coreHoursDelivered, 3);
        w.key("jobs_total").value(row.jobsTotal);
        figure(row.spreads, "jobs_completed", static_cast<double>(row.jobsCompleted), 0);
        w.key("groups").beginArray();
        for (std::size_t i = 0; i < row.groups.size(); ++i) {
            const GroupFigures& g = row.groups[i];
            const std::map<std::string, FigureSpread> none;
            const auto& spreads = i < row.groupSpreads.size() ? row.groupSpreads[i] : none;
            w.beginObject();
            w.key("name").value(g.name);
            figure(spreads, "core_hours", g.coreHours, 3);
            figure(spreads, "share", g.share, 6);
            if (g.ownJobs) {
                figure(spreads, "wait_p50_s", g.waitP50, 0);
                figure(spreads, "wait_p95_s", g.waitP95, 0);
            }
            figure(spreads, "preemptions", static_cast<double>(g.preemptions), 0);
            figure(spreads, "badput_core_hours", g.badputCoreHours, 3);
            figure(spreads, "jobs_completed", static_cast<double>(g.jobsCompleted), 0);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("failed").beginArray();
    for (const auto& [name, error] : failed) {
        w.beginObject();
        w.key("name").value(name);
        w.key("error").value(error.message());
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.str();
}

} // namespace pp
