// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweep/ensemblerun.h"

#include "sweep/parallelrun.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

namespace pp {

EnsembleRuns runEnsemble(const Scenario& scenario, const EnsembleRunOptions& options)
{
    const auto runs = static_cast<std::size_t>(std::max(1, options.runs));
    std::vector<Result> results(runs);
    std::vector<std::uint64_t> seeds(runs);
    for (std::size_t k = 0; k < runs; ++k)
        seeds[k] = options.firstTieSeed + k;
    unsigned threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, runs));
    std::atomic<std::size_t> next {0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    const auto work = [&]() {
        for (;;) {
            const std::size_t k = next.fetch_add(1);
            if (k >= runs || (options.stop && options.stop->load()))
                return;
            try {
                SimulationOptions own = options.simulation;
                own.tieSeed = seeds[k];
                results[k] = simulate(scenario, own, {}, options.stop);
                if (k > 0) { // the summary is all an ensemble reads of the other runs
                    std::vector<JobOutcome>().swap(results[k].jobs);
                    std::vector<std::vector<MachineSample>>().swap(results[k].machineSeries);
                    std::vector<CycleRecord>().swap(results[k].cycles);
                }
            } catch (...) {
                const std::lock_guard lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
                next = runs; // the others stop too
            }
        }
    };
    runOnThreads(threads, work);
    if (failure)
        std::rethrow_exception(failure);
    if (options.stop && options.stop->load()) // runs never started are not part of it
        for (std::size_t k = 0; k < results.size(); ++k)
            if (results[k].simulatedSeconds == 0 && results[k].groups.empty()) {
                results.resize(k);
                seeds.resize(k);
                break;
            }
    return {std::move(results), std::move(seeds)};
}

} // namespace pp
