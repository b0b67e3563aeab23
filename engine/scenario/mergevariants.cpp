// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenario/mergevariants.h"

#include "classad/expression.h"
#include "policy/grouptree.h"
#include "util/text.h"

#include <algorithm>
#include <numeric>

namespace pp {

namespace {

std::string topLevelOf(const std::string& group)
{
    return group.substr(0, group.find('.'));
}

int indexOf(const std::vector<std::string>& names, const std::string& name)
{
    for (std::size_t i = 0; i < names.size(); ++i)
        if (text::toLower(names[i]) == text::toLower(name))
            return static_cast<int>(i);
    return -1;
}

/// The configured share of the pool each experiment has, as cores.
std::vector<double> quotaCores(const Policy& policy, const std::vector<std::string>& experiments, double poolCores)
{
    std::vector<double> cores;
    for (const auto& e : experiments) {
        const GroupConfig* g = policy.group(e);
        cores.push_back(!g ? 0.0 : g->staticQuota ? g->configQuota : g->configQuota * poolCores);
    }
    return cores;
}

// A RANK that is unset or a constant prefers no job to another.
bool rankPrefersJobs(const Policy& policy)
{
    if (policy.startdRank.empty())
        return false;
    const auto parsed = classad::Expression::parse(policy.startdRank, "RANK");
    return parsed && !parsed->isLiteral();
}

Expected<std::vector<std::string>> experimentsWithMachines(const Scenario& base, Pool& pool)
{
    const auto experiments = experimentsOf(base.policy);
    if (experiments.empty())
        return Diagnostic {base.name, 0,
            "has no accounting groups: a merge study needs the experiments as top-level groups (GROUP_NAMES)"};
    assignMachineOwners(pool, base.policy);
    return experiments;
}

} // namespace

std::vector<std::string> experimentsOf(const Policy& policy)
{
    std::vector<std::string> out;
    for (const auto& g : policy.groups)
        if (g.name.find('.') == std::string::npos)
            out.push_back(g.name);
    return out;
}

void assignMachineOwners(Pool& pool, const Policy& policy)
{
    const auto experiments = experimentsOf(policy);
    if (experiments.empty())
        return;
    const auto total = static_cast<double>(pool.totalCores());
    std::vector<double> share = quotaCores(policy, experiments, total);
    const double sum = std::accumulate(share.begin(), share.end(), 0.0);
    if (sum <= 0)
        share.assign(experiments.size(), 1.0);
    const double norm = std::accumulate(share.begin(), share.end(), 0.0);
    std::vector<double> given(experiments.size(), 0.0);
    for (const auto& m : pool.machines)
        if (const int e = indexOf(experiments, m.owner); e >= 0)
            given[static_cast<std::size_t>(e)] += m.cores;
    for (auto& m : pool.machines) {
        if (!m.owner.empty())
            continue;
        std::size_t best = 0;
        double bestGap = -1e300;
        for (std::size_t e = 0; e < experiments.size(); ++e) {
            const double gap = share[e] / norm * total - given[e];
            if (gap > bestGap) {
                bestGap = gap;
                best = e;
            }
        }
        m.owner = experiments[best];
        given[best] += m.cores;
    }
}

std::vector<long> contributedCores(const Pool& pool, const std::vector<std::string>& experiments)
{
    std::vector<long> cores(experiments.size(), 0);
    for (const auto& m : pool.machines)
        if (const int e = indexOf(experiments, m.owner); e >= 0)
            cores[static_cast<std::size_t>(e)] += m.cores;
    return cores;
}

std::string ownerRankExpression(const std::string& experiment)
{
    return "ifThenElse(regexp(\"@" + experiment + "$\", TARGET.User), 10, 0)";
}

Expected<Scenario> separatePoolsVariant(const Scenario& base)
{
    if (!base.federation.empty())
        return Diagnostic {base.name, 0, "is already several pools"};
    if (!base.running.empty())
        return Diagnostic {base.name, 0, "is a snapshot of a running pool; a merge study starts from an empty pool"};
    Scenario out = base;
    const auto experiments = experimentsWithMachines(base, out.pool);
    if (!experiments)
        return experiments.error();
    // Machines of an owner that is no experiment make a pool of their own, with no submitters at home.
    std::vector<std::string> pools = *experiments;
    for (const auto& m : out.pool.machines)
        if (indexOf(pools, m.owner) < 0)
            pools.push_back(m.owner);
    std::vector<long> cores = contributedCores(out.pool, pools);
    std::vector<std::size_t> bySize(pools.size());
    std::iota(bySize.begin(), bySize.end(), 0);
    std::stable_sort(bySize.begin(), bySize.end(), [&](std::size_t a, std::size_t b) { return cores[a] > cores[b]; });

    for (std::size_t p = 0; p < pools.size(); ++p) {
        FederatedPool pool;
        pool.name = pools[p];
        for (std::uint32_t m = 0; m < out.pool.machines.size(); ++m)
            if (text::toLower(out.pool.machines[m].owner) == text::toLower(pools[p]))
                pool.machines.push_back(m);
        Policy& policy = pool.policy;
        policy = base.policy;
        // Its own experiment's groups only; the experiment has the whole pool and lends it when idle.
        policy.groups.clear();
        for (const auto& g : base.policy.groups)
            if (text::toLower(topLevelOf(g.name)) == text::toLower(pools[p])) {
                GroupConfig own = g;
                if (g.name.find('.') == std::string::npos) {
                    own.staticQuota = false;
                    own.configQuota = 1.0;
                }
                policy.groups.push_back(own);
            }
        // Owners first, unless the scenario already says how its machines rank jobs.
        if (!rankPrefersJobs(base.policy))
            policy.startdRank = ownerRankExpression(pools[p]);
        if (base.policy.maxJobRetirementTime > 0)
            policy.maxJobRetirementExpr = "ifThenElse(regexp(\"@" + pools[p] + "$\", TARGET.User), "
                + text::fixed(base.policy.maxJobRetirementTime, 0) + ", 0)";
        // The scenario's own FLOCK_TO, when it names pools, is every schedd's order (less itself).
        policy.flockTo.clear();
        for (const auto& name : base.policy.flockTo)
            if (const int q = indexOf(pools, name); q >= 0 && static_cast<std::size_t>(q) != p)
                policy.flockTo.push_back(pools[static_cast<std::size_t>(q)]);
        if (base.policy.flockTo.empty())
            for (std::size_t q : bySize)
                if (q != p)
                    policy.flockTo.push_back(pools[q]);
        out.federation.push_back(std::move(pool));
    }
    const GroupTree tree(base.policy);
    const auto largest = static_cast<std::uint32_t>(bySize.front());
    for (const auto& submitter : out.workload.submitters) {
        const int group = tree.groupOfSubmitter(submitter);
        const int e = group > 0 ? indexOf(pools, topLevelOf(tree.node(group).name)) : -1;
        out.submitterPool.push_back(e >= 0 ? static_cast<std::uint32_t>(e) : largest);
    }
    out.name = base.name + "-separate";
    return out;
}

Expected<Scenario> mergedPoolVariant(const Scenario& base)
{
    if (!base.federation.empty())
        return Diagnostic {base.name, 0, "is already several pools"};
    Scenario out = base;
    const auto experiments = experimentsWithMachines(base, out.pool);
    if (!experiments)
        return experiments.error();
    const std::vector<long> cores = contributedCores(out.pool, *experiments);
    for (auto& g : out.policy.groups) {
        const int e = indexOf(*experiments, g.name);
        if (e < 0)
            continue;
        g.staticQuota = true;
        g.configQuota = static_cast<double>(cores[static_cast<std::size_t>(e)]);
        g.acceptSurplus = true;
    }
    if (text::toLower(text::trim(base.policy.preemptionRequirements)) == "false")
        out.policy.preemptionRequirements = "(SubmitterGroupResourcesInUse < SubmitterGroupQuota) && "
                                            "(RemoteGroupResourcesInUse > RemoteGroupQuota)";
    out.name = base.name + "-merged";
    return out;
}

} // namespace pp
