// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "format/comparisonformat.h"

#include "analysis/ensemble.h"
#include "format/texttable.h"
#include "util/humanformat.h"
#include "util/json.h"

#include <algorithm>

namespace pp {

namespace {

const char* verdictName(MetricDelta::Verdict v)
{
    switch (v) {
    case MetricDelta::Verdict::Better:
        return "better";
    case MetricDelta::Verdict::Worse:
        return "worse";
    case MetricDelta::Verdict::Same:
        return "same";
    }
    return "same";
}

void writeMetric(JsonWriter& w, const MetricDelta& m, bool percentiles)
{
    w.key(m.key).beginObject();
    w.key("base").value(m.base, 6);
    w.key("proposal").value(m.proposal, 6);
    w.key("delta").value(m.delta, 6);
    w.key("relative");
    if (m.relative)
        w.value(*m.relative, 6);
    else
        w.null();
    w.key("better").value(m.better == MetricDelta::Better::Higher ? "higher" : "lower");
    w.key("verdict").value(m.withinNoise ? "within noise" : verdictName(m.verdict));
    const std::string low = percentiles ? "_p5" : "_min";
    const std::string high = percentiles ? "_p95" : "_max";
    for (const auto& [side, spread] : {std::pair {"base", &m.baseSpread}, std::pair {"proposal", &m.proposalSpread}})
        if (*spread) {
            w.key(side + low).value((*spread)->low, 6);
            w.key(side + high).value((*spread)->high, 6);
        }
    w.endObject();
}

std::string relativeText(const MetricDelta& m)
{
    if (!m.relative)
        return m.delta == 0 ? "0 %" : "new";
    const std::string size = human::percent(*m.relative);
    return (size == "0 %" ? size : std::string(*m.relative < 0 ? "-" : "+") + size) + (m.withinNoise ? " ~" : "");
}

/// Groups depth-first (each parent followed by its sub-groups), as the group tree shows them.
std::vector<const GroupComparison*> treeOrder(const Comparison& c)
{
    std::vector<const GroupComparison*> out;
    std::vector<bool> placed(c.groups.size(), false);
    const auto visit = [&](const auto& self, const std::string& parent) -> void {
        for (std::size_t i = 0; i < c.groups.size(); ++i)
            if (!placed[i] && c.groups[i].parent == parent) {
                placed[i] = true;
                out.push_back(&c.groups[i]);
                self(self, c.groups[i].name);
            }
    };
    visit(visit, std::string());
    for (std::size_t i = 0; i < c.groups.size(); ++i)
        if (!placed[i]) // a parent missing on this side: still shown
            out.push_back(&c.groups[i]);
    return out;
}

std::string fromTo(const std::string& a, const std::string& b, bool withinNoise = false)
{
    return a == b ? a : a + " → " + b + (withinNoise ? " ~" : "");
}

} // namespace

std::string comparisonJson(const Comparison& c)
{
    JsonWriter w;
    w.beginObject();
    w.key("base").value(c.baseName);
    w.key("proposal").value(c.proposalName);
    w.key("threshold").value(c.threshold, 6);
    const bool percentiles = c.runs >= percentileSpreadRuns;
    if (c.runs > 1) // medians over each side's runs, with their spread beside
        w.key("ensemble")
            .beginObject()
            .key("runs")
            .value(c.runs)
            .key("spread")
            .value(percentiles ? "p5-p95" : "min-max")
            .endObject();
    w.key("pool").beginObject();
    for (const auto& m : c.pool)
        writeMetric(w, m, percentiles);
    w.endObject();
    w.key("groups").beginArray();
    for (const auto& g : c.groups) {
        w.beginObject();
        w.key("name").value(g.name);
        w.key("in_base").value(g.inBase);
        w.key("in_proposal").value(g.inProposal);
        w.key("metrics").beginObject();
        for (const auto& m : g.metrics)
            writeMetric(w, m, percentiles);
        w.endObject();
        w.endObject();
    }
    w.endArray();
    w.key("summary").beginArray();
    for (const auto& s : c.summary)
        w.value(s);
    w.endArray();
    w.endObject();
    return w.str();
}

std::string comparisonTable(const Comparison& c)
{
    std::string out = "base: " + c.baseName + "\nproposal: " + c.proposalName + "\n";
    if (c.runs > 1)
        out += "each figure the median of " + std::to_string(c.runs) + " runs (tie seeds drawn anew); a change inside "
            + "the runs' " + (c.runs >= percentileSpreadRuns ? "p5–p95" : "min–max") + " spread is marked ~\n";
    out += "\n";
    TextTable pool({"pool", "base", "proposal", "change"});
    for (const auto& m : c.pool) {
        if (m.key == "utilization")
            pool.addRow({m.label, human::level(m.base), human::level(m.proposal), human::points(m.delta)});
        else
            pool.addRow({m.label, human::quantity(m.base), human::quantity(m.proposal), relativeText(m)});
    }
    out += pool.str() + "\n";

    TextTable groups(
        {"group", "core-hours", "change", "share", "wait p50", "wait p95", "preemptions", "badput c-h", "jobs done"});
    bool notebooks = false;
    for (const GroupComparison* gp : treeOrder(c)) {
        const GroupComparison& g = *gp;
        const auto m = [&](const char* key) { return *g.metric(key); };
        const auto jobs = m("jobs_completed");
        if (g.name == "<none>" && jobs.base == 0 && jobs.proposal == 0 && m("core_hours").base == 0
            && m("core_hours").proposal == 0)
            continue; // no job without a group on either side
        std::string name = std::string(static_cast<std::size_t>(std::max(0, g.depth - 1)) * 2, ' ') + g.name;
        if (!g.inBase)
            name += " (new)";
        else if (!g.inProposal)
            name += " (gone)";
        const auto share = m("share");
        groups.addRow({name, human::quantity(m("core_hours").proposal), relativeText(m("core_hours")),
            fromTo(human::level(share.base), human::level(share.proposal)),
            g.ownJobs ? fromTo(human::duration(m("wait_p50_s").base), human::duration(m("wait_p50_s").proposal),
                m("wait_p50_s").withinNoise)
                      : "-",
            g.ownJobs ? fromTo(human::duration(m("wait_p95_s").base), human::duration(m("wait_p95_s").proposal),
                m("wait_p95_s").withinNoise)
                      : "-",
            fromTo(human::quantity(m("preemptions").base), human::quantity(m("preemptions").proposal)),
            fromTo(human::quantity(m("badput_core_hours").base), human::quantity(m("badput_core_hours").proposal)),
            relativeText(jobs)});
        notebooks = notebooks || m("notebook_start_p50_s").base > 0 || m("notebook_start_p50_s").proposal > 0
            || m("notebook_failures").base > 0 || m("notebook_failures").proposal > 0;
    }
    out += groups.str();
    if (notebooks) {
        TextTable nb({"notebooks", "start p50", "start p95", "spawn failures"});
        for (const auto& g : c.groups) {
            const auto m = [&](const char* key) { return *g.metric(key); };
            if (m("notebook_start_p50_s").base == 0 && m("notebook_start_p50_s").proposal == 0
                && m("notebook_failures").base == 0 && m("notebook_failures").proposal == 0)
                continue;
            nb.addRow({g.name,
                fromTo(human::duration(m("notebook_start_p50_s").base),
                    human::duration(m("notebook_start_p50_s").proposal)),
                fromTo(human::duration(m("notebook_start_p95_s").base),
                    human::duration(m("notebook_start_p95_s").proposal)),
                fromTo(
                    human::quantity(m("notebook_failures").base), human::quantity(m("notebook_failures").proposal))});
        }
        out += "\n" + nb.str();
    }
    out += "\n";
    for (const auto& s : c.summary)
        out += s + "\n";
    return out;
}

} // namespace pp
