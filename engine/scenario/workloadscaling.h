// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/scenario.h"
#include "model/workload.h"

#include <cstdint>
#include <map>
#include <string>

namespace pp {

/// More or less of a group's work, for "what if atlas.analysis submits twice as much": each job of a group with
/// factor f is kept ⌊f⌋ times, and once more with probability f − ⌊f⌋ (so 0.5 keeps about half, 1.5 adds about
/// half again). Copies keep the job's shape and submit 1 s apart, as a user resubmitting would. The choice is
/// a hash of the job and the seed: the same scaling gives the same workload. A factor applies to the group's
/// sub-groups too ("atlas" scales atlas.prod), the most specific one winning. Jobs still come sorted.
Workload scaleWorkload(const Workload& workload, const std::map<std::string, double>& factors, std::uint64_t seed);

/// Scales a scenario's workload in place. Jobs already running (a snapshot) are what they are: each is kept once
/// and the running list follows it to its new place.
void scaleScenarioWorkload(Scenario& scenario, const std::map<std::string, double>& factors);

} // namespace pp
