// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "policy/policyfromconfig.h"

#include "classad/expression.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace pp {

namespace {

Diagnostic at(const Config& config, const std::string& knob, const std::string& reason)
{
    const Config::Entry* e = config.entry(knob);
    if (!e)
        return {"configuration", 0, knob + ": " + reason};
    return {e->file, e->line, e->name + ": " + reason};
}

// Reads a number knob into `out` when it is set; a value that is not a number is an error.
std::optional<Diagnostic> readNumber(const Config& config, const std::string& knob, double& out, double min, double max)
{
    const auto value = config.value(knob);
    if (!value)
        return std::nullopt;
    const auto number = text::parseDouble(*value);
    if (!number)
        return at(config, knob, "'" + *value + "' is not a number");
    if (*number < min || *number > max)
        return at(config, knob,
            text::fixed(*number, 6) + " is out of range [" + text::fixed(min, 0) + ", " + text::fixed(max, 0) + "]");
    out = *number;
    return std::nullopt;
}

std::optional<Diagnostic> readBool(const Config& config, const std::string& knob, bool& out)
{
    const auto value = config.value(knob);
    if (!value)
        return std::nullopt;
    const auto b = text::parseBool(*value);
    if (!b)
        return at(config, knob, "'" + *value + "' is not a boolean (True or False)");
    out = *b;
    return std::nullopt;
}

// The first of several spellings that is defined (new knob names first, then the old ones).
std::string firstDefined(const Config& config, std::initializer_list<const char*> names)
{
    for (const char* n : names)
        if (config.contains(n))
            return n;
    return *names.begin();
}

// `use POLICY : NAME(secs)` metaknobs for runtime limits (§4.6); other POLICY templates are not modelled.
std::optional<Diagnostic> readRuntimePolicy(const Config& config, Policy& policy)
{
    const Config::Entry* use = config.entry("$use.policy");
    if (!use)
        return std::nullopt;
    for (auto item : text::split(use->value, ",")) {
        const std::size_t open = item.find('(');
        const std::string name = text::toLower(text::trim(item.substr(0, open)));
        double seconds = 86400;
        if (open != std::string_view::npos) {
            const std::size_t close = item.find(')', open);
            const auto argument = text::parseDouble(
                item.substr(open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1));
            if (close == std::string_view::npos || !argument || *argument <= 0 || *argument > 1e12)
                return Diagnostic {use->file, use->line,
                    "use POLICY : " + std::string(item) + ": the argument must be a positive number of seconds"};
            seconds = *argument;
        }
        policy.runtimeLimitRetires = name == "limit_job_runtimes";
        if (name == "limit_job_runtimes" || name == "preempt_if_runtime_exceeds")
            policy.runtimeLimitAction = Policy::RuntimeLimitAction::Evict;
        else if (name == "hold_if_runtime_exceeds")
            policy.runtimeLimitAction = Policy::RuntimeLimitAction::Hold;
        else
            continue; // another policy template: nothing the simulator models
        policy.runtimeLimitSeconds = seconds;
    }
    return std::nullopt;
}

} // namespace

