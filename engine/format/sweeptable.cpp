// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "format/sweeptable.h"

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
        std::vector<std::string> cells {row.name, row.label, human::level(row.utilization),
            human::quantity(row.coreHoursDelivered), human::quantity(static_cast<double>(row.jobsCompleted))};
        for (const auto& name : groups) {
            const auto g
                = std::find_if(row.groups.begin(), row.groups.end(), [&](const auto& f) { return f.name == name; });
            if (g == row.groups.end())
                cells.emplace_back("-");
            else
                cells.push_back(human::level(g->share) + (g->ownJobs ? " " + human::duration(g->waitP50) : ""));
        }
        table.addRow(std::move(cells));
    }
    return table.str()
        + "per experiment: its share of the core-hours delivered (sub-groups included) and the p50 "
          "wait of its own jobs\n";
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
        w.key("utilization").value(row.utilization, 6);
        w.key("core_hours_delivered").value(row.coreHoursDelivered, 3);
        w.key("jobs_total").value(row.jobsTotal);
        w.key("jobs_completed").value(row.jobsCompleted);
        w.key("groups").beginArray();
        for (const auto& g : row.groups) {
            w.beginObject();
            w.key("name").value(g.name);
            w.key("core_hours").value(g.coreHours, 3);
            w.key("share").value(g.share, 6);
            if (g.ownJobs) {
                w.key("wait_p50_s").value(g.waitP50, 0);
                w.key("wait_p95_s").value(g.waitP95, 0);
            }
            w.key("preemptions").value(g.preemptions);
            w.key("badput_core_hours").value(g.badputCoreHours, 3);
            w.key("jobs_completed").value(g.jobsCompleted);
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
