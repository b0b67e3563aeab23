// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "io/pledgefiles.h"
#include "model/scenario.h"
#include "policy/policy.h"
#include "scenario/scenariofile.h"

#include <atomic>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace pp {

struct SuggestOptions
{
    std::vector<QuotaTarget> targets;
    std::vector<Pledge> pledges; ///< for delivered_over_pledge and the conflicts pledges make
    int runs = 1; ///< tie seeds per candidate: each figure is the median of the runs
    int maxEvaluations = 160; ///< candidates simulated (each `runs` times) at most
    double maxSeconds = 50; ///< wall time for the search, checked between rounds
    unsigned threads = 0; ///< 0 = every core
    const std::atomic<bool>* stop = nullptr;
};

/// One target against one candidate: the figure (the runs' median) and its range.
struct TargetOutcome
{
    QuotaTarget target;
    double figure = 0;
    double low = 0, high = 0;
    bool met = false;
};

/// A setting of the quotas tried: the knobs it changes over the scenario, and how the targets fared.
struct QuotaCandidate
{
    std::vector<std::pair<std::string, std::string>> knobs;
    std::vector<TargetOutcome> outcomes;
    double shortfall = 0; ///< the sum of each missed target's relative shortfall; 0 = every target met
    std::string description; ///< "belle2 +200 cores from star"
    bool allMet() const;
};

struct QuotaSuggestion
{
    bool feasible = false; ///< the best candidate meets every target
    std::vector<std::string> conflicts; ///< why targets cannot all be met (pledges beyond the pool, …)
    QuotaCandidate current; ///< the scenario as it is
    QuotaCandidate best;
    std::vector<QuotaCandidate> alternatives; ///< other settings found, best first: the trade-offs
    std::string snippet; ///< the best setting as a config.d snippet, saying what it changes from what
    int evaluations = 0; ///< candidates simulated
    int runs = 1;
    double seconds = 0;
};

/// The scenario a candidate's knobs make (over the current configuration); called from several threads at once.
using CandidateScenario = std::function<Expected<Scenario>(const std::vector<std::pair<std::string, std::string>>&)>;

/// Searches the quotas of `base` (moving quota between siblings at every level of the tree, static cores or dynamic
/// fractions as each group has, and GROUP_ACCEPT_SURPLUS) for a setting that meets every target, by simulating the
/// candidates `candidate` makes on all cores: a hill climb from the current setting that halves its step when no move
/// helps. `policy` is the base's, `baseName` names it in the snippet. Errors name the target (a group the pool does
/// not have) or a candidate's own.
Expected<QuotaSuggestion> suggestQuotas(const Scenario& base, const Policy& policy, const std::string& baseName,
    const CandidateScenario& candidate, const SuggestOptions& options);

/// The same for a scenario file (or a built-in): candidates are its knobs with the search's added.
Expected<QuotaSuggestion> suggestQuotas(const ScenarioSpec& spec, const SuggestOptions& options);

} // namespace pp
