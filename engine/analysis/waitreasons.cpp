// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/waitreasons.h"

#include <algorithm>

namespace pp {

namespace {

// Which groups count: the group, and with `subtree` every group below it.
std::vector<char> groupsCounted(const Result& result, int group, bool subtree)
{
    std::vector<char> counted(result.groups.size(), 0);
    if (group < 0 || static_cast<std::size_t>(group) >= counted.size())
        return counted;
    counted[static_cast<std::size_t>(group)] = 1;
    if (!subtree)
        return counted;
    // Parents come before their children (breadth-first rows), but a result read from a file need not say so.
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t g = 0; g < counted.size(); ++g) {
            const int parent = result.groups[g].parent;
            if (!counted[g] && parent >= 0 && static_cast<std::size_t>(parent) < counted.size()
                && counted[static_cast<std::size_t>(parent)]) {
                counted[g] = 1;
                grew = true;
            }
        }
    }
    return counted;
}

} // namespace

double GroupWaits::waited() const
{
    double sum = 0;
    for (std::size_t r = 0; r < waitingReasonCount; ++r)
        sum += hours[r];
    return sum;
}

double GroupWaits::lost() const
{
    double sum = 0;
    for (std::size_t r = waitingReasonCount; r < waitReasonCount; ++r)
        sum += hours[r];
    return sum;
}

std::vector<std::pair<WaitReason, double>> GroupWaits::largestFirst(bool waits) const
{
    std::vector<std::pair<WaitReason, double>> out;
    for (std::size_t r = 0; r < waitReasonCount; ++r)
        if (hours[r] > 0 && isWait(static_cast<WaitReason>(r)) == waits)
            out.emplace_back(static_cast<WaitReason>(r), hours[r]);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

GroupWaits groupWaits(const Result& result, int group, bool subtree, std::optional<RunPeriod> period)
{
    GroupWaits out;
    out.group = group;
    out.subtree = subtree;
    const std::vector<char> counted = groupsCounted(result, group, subtree);
    if (!period) {
        for (std::size_t g = 0; g < counted.size(); ++g)
            if (counted[g])
                for (std::size_t r = 0; r < waitReasonCount; ++r)
                    out.hours[r] += result.groups[g].whyIdleCoreHours[r];
        return out;
    }
    const auto interval = static_cast<double>(std::max<std::int64_t>(1, result.sampleInterval));
    for (std::size_t k = 0; k < result.whyIdleSeries.size(); ++k) {
        const double middle = (static_cast<double>(k) - 0.5) * interval; // sample k covers the interval before it
        if (middle < static_cast<double>(period->from) || middle >= static_cast<double>(period->to))
            continue;
        for (const WaitSample& w : result.whyIdleSeries[k])
            if (w.group < counted.size() && counted[w.group])
                out.hours[static_cast<std::size_t>(w.reason)] += w.coreHours;
    }
    return out;
}

GroupWaits groupOrSubtreeWaits(const Result& result, int group, std::optional<RunPeriod> period)
{
    GroupWaits own = groupWaits(result, group, false, period);
    if (own.waited() > 0 || own.lost() > 0)
        return own;
    return groupWaits(result, group, true, period);
}

int groupThatWaitedMost(const Result& result)
{
    int best = -1;
    double most = 0;
    for (std::size_t g = 0; g < result.groups.size(); ++g) {
        const double waited = groupWaits(result, static_cast<int>(g), false).waited();
        if (waited > most) {
            most = waited;
            best = static_cast<int>(g);
        }
    }
    return best;
}

std::vector<WaitReasonHours> groupWaitSeries(const Result& result, int group, bool subtree)
{
    const std::vector<char> counted = groupsCounted(result, group, subtree);
    std::vector<WaitReasonHours> out(result.whyIdleSeries.size(), WaitReasonHours {});
    for (std::size_t k = 0; k < result.whyIdleSeries.size(); ++k)
        for (const WaitSample& w : result.whyIdleSeries[k])
            if (w.group < counted.size() && counted[w.group])
                out[k][static_cast<std::size_t>(w.reason)] += w.coreHours;
    return out;
}

} // namespace pp
