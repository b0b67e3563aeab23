// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/comparison.h"

#include <string>

namespace pp {

/// `compare --json`: snake_case keys; every metric with base, proposal, delta, relative (null without a base),
/// better ("higher"/"lower") and verdict ("better"/"worse"/"same"); the summary sentences.
std::string comparisonJson(const Comparison& comparison);

/// `compare` for a terminal: the pool, then one row per group with base → proposal, then the notebooks.
std::string comparisonTable(const Comparison& comparison);

} // namespace pp
