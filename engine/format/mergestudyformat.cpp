// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "format/mergestudyformat.h"

#include "format/texttable.h"
#include "util/humanformat.h"
#include "util/json.h"

namespace pp {

std::string mergeStudyTable(const MergeStudy& study)
{
    std::string out = "merge study: " + study.separateName + " (separate pools, flocking) against " + study.mergedName
        + " (one merged pool)\n\n";
    for (const auto& line : study.summary)
        out += "  " + line + "\n";
    out += "\n";
    TextTable table({"experiment", "contributed", "delivered sep.", "merged", "change", "preempt. sep.", "merged",
                        "badput sep.", "merged", "notebook start p95 sep.", "merged"},
        1);
    for (const auto& r : study.rows)
        table.addRow({r.experiment, human::quantity(r.separate.contributedCoreHours),
            human::quantity(r.separate.deliveredCoreHours), human::quantity(r.merged.deliveredCoreHours),
            human::relativeChange(r.separate.deliveredCoreHours, r.merged.deliveredCoreHours),
            human::quantity(static_cast<double>(r.separate.preemptions)),
            human::quantity(static_cast<double>(r.merged.preemptions)), human::quantity(r.separate.badputCoreHours),
            human::quantity(r.merged.badputCoreHours),
            r.separate.notebookSessions > 0 ? human::duration(r.separate.notebookStartP95) : "-",
            r.merged.notebookSessions > 0 ? human::duration(r.merged.notebookStartP95) : "-"});
    out += table.str() + "\n";
    TextTable waits({"experiment", "job size", "jobs", "wait p50 sep.", "merged", "wait p95 sep.", "merged"}, 2);
    for (const auto& r : study.rows)
        for (std::size_t c = 0; c < ExperimentOutcome::sizeClasses; ++c)
            if (r.separate.startedBySize[c] + r.merged.startedBySize[c] > 0)
                waits.addRow({r.experiment, jobSizeClasses[c].label,
                    human::quantity(static_cast<double>(r.merged.startedBySize[c])),
                    human::duration(r.separate.waitP50[c]), human::duration(r.merged.waitP50[c]),
                    human::duration(r.separate.waitP95[c]), human::duration(r.merged.waitP95[c])});
    out += waits.str() + "\n";
    TextTable sharing({"experiment", "borrowed sep.", "merged", "lent sep.", "merged"}, 1);
    for (const auto& r : study.rows)
        sharing.addRow(
            {r.experiment, human::quantity(r.separate.borrowedCoreHours), human::quantity(r.merged.borrowedCoreHours),
                human::quantity(r.separate.lentCoreHours), human::quantity(r.merged.lentCoreHours)});
    out += "core-hours beyond each experiment's own (separate: run in other pools by flocking; merged: other "
           "experiments' unused quota), and of its own used by others\n"
        + sharing.str();
    return out;
}

std::string mergeStudyJson(const MergeStudy& study)
{
    JsonWriter w;
    const auto writeOutcome = [&](const ExperimentOutcome& o) {
        w.beginObject();
        w.key("contributed_cores").value(o.contributedCores);
        w.key("contributed_core_hours").value(o.contributedCoreHours, 1);
        w.key("delivered_core_hours").value(o.deliveredCoreHours, 1);
        w.key("jobs").value(o.jobs);
        w.key("completed").value(o.completed);
        w.key("preemptions").value(o.preemptions);
        w.key("badput_core_hours").value(o.badputCoreHours, 1);
        w.key("borrowed_core_hours").value(o.borrowedCoreHours, 1);
        w.key("lent_core_hours").value(o.lentCoreHours, 1);
        w.key("notebook_sessions").value(o.notebookSessions);
        w.key("notebook_failures").value(o.notebookFailures);
        w.key("notebook_start_p50_s").value(o.notebookStartP50, 0);
        w.key("notebook_start_p95_s").value(o.notebookStartP95, 0);
        w.key("waits_by_size").beginArray();
        for (std::size_t c = 0; c < ExperimentOutcome::sizeClasses; ++c) {
            w.beginObject();
            w.key("size").value(jobSizeClasses[c].label);
            w.key("started").value(o.startedBySize[c]);
            w.key("wait_p50_s").value(o.waitP50[c], 0);
            w.key("wait_p95_s").value(o.waitP95[c], 0);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    };
    const auto writeSite = [&](const SiteOutcome& s) {
        w.beginObject();
        w.key("delivered_core_hours").value(s.deliveredCoreHours, 1);
        w.key("utilization").value(s.utilization, 4);
        w.key("idle_core_hours_while_waiting").value(s.idleCoreHoursWhileWaiting, 1);
        w.key("mean_whole_machines").value(s.meanWholeMachines, 2);
        w.key("preemptions").value(s.preemptions);
        w.key("badput_core_hours").value(s.badputCoreHours, 1);
        w.endObject();
    };
    w.beginObject();
    w.key("separate").value(study.separateName);
    w.key("merged").value(study.mergedName);
    w.key("experiments").beginArray();
    for (const auto& r : study.rows) {
        w.beginObject();
        w.key("name").value(r.experiment);
        w.key("separate");
        writeOutcome(r.separate);
        w.key("merged");
        writeOutcome(r.merged);
        w.endObject();
    }
    w.endArray();
    w.key("site").beginObject();
    w.key("separate");
    writeSite(study.separate);
    w.key("merged");
    writeSite(study.merged);
    w.endObject();
    w.key("summary").beginArray();
    for (const auto& line : study.summary)
        w.value(line);
    w.endArray();
    w.endObject();
    return w.str() + "\n";
}

} // namespace pp
