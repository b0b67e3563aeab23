// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweep/parallelrun.h"

#include "sim/simulator.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

namespace pp {

namespace {

/// Frees the vector's memory too (`v = {}` would keep its capacity).
template <typename T> void release(std::vector<T>& v)
{
    std::vector<T>().swap(v);
}

void dropDetails(Result& r)
{
    release(r.jobs);
    release(r.poolSeries);
    release(r.groupSeries);
    release(r.machineSeries);
    release(r.cycles);
    release(r.submitters);
}

RunOutcome runOne(const ScenarioSpec& spec, bool keepWorkload, bool summaryOnly)
{
    RunOutcome outcome;
    // A worker thread must not let an exception (out of memory on a huge variant) end the whole batch.
    try {
        auto scenario = buildScenario(spec, outcome.warnings);
        if (!scenario) {
            outcome.error = scenario.error();
            return outcome;
        }
        outcome.result = simulate(*scenario);
        if (summaryOnly)
            dropDetails(*outcome.result);
        if (keepWorkload)
            outcome.workload = std::move(scenario->workload);
    } catch (const std::exception& e) {
        outcome.result.reset();
        outcome.error = Diagnostic {spec.sourcePath.empty() ? spec.name : spec.sourcePath, 0,
            std::string("the simulation failed: ") + e.what()};
    }
    return outcome;
}

} // namespace

void runOnThreads(unsigned threads, const std::function<void()>& work)
{
    if (threads <= 1) {
        work();
        return;
    }
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back(work);
    for (auto& t : pool)
        t.join();
}

std::vector<RunOutcome> runScenarios(const std::vector<ScenarioSpec>& specs, const ParallelRunOptions& options)
{
    std::vector<RunOutcome> outcomes(specs.size());
    unsigned threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, specs.size()));
    std::atomic<std::size_t> next {0};
    std::size_t done = 0;
    std::mutex progressMutex;
    const auto work = [&]() {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= specs.size() || (options.stop && options.stop->load()))
                return;
            outcomes[i] = runOne(specs[i], options.keepWorkloads, options.summariesOnly);
            const std::lock_guard lock(progressMutex);
            ++done;
            if (options.onProgress)
                options.onProgress(done, specs.size());
        }
    };
    runOnThreads(threads, work);
    for (std::size_t i = 0; i < outcomes.size(); ++i)
        if (!outcomes[i].result && !outcomes[i].error)
            outcomes[i].error = Diagnostic {specs[i].name, 0, "not run: stopped"};
    return outcomes;
}

} // namespace pp
