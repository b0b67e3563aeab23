// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenario/workloadscaling.h"

#include "util/text.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace pp {

namespace {

// The factor for a submitter "a.b.user": the longest configured group that is a prefix of its group path. Group
// names compare without case, as HTCondor's do.
double factorFor(const std::string& submitter, const std::map<std::string, double>& factors)
{
    double factor = 1.0;
    std::size_t best = 0;
    const std::string lowerSubmitter = text::toLower(submitter);
    for (const auto& [group, f] : factors) {
        const std::string lowerGroup = text::toLower(group);
        const bool matches = lowerSubmitter.size() > lowerGroup.size()
            && lowerSubmitter.compare(0, lowerGroup.size(), lowerGroup) == 0
            && lowerSubmitter[lowerGroup.size()] == '.';
        if (matches && group.size() > best) {
            best = group.size();
            factor = f;
        }
    }
    return std::max(0.0, factor);
}

// SplitMix64: a well-mixed hash of (seed, job), uniform in [0, 1).
double uniform(std::uint64_t seed, std::uint64_t job)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (job + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) / 9007199254740992.0;
}

} // namespace

namespace {

Workload scale(const Workload& workload, const std::map<std::string, double>& factors, std::uint64_t seed,
    const std::vector<bool>& fixed, std::vector<std::uint32_t>* newIndexOfFixed)
{
    Workload scaled;
    scaled.submitters = workload.submitters;
    scaled.epoch = workload.epoch;
    scaled.source = workload.source;
    std::vector<double> factorOf(workload.submitters.size());
    for (std::size_t s = 0; s < workload.submitters.size(); ++s)
        factorOf[s] = factorFor(workload.submitters[s], factors);
    scaled.jobs.reserve(workload.jobs.size());
    std::vector<std::int64_t> origin; // the original index of a kept-once job, -1 for the others
    origin.reserve(workload.jobs.size());
    for (std::size_t j = 0; j < workload.jobs.size(); ++j) {
        const Job& job = workload.jobs[j];
        const bool keepOnce = j < fixed.size() && fixed[j];
        const double f = keepOnce ? 1.0 : job.submitter < factorOf.size() ? factorOf[job.submitter] : 1.0;
        auto copies = static_cast<std::uint32_t>(std::floor(f));
        if (uniform(seed, j) < f - std::floor(f))
            ++copies;
        for (std::uint32_t c = 0; c < copies; ++c) {
            Job copy = job;
            copy.submit = job.submit + c;
            origin.push_back(keepOnce ? static_cast<std::int64_t>(j) : -1);
            scaled.jobs.push_back(copy);
        }
    }
    std::vector<std::uint32_t> order(scaled.jobs.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
        [&](std::uint32_t a, std::uint32_t b) { return scaled.jobs[a].submit < scaled.jobs[b].submit; });
    std::vector<Job> sorted;
    sorted.reserve(order.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        sorted.push_back(scaled.jobs[order[i]]);
        if (newIndexOfFixed && origin[order[i]] >= 0)
            (*newIndexOfFixed)[static_cast<std::size_t>(origin[order[i]])] = i;
    }
    scaled.jobs = std::move(sorted);
    return scaled;
}

} // namespace

Workload scaleWorkload(const Workload& workload, const std::map<std::string, double>& factors, std::uint64_t seed)
{
    return scale(workload, factors, seed, {}, nullptr);
}

void scaleScenarioWorkload(Scenario& scenario, const std::map<std::string, double>& factors)
{
    if (factors.empty())
        return;
    std::vector<bool> fixed(scenario.workload.jobs.size(), false);
    for (const auto& r : scenario.running)
        if (r.job < fixed.size())
            fixed[r.job] = true;
    std::vector<std::uint32_t> newIndex(scenario.workload.jobs.size(), 0);
    scenario.workload = scale(scenario.workload, factors, scenario.seed, fixed, &newIndex);
    for (auto& r : scenario.running)
        r.job = newIndex[r.job];
}

} // namespace pp
