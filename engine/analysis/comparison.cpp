// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/comparison.h"

#include "analysis/ensemble.h"
#include "analysis/groupfigures.h"
#include "util/humanformat.h"
#include "util/text.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace pp {

namespace {

using Better = MetricDelta::Better;
using Verdict = MetricDelta::Verdict;

enum class Unit { CoreHours, Fraction, Seconds, Count };

struct MetricSpec
{
    const char* key;
    const char* label;
    Better better;
    Unit unit;
    /// The smallest change worth a word, whatever the percentage: a few seconds of waiting or a fraction of a
    /// core-hour moves with every seed.
    double floor;
};

constexpr MetricSpec groupMetrics[] = {
    {"core_hours", "core-hours", Better::Higher, Unit::CoreHours, 1.0},
    {"share", "share", Better::Higher, Unit::Fraction, 0.001},
    {"wait_p50_s", "wait p50", Better::Lower, Unit::Seconds, 30.0},
    {"wait_p95_s", "wait p95", Better::Lower, Unit::Seconds, 30.0},
    {"preemptions", "preemptions", Better::Lower, Unit::Count, 1.0},
    {"badput_core_hours", "badput core-hours", Better::Lower, Unit::CoreHours, 1.0},
    {"jobs_completed", "jobs completed", Better::Higher, Unit::Count, 1.0},
    {"notebook_start_p50_s", "notebook start p50", Better::Lower, Unit::Seconds, 10.0},
    {"notebook_start_p95_s", "notebook start p95", Better::Lower, Unit::Seconds, 10.0},
    {"notebook_failures", "spawn failures", Better::Lower, Unit::Count, 1.0},
};

constexpr MetricSpec poolMetrics[] = {
    {"utilization", "utilization", Better::Higher, Unit::Fraction, 0.001},
    {"core_hours_delivered", "core-hours delivered", Better::Higher, Unit::CoreHours, 1.0},
    {"jobs_completed", "jobs completed", Better::Higher, Unit::Count, 1.0},
};

MetricDelta makeDelta(const MetricSpec& spec, double base, double proposal, double threshold)
{
    MetricDelta d;
    d.key = spec.key;
    d.label = spec.label;
    d.better = spec.better;
    d.base = base;
    d.proposal = proposal;
    d.delta = proposal - base;
    if (base != 0)
        d.relative = d.delta / std::fabs(base);
    const bool significant = std::fabs(d.delta) >= spec.floor && (!d.relative || std::fabs(*d.relative) > threshold);
    if (significant)
        d.verdict = (d.delta > 0) == (spec.better == Better::Higher) ? Verdict::Better : Verdict::Worse;
    return d;
}

std::vector<double> figuresOf(const GroupFigures* f)
{
    if (!f)
        return std::vector<double>(std::size(groupMetrics), 0.0);
    return {f->coreHours, f->share, f->waitP50, f->waitP95, static_cast<double>(f->preemptions), f->badputCoreHours,
        static_cast<double>(f->jobsCompleted), f->notebookStartP50, f->notebookStartP95,
        static_cast<double>(f->notebookFailures)};
}

std::string amount(Unit unit, double value)
{
    switch (unit) {
    case Unit::CoreHours:
        return human::quantity(value);
    case Unit::Fraction:
        return human::level(value);
    case Unit::Seconds:
        return human::duration(value);
    case Unit::Count:
        return human::quantity(value);
    }
    return {};
}

const MetricSpec& specOf(const std::string& key)
{
    for (const auto& s : groupMetrics)
        if (key == s.key)
            return s;
    return groupMetrics[0];
}

/// "40 % ", "26-fold " when it more than doubles (a percentage in the thousands reads as noise), or nothing
/// without a base to be relative to.
std::string by(const MetricDelta& d)
{
    if (!d.relative)
        return {};
    if (*d.relative >= 1.0)
        return text::fixed(1.0 + *d.relative, 0) + "-fold ";
    return human::percent(*d.relative) + " ";
}

/// One clause about one group, in the words a coordinator uses.
std::string clause(const std::string& group, const MetricDelta& d)
{
    const Unit unit = specOf(d.key).unit;
    const std::string from = amount(unit, d.base);
    const std::string to = amount(unit, d.proposal);
    const bool up = d.delta > 0;
    const std::string change = by(d);
    if (d.key == "core_hours")
        return up
            ? group + " gets " + (change.empty() ? "" : change) + "more core-hours (" + from + " → " + to + ")"
            : group + " loses " + (change.empty() ? "" : change + "of ") + "its core-hours (" + from + " → " + to + ")";
    if (d.key == "wait_p50_s")
        return group + " waits " + change + (up ? "longer" : "less") + " (p50 " + from + " → " + to + ")";
    if (d.key == "wait_p95_s")
        return group + "'s longest waits " + (up ? "grow " : "shrink ") + change + "(p95 " + from + " → " + to + ")";
    if (d.key == "preemptions") {
        if (d.base == 0)
            return group + " is now preempted (" + to + " preemptions)";
        if (d.proposal == 0)
            return group + " is no longer preempted (" + from + " preemptions before)";
        return group + " is preempted " + change + (up ? "more" : "less") + " often (" + from + " → " + to + ")";
    }
    if (d.key == "badput_core_hours")
        return group + " loses " + change + (up ? "more" : "less") + " work to evictions (" + from + " → " + to
            + " core-hours of badput)";
    if (d.key == "notebook_start_p50_s")
        return group + " notebooks start " + change + (up ? "slower" : "faster") + " (p50 " + from + " → " + to + ")";
    if (d.key == "notebook_start_p95_s")
        return group + " notebooks' slowest starts " + (up ? "grow " : "shrink ") + change + "(p95 " + from + " → " + to
            + ")";
    if (d.key == "notebook_failures")
        return group + " has " + change + (up ? "more" : "fewer") + " notebook spawn failures (" + from + " → " + to
            + ")";
    return group + " " + d.label + " " + from + " → " + to;
}

struct Clause
{
    double salience;
    std::size_t order; ///< ties keep the tree's order
    std::string text;
};

std::vector<Clause> groupClauses(const Comparison& c)
{
    std::vector<Clause> clauses;
    for (std::size_t gi = 0; gi < c.groups.size(); ++gi) {
        const GroupComparison& g = c.groups[gi];
        if (!g.inBase || !g.inProposal)
            continue;
        // Share follows core-hours, jobs completed follows core-hours, p95 adds little once p50 is said.
        const auto said = [&](std::string_view key) {
            const MetricDelta* m = g.metric(key);
            return m && m->verdict != Verdict::Same;
        };
        for (const MetricDelta& d : g.metrics) {
            if (d.verdict == Verdict::Same || d.key == "share" || d.key == "jobs_completed")
                continue;
            if ((d.key == "wait_p95_s" && said("wait_p50_s"))
                || (d.key == "notebook_start_p95_s" && said("notebook_start_p50_s")))
                continue;
            const double salience = d.relative ? std::min(std::fabs(*d.relative), 10.0) : 10.0;
            clauses.push_back({salience, gi * 100 + clauses.size(), clause(g.name, d)});
        }
    }
    std::stable_sort(clauses.begin(), clauses.end(), [](const Clause& a, const Clause& b) {
        return a.salience != b.salience ? a.salience > b.salience : a.order < b.order;
    });
    return clauses;
}

std::string poolSentence(const Comparison& c)
{
    std::vector<std::string> parts;
    for (const MetricDelta& d : c.pool) {
        if (d.verdict == Verdict::Same)
            continue;
        if (d.key == "utilization")
            parts.push_back(std::string("utilization ") + (d.delta > 0 ? "rises" : "falls") + " from "
                + human::level(d.base) + " to " + human::level(d.proposal));
        else if (d.key == "core_hours_delivered")
            parts.push_back(by(d) + (d.delta > 0 ? "more" : "fewer") + " core-hours are delivered ("
                + human::quantity(d.base) + " → " + human::quantity(d.proposal) + ")");
    }
    if (parts.empty())
        return {};
    std::string s = "Across the pool, " + parts[0];
    for (std::size_t i = 1; i < parts.size(); ++i)
        s += " and " + parts[i];
    return s + ".";
}

// The summary: pool first, then the largest changes of groups, then what is left to the table.
void summarise(Comparison& c)
{
    const double threshold = c.threshold;
    c.summary.clear();
    constexpr std::size_t maxClauses = 6;
    constexpr std::size_t clausesPerSentence = 2;
    if (auto s = poolSentence(c); !s.empty())
        c.summary.push_back(std::move(s));
    const auto clauses = groupClauses(c);
    const std::size_t said = std::min(clauses.size(), maxClauses);
    for (std::size_t i = 0; i < said; i += clausesPerSentence) {
        std::string sentence = clauses[i].text;
        for (std::size_t j = i + 1; j < std::min(said, i + clausesPerSentence); ++j)
            sentence += "; " + clauses[j].text;
        c.summary.push_back(sentence + ".");
    }
    if (clauses.size() > said)
        c.summary.push_back(std::to_string(clauses.size() - said) + " smaller change"
            + (clauses.size() - said == 1 ? " is" : "s are") + " in the table.");
    if (clauses.empty())
        c.summary.push_back(c.runs > 1 ? "No group changes by more than " + human::percent(threshold)
                    + " beyond the spread of " + std::to_string(c.runs) + " runs."
                                       : "No group changes by more than " + human::percent(threshold) + ".");
    std::vector<std::string> only[2];
    for (const auto& g : c.groups)
        if (!g.inBase || !g.inProposal)
            only[g.inBase ? 0 : 1].push_back(g.name);
    const char* where[2] = {"Only in the base: ", "Only in the proposal: "};
    for (int k = 0; k < 2; ++k) {
        if (only[k].empty())
            continue;
        std::string s = where[k];
        for (std::size_t i = 0; i < only[k].size(); ++i)
            s += (i ? ", " : "") + only[k][i];
        c.summary.push_back(s + ".");
    }
    std::vector<std::string> noise;
    for (const auto& g : c.groups)
        for (const auto& d : g.metrics)
            if (d.withinNoise && d.key != "share" && d.key != "jobs_completed")
                noise.push_back(g.name + "'s " + d.label);
    if (!noise.empty()) {
        std::string s = "Within the noise of " + std::to_string(c.runs) + " runs, so not counted: ";
        for (std::size_t i = 0; i < noise.size() && i < 6; ++i)
            s += (i ? ", " : "") + noise[i];
        if (noise.size() > 6)
            s += " and " + std::to_string(noise.size() - 6) + " more";
        c.summary.push_back(s + ".");
    }
}

} // namespace