Expected<Policy> policyFromConfig(const Config& config, Warnings* warnings)
{
    Policy policy;
    Warnings localWarnings;
    Warnings& warn = warnings ? *warnings : localWarnings;

    struct NumberKnob
    {
        std::string name;
        double* target;
        double min;
        double max;
    };
    double maxRounds = policy.maxAllocationRounds;
    double flockIncrement = policy.flockIncrement;
    double minFlockLevel = policy.minFlockLevel;
    const std::vector<NumberKnob> numbers = {
        {"NEGOTIATOR_INTERVAL", &policy.negotiatorInterval, 1, 86400},
        {"PRIORITY_HALFLIFE", &policy.priorityHalflife, 1, 1e12},
        {"DEFAULT_PRIO_FACTOR", &policy.defaultPrioFactor, 1, 1e30},
        {"NICE_USER_PRIO_FACTOR", &policy.niceUserPrioFactor, 1, 1e30},
        {firstDefined(config, {"GROUP_QUOTA_MAX_ALLOCATION_ROUNDS", "HFS_MAX_ALLOCATION_ROUNDS"}), &maxRounds, 1, 1000},
        {firstDefined(config, {"GROUP_QUOTA_ROUND_ROBIN_RATE", "HFS_ROUND_ROBIN_RATE"}), &policy.roundRobinRate, 1,
            1e300},
        {"CLAIM_WORKLIFE", &policy.claimWorklife, -1, 1e12},
        {"NOTEBOOK_START_TIMEOUT", &policy.notebookStartTimeout, 1, 1e9},
        {"PERIODIC_EXPR_INTERVAL", &policy.periodicExprInterval, 1, 1e9},
        {"NOTEBOOK_STARTUP_TIME", &policy.notebookStartupSeconds, 0, 1e6},
        {"FLOCK_INCREMENT", &flockIncrement, 1, 1000},
        {"MIN_FLOCK_LEVEL", &minFlockLevel, 0, 1000},
        {"SCHEDD_INTERVAL", &policy.scheddInterval, 1, 1e9},
        {"SCHEDD_MIN_INTERVAL", &policy.scheddMinInterval, 0, 1e9},
    };
    for (const auto& knob : numbers)
        if (auto error = readNumber(config, knob.name, *knob.target, knob.min, knob.max))
            return *error;
    policy.maxAllocationRounds = static_cast<int>(maxRounds);
    policy.flockIncrement = static_cast<int>(flockIncrement);
    policy.minFlockLevel = static_cast<int>(minFlockLevel);
    // FLOCK_COLLECTOR_HOSTS defaults to $(FLOCK_TO); the pools are named by their central managers.
    if (const auto flock = config.value(firstDefined(config, {"FLOCK_COLLECTOR_HOSTS", "FLOCK_TO"})))
        for (auto piece : text::split(*flock, ", \t"))
            policy.flockTo.emplace_back(piece);

    struct BoolKnob
    {
        const char* name;
        bool* target;
    };
    const BoolKnob bools[] = {
        {"NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION", &policy.allowQuotaOversubscription},
        {"NEGOTIATOR_STRICT_ENFORCE_QUOTA", &policy.strictEnforceQuota},
        {"NEGOTIATOR_USE_SLOT_WEIGHTS", &policy.useSlotWeights},
        {"NEGOTIATOR_USE_WEIGHTED_DEMAND", &policy.useWeightedDemand},
        {"NEGOTIATOR_CONSIDER_PREEMPTION", &policy.considerPreemption},
        {"NEGOTIATOR_IGNORE_USER_PRIORITIES", &policy.ignoreUserPriorities},
        {"CONSUMPTION_POLICY", &policy.consumptionPolicy},
        {"ALLOW_PSLOT_PREEMPTION", &policy.allowPslotPreemption},
    };
    for (const auto& knob : bools)
        if (auto error = readBool(config, knob.name, *knob.target))
            return *error;
    // CLAIM_PARTITIONABLE_LEFTOVERS defaults to NEGOTIATOR_USE_SLOT_WEIGHTS (§2.9).
    policy.claimPartitionableLeftovers = policy.useSlotWeights;
    if (auto error = readBool(config, "CLAIM_PARTITIONABLE_LEFTOVERS", policy.claimPartitionableLeftovers))
        return *error;

    for (auto [knob, target] : {std::pair {"POOLPLANNER_OWNER_ATTRIBUTE", &policy.machineOwnerAttribute},
             std::pair {"POOLPLANNER_HS06_ATTRIBUTE", &policy.hs06PerCoreAttribute}}) {
        const auto value = config.value(knob);
        if (!value)
            continue;
        const std::string name(text::trim(*value));
        const bool attributeName = !name.empty() && !std::isdigit(static_cast<unsigned char>(name.front()))
            && std::all_of(name.begin(), name.end(),
                [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
        if (!attributeName)
            return at(config, knob, "'" + name + "' is not a ClassAd attribute name");
        *target = name;
    }

    // Expressions are parsed now so that a typo is reported with its knob, line and position.
    for (auto [knob, target] :
        {std::pair {"PREEMPTION_REQUIREMENTS", &policy.preemptionRequirements},
            std::pair {"PREEMPTION_RANK", &policy.preemptionRank}, std::pair {"GROUP_SORT_EXPR", &policy.groupSortExpr},
            std::pair {"SYSTEM_PERIODIC_REMOVE", &policy.systemPeriodicRemove},
            std::pair {"SYSTEM_PERIODIC_HOLD", &policy.systemPeriodicHold}, std::pair {"RANK", &policy.startdRank},
            std::pair {"START", &policy.startExpr}}) {
        const auto value = config.value(knob);
        if (!value)
            continue;
        const auto parsed = classad::Expression::parse(*value, knob);
        if (!parsed)
            return at(config, knob, parsed.error().reason);
        *target = parsed->text();
    }
    for (auto [knob, target] : {std::pair {"DEFRAG_WHOLE_MACHINE_EXPR", &policy.defragWholeMachineExpr},
             std::pair {"DEFRAG_REQUIREMENTS", &policy.defragRequirements},
             std::pair {"DEFRAG_CANCEL_REQUIREMENTS", &policy.defragCancelRequirements},
             std::pair {"DEFRAG_RANK", &policy.defragRank}}) {
        const auto value = config.value(knob);
        if (!value || text::trim(*value).empty())
            continue;
        const auto parsed = classad::Expression::parse(*value, knob);
        if (!parsed)
            return at(config, knob, parsed.error().reason);
        *target = parsed->text();
    }
    {
        double maxConcurrent = static_cast<double>(policy.defragMaxConcurrentDraining);
        double maxWhole = static_cast<double>(policy.defragMaxWholeMachines);
        for (const auto& knob : std::vector<NumberKnob> {{"DEFRAG_INTERVAL", &policy.defragInterval, -1e9, 1e9},
                 {"DEFRAG_DRAINING_MACHINES_PER_HOUR", &policy.defragDrainingMachinesPerHour, 0, 1e9},
                 {"DEFRAG_MAX_CONCURRENT_DRAINING", &maxConcurrent, -1, 1e9},
                 {"DEFRAG_MAX_WHOLE_MACHINES", &maxWhole, -1, 1e9}})
            if (auto error = readNumber(config, knob.name, *knob.target, knob.min, knob.max))
                return *error;
        policy.defragMaxConcurrentDraining = static_cast<long>(maxConcurrent);
        policy.defragMaxWholeMachines = static_cast<long>(maxWhole);
        // The code reads DEFRAG_DRAINING_SCHEDULE; the manual calls it DEFRAG_SCHEDULE. Accept both.
        const std::string scheduleKnob = firstDefined(config, {"DEFRAG_DRAINING_SCHEDULE", "DEFRAG_SCHEDULE"});
        if (auto schedule = config.value(scheduleKnob)) {
            const std::string value = text::toLower(text::trim(*schedule));
            if (value != "graceful" && value != "quick" && value != "fast")
                return at(
                    config, scheduleKnob, "'" + *schedule + "' is not a draining schedule (graceful, quick or fast)");
            policy.defragSchedule = value;
        }
    }
    if (auto error = readRuntimePolicy(config, policy))
        return *error;
    if (auto error = readBool(config, "NEGOTIATOR_CONSIDER_EARLY_PREEMPTION", policy.considerEarlyPreemption))
        return *error;
    // The startd's vacate knob is spelled like its attribute, MachineMaxVacateTime, and defaults to
    // $(MaxVacateTime); a MACHINE_MAX_VACATE_TIME is read by nobody (HTCONDOR.md §10.13, the C3 recording).
    const char* const vacateKnob = config.contains("MachineMaxVacateTime") ? "MachineMaxVacateTime" : "MaxVacateTime";
    for (auto [knob, target] : {std::pair {"MAXJOBRETIREMENTTIME", &policy.maxJobRetirementTime},
             std::pair {vacateKnob, &policy.machineMaxVacateTime}}) {
        const auto value = config.value(knob);
        if (!value)
            continue;
        // Startd knobs are ClassAd expressions (`3600 * 24` in HTCondor's own tests); they must be constant here.
        const auto parsed = classad::Expression::parse(*value, knob);
        if (!parsed)
            return at(config, knob, parsed.error().reason);
        double seconds = 0;
        if (target == &policy.maxJobRetirementTime && parsed->text().find('.') != std::string::npos
            && !classad::evaluate(*parsed, {}).toNumber(seconds)) {
            policy.maxJobRetirementExpr = parsed->text(); // depends on the job or machine: evaluated per job start
            continue;
        }
        if (!classad::evaluate(*parsed, {}).toNumber(seconds) || seconds < 0 || seconds > 1e12)
            return at(config, knob, "'" + *value + "' is not a constant number of seconds (0 to 1e12)");
        *target = seconds;
    }
    // LIMIT_JOB_RUNTIMES's template sets MaxJobRetirementTime = limit + 120 where the `use` line stands: an
    // explicit MAXJOBRETIREMENTTIME further down the same file overrides it, one before it is overridden.
    if (policy.runtimeLimitRetires) {
        const Config::Entry* use = config.entry("$use.policy");
        const Config::Entry* own = config.entry("MAXJOBRETIREMENTTIME");
        if (!own || own->file != use->file || own->line < use->line) {
            policy.maxJobRetirementTime = policy.runtimeLimitSeconds + 120;
            policy.maxJobRetirementExpr.clear();
        }
    }

    // GROUP_NAMES: sorted case-insensitively so that a parent is seen before its children (§2.2).
    const auto groupNames = config.value("GROUP_NAMES");
    if (!groupNames)
        return policy;
    std::vector<std::string> names;
    for (auto piece : text::split(*groupNames, ", \t"))
        names.emplace_back(piece);
    std::stable_sort(names.begin(), names.end(),
        [](const std::string& a, const std::string& b) { return text::toLower(a) < text::toLower(b); });

    bool defaultAccept = false;
    bool defaultAutoregroup = false;
    if (auto error = readBool(config, "GROUP_ACCEPT_SURPLUS", defaultAccept))
        return *error;
    if (auto error = readBool(config, "GROUP_AUTOREGROUP", defaultAutoregroup))
        return *error;
    policy.autoregroupDefault = defaultAutoregroup;

    std::set<std::string> known;
    for (const auto& name : names) {
        const std::string lower = text::toLower(name);
        if (lower == "<none>")
            return at(config, "GROUP_NAMES", "the name <none> is reserved for the root group");
        if (known.contains(lower)) {
            const auto* e = config.entry("GROUP_NAMES");
            warn.add(
                {e->file, e->line, "GROUP_NAMES lists '" + name + "' twice; the second is ignored, as HTCondor does"});
            continue;
        }
        if (name.front() == '.' || name.back() == '.' || name.find("..") != std::string::npos)
            return at(config, "GROUP_NAMES", "'" + name + "' is not a valid group name");
        const std::size_t dot = name.rfind('.');
        if (dot != std::string::npos && !known.contains(lower.substr(0, dot)))
            return at(config, "GROUP_NAMES",
                "group '" + name + "' has no parent '" + name.substr(0, dot)
                    + "' in GROUP_NAMES (HTCondor would ignore it with a warning; PoolPlanner will not plan with a "
                      "silently dropped group)");
        known.insert(lower);

        GroupConfig group;
        group.name = name;
        group.acceptSurplus = defaultAccept;
        group.autoregroup = defaultAutoregroup;
        const std::string staticKnob = "GROUP_QUOTA_" + name;
        const std::string dynamicKnob = "GROUP_QUOTA_DYNAMIC_" + name;
        if (config.contains(staticKnob)) {
            group.staticQuota = true;
            if (auto error = readNumber(config, staticKnob, group.configQuota, 0, 2147483647.0))
                return *error;
        } else if (config.contains(dynamicKnob)) {
            if (auto error = readNumber(config, dynamicKnob, group.configQuota, 0, 1))
                return *error;
        } else {
            const auto* e = config.entry("GROUP_NAMES");
            warn.add({e->file, e->line,
                "group '" + name
                    + "' has neither GROUP_QUOTA nor GROUP_QUOTA_DYNAMIC; its quota is 0, as in HTCondor"});
        }
        if (auto error = readBool(config, "GROUP_ACCEPT_SURPLUS_" + name, group.acceptSurplus))
            return *error;
        if (auto error = readBool(config, "GROUP_AUTOREGROUP_" + name, group.autoregroup))
            return *error;
        if (auto error = readNumber(config, "GROUP_PRIO_FACTOR_" + name, group.prioFactor, 0, 1e30))
            return *error;
        policy.groups.push_back(std::move(group));
    }
    // Sibling fractions over 1 are legal; HTCondor rescales them (§2.4). Say so, since the quotas shrink.
    std::map<std::string, double> dynamicSums;
    for (const auto& g : policy.groups)
        if (!g.staticQuota) {
            const std::size_t dot = g.name.rfind('.');
            dynamicSums[dot == std::string::npos ? std::string() : text::toLower(g.name.substr(0, dot))]
                += g.configQuota;
        }
    for (const auto& [parent, sum] : dynamicSums)
        if (sum > 1.0001) {
            const auto* e = config.entry("GROUP_NAMES");
            warn.add({e->file, e->line,
                "the dynamic quotas under " + (parent.empty() ? std::string("the root") : "'" + parent + "'")
                    + " add up to " + text::fixed(sum, 3) + "; HTCondor divides each by " + text::fixed(sum, 3)
                    + ", and so does PoolPlanner"});
        }
    return policy;
}

Expected<Policy> policyReportingConfigWarnings(const Config& config, Warnings& warnings)
{
    for (const auto& w : config.warnings().items)
        warnings.add(w);
    return policyFromConfig(config, &warnings);
}

} // namespace pp
