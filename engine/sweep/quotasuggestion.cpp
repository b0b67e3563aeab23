// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweep/quotasuggestion.h"

#include "analysis/groupfigures.h"
#include "policy/grouptree.h"
#include "policy/policyfromconfig.h"
#include "policy/policywriter.h"
#include "sim/simulator.h"
#include "sweep/parallelrun.h"
#include "util/humanformat.h"
#include "util/text.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <thread>

namespace pp {

namespace {

// A group's quota as the configuration sets it: cores (static) or a fraction of its parent (dynamic).
struct QuotaVariable
{
    std::string name;
    std::string parent; ///< empty for a top-level group
    bool isStatic = false;
    double value = 0;
    bool acceptSurplus = false;
};

// The quotas of one candidate: a value per variable and who accepts surplus.
using Setting = std::vector<QuotaVariable>;

std::string quotaKnob(const QuotaVariable& v)
{
    return (v.isStatic ? "GROUP_QUOTA_" : "GROUP_QUOTA_DYNAMIC_") + v.name;
}

std::string quotaValue(const QuotaVariable& v)
{
    return v.isStatic ? text::fixed(std::round(v.value), 0) : text::fixed(v.value, 4);
}

// The knobs that turn the current setting into `s`, in the variables' order.
std::vector<std::pair<std::string, std::string>> knobsOf(const Setting& current, const Setting& s)
{
    std::vector<std::pair<std::string, std::string>> knobs;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (std::abs(s[i].value - current[i].value) > 1e-9)
            knobs.emplace_back(quotaKnob(s[i]), quotaValue(s[i]));
        if (s[i].acceptSurplus != current[i].acceptSurplus)
            knobs.emplace_back("GROUP_ACCEPT_SURPLUS_" + s[i].name, s[i].acceptSurplus ? "True" : "False");
    }
    return knobs;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// One figure of a group in one run; delivered_over_pledge is its subtree's core-hours over its pledge's.
double figureOf(const Result& r, const std::vector<GroupFigures>& figures, int g, const std::string& metric,
    const std::vector<Pledge>& pledges)
{
    const GroupSummary& s = r.groups[static_cast<std::size_t>(g)];
    const GroupFigures& f = figures[static_cast<std::size_t>(g)];
    if (metric == "delivered_over_pledge") {
        double pledged = 0;
        for (const auto& p : pledges)
            if (p.experiment == s.name)
                pledged = p.cores;
        const double hours = static_cast<double>(r.simulatedSeconds) / 3600.0;
        return pledged > 0 && hours > 0 ? f.coreHours / (pledged * hours) : 0.0;
    }
    if (metric == "core_hours")
        return f.coreHours;
    if (metric == "claimed_core_hours")
        return s.claimedCoreHours;
    if (metric == "share")
        return f.share;
    if (metric == "jobs_completed")
        return static_cast<double>(f.jobsCompleted);
    if (metric == "wait_p50_s")
        return s.waitP50;
    if (metric == "wait_p95_s")
        return s.waitP95;
    if (metric == "wait_p99_s")
        return s.waitP99;
    if (metric == "preemptions")
        return static_cast<double>(f.preemptions);
    if (metric == "badput_core_hours")
        return f.badputCoreHours;
    if (metric == "notebook_start_p50_s")
        return s.notebookStartP50;
    if (metric == "notebook_start_p95_s")
        return s.notebookStartP95;
    return static_cast<double>(s.notebookFailures); // notebook_failures
}

// How far a figure is from its target, relative to the target (0 when met).
double shortfall(const QuotaTarget& t, double figure)
{
    if (t.atLeast)
        return figure >= t.value ? 0.0 : (t.value - figure) / std::max(t.value, 1e-9);
    return figure <= t.value ? 0.0 : (figure - t.value) / std::max(t.value, 1.0);
}

int groupNamed(const Result& r, const std::string& name)
{
    for (std::size_t g = 0; g < r.groups.size(); ++g)
        if (r.groups[g].name == name)
            return static_cast<int>(g);
    return -1;
}

struct Search
{
    const CandidateScenario& candidateScenario;
    const SuggestOptions& options;
    Setting current;
    long poolCores = 0;
    std::vector<QuotaCandidate> tried;
    std::vector<Setting> triedSettings;
    int evaluations = 0;

