// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "model/waitreason.h"

namespace pp {

namespace {
struct Names
{
    const char* code;
    const char* label;
};
constexpr std::array<Names, waitReasonCount> names {{
    {"quota_limit", "group limit"},
    {"ancestor_cap", "parent's cap"},
    {"limit_floored", "limit floored"},
    {"submitter_share", "submitters' share"},
    {"group_order", "earlier groups"},
    {"no_fitting_slot", "no free slot fits"},
    {"claimed_by_others", "others' claims"},
    {"draining", "draining"},
    {"requirements", "requirements"},
    {"runtime_limit", "runtime limit"},
    {"preempted", "preempted"},
}};
} // namespace

const char* waitReasonCode(WaitReason reason)
{
    return names[static_cast<std::size_t>(reason)].code;
}

const char* waitReasonLabel(WaitReason reason)
{
    return names[static_cast<std::size_t>(reason)].label;
}

std::optional<WaitReason> waitReasonFromCode(std::string_view code)
{
    for (std::size_t r = 0; r < waitReasonCount; ++r)
        if (code == names[r].code)
            return static_cast<WaitReason>(r);
    return std::nullopt;
}

} // namespace pp
