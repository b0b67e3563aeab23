// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/workloadmodel.h"

#include <algorithm>

namespace fuzz {

/// One group, one user, one job shape, two arrivals an hour: enough for loadSnapshot to play an hour forward
/// without the model's own work costing more than the files' parsing.
inline const pp::WorkloadModel& tinyModel()
{
    static const pp::WorkloadModel model = [] {
        pp::WorkloadModel m;
        m.groups.emplace_back();
        auto& group = m.groups.back();
        group.group = "atlas";
        group.users = {"alice"};
        group.userWeights = {1};
        std::fill(std::begin(group.arrivalsPerHour), std::end(group.arrivalsPerHour), 2.0);
        group.shapes.push_back({3600, 2048, 1, pp::Batch});
        return m;
    }();
    return model;
}

} // namespace fuzz