const MetricDelta* GroupComparison::metric(std::string_view key) const
{
    for (const auto& m : metrics)
        if (m.key == key)
            return &m;
    return nullptr;
}

const GroupComparison* Comparison::group(std::string_view name) const
{
    for (const auto& g : groups)
        if (g.name == name)
            return &g;
    return nullptr;
}

Comparison compareResults(const Result& base, const Result& proposal, double threshold)
{
    Comparison c;
    c.baseName = base.scenarioName;
    c.proposalName = proposal.scenarioName;
    c.threshold = threshold;
    const double baseFigures[] = {base.utilization, base.coreHoursDelivered, static_cast<double>(base.jobsCompleted)};
    const double proposalFigures[]
        = {proposal.utilization, proposal.coreHoursDelivered, static_cast<double>(proposal.jobsCompleted)};
    for (std::size_t i = 0; i < std::size(poolMetrics); ++i)
        c.pool.push_back(makeDelta(poolMetrics[i], baseFigures[i], proposalFigures[i], threshold));

    const auto baseRows = groupFigures(base);
    const auto proposalRows = groupFigures(proposal);
    std::map<std::string, const GroupFigures*> inProposal;
    for (const auto& f : proposalRows)
        inProposal.emplace(f.name, &f);
    const auto add = [&](const GroupFigures* b, const GroupFigures* p) {
        GroupComparison g;
        const GroupFigures& either = b ? *b : *p;
        const auto& rows = b ? baseRows : proposalRows;
        g.name = either.name;
        g.parent = either.parent >= 0 ? rows[static_cast<std::size_t>(either.parent)].name : std::string();
        g.depth = either.depth;
        g.ownJobs = (b && b->ownJobs) || (p && p->ownJobs);
        g.inBase = b != nullptr;
        g.inProposal = p != nullptr;
        const auto bf = figuresOf(b);
        const auto pf = figuresOf(p);
        for (std::size_t i = 0; i < std::size(groupMetrics); ++i)
            g.metrics.push_back(makeDelta(groupMetrics[i], bf[i], pf[i], threshold));
        c.groups.push_back(std::move(g));
    };
    for (const auto& b : baseRows) {
        const auto it = inProposal.find(b.name);
        add(&b, it == inProposal.end() ? nullptr : it->second);
        if (it != inProposal.end())
            inProposal.erase(it);
    }
    for (const auto& p : proposalRows)
        if (inProposal.contains(p.name))
            add(nullptr, &p);

    summarise(c);
    return c;
}

