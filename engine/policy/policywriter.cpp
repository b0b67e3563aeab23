// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "policy/policywriter.h"

#include <charconv>
#include <map>

namespace pp {

namespace {

std::string number(double value)
{
    char buffer[64];
    const auto [end, ec]
        = std::to_chars(buffer, buffer + sizeof buffer, value); // shortest text that reads back exactly
    return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

std::string boolean(bool value)
{
    return value ? "True" : "False";
}

} // namespace

std::vector<std::pair<std::string, std::string>> policyKnobs(const Policy& p)
{
    std::vector<std::pair<std::string, std::string>> knobs;
    const auto add
        = [&](std::string name, std::string value) { knobs.emplace_back(std::move(name), std::move(value)); };
    add("NEGOTIATOR_INTERVAL", number(p.negotiatorInterval));
    add("PRIORITY_HALFLIFE", number(p.priorityHalflife));
    add("DEFAULT_PRIO_FACTOR", number(p.defaultPrioFactor));
    add("NICE_USER_PRIO_FACTOR", number(p.niceUserPrioFactor));
    add("NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION", boolean(p.allowQuotaOversubscription));
    add("NEGOTIATOR_STRICT_ENFORCE_QUOTA", boolean(p.strictEnforceQuota));
    add("GROUP_QUOTA_MAX_ALLOCATION_ROUNDS", number(p.maxAllocationRounds));
    add("GROUP_QUOTA_ROUND_ROBIN_RATE", number(p.roundRobinRate));
    add("NEGOTIATOR_USE_SLOT_WEIGHTS", boolean(p.useSlotWeights));
    add("NEGOTIATOR_USE_WEIGHTED_DEMAND", boolean(p.useWeightedDemand));
    add("NEGOTIATOR_CONSIDER_PREEMPTION", boolean(p.considerPreemption));
    add("NEGOTIATOR_IGNORE_USER_PRIORITIES", boolean(p.ignoreUserPriorities));
    if (!p.groupSortExpr.empty())
        add("GROUP_SORT_EXPR", p.groupSortExpr);
    add("PREEMPTION_REQUIREMENTS", p.preemptionRequirements);
    add("PREEMPTION_RANK", p.preemptionRank);
    add("NEGOTIATOR_CONSIDER_EARLY_PREEMPTION", boolean(p.considerEarlyPreemption));
    add("MAXJOBRETIREMENTTIME",
        p.maxJobRetirementExpr.empty() ? number(p.maxJobRetirementTime) : p.maxJobRetirementExpr);
    add("MachineMaxVacateTime", number(p.machineMaxVacateTime));
    if (!p.startdRank.empty())
        add("RANK", p.startdRank);
    if (!p.startExpr.empty())
        add("START", p.startExpr);
    add("ALLOW_PSLOT_PREEMPTION", boolean(p.allowPslotPreemption));
    add("CONSUMPTION_POLICY", boolean(p.consumptionPolicy));
    add("CLAIM_PARTITIONABLE_LEFTOVERS", boolean(p.claimPartitionableLeftovers));
    add("CLAIM_WORKLIFE", number(p.claimWorklife));
    if (!p.systemPeriodicRemove.empty())
        add("SYSTEM_PERIODIC_REMOVE", p.systemPeriodicRemove);
    if (!p.systemPeriodicHold.empty())
        add("SYSTEM_PERIODIC_HOLD", p.systemPeriodicHold);
    add("PERIODIC_EXPR_INTERVAL", number(p.periodicExprInterval));
    if (p.runtimeLimitAction != Policy::RuntimeLimitAction::None)
        add("use POLICY",
            std::string(p.runtimeLimitAction == Policy::RuntimeLimitAction::Hold ? "HOLD_IF_RUNTIME_EXCEEDS"
                    : p.runtimeLimitRetires                                      ? "LIMIT_JOB_RUNTIMES"
                                                                                 : "PREEMPT_IF_RUNTIME_EXCEEDS")
                + "(" + number(p.runtimeLimitSeconds) + ")");
    add("DEFRAG_INTERVAL", number(p.defragInterval));
    add("DEFRAG_DRAINING_MACHINES_PER_HOUR", number(p.defragDrainingMachinesPerHour));
    add("DEFRAG_MAX_CONCURRENT_DRAINING", number(static_cast<double>(p.defragMaxConcurrentDraining)));
    add("DEFRAG_MAX_WHOLE_MACHINES", number(static_cast<double>(p.defragMaxWholeMachines)));
    add("DEFRAG_WHOLE_MACHINE_EXPR", p.defragWholeMachineExpr);
    if (!p.defragRequirements.empty())
        add("DEFRAG_REQUIREMENTS", p.defragRequirements);
    if (!p.defragCancelRequirements.empty())
        add("DEFRAG_CANCEL_REQUIREMENTS", p.defragCancelRequirements);
    add("DEFRAG_RANK", p.defragRank);
    add("DEFRAG_DRAINING_SCHEDULE", p.defragSchedule);
    add("NOTEBOOK_START_TIMEOUT", number(p.notebookStartTimeout));
    add("NOTEBOOK_STARTUP_TIME", number(p.notebookStartupSeconds));
    if (!p.flockTo.empty()) {
        std::string pools;
        for (const auto& pool : p.flockTo)
            pools += (pools.empty() ? "" : ", ") + pool;
        add("FLOCK_TO", pools);
    }
    add("FLOCK_INCREMENT", number(p.flockIncrement));
    add("MIN_FLOCK_LEVEL", number(p.minFlockLevel));
    add("SCHEDD_INTERVAL", number(p.scheddInterval));
    add("SCHEDD_MIN_INTERVAL", number(p.scheddMinInterval));
    if (!p.groups.empty()) {
        std::string names;
        for (const auto& g : p.groups)
            names += (names.empty() ? "" : ", ") + g.name;
        add("GROUP_NAMES", names);
        add("GROUP_AUTOREGROUP", boolean(p.autoregroupDefault));
        for (const auto& g : p.groups) {
            add(std::string(g.staticQuota ? "GROUP_QUOTA_" : "GROUP_QUOTA_DYNAMIC_") + g.name, number(g.configQuota));
            add("GROUP_ACCEPT_SURPLUS_" + g.name, boolean(g.acceptSurplus));
            add("GROUP_AUTOREGROUP_" + g.name, boolean(g.autoregroup));
            if (g.prioFactor > 0)
                add("GROUP_PRIO_FACTOR_" + g.name, number(g.prioFactor));
        }
    }
    return knobs;
}

std::string policyToConfig(const Policy& policy)
{
    std::string out;
    for (const auto& [name, value] : policyKnobs(policy))
        out += name + (name.rfind("use ", 0) == 0 ? " : " : " = ") + value + "\n";
    return out;
}

std::string configSnippet(const Policy& base, const Policy& changed, const std::string& baseName)
{
    std::map<std::string, std::string> before;
    for (auto& [name, value] : policyKnobs(base))
        before[name] = value;
    std::string header = "# PoolPlanner: knobs changed from " + baseName + "\n";
    std::string body;
    for (const auto& [name, value] : policyKnobs(changed)) {
        const auto it = before.find(name);
        if (it != before.end() && it->second == value)
            continue;
        header += "#   " + name + ": " + (it == before.end() ? std::string("(unset)") : it->second) + " -> " + value
            + "\n";
        body += name + (name.rfind("use ", 0) == 0 ? " : " : " = ") + value + "\n";
    }
    if (body.empty())
        header += "#   (nothing: the policies are the same)\n";
    return header + body;
}

} // namespace pp
