// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pp {

/// Why idle demand stayed idle after a negotiation cycle (issue 15's fixed vocabulary; the codes are JSON keys).
/// The first nine explain cores left waiting by a cycle; the last two count work its jobs lost.
enum class WaitReason : std::uint8_t {
    QuotaLimit, ///< the group reached its limit and takes no surplus (or there was none)
    AncestorCap, ///< a non-accepting ancestor's strict cap (GROUP_ACCEPT_SURPLUS false above it)
    LimitFloored, ///< the limit was a fraction the negotiator truncated to an integer (0.3 → 0)
    SubmitterShare, ///< the group had room, its submitters had reached their share of the pie
    GroupOrder, ///< groups earlier in the starvation order took the free cores in this cycle
    NoFittingSlot, ///< no p-slot with enough free cores (or memory): fragmentation, or a full pool
    ClaimedByOthers, ///< cores other groups held in claims without using them would have fit (leftovers, reuse)
    Draining, ///< free cores that would fit sat on machines being drained
    Requirements, ///< no machine of the pool could ever run the job (cores, memory, START)
    RuntimeLimit, ///< work lost to runs a runtime limit ended (evicted, held or removed)
    Preempted, ///< work lost to runs evicted by priority or RANK preemption
};
inline constexpr std::size_t waitReasonCount = 11;

inline constexpr std::size_t waitingReasonCount = 9; ///< quota_limit .. requirements: the waits

using WaitReasonHours = std::array<double, waitReasonCount>;

/// Whether the reason counts core-hours waited (not work lost).
constexpr bool isWait(WaitReason reason)
{
    return static_cast<std::size_t>(reason) < waitingReasonCount;
}

/// The JSON key: "quota_limit", "ancestor_cap", ...
const char* waitReasonCode(WaitReason reason);
std::optional<WaitReason> waitReasonFromCode(std::string_view code);
/// A few words for a legend: "group limit", "parent's cap", ...
const char* waitReasonLabel(WaitReason reason);

/// Who or what stood behind a group's reasons over a run (the one that weighed most).
struct WaitDetails
{
    std::string capAncestor; ///< ancestor_cap: the ancestor whose cap bound
    std::string shareSubmitter; ///< submitter_share: the group's submitter holding most of its room
    std::string earlierGroup; ///< group_order: the group that took the free cores first
    std::string claimHolder; ///< claimed_by_others: the group holding most of the pool meanwhile
    int neededCores = 0; ///< no_fitting_slot: the request that waited most
    int largestFreeCores = 0; ///< ... and the largest free p-slot while it waited (the most it ever was)
    std::string poolHeldBy; ///< no_fitting_slot in a full pool: the group that held most cores beyond its quota
};

/// Core-hours one group spent on one reason within one sample interval (Result::whyIdleSeries).
struct WaitSample
{
    std::uint32_t group = 0;
    WaitReason reason = WaitReason::QuotaLimit;
    float coreHours = 0;
};

} // namespace pp
