// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "policy/policy.h"
#include "util/expected.h"

namespace pp {

/// Reads the knobs of docs/HTCONDOR.md out of a configuration. Values HTCondor would reject or silently
/// bend (a negative quota, a dynamic fraction over 1, a group whose parent is not listed) are errors here,
/// with the file and line of the knob: a plan built on a typo must not look plausible.
/// Knobs that are read but not modelled yet are reported as warnings.
Expected<Policy> policyFromConfig(const Config& config, Warnings* warnings = nullptr);

/// As policyFromConfig, passing on the configuration's own warnings (what its reader skipped) first.
Expected<Policy> policyReportingConfigWarnings(const Config& config, Warnings& warnings);

} // namespace pp
