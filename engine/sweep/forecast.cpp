// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweep/forecast.h"

#include "format/waitexplanation.h"
#include "policy/grouptree.h"
#include "sim/simulator.h"
#include "sweep/parallelrun.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <mutex>

namespace pp {

namespace {

// The probe, submitted at the scenario's start by `submitter`, placed after the jobs already there (a snapshot's
// running jobs keep their indices moved along). Returns its index.
std::uint32_t addProbe(Scenario& scenario, const std::string& submitter, const ForecastRequest& request)
{
    auto& workload = scenario.workload;
    const std::int64_t start = scenario.startTime.value_or(
        workload.jobs.empty() ? 0 : static_cast<std::int64_t>(workload.jobs.front().submit));
    std::uint32_t submitterIndex = 0;
    const auto known = std::find(workload.submitters.begin(), workload.submitters.end(), submitter);
    if (known != workload.submitters.end()) {
        submitterIndex = static_cast<std::uint32_t>(known - workload.submitters.begin());
    } else {
        submitterIndex = static_cast<std::uint32_t>(workload.submitters.size());
        workload.submitters.push_back(submitter);
    }
    Job probe;
    probe.submit = static_cast<std::uint32_t>(std::max<std::int64_t>(0, start));
    probe.runtime = 3600;
    probe.cores = static_cast<std::uint16_t>(std::clamp(request.cores, 1, 65535));
    probe.memoryMb = static_cast<std::uint32_t>(std::max(0L, request.memoryMb));
    probe.kind = request.notebook ? Notebook : Batch;
    probe.submitter = submitterIndex;
    const auto at = std::upper_bound(workload.jobs.begin(), workload.jobs.end(), probe.submit,
        [](std::uint32_t t, const Job& j) { return t < j.submit; });
    const auto index = static_cast<std::uint32_t>(at - workload.jobs.begin());
    workload.jobs.insert(at, probe);
    for (auto& r : scenario.running)
        if (r.job >= index)
            ++r.job;
    return index;
}

double percentileOf(const std::vector<double>& sorted, double p, int notStarted)
{
    // Runs where it did not start count as beyond every start: nearest rank over all runs.
    const auto n = static_cast<double>(sorted.size());
    const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(p / 100.0 * n))) - 1;
    const std::size_t started = sorted.size() - static_cast<std::size_t>(notStarted);
    return rank < started ? sorted[rank] : -1.0;
}

