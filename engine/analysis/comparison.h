// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/ensemble.h"
#include "model/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pp {

/// One figure of a base and a proposal, and whether the proposal is better for whoever owns it.
struct MetricDelta
{
    enum class Better { Higher, Lower };
    enum class Verdict { Better, Worse, Same };

    std::string key; ///< snake_case, as in the JSON ("core_hours", "wait_p50_s")
    std::string label; ///< for tables ("core-hours", "wait p50")
    Better better = Better::Higher;
    double base = 0;
    double proposal = 0;
    double delta = 0; ///< proposal − base
    std::optional<double> relative; ///< delta / base; none when the base is 0
    Verdict verdict = Verdict::Same; ///< Same when the change is under the threshold (relative and absolute)
    /// Ensembles (compareEnsembles): base and proposal are medians, and these their spreads over the runs.
    std::optional<FigureSpread> baseSpread, proposalSpread;
    /// The change passed the threshold but the two spreads overlap: not called better or worse (verdict Same).
    bool withinNoise = false;
};

/// A group matched by name in both results (or found in one only).
struct GroupComparison
{
    std::string name;
    std::string parent; ///< empty for the root
    int depth = 0; ///< 0 = the root, 1 = a top-level group
    bool ownJobs = false; ///< its own submitters have jobs on either side, so its waits mean something
    bool inBase = true;
    bool inProposal = true;
    /// core_hours, share, wait_p50_s, wait_p95_s, preemptions, badput_core_hours, jobs_completed,
    /// notebook_start_p50_s, notebook_start_p95_s, notebook_failures — in that order.
    std::vector<MetricDelta> metrics;

    const MetricDelta* metric(std::string_view key) const;
};

/// What changes from a base to a proposal, group by group (figures as analysis/groupfigures.h defines them: work
/// over the subtree, waits of the group's own jobs), the pool totals, and a few sentences saying the largest
/// changes first. A change counts when it is at least `threshold` of the base value and more than a small
/// absolute amount (a minute of waiting, a core-hour), so that noise does not make a headline.
struct Comparison
{
    std::string baseName;
    std::string proposalName;
    double threshold = 0.01;
    std::vector<MetricDelta> pool; ///< utilization, core_hours_delivered, jobs_completed
    std::vector<GroupComparison> groups; ///< the base's order, then groups only the proposal has
    std::vector<std::string> summary; ///< sentences, largest changes first
    int runs = 1; ///< runs per side: more than one for ensembles

    const GroupComparison* group(std::string_view name) const;
};

Comparison compareResults(const Result& base, const Result& proposal, double threshold = 0.01);

/// compareResults of two ensembles of the same scenarios (each run with its own tie seed): every figure its median
/// over the runs, with its spread; a change whose two spreads overlap is within noise, never a gain or a loss.
Comparison compareEnsembles(const EnsembleRuns& base, const EnsembleRuns& proposal, double threshold = 0.01);

/// The summary as one paragraph.
std::string comparisonSummaryText(const Comparison& comparison);

/// Who gains most and who loses most, for a meeting's first glance: by the p95 wait of a group's own jobs (the
/// largest factor either way), or by its share of the work where no wait changed. Only changes the comparison
/// calls better or worse count (never ones within noise).
struct ComparisonHeadline
{
    std::string winner; ///< empty when nobody gains
    std::optional<MetricDelta> winnerMetric;
    std::string loser; ///< empty when nobody loses
    std::optional<MetricDelta> loserMetric;
    /// "Biggest winner: atlas.analysis, wait p95 5.7 h → 3.9 min. Biggest loser: atlas.prod, wait p95 57 s →
    /// 87.2 min." or "Nobody gains or loses beyond 1 %."
    std::string text;
};
ComparisonHeadline comparisonHeadline(const Comparison& comparison);

} // namespace pp
