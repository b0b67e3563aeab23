// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "policy/policy.h"

#include <string>
#include <utility>
#include <vector>

namespace pp {

/// Every knob the engine models, as condor_config lines (HTCondor's names; NOTEBOOK_* are PoolPlanner's own),
/// in a fixed order. Reading the text back with policyFromConfig gives the same policy.
std::vector<std::pair<std::string, std::string>> policyKnobs(const Policy& policy);
std::string policyToConfig(const Policy& policy);

/// The knobs that differ between two policies, as a snippet for config.d/: a header comment that says what
/// changed and from what (`base` names the starting configuration), then the new values.
std::string configSnippet(const Policy& base, const Policy& changed, const std::string& baseName);

} // namespace pp
