// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// What explaining the waits costs (issue 15: under 20 % over the plain run): the demo week and the LPC-EGEE trace,
// each run alternately with the explainer off and on, in the same process; the median of each and their ratio.
// Figures only, no assertions.
#include "benchtiming.h"

#include "io/swfreader.h"
#include "model/pool.h"
#include "scenario/demo.h"
#include "sim/simulator.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace pp;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void compare(const char* name, const Scenario& scenario, int rounds)
{
    std::vector<double> plain;
    std::vector<double> explained;
    for (int i = 0; i < rounds; ++i)
        for (bool explain : {false, true}) {
            SimulationOptions options;
            options.explainWaits = explain;
            const double seconds = secondsOf([&] { (void)simulate(scenario, options); });
            (explain ? explained : plain).push_back(seconds);
        }
    const double p = median(plain);
    const double e = median(explained);
    std::printf("%-34s plain %.3f s, explained %.3f s: %.2fx (%+.1f %%), median of %d each\n", name, p, e, e / p,
        (e / p - 1) * 100, rounds);
}

} // namespace

int main(int argc, char** argv)
{
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    compare("demo week (20,480 cores)", demoScenario(1), rounds);
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
    compare("LPC-EGEE 2004 (70 x 2 cores)", lpc, rounds);
    return 0;
}
