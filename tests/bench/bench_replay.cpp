// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Replay benchmark (not run by ctest): the real LPC-EGEE and HPC2N traces and the demo-scale week, each in
// both slot modes (default: a p-slot match costs the whole slot; CONSUMPTION_POLICY: priced per job), and the
// demo's merge study (seven pools flocking to each other; one merged pool).
// Each case runs in a child process so that its peak memory is its own. Figures only, no assertions.
#include "config/config.h"
#include "io/swfreader.h"
#include "policy/policyfromconfig.h"
#include "scenario/demo.h"
#include "scenario/mergevariants.h"
#include "sim/simulator.h"

#include "benchfingerprint.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace pp;

namespace {

long peakRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

long currentRssKb()
{
    long pages = 0;
    long resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

struct Case
{
    const char* name;
    const char* trace; // relative to the shared folder; nullptr = the demo
    int cores;
    int machineCores;
};

constexpr Case cases[] = {
    {"LPC-EGEE 2004 (70 x 2 cores)", "traces/LPC-EGEE-2004-1.2-cln.swf.gz", 140, 2},
    {"HPC2N 2002 (1 x 240 cores)", "traces/HPC2N-2002-2.2-cln.swf.gz", 240, 240},
    {"demo week (20,480 cores)", nullptr, 0, 0},
};

enum class Variant { Default, Consumption, Preemption, Defrag, Separate, Merged };

const char* variantName(Variant v)
{
    switch (v) {
    case Variant::Default:
        return "default";
    case Variant::Consumption:
        return "consumption";
    case Variant::Preemption:
        return "+preemption";
    case Variant::Defrag:
        return "+defrag";
    case Variant::Separate:
        return "separate";
    case Variant::Merged:
        return "merged";
    }
    return "";
}

int runCase(const Case& c, Variant variant)
{
    const auto t0 = std::chrono::steady_clock::now();
    Scenario scenario;
    if (c.trace) {
        auto pool = Pool::uniform(c.cores, c.machineCores);
        scenario.pool = pool.value();
        SwfOptions options;
        options.largestMachineCores = c.machineCores;
        Warnings warnings;
        auto workload = readSwf(std::string(PP_SHARED_DIR) + "/" + c.trace, options, warnings);
        if (!workload) {
            std::fprintf(stderr, "%s\n", workload.error().message().c_str());
            return 1;
        }
        scenario.workload = std::move(workload).value();
        scenario.name = c.name;
    } else {
        scenario = demoScenario(1);
    }
    if (variant == Variant::Preemption) // intra-pool priority preemption, the classic UWCS form without the hour
        scenario.policy.preemptionRequirements = "RemoteUserPrio > SubmitterUserPrio * 1.2";
    if (variant == Variant::Defrag) {
        scenario.policy.defragDrainingMachinesPerHour = 2;
        scenario.policy.maxJobRetirementTime = 3600;
    }
    if (variant == Variant::Consumption) {
        scenario.policy.consumptionPolicy = true;
        scenario.policy.claimPartitionableLeftovers = false;
        scenario.policy.claimWorklife = 0;
    }
    if (variant == Variant::Separate) // the merge study: its experiments' own pools, flocking
        scenario = separatePoolsVariant(scenario).value();
    if (variant == Variant::Merged)
        scenario = mergedPoolVariant(scenario).value();
    const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const long rssBefore = currentRssKb();
    const Result result = simulate(scenario);
    const long peak = peakRssKb();
    const double jobs = static_cast<double>(scenario.workload.jobs.size());
    // What the engine holds per job beyond the loaded workload: outcomes, queues, claims, heap.
    const double engineBytesPerJob = static_cast<double>(peak - rssBefore) * 1024.0 / jobs;
    std::printf("%-30s %-12s jobs %8.0f  load %6.3f s  replay %6.3f s  %9.0f jobs/s  %8.0f cycles/s  util %5.1f %%  "
                "peak %6.1f MiB  engine %5.1f B/job (+%zu B/job workload)  fingerprint %016llx\n",
        c.name, variantName(variant), jobs, loadSeconds, result.wallSeconds, jobs / result.wallSeconds,
        static_cast<double>(result.negotiationCycles) / result.wallSeconds, result.utilization * 100.0,
        static_cast<double>(peak) / 1024.0, engineBytesPerJob, sizeof(Job),
        static_cast<unsigned long long>(resultFingerprint(result)));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const char* only = argc > 1 ? argv[1] : nullptr; // a case name's part: "demo", "LPC"
    const char* onlyVariant = argc > 2 ? argv[2] : nullptr; // a variant: "default", "merged"
    std::printf("PoolPlanner replay benchmark (one core, each case in its own process)\n");
    for (const Case& c : cases) {
        if (only && !std::strstr(c.name, only))
            continue;
        std::vector<Variant> variants {Variant::Default, Variant::Consumption};
        if (c.trace && std::strstr(c.trace, "LPC")) // policy costs measured against the plain replay, same trace
            variants.insert(variants.end(), {Variant::Preemption, Variant::Defrag});
        if (!c.trace) // the merge study's two variants against the demo as it is
            variants.insert(variants.end(), {Variant::Separate, Variant::Merged});
        for (Variant variant : variants) {
            if (onlyVariant && std::strcmp(variantName(variant), onlyVariant) != 0)
                continue;
            std::fflush(stdout);
            const pid_t child = fork();
            if (child == 0) {
                const int code = runCase(c, variant);
                std::fflush(stdout);
                _exit(code);
            }
            int status = 0;
            waitpid(child, &status, 0);
            if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
                std::printf("%-30s failed\n", c.name);
        }
    }
    return 0;
}