Comparison compareEnsembles(const EnsembleRuns& base, const EnsembleRuns& proposal, double threshold)
{
    Comparison c = compareResults(base.results.front(), proposal.results.front(), threshold);
    c.runs = static_cast<int>(std::min(base.results.size(), proposal.results.size()));
    // Each figure's median and spread over one side's runs.
    const auto over = [](const std::vector<double>& values, double* median) {
        std::vector<double> sorted = values;
        return spreadOf(sorted, median);
    };
    const auto judge
        = [&](MetricDelta& d, const MetricSpec& spec, const std::vector<double>& b, const std::vector<double>& p) {
              double mb = 0;
              double mp = 0;
              const FigureSpread sb = over(b, &mb);
              const FigureSpread sp = over(p, &mp);
              d = makeDelta(spec, mb, mp, threshold);
              d.baseSpread = sb;
              d.proposalSpread = sp;
              if (d.verdict != Verdict::Same && sb.overlaps(sp)) {
                  d.verdict = Verdict::Same;
                  d.withinNoise = true;
              }
          };
    const auto poolValues = [](const EnsembleRuns& e, std::size_t i) {
        std::vector<double> v;
        for (const Result& r : e.results)
            v.push_back(i == 0 ? r.utilization : i == 1 ? r.coreHoursDelivered : static_cast<double>(r.jobsCompleted));
        return v;
    };
    for (std::size_t i = 0; i < std::size(poolMetrics) && i < c.pool.size(); ++i)
        judge(c.pool[i], poolMetrics[i], poolValues(base, i), poolValues(proposal, i));

    // Per run, each group's figures by name (the same groups in every run of a side).
    const auto figuresByRun = [](const EnsembleRuns& e) {
        std::vector<std::map<std::string, std::vector<double>>> runs;
        for (const Result& r : e.results) {
            std::map<std::string, std::vector<double>> byName;
            for (const auto& f : groupFigures(r))
                byName[f.name] = figuresOf(&f);
            runs.push_back(std::move(byName));
        }
        return runs;
    };
    const auto baseRuns = figuresByRun(base);
    const auto proposalRuns = figuresByRun(proposal);
    const auto valuesOf = [](const std::vector<std::map<std::string, std::vector<double>>>& runs,
                              const std::string& group, std::size_t metric) {
        std::vector<double> v;
        for (const auto& run : runs) {
            const auto it = run.find(group);
            v.push_back(it == run.end() ? 0.0 : it->second[metric]);
        }
        return v;
    };
    for (GroupComparison& g : c.groups)
        for (std::size_t i = 0; i < std::size(groupMetrics) && i < g.metrics.size(); ++i)
            judge(g.metrics[i], groupMetrics[i], valuesOf(baseRuns, g.name, i), valuesOf(proposalRuns, g.name, i));
    summarise(c);
    return c;
}

