// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenario/whatif.h"

#include "policy/policyfromconfig.h"
#include "scenario/workloadscaling.h"
#include "util/text.h"

namespace pp::whatif {

Config applied(Config base, const KnobEdits& edits)
{
    for (const auto& [knob, value] : edits) {
        if (value)
            base.set(knob, *value, "planner");
        else
            base.remove(knob);
    }
    return base;
}

Expected<Policy> policyFor(const Config& base, const KnobEdits& edits)
{
    return policyFromConfig(applied(base, edits));
}

std::map<std::string, double> workloadScales(const KnobEdits& edits)
{
    std::map<std::string, double> scales;
    const std::string prefix = text::toLower(scalePrefix);
    for (const auto& [knob, value] : edits) {
        if (!value || text::toLower(knob).rfind(prefix, 0) != 0)
            continue;
        const auto factor = text::parseDouble(*value);
        if (factor && *factor >= 0)
            scales[text::toLower(knob.substr(prefix.size()))] = *factor;
    }
    return scales;
}

std::map<std::string, double> groupLimits(const KnobEdits& edits, bool* remove)
{
    std::map<std::string, double> limits;
    const std::string prefix = text::toLower(groupLimitPrefix);
    if (remove)
        *remove = false;
    for (const auto& [knob, value] : edits) {
        const std::string lower = text::toLower(knob);
        if (!value)
            continue;
        if (lower == text::toLower(groupLimitAction)) {
            if (remove)
                *remove = text::toLower(*value) == "remove";
        } else if (lower.rfind(prefix, 0) == 0) {
            const auto seconds = text::parseDouble(*value);
            if (seconds && *seconds > 0)
                limits[text::toLower(knob.substr(prefix.size()))] = *seconds;
        }
    }
    return limits;
}

KnobEdits groupLimitKnobs(const Config& base, const KnobEdits& edits)
{
    bool remove = false;
    const auto limits = groupLimits(edits, &remove);
    std::string clauses;
    for (const auto& [group, seconds] : limits)
        // `==` compares strings without case in ClassAds, as group names are matched.
        clauses += std::string(clauses.empty() ? "" : " || ") + "(AcctGroup == \"" + group
            + "\" && time() - JobCurrentStartDate > " + std::to_string(static_cast<long long>(seconds)) + ")";
    KnobEdits changes;
    for (const char* knob : {"SYSTEM_PERIODIC_HOLD", "SYSTEM_PERIODIC_REMOVE"}) {
        const Config::Entry* own = base.entry(knob);
        const bool enforcing = !clauses.empty() && (std::string(knob) == "SYSTEM_PERIODIC_REMOVE") == remove;
        if (!enforcing) {
            changes.emplace_back(knob, own ? std::optional(own->value) : std::nullopt);
            continue;
        }
        const std::string limitsExpr = "(JobStatus == 2 && (" + clauses + "))";
        changes.emplace_back(knob, own ? "(" + own->value + ") || " + limitsExpr : limitsExpr);
    }
    return changes;
}

Expected<Scenario> scenarioFor(const Scenario& base, const Config& config, const KnobEdits& edits)
{
    auto policy = policyFor(config, edits);
    if (!policy)
        return policy.error();
    return scenarioWith(base, std::move(policy).value(), edits);
}

Scenario scenarioWith(const Scenario& base, Policy policy, const KnobEdits& edits)
{
    Scenario scenario = base;
    scenario.policy = std::move(policy);
    scaleScenarioWorkload(scenario, workloadScales(edits));
    return scenario;
}

} // namespace pp::whatif