    // Simulates the settings (each `runs` times) and scores them against the targets.
    std::vector<QuotaCandidate> evaluate(const std::vector<Setting>& settings, const std::vector<std::string>& names)
    {
        const int runs = std::max(1, options.runs);
        // Each candidate's scenario once, then its runs on all cores; only the group figures are kept.
        std::vector<Expected<Scenario>> scenarios;
        scenarios.reserve(settings.size());
        for (const Setting& s : settings)
            scenarios.push_back(candidateScenario(knobsOf(current, s)));
        const std::size_t items = settings.size() * static_cast<std::size_t>(runs);
        std::vector<std::optional<Result>> results(items);
        std::atomic<std::size_t> next {0};
        runOnThreads(options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency()), [&] {
            for (std::size_t i = next++; i < items; i = next++) {
                if (options.stop && options.stop->load())
                    return;
                const auto& scenario = scenarios[i / static_cast<std::size_t>(runs)];
                if (!scenario)
                    continue;
                SimulationOptions simulation;
                simulation.explainWaits = false;
                if (runs > 1)
                    simulation.tieSeed = i % static_cast<std::size_t>(runs) + 1;
                Result r = simulate(*scenario, simulation);
                r.jobs.clear(); // the figures are in the summary
                r.groupSeries.clear();
                r.poolSeries.clear();
                r.machineSeries.clear();
                results[i] = std::move(r);
            }
        });
        std::vector<QuotaCandidate> out;
        for (std::size_t c = 0; c < settings.size(); ++c) {
            QuotaCandidate candidate;
            candidate.knobs = knobsOf(current, settings[c]);
            candidate.description = names[c];
            for (const QuotaTarget& t : options.targets) {
                std::vector<double> figures;
                for (int k = 0; k < runs; ++k) {
                    const auto& r = results[c * static_cast<std::size_t>(runs) + static_cast<std::size_t>(k)];
                    if (!r)
                        continue;
                    const int g = groupNamed(*r, t.group);
                    if (g >= 0)
                        figures.push_back(figureOf(*r, groupFigures(*r), g, t.metric, options.pledges));
                }
                TargetOutcome outcome;
                outcome.target = t;
                outcome.figure = median(figures);
                outcome.low = figures.empty() ? 0 : *std::min_element(figures.begin(), figures.end());
                outcome.high = figures.empty() ? 0 : *std::max_element(figures.begin(), figures.end());
                outcome.met = !figures.empty() && shortfall(t, outcome.figure) == 0;
                candidate.shortfall += figures.empty() ? 1.0 : shortfall(t, outcome.figure);
                candidate.outcomes.push_back(outcome);
            }
            out.push_back(candidate);
            tried.push_back(candidate);
            triedSettings.push_back(settings[c]);
            ++evaluations;
        }
        return out;
    }
};

// The index of a variable by group name, or -1.
int variableOf(const Setting& s, const std::string& name)
{
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i].name == name)
            return static_cast<int>(i);
    return -1;
}

} // namespace

bool QuotaCandidate::allMet() const
{
    return std::all_of(outcomes.begin(), outcomes.end(), [](const TargetOutcome& o) { return o.met; });
}