// The forecast over `runs` scenarios: the first given, each further one from `another(seed)` (a model's arrivals
// drawn anew) or, without it, the first again.
Expected<StartForecast> forecastFrom(const Scenario& first, const ForecastRequest& request, bool modelled,
    const std::function<Expected<Scenario>(std::uint64_t)>& another)
{
    if (request.cores < 1)
        return Diagnostic {"--cores", 0, "a job asks for at least one core"};
    if (request.runs < 1)
        return Diagnostic {"--ensemble", 0, "a forecast needs at least one run"};
    const GroupTree tree(first.policy);
    int group = tree.find(request.group);
    if (group < 0)
        group = tree.find("group_" + request.group);
    if (group < 0) {
        std::string known;
        for (const auto& node : tree.nodes())
            known += (known.empty() ? "" : ", ") + node.name;
        return Diagnostic {"--group", 0, "no group '" + request.group + "' in this pool (its groups: " + known + ")"};
    }
    if (request.cores > first.pool.largestMachineCores())
        return Diagnostic {"--cores", 0,
            std::to_string(request.cores) + " cores: wider than every machine of the pool ("
                + std::to_string(first.pool.largestMachineCores()) + " cores), it would never start"};
    StartForecast out;
    out.group = tree.node(group).name;
    const std::string user = request.user.empty() ? std::string("forecast") : request.user;
    out.submitter = group == GroupTree::root || user.rfind(out.group + ".", 0) == 0 ? user : out.group + "." + user;
    out.cores = request.cores;
    out.memoryMb = request.memoryMb;
    out.notebook = request.notebook;
    out.arrivalsModelled = modelled;
    out.when = request.when;
    out.horizonSeconds = request.horizonSeconds;
    out.spawnTimeoutSeconds = first.policy.notebookStartTimeout;

    std::vector<Scenario> scenarios;
    std::vector<std::uint32_t> probes;
    for (int k = 1; k <= request.runs; ++k) {
        Scenario s;
        if (k == 1 || !another) {
            s = first;
        } else {
            auto loaded = another(static_cast<std::uint64_t>(k));
            if (!loaded)
                return loaded.error();
            s = std::move(loaded).value();
        }
        s.horizonSeconds = static_cast<double>(request.submitAfter) + request.horizonSeconds;
        probes.push_back(addProbe(s, out.submitter, request));
        out.laterJobs = out.laterJobs || probes.back() + 1 < s.workload.jobs.size();
        scenarios.push_back(std::move(s));
    }
    std::vector<double> waits(scenarios.size(), -1.0);
    std::vector<char> spawnFailed(scenarios.size(), 0);
    std::string why;
    std::size_t next = 0;
    std::mutex lock;
    runOnThreads(request.threads, [&] {
        for (;;) {
            std::size_t k = 0;
            {
                const std::lock_guard<std::mutex> guard(lock);
                if (next >= scenarios.size() || (request.stop && request.stop->load()))
                    return;
                k = next++;
            }
            SimulationOptions options;
            options.tieSeed = k + 1;
            options.explainWaits = k == 0; // the first run also says why the group waits
            options.sampleInterval = 3600;
            const Result r = simulate(scenarios[k], options);
            if (k == 0) // over what followed its submission
                why = waitSentence(r, group,
                    RunPeriod {
                        request.submitAfter, request.submitAfter + static_cast<std::int64_t>(request.horizonSeconds)});
            const JobOutcome& o = r.jobs.at(probes[k]);
            const std::int64_t submitted
                = static_cast<std::int64_t>(scenarios[k].workload.jobs[probes[k]].submit) - r.startTime;
            if (o.fate == SpawnFailed)
                spawnFailed[k] = 1;
            else if (o.firstStart >= 0)
                waits[k] = static_cast<double>(o.firstStart - submitted)
                    + (request.notebook ? r.notebookStartupSeconds : 0.0);
        }
    });
    out.notStarted = static_cast<int>(std::count_if(waits.begin(), waits.end(), [](double w) { return w < 0; }));
    std::vector<double> sorted;
    for (double w : waits)
        if (w >= 0)
            sorted.push_back(w);
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < out.notStarted; ++i)
        sorted.push_back(-1.0);
    out.waits = sorted;
    if (out.notStarted > 0)
        out.why = why;
    out.p50 = percentileOf(sorted, 50, out.notStarted);
    out.p90 = percentileOf(sorted, 90, out.notStarted);
    if (request.notebook) {
        int failed = 0;
        for (std::size_t k = 0; k < waits.size(); ++k)
            failed += spawnFailed[k] || (waits[k] >= 0 && waits[k] > out.spawnTimeoutSeconds) ? 1 : 0;
        out.timeoutChance = static_cast<double>(failed) / static_cast<double>(waits.size());
    }
    return out;
}

} // namespace

Expected<StartForecast> forecastStart(const ScenarioInputs& inputs, const ForecastRequest& request, Warnings& warnings)
{
    auto first = loadScenario(inputs, warnings);
    if (!first)
        return first.error();
    const bool modelled = !inputs.modelPath.empty();
    const auto another = [&](std::uint64_t seed) {
        ScenarioInputs seeded = inputs;
        seeded.seed = seed;
        Warnings ignored; // the first run's are the same
        return loadScenario(seeded, ignored);
    };
    return forecastFrom(*first, request, modelled,
        modelled ? std::function<Expected<Scenario>(std::uint64_t)>(another)
                 : std::function<Expected<Scenario>(std::uint64_t)> {});
}

Expected<StartForecast> forecastStart(const Scenario& scenario, const ForecastRequest& request)
{
    return forecastFrom(scenario, request, false, {});
}

} // namespace pp
