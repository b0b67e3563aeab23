// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/mergestudy.h"

#include "analysis/jobsummary.h"
#include "analysis/periodfigures.h"
#include "util/humanformat.h"
#include "util/text.h"

#include <algorithm>
#include <cmath>

namespace pp {

namespace {

// Idle cores the smallest long-waiting request could use: on machines with at least that many free (the largest
// step not above it).
double usableIdleCores(const PoolSample& s)
{
    std::size_t step = 0;
    while (step + 1 < PoolSample::idleCoreSteps.size()
        && PoolSample::idleCoreSteps[step + 1] <= static_cast<int>(s.smallestWaitingLong))
        ++step;
    return s.idleCoresFor[step];
}

SiteOutcome siteOutcome(const Result& r)
{
    SiteOutcome site;
    site.deliveredCoreHours = r.coreHoursDelivered;
    site.utilization = r.utilization;
    const double hoursPerSample = static_cast<double>(r.sampleInterval) / 3600.0;
    for (const auto& s : r.poolSeries)
        if (s.smallestWaitingLong > 0)
            site.idleCoreHoursWhileWaiting += usableIdleCores(s) * hoursPerSample;
    site.meanWholeMachines
        = poolPeriodFigures(r.poolSeries, 0, static_cast<int>(r.poolSeries.size()) - 1).wholeMachines;
    for (const auto& g : r.groups) {
        site.preemptions += g.preemptions;
        site.badputCoreHours += g.badputCoreHours;
    }
    return site;
}

/// One variant's figures for every experiment named in `names`.
std::vector<ExperimentOutcome> outcomes(const Result& r, const Workload& w, const std::vector<std::string>& names)
{
    std::vector<ExperimentOutcome> out(names.size());
    const std::vector<int> top = topLevelGroups(r);
    std::vector<int> index(r.groups.size(), -1); // group -> experiment row
    for (std::size_t g = 0; g < r.groups.size(); ++g)
        if (top[g] >= 0)
            for (std::size_t e = 0; e < names.size(); ++e)
                if (r.groups[static_cast<std::size_t>(top[g])].name == names[e])
                    index[g] = static_cast<int>(e);
    const double hours = static_cast<double>(r.simulatedSeconds) / 3600.0;
    for (std::size_t e = 0; e < names.size(); ++e)
        for (const auto& [owner, cores] : r.contributions)
            if (text::toLower(owner) == text::toLower(names[e])) {
                out[e].contributedCores = cores;
                out[e].contributedCoreHours = static_cast<double>(cores) * hours;
            }
    // Sharing: flocking between pools (named like the experiments), or surplus flows between experiments.
    const auto experimentNamed = [&](const std::string& name) {
        for (std::size_t e = 0; e < names.size(); ++e)
            if (text::toLower(names[e]) == text::toLower(name))
                return static_cast<int>(e);
        return -1;
    };
    for (const auto& x : r.exchanges) {
        if (x.home == x.execute || x.home < 0 || x.execute < 0)
            continue;
        const int home = experimentNamed(r.poolNames[static_cast<std::size_t>(x.home)]);
        const int host = experimentNamed(r.poolNames[static_cast<std::size_t>(x.execute)]);
        if (home >= 0)
            out[static_cast<std::size_t>(home)].borrowedCoreHours += x.coreHours;
        if (host >= 0)
            out[static_cast<std::size_t>(host)].lentCoreHours += x.coreHours;
    }
    if (r.poolNames.empty())
        for (const auto& f : r.flows) {
            if (f.from < 0 || f.to < 0 || static_cast<std::size_t>(std::max(f.from, f.to)) >= index.size())
                continue;
            const int from = index[static_cast<std::size_t>(f.from)];
            const int to = index[static_cast<std::size_t>(f.to)];
            if (from == to)
                continue; // between an experiment's own queues
            if (to >= 0)
                out[static_cast<std::size_t>(to)].borrowedCoreHours += f.coreHours;
            if (from >= 0)
                out[static_cast<std::size_t>(from)].lentCoreHours += f.coreHours;
        }
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
        if (index[g] < 0)
            continue;
        auto& o = out[static_cast<std::size_t>(index[g])];
        o.deliveredCoreHours += r.groups[g].coreHours;
        o.jobs += r.groups[g].jobsTotal;
        o.completed += r.groups[g].jobsCompleted;
        o.preemptions += r.groups[g].preemptions;
        o.badputCoreHours += r.groups[g].badputCoreHours;
    }
    std::vector<std::array<std::vector<float>, ExperimentOutcome::sizeClasses>> waits(names.size());
    std::vector<std::vector<float>> notebookStarts(names.size());
    for (std::size_t j = 0; j < w.jobs.size() && j < r.jobs.size(); ++j) {
        const Job& job = w.jobs[j];
        if (job.submitter >= r.submitters.size())
            continue;
        const int e = index[static_cast<std::size_t>(r.submitters[job.submitter].group)];
        if (e < 0)
            continue;
        const JobOutcome& o = r.jobs[j];
        if (job.kind == Notebook) {
            ++out[static_cast<std::size_t>(e)].notebookSessions;
            out[static_cast<std::size_t>(e)].notebookFailures += o.fate == SpawnFailed ? 1 : 0;
        }
        if (o.firstStart < 0)
            continue;
        const auto wait = static_cast<float>(r.startTime + o.firstStart - static_cast<std::int64_t>(job.submit));
        waits[static_cast<std::size_t>(e)][jobSizeClass(job.cores)].push_back(wait);
        if (job.kind == Notebook)
            notebookStarts[static_cast<std::size_t>(e)].push_back(wait + static_cast<float>(r.notebookStartupSeconds));
    }
    for (std::size_t e = 0; e < names.size(); ++e) {
        for (std::size_t c = 0; c < ExperimentOutcome::sizeClasses; ++c) {
            out[e].startedBySize[c] = static_cast<long>(waits[e][c].size());
            out[e].waitP50[c] = percentile(waits[e][c], 50);
            out[e].waitP95[c] = percentile(waits[e][c], 95);
        }
        out[e].notebookStartP50 = percentile(notebookStarts[e], 50);
        out[e].notebookStartP95 = percentile(notebookStarts[e], 95);
    }
    return out;
}

/// The largest size class the experiment really uses (most core-hours is not known here: most jobs started).
std::size_t mainMulticoreClass(const ExperimentOutcome& a, const ExperimentOutcome& b)
{
    std::size_t best = 0;
    for (std::size_t c = 1; c < ExperimentOutcome::sizeClasses; ++c)
        if (a.startedBySize[c] + b.startedBySize[c] >= 20)
            best = c;
    return best;
}

void writeSummary(MergeStudy& study)
{
    struct Change
    {
        std::string name;
        double relative;
    };
    std::vector<Change> changes;
    for (const auto& row : study.rows) {
        const auto& s = row.separate;
        const auto& m = row.merged;
        const double relative
            = s.deliveredCoreHours > 0 ? (m.deliveredCoreHours - s.deliveredCoreHours) / s.deliveredCoreHours : 0.0;
        changes.push_back({row.experiment, relative});
        const std::size_t c = mainMulticoreClass(s, m);
        std::string line = row.experiment + ": " + human::quantity(s.deliveredCoreHours) + " core-hours separate, "
            + human::quantity(m.deliveredCoreHours) + " merged ("
            + human::relativeChange(s.deliveredCoreHours, m.deliveredCoreHours) + "), having contributed "
            + human::quantity(s.contributedCoreHours) + "; wait p95 for jobs of " + jobSizeClasses[c].label + " "
            + human::duration(s.waitP95[c]) + " → " + human::duration(m.waitP95[c]) + "; preemptions "
            + human::quantity(static_cast<double>(s.preemptions)) + " → "
            + human::quantity(static_cast<double>(m.preemptions)) + ".";
        study.summary.push_back(line);
    }
    std::stable_sort(
        changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.relative > b.relative; });
    std::string gains, losses;
    for (const auto& c : changes) {
        const std::string item
            = c.name + " (" + (c.relative >= 0 ? "+" : "−") + human::percent(std::abs(c.relative)) + ")";
        if (c.relative > 0.005)
            gains += (gains.empty() ? "" : ", ") + item;
        else if (c.relative < -0.005)
            losses += (losses.empty() ? "" : ", ") + item;
    }
    std::string verdict = "Merged, in core-hours delivered: ";
    verdict += gains.empty() ? "nobody gains more than 0.5 %" : "gains for " + gains;
    verdict += losses.empty() ? "; nobody loses more than 0.5 %." : "; losses for " + losses + ".";
    study.summary.insert(study.summary.begin(), verdict);
    study.summary.insert(study.summary.begin() + 1,
        "Site: idle cores while jobs waited " + human::quantity(study.separate.idleCoreHoursWhileWaiting)
            + " core-hours separate, " + human::quantity(study.merged.idleCoreHoursWhileWaiting)
            + " merged; utilization " + human::level(study.separate.utilization) + " → "
            + human::level(study.merged.utilization) + "; whole machines on average "
            + human::quantity(study.separate.meanWholeMachines) + " → "
            + human::quantity(study.merged.meanWholeMachines) + "; badput "
            + human::quantity(study.separate.badputCoreHours) + " → " + human::quantity(study.merged.badputCoreHours)
            + " core-hours.");
}

} // namespace

bool isMergeStudy(const Result& a, const Result& b)
{
    return a.poolNames.empty() != b.poolNames.empty();
}

MergeStudy mergeStudy(const Result& a, const Workload& workloadA, const Result& b, const Workload& workloadB)
{
    const bool aIsSeparate = !a.poolNames.empty() || b.poolNames.empty();
    const Result& separate = aIsSeparate ? a : b;
    const Result& merged = aIsSeparate ? b : a;
    const Workload& separateJobs = aIsSeparate ? workloadA : workloadB;
    const Workload& mergedJobs = aIsSeparate ? workloadB : workloadA;
    MergeStudy study;
    study.separateName = separate.scenarioName;
    study.mergedName = merged.scenarioName;
    std::vector<std::string> names;
    for (const auto& g : merged.groups)
        if (g.parent == 0)
            names.push_back(g.name);
    const auto s = outcomes(separate, separateJobs, names);
    const auto m = outcomes(merged, mergedJobs, names);
    for (std::size_t e = 0; e < names.size(); ++e)
        study.rows.push_back({names[e], s[e], m[e]});
    study.separate = siteOutcome(separate);
    study.merged = siteOutcome(merged);
    writeSummary(study);
    return study;
}

} // namespace pp
