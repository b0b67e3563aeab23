// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "policy/policy.h"

#include "util/text.h"

namespace pp {

const GroupConfig* Policy::group(const std::string& name) const
{
    for (const auto& g : groups)
        if (text::iequals(g.name, name))
            return &g;
    return nullptr;
}

} // namespace pp
