// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/ensemble.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace pp {

namespace {

// A figure of the result and its JSON key. A count's median over an even number of runs is rounded down.
struct PoolFigure
{
    const char* key;
    double (*get)(const Result&);
    void (*set)(Result&, double);
};

struct GroupFigure
{
    const char* key;
    double (*get)(const GroupSummary&);
    void (*set)(GroupSummary&, double);
};

template <auto Member> constexpr PoolFigure poolFigure(const char* key)
{
    return {key, [](const Result& r) { return static_cast<double>(r.*Member); },
        [](Result& r, double v) { r.*Member = static_cast<std::remove_reference_t<decltype(r.*Member)>>(v); }};
}

template <auto Member> constexpr GroupFigure groupFigure(const char* key)
{
    return {key, [](const GroupSummary& g) { return static_cast<double>(g.*Member); },
        [](GroupSummary& g, double v) { g.*Member = static_cast<std::remove_reference_t<decltype(g.*Member)>>(v); }};
}

const PoolFigure poolFigures[] = {
    poolFigure<&Result::jobsStarted>("jobs_started"),
    poolFigure<&Result::jobsCompleted>("jobs_completed"),
    poolFigure<&Result::coreHoursDelivered>("core_hours_delivered"),
    poolFigure<&Result::claimedCoreHours>("claimed_core_hours"),
    poolFigure<&Result::utilization>("utilization"),
    poolFigure<&Result::negotiationCycles>("negotiation_cycles"),
    poolFigure<&Result::matches>("matches"),
    poolFigure<&Result::claimReuses>("claim_reuses"),
    poolFigure<&Result::drainsStarted>("drains_started"),
};

const GroupFigure groupFigures[] = {
    groupFigure<&GroupSummary::meanQuota>("quota"),
    groupFigure<&GroupSummary::coreHours>("core_hours"),
    groupFigure<&GroupSummary::claimedCoreHours>("claimed_core_hours"),
    groupFigure<&GroupSummary::jobsCompleted>("jobs_completed"),
    groupFigure<&GroupSummary::jobsNeverStarted>("jobs_never_started"),
    groupFigure<&GroupSummary::waitP50>("wait_p50_s"),
    groupFigure<&GroupSummary::waitP95>("wait_p95_s"),
    groupFigure<&GroupSummary::waitP99>("wait_p99_s"),
    groupFigure<&GroupSummary::preemptions>("preemptions"),
    groupFigure<&GroupSummary::drainEvictions>("drain_evictions"),
    groupFigure<&GroupSummary::preemptionBadputCoreHours>("badput_preemption_core_hours"),
    groupFigure<&GroupSummary::drainBadputCoreHours>("badput_drain_core_hours"),
    groupFigure<&GroupSummary::limitEvictions>("limit_evictions"),
    groupFigure<&GroupSummary::limitBadputCoreHours>("badput_limit_core_hours"),
    groupFigure<&GroupSummary::jobsRemoved>("jobs_removed"),
    groupFigure<&GroupSummary::jobsHeld>("jobs_held"),
    groupFigure<&GroupSummary::notebookFailures>("notebook_failures"),
    groupFigure<&GroupSummary::notebookStartP50>("notebook_start_p50_s"),
    groupFigure<&GroupSummary::notebookStartP95>("notebook_start_p95_s"),
    groupFigure<&GroupSummary::badputCoreHours>("badput_core_hours"),
};

// Nearest rank, as pp::percentile does, on sorted values.
double rank(const std::vector<double>& sorted, double p)
{
    const auto n = static_cast<double>(sorted.size());
    const auto at = static_cast<std::size_t>(std::max(1.0, std::ceil(p / 100.0 * n))) - 1;
    return sorted[std::min(at, sorted.size() - 1)];
}

} // namespace

FigureSpread spreadOf(std::vector<double>& values, double* median)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    if (median)
        *median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    if (static_cast<int>(n) < percentileSpreadRuns)
        return {values.front(), values.back()};
    return {rank(values, 5), rank(values, 95)};
}

EnsembleResult summariseEnsemble(const std::vector<Result>& runs, const std::vector<std::uint64_t>& tieSeeds)
{
    EnsembleResult e;
    if (runs.empty())
        return e;
    e.median = runs.front();
    e.runs = static_cast<int>(runs.size());
    e.percentiles = e.runs >= percentileSpreadRuns;
    e.tieSeeds = tieSeeds;
    std::vector<double> values(runs.size());
    for (const PoolFigure& f : poolFigures) {
        for (std::size_t k = 0; k < runs.size(); ++k)
            values[k] = f.get(runs[k]);
        double median = 0;
        e.pool[f.key] = spreadOf(values, &median);
        f.set(e.median, median);
    }
    e.groups.resize(e.median.groups.size());
    for (std::size_t g = 0; g < e.median.groups.size(); ++g)
        for (const GroupFigure& f : groupFigures) {
            for (std::size_t k = 0; k < runs.size(); ++k)
                values[k] = g < runs[k].groups.size() ? f.get(runs[k].groups[g]) : 0.0;
            double median = 0;
            e.groups[g][f.key] = spreadOf(values, &median);
            f.set(e.median.groups[g], median);
        }
    std::size_t samples = runs.front().poolSeries.size();
    for (const Result& r : runs)
        samples = std::min(samples, r.poolSeries.size());
    e.claimedCores.reserve(samples);
    for (std::size_t s = 0; s < samples; ++s) {
        for (std::size_t k = 0; k < runs.size(); ++k)
            values[k] = runs[k].poolSeries[s].claimedCores;
        e.claimedCores.push_back(spreadOf(values));
    }
    double wall = 0;
    for (const Result& r : runs)
        wall += r.wallSeconds;
    e.median.wallSeconds = wall; // what the whole ensemble cost
    return e;
}

} // namespace pp