Expected<QuotaSuggestion> suggestQuotas(const Scenario& base, const Policy& basePolicy, const std::string& baseName,
    const CandidateScenario& candidate, const SuggestOptions& options)
{
    const auto started = std::chrono::steady_clock::now();
    if (options.targets.empty())
        return Diagnostic {"--targets", 0, "no targets to meet"};
    const GroupTree tree(basePolicy);
    for (const QuotaTarget& t : options.targets) {
        if (tree.find(t.group) < 0)
            return Diagnostic {"--targets", 0, "target '" + t.text() + "': the pool has no group '" + t.group + "'"};
        if (t.metric == "delivered_over_pledge"
            && std::none_of(options.pledges.begin(), options.pledges.end(),
                [&](const Pledge& p) { return p.experiment == t.group; }))
            return Diagnostic {"--targets", 0, "target '" + t.text() + "': " + t.group + " has no pledge (--pledges)"};
    }

    Search search {candidate, options, {}, base.pool.totalCores(), {}, {}, 0};
    for (const GroupConfig& g : basePolicy.groups) {
        const auto dot = g.name.rfind('.');
        search.current.push_back({g.name, dot == std::string::npos ? std::string() : g.name.substr(0, dot),
            g.staticQuota, g.configQuota, g.acceptSurplus});
    }

    QuotaSuggestion out;
    out.runs = std::max(1, options.runs);
    // What no quota can change: pledges beyond the pool, an experiment whose jobs ask for less than its target.
    double pledged = 0;
    for (const Pledge& p : options.pledges)
        pledged += p.cores;
    if (pledged > static_cast<double>(search.poolCores) + 1e-9)
        out.conflicts.push_back("the pledges add up to " + human::quantity(pledged) + " cores, more than the pool's "
            + human::quantity(static_cast<double>(search.poolCores)));
    const double hours = base.horizonSeconds > 0 ? base.horizonSeconds / 3600.0 : 0.0;
    for (const QuotaTarget& t : options.targets) {
        if (t.metric != "delivered_over_pledge" || !t.atLeast || hours <= 0)
            continue;
        // What its jobs could run within the horizon, had they every core they ask for from their submission.
        const int group = tree.find(t.group);
        const auto& jobs = base.workload.jobs;
        const std::int64_t start = base.startTime.value_or(jobs.empty() ? 0 : jobs.front().submit);
        const auto end = start + static_cast<std::int64_t>(base.horizonSeconds);
        double demanded = 0;
        for (const Job& j : jobs) {
            int g = tree.groupOfSubmitter(base.workload.submitters[j.submitter]);
            while (g > 0 && g != group)
                g = tree.node(g).parent;
            const std::int64_t from = std::max<std::int64_t>(start, j.submit);
            if (g == group && from < end)
                demanded += static_cast<double>(j.cores)
                    * static_cast<double>(std::min<std::int64_t>(j.runtime, end - from)) / 3600.0;
        }
        double cores = 0;
        for (const Pledge& p : options.pledges)
            if (p.experiment == t.group)
                cores = p.cores;
        if (demanded < t.value * cores * hours)
            out.conflicts.push_back(t.group + "'s jobs ask for " + human::quantity(demanded)
                + " core-hours over the run, " + text::fixed(cores > 0 ? demanded / (cores * hours) : 0, 2)
                + " of its pledge: no quota delivers " + text::fixed(t.value, 2) + " of it");
    }

    const auto timeLeft = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < options.maxSeconds
            && !(options.stop && options.stop->load());
    };
    std::vector<QuotaCandidate> first = search.evaluate({search.current}, {"the current quotas"});
    out.current = first.front();
    QuotaCandidate best = out.current;
    Setting bestSetting = search.current;
    double step = 0.1; // of the siblings' total
    std::string moves;
    const unsigned threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t perRound = std::max<std::size_t>(4, std::size_t {2} * threads);
    while (!best.allMet() && step >= 0.01 && search.evaluations < options.maxEvaluations && timeLeft()) {
        // Moves for the targets missed, the worst first: more quota for the group or an ancestor, taken from a
        // sibling of the same kind; surplus accepted where it is not.
        std::vector<std::pair<double, std::string>> missed;
        for (const TargetOutcome& o : best.outcomes)
            if (!o.met)
                missed.emplace_back(shortfall(o.target, o.figure), o.target.group);
        std::sort(missed.rbegin(), missed.rend());
        std::vector<Setting> settings;
        std::vector<std::string> names;
        std::set<std::vector<std::pair<std::string, std::string>>> seen;
        for (const auto& tried : search.triedSettings)
            seen.insert(knobsOf(search.current, tried));
        const auto propose = [&](Setting s, const std::string& name) {
            auto knobs = knobsOf(search.current, s);
            if (settings.size() < perRound && seen.insert(knobs).second) {
                settings.push_back(std::move(s));
                names.push_back(name);
            }
        };
        for (const auto& [gap, groupName] : missed) {
            for (std::string node = groupName; !node.empty();) {
                const int n = variableOf(bestSetting, node);
                if (n < 0)
                    break;
                const QuotaVariable& v = bestSetting[static_cast<std::size_t>(n)];
                double siblings = 0;
                for (const auto& other : bestSetting)
                    if (other.parent == v.parent && other.isStatic == v.isStatic)
                        siblings += other.value;
                const double delta = v.isStatic ? std::max(1.0, std::round(step * siblings)) : step;
                for (std::size_t s = 0; s < bestSetting.size(); ++s) {
                    const QuotaVariable& donor = bestSetting[s];
                    if (static_cast<int>(s) == n || donor.parent != v.parent || donor.isStatic != v.isStatic
                        || donor.value < delta)
                        continue;
                    Setting moved = bestSetting;
                    moved[static_cast<std::size_t>(n)].value += delta;
                    moved[s].value -= delta;
                    propose(moved,
                        v.name + " +"
                            + (v.isStatic ? human::quantity(delta) + " cores"
                                          : text::fixed(delta, 3) + " of its parent")
                            + " from " + donor.name);
                }
                if (!v.acceptSurplus) {
                    Setting accepting = bestSetting;
                    accepting[static_cast<std::size_t>(n)].acceptSurplus = true;
                    propose(accepting, v.name + " accepts surplus");
                }
                node = v.parent;
            }
        }
        if (settings.empty()) {
            step /= 2;
            continue;
        }
        const std::vector<QuotaCandidate> round = search.evaluate(settings, names);
        std::size_t winner = round.size();
        for (std::size_t i = 0; i < round.size(); ++i)
            if (round[i].shortfall < best.shortfall - 1e-9
                && (winner == round.size() || round[i].shortfall < round[winner].shortfall))
                winner = i;
        if (winner == round.size()) {
            step /= 2; // no move helps at this size: try smaller ones
            continue;
        }
        moves += (moves.empty() ? "" : "; ") + names[winner]; // the moves so far, in order
        best = round[winner];
        best.description = moves;
        bestSetting = settings[winner];
    }
    // Met: the smallest part of the way from the current quotas that still meets every target (a quarter, a half or
    // three quarters of each change), so that a suggestion moves no more quota than it needs to.
    if (best.allMet() && !best.knobs.empty() && search.evaluations < options.maxEvaluations && timeLeft()) {
        std::vector<Setting> settings;
        std::vector<std::string> names;
        for (double part : {0.25, 0.5, 0.75}) {
            Setting partial = bestSetting;
            for (std::size_t i = 0; i < partial.size(); ++i) {
                // Whole cores toward no change: siblings' quotas then never add up to more than before.
                const double change = part * (bestSetting[i].value - search.current[i].value);
                partial[i].value = search.current[i].value + (partial[i].isStatic ? std::trunc(change) : change);
            }
            settings.push_back(partial);
            names.push_back(moves + " (" + text::fixed(part * 100, 0) + " % of it)");
        }
        const std::vector<QuotaCandidate> round = search.evaluate(settings, names);
        for (std::size_t i = 0; i < round.size(); ++i)
            if (round[i].allMet() && !round[i].knobs.empty()) {
                best = round[i];
                bestSetting = settings[i];
                break; // the smallest part that meets them
            }
    }
    out.best = best;
    out.feasible = best.allMet() && out.conflicts.empty();
    out.evaluations = search.evaluations;

    // Why the rest cannot be met: for each target still missed, what meeting it cost in the settings tried.
    for (const TargetOutcome& o : best.outcomes) {
        if (o.met)
            continue;
        const QuotaCandidate* meets = nullptr;
        for (const auto& c : search.tried)
            for (const auto& other : c.outcomes)
                if (other.target.text() == o.target.text() && other.met && (!meets || c.shortfall < meets->shortfall))
                    meets = &c;
        if (!meets) {
            out.conflicts.push_back(
                "no setting tried meets " + o.target.text() + " (the closest: " + text::fixed(o.figure, 2) + ")");
            continue;
        }
        std::string missedThere;
        for (const auto& other : meets->outcomes)
            if (!other.met)
                missedThere += (missedThere.empty() ? "" : ", ") + other.target.text();
        out.conflicts.push_back("meeting " + o.target.text() + " (" + meets->description + ") misses " + missedThere);
    }
    // The trade-offs: the best other settings tried, each once.
    std::vector<const QuotaCandidate*> others;
    for (const auto& c : search.tried)
        if (c.knobs != best.knobs && !c.knobs.empty())
            others.push_back(&c);
    std::stable_sort(others.begin(), others.end(),
        [](const QuotaCandidate* a, const QuotaCandidate* b) { return a->shortfall < b->shortfall; });
    for (std::size_t i = 0; i < others.size() && out.alternatives.size() < 5; ++i)
        out.alternatives.push_back(*others[i]);

    // The snippet: the knobs of the best setting over the scenario's configuration.
    if (auto chosen = candidate(best.knobs))
        out.snippet = configSnippet(basePolicy, chosen->policy, baseName);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return out;
}

Expected<QuotaSuggestion> suggestQuotas(const ScenarioSpec& spec, const SuggestOptions& options)
{
    auto config = scenarioConfig(spec);
    if (!config)
        return config.error();
    auto policy = policyFromConfig(*config);
    if (!policy)
        return policy.error();
    Warnings warnings;
    auto base = buildScenario(spec, warnings);
    if (!base)
        return base.error();
    const CandidateScenario candidate = [&](const std::vector<std::pair<std::string, std::string>>& knobs) {
        ScenarioSpec changed = spec;
        for (const auto& [key, value] : knobs)
            if (auto error = setScenarioValue(changed, key, value, KnobOrigin {"suggest", 0}))
                return Expected<Scenario>(*error);
        Warnings ignored; // the base's are the same
        return buildScenario(changed, ignored);
    };
    return suggestQuotas(
        *base, *policy, spec.name.empty() ? std::string("the scenario") : spec.name, candidate, options);
}

} // namespace pp
