// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/workload.h"

#include <algorithm>

namespace pp {

std::uint32_t Workload::submitterIndex(const std::string& name)
{
    const auto it = std::find(submitters.begin(), submitters.end(), name);
    if (it != submitters.end())
        return static_cast<std::uint32_t>(it - submitters.begin());
    submitters.push_back(name);
    return static_cast<std::uint32_t>(submitters.size() - 1);
}

} // namespace pp
