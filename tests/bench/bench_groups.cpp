// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Large group trees (not run by ctest): a three-level tree of about 10,000 groups with dynamic quotas, 200,000
// one-core jobs over a week from two users per leaf. Times what `allocate` does (the configuration read, the
// tree, quotas and one allocation round) and a whole simulation, against a one-group baseline of the same jobs.
#include "config/config.h"
#include "policy/policyfromconfig.h"
#include "policy/quotaallocation.h"
#include "sim/simulator.h"
#include "util/randomstream.h"

#include "benchfingerprint.h"
#include "benchtiming.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace pp;

namespace {

struct Tree
{
    std::string config;
    std::vector<std::string> leaves;
    int groups = 0;
};

// experiments × queues × leaves groups (plus the inner nodes), quotas as fractions of the parent's.
Tree makeTree(int experiments, int queues, int leaves)
{
    Tree t;
    std::string names;
    std::string quotas;
    const auto add = [&](const std::string& name, double fraction) {
        names += (names.empty() ? "" : ", ") + name;
        quotas += "GROUP_QUOTA_DYNAMIC_" + name + " = " + std::to_string(fraction) + "\n";
        ++t.groups;
    };
    for (int e = 0; e < experiments; ++e) {
        const std::string exp = "e" + std::to_string(e);
        add(exp, 1.0 / experiments);
        for (int q = 0; q < queues; ++q) {
            const std::string queue = exp + ".q" + std::to_string(q);
            add(queue, 1.0 / queues);
            for (int l = 0; l < leaves; ++l) {
                const std::string leaf = queue + ".l" + std::to_string(l);
                add(leaf, 1.0 / leaves);
                t.leaves.push_back(leaf);
            }
        }
    }
    t.config = "GROUP_NAMES = " + names + "\n" + quotas + "GROUP_ACCEPT_SURPLUS = True\n";
    return t;
}

Workload makeWorkload(const std::vector<std::string>& leaves, bool oneGroup, long jobs, std::uint64_t seed)
{
    Workload w;
    w.source = "bench_groups";
    RandomStream random(seed);
    std::vector<std::uint32_t> users;
    for (std::size_t l = 0; l < leaves.size(); ++l)
        for (int u = 1; u <= 2; ++u)
            users.push_back(w.submitterIndex(
                (oneGroup ? "" : leaves[l] + ".") + "u" + std::to_string(l) + "_" + std::to_string(u)));
    for (long j = 0; j < jobs; ++j) {
        Job job;
        job.submit = static_cast<std::uint32_t>(random.uniform() * 7 * 86400.0);
        job.runtime
            = static_cast<std::uint32_t>(std::clamp(3600.0 * std::exp(0.8 * random.normal()), 60.0, 72 * 3600.0));
        job.cores = 1;
        job.memoryMb = 2048;
        job.submitter = users[static_cast<std::size_t>(random.uniform() * static_cast<double>(users.size()))];
        w.jobs.push_back(job);
    }
    std::stable_sort(w.jobs.begin(), w.jobs.end(), [](const Job& a, const Job& b) { return a.submit < b.submit; });
    return w;
}

} // namespace

int main(int argc, char** argv)
{
    const int experiments = argc > 1 ? std::atoi(argv[1]) : 10;
    const int queues = argc > 2 ? std::atoi(argv[2]) : 30;
    const int leaves = argc > 3 ? std::atoi(argv[3]) : 33;
    const long jobs = argc > 4 ? std::atol(argv[4]) : 200000;
    // More configuration for both runs, lines separated by ';': "GROUP_ACCEPT_SURPLUS = False;...".
    std::string extra = argc > 5 ? std::string(argv[5]) + "\n" : std::string();
    std::replace(extra.begin(), extra.end(), ';', '\n');
    Tree tree = makeTree(experiments, queues, leaves);
    tree.config += extra;
    std::printf("PoolPlanner group-tree benchmark: %d groups (%d x %d x %d), %ld jobs over a week, 1,000 x 32 cores\n",
        tree.groups, experiments, queues, leaves, jobs);

    // allocate: read the configuration, build the tree, quotas and one round for a demand in every leaf.
    std::vector<GroupAllocation> rows;
    const double allocate = secondsOf([&] {
        auto config = Config::fromText(tree.config, "bench.config");
        auto policy = policyFromConfig(config.value());
        const GroupTree groups(policy.value());
        std::vector<double> demand(static_cast<std::size_t>(groups.size()), 0.0);
        for (std::size_t g = 0; g < demand.size(); ++g)
            demand[g] = static_cast<double>(g % 7);
        rows = allocateOnce(groups, 32000, demand, policy->allowQuotaOversubscription, policy->useSlotWeights);
    });
    std::printf("  allocate              %7.3f s  (%zu rows)\n", allocate, rows.size());

    Scenario flat;
    flat.name = "one group";
    flat.pool = Pool::uniform(32000, 32).value(); // 1,000 machines
    flat.policy = policyFromConfig(Config::fromText(extra, "defaults").value()).value();
    flat.workload = makeWorkload(tree.leaves, true, jobs, 7);
    Scenario deep = flat;
    deep.name = "tree";
    deep.workload = makeWorkload(tree.leaves, false, jobs, 7);
    deep.policy = policyFromConfig(Config::fromText(tree.config, "bench.config").value()).value();

    Result flatResult;
    Result deepResult;
    const double baseline = secondsOf([&] { flatResult = simulate(flat); });
    const double simulateTree = secondsOf([&] { deepResult = simulate(deep); });
    std::printf("  simulate, no groups   %7.3f s  (%ld jobs done, %ld cycles)\n", baseline, flatResult.jobsCompleted,
        flatResult.negotiationCycles);
    std::printf("  simulate, the tree    %7.3f s  (%ld jobs done, %ld cycles)  %.2fx the baseline\n", simulateTree,
        deepResult.jobsCompleted, deepResult.negotiationCycles, simulateTree / baseline);
    // The same tree with the wait explainer off: what explaining the waits costs here.
    SimulationOptions plain;
    plain.explainWaits = false;
    const double unexplained = secondsOf([&] { (void)simulate(deep, plain); });
    std::printf("  the tree, unexplained %7.3f s  (explaining costs %.2fx)\n", unexplained, simulateTree / unexplained);
    std::printf("  fingerprints: no groups %016llx, the tree %016llx\n",
        static_cast<unsigned long long>(resultFingerprint(flatResult)),
        static_cast<unsigned long long>(resultFingerprint(deepResult)));
    for (const auto& note : deepResult.notes)
        std::printf("  note: %s\n", note.c_str());
    return 0;
}
