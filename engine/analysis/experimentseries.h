// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <string>
#include <vector>

namespace pp {

/// The pool's use by experiment over a run, as the usage charts of the window and the report draw it: each
/// group's cores added to its top-level ancestor's, the root `<none>` its own.
struct ExperimentSeries
{
    /// The experiments: indices into Result::groups, in the result's order. The root (0) comes first when it ran
    /// anything; top-level groups always.
    std::vector<int> groups;
    std::vector<std::vector<float>> usage; ///< [sample][experiment] cores in use, sub-groups included
    std::vector<std::vector<float>> quota; ///< [sample][experiment] the subtree's quota; `<none>`'s own

    /// The column of an experiment, by its group's name; -1 when it is none of them.
    int find(const Result& result, const std::string& name) const;
};

ExperimentSeries experimentSeries(const Result& result);

} // namespace pp
