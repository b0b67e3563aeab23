// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Ensemble benchmark (not run by ctest): what K tie seeds cost against one run of the same scenario, in the same
// process (issue "ranges, not certainties": an ensemble of 8 over the demo week, 32 runs of LPC-EGEE). One run is
// timed first and again last; the ratio is the ensemble's wall time over the faster of the two.
#include "io/swfreader.h"
#include "scenario/demo.h"
#include "sim/simulator.h"
#include "sweep/ensemblerun.h"

#include "benchtiming.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

using namespace pp;

namespace {

void measure(const char* name, const Scenario& scenario, int runs)
{
    const double before = secondsOf([&] { (void)simulate(scenario); });
    EnsembleRunOptions options;
    options.runs = runs;
    const double ensemble = secondsOf([&] { (void)runEnsemble(scenario, options); });
    const double after = secondsOf([&] { (void)simulate(scenario); });
    const double one = std::min(before, after);
    std::printf("%-26s one run %6.3f s (%6.3f, %6.3f)  %3d runs on %u threads %7.3f s  = %5.2f x one run\n", name, one,
        before, after, runs, std::max(1u, std::min(std::thread::hardware_concurrency(), static_cast<unsigned>(runs))),
        ensemble, ensemble / one);
}

} // namespace

int main(int argc, char** argv)
{
    const char* only = argc > 1 ? argv[1] : nullptr;
    std::printf("PoolPlanner ensemble benchmark (K tie seeds on all cores against one run, same process)\n");
    if (!only || std::strstr("demo", only))
        measure("demo week (20,480 cores)", demoScenario(1), 8);
    if (!only || std::strstr("LPC", only)) {
        Scenario lpc;
        lpc.pool = Pool::uniform(140, 2).value();
        SwfOptions options;
        options.largestMachineCores = 2;
        Warnings warnings;
        auto workload = readSwf(std::string(PP_SHARED_DIR) + "/traces/LPC-EGEE-2004-1.2-cln.swf.gz", options, warnings);
        if (!workload) {
            std::fprintf(stderr, "%s\n", workload.error().message().c_str());
            return 1;
        }
        lpc.workload = std::move(workload).value();
        lpc.name = "LPC-EGEE";
        measure("LPC-EGEE (70 x 2 cores)", lpc, 32);
    }
    return 0;
}