std::string comparisonSummaryText(const Comparison& comparison)
{
    std::string out;
    for (const auto& s : comparison.summary)
        out += (out.empty() ? "" : " ") + s;
    return out;
}

ComparisonHeadline comparisonHeadline(const Comparison& comparison)
{
    ComparisonHeadline h;
    // How far a change goes, as a factor on a log scale (a wait 92 times longer ranks above one 3 times shorter).
    const auto size = [](const MetricDelta& d) {
        return d.base > 0 && d.proposal > 0 ? std::abs(std::log(d.proposal / d.base)) : 0.0;
    };
    double best = 0;
    double worst = 0;
    for (const char* key : {"wait_p95_s", "share"}) {
        for (const auto& g : comparison.groups) {
            const MetricDelta* d = g.metric(key);
            if (!d || d->withinNoise || d->verdict == MetricDelta::Verdict::Same
                || (std::string_view(key) == "wait_p95_s" && !g.ownJobs))
                continue;
            if (d->verdict == MetricDelta::Verdict::Better && size(*d) > best) {
                best = size(*d);
                h.winner = g.name;
                h.winnerMetric = *d;
            }
            if (d->verdict == MetricDelta::Verdict::Worse && size(*d) > worst) {
                worst = size(*d);
                h.loser = g.name;
                h.loserMetric = *d;
            }
        }
        if (h.winnerMetric || h.loserMetric)
            break; // waits first: shares only where no wait changed
    }
    const auto change = [](const std::string& name, const MetricDelta& d) {
        const bool share = d.key == "share";
        const auto show = [&](double v) { return share ? human::level(v) : human::duration(v); };
        return name + ", " + (share ? "share of the work " : "wait p95 ") + show(d.base) + " → " + show(d.proposal);
    };
    if (h.winnerMetric)
        h.text += "Biggest winner: " + change(h.winner, *h.winnerMetric) + ".";
    if (h.loserMetric)
        h.text += std::string(h.text.empty() ? "" : " ") + "Biggest loser: " + change(h.loser, *h.loserMetric) + ".";
    if (h.text.empty())
        h.text = comparison.runs > 1 ? "Nobody gains or loses beyond the runs' noise."
                                     : "Nobody gains or loses beyond 1 %.";
    return h;
}

} // namespace pp
