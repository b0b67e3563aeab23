// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "model/scenario.h"
#include "util/expected.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pp {

/// One edit of a what-if: a knob and its new value, or nullopt when the edit removes the knob.
using KnobEdit = std::pair<std::string, std::optional<std::string>>;
using KnobEdits = std::vector<KnobEdit>;

/// The what-if, one implementation for the window's planner and for scenario files: knob edits over a base
/// configuration and the scenario they make of a base scenario. Besides HTCondor's knobs, an edit may be
///   POOLPLANNER_SCALE_<group> = F          the group submits F times as much (scaleScenarioWorkload);
///   POOLPLANNER_GROUP_LIMIT_<group> = S    its running jobs are stopped after S seconds, by
///   POOLPLANNER_GROUP_LIMIT_ACTION = hold  SYSTEM_PERIODIC_HOLD (or `remove`: SYSTEM_PERIODIC_REMOVE), as a
///                                          pool admin writes a per-group runtime limit (docs/HTCONDOR.md §7).
namespace whatif {

inline constexpr const char* scalePrefix = "POOLPLANNER_SCALE_";
inline constexpr const char* groupLimitPrefix = "POOLPLANNER_GROUP_LIMIT_";
inline constexpr const char* groupLimitAction = "POOLPLANNER_GROUP_LIMIT_ACTION";

/// The base with the edits applied, in order.
Config applied(Config base, const KnobEdits& edits);
/// The policy HTCondor would read from the base with the edits; errors name the knob.
Expected<Policy> policyFor(const Config& base, const KnobEdits& edits);
/// POOLPLANNER_SCALE_<group> edits, group names in lower case (they compare without case, as HTCondor's do).
std::map<std::string, double> workloadScales(const KnobEdits& edits);
/// POOLPLANNER_GROUP_LIMIT_<group> edits in seconds (lower-case groups); `remove` says whether the limit removes
/// the job instead of holding it.
std::map<std::string, double> groupLimits(const KnobEdits& edits, bool* remove = nullptr);
/// The SYSTEM_PERIODIC_HOLD and SYSTEM_PERIODIC_REMOVE edits that enforce the group limits of `edits` over the
/// base's own expressions (or that give the base's back when there is no limit).
KnobEdits groupLimitKnobs(const Config& base, const KnobEdits& edits);
/// The base scenario with the policy of base + edits and its workload scaled.
Expected<Scenario> scenarioFor(const Scenario& base, const Config& config, const KnobEdits& edits);
/// The same with the policy already read from base + edits (the planner's draft holds it: no second parse).
Scenario scenarioWith(const Scenario& base, Policy policy, const KnobEdits& edits);

} // namespace whatif
} // namespace pp
