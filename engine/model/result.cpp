// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "model/result.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

namespace pp {

namespace {

// The nearest-rank index of percentile p in a sample of n > 0 values.
std::size_t nearestRank(std::size_t n, double p)
{
    const double rank = std::ceil(p / 100.0 * static_cast<double>(n));
    return static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(n))) - 1;
}

// Puts the value of rank `index` in place, looking only at values[from..]: those before are known not to be
// greater (an earlier selection left them there).
float selectFrom(std::vector<float>& values, std::size_t from, std::size_t index)
{
    std::nth_element(values.begin() + static_cast<std::ptrdiff_t>(from),
        values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
    return values[index];
}

// A key whose unsigned order is the floats' order (negative values flipped whole, the others above them).
std::uint32_t orderKey(float value)
{
    const auto bits = std::bit_cast<std::uint32_t>(value);
    return (bits & 0x80000000U) != 0 ? ~bits : bits | 0x80000000U;
}

// The values of the given ranks (ascending) of a large sample, by radix selection: one pass counts the values by
// the top bits of their keys, which names the bin each rank falls in; a second pass gathers those few bins alone,
// and the rank is selected within its bin. Two plain passes, where nth_element partitions the whole sample with
// a branch per value it cannot predict.
template <std::size_t N>
std::array<float, N> selectRanks(const std::vector<float>& values, const std::array<std::size_t, N>& ranks)
{
    constexpr int binBits = 12;
    constexpr int shift = 32 - binBits;
    std::vector<std::uint32_t> counts(std::size_t {1} << binBits, 0);
    for (const float v : values)
        ++counts[orderKey(v) >> shift];
    std::array<std::uint32_t, N> bin {};
    std::array<std::size_t, N> rankInBin {};
    std::size_t below = 0;
    std::size_t next = 0;
    for (std::uint32_t b = 0; b < counts.size() && next < N; ++b) {
        while (next < N && ranks[next] < below + counts[b]) {
            bin[next] = b;
            rankInBin[next] = ranks[next] - below;
            ++next;
        }
        below += counts[b];
    }
    // Which gathered list a bin's values go to (-1: none): ranks in the same bin share one.
    std::vector<std::int16_t> list(counts.size(), -1);
    std::array<std::vector<float>, N> gathered;
    std::array<int, N> listOfRank {};
    int lists = 0;
    for (std::size_t r = 0; r < N; ++r) {
        if (list[bin[r]] < 0) {
            list[bin[r]] = static_cast<std::int16_t>(lists);
            gathered[static_cast<std::size_t>(lists)].reserve(counts[bin[r]]);
            ++lists;
        }
        listOfRank[r] = list[bin[r]];
    }
    for (const float v : values)
        if (const int l = list[orderKey(v) >> shift]; l >= 0)
            gathered[static_cast<std::size_t>(l)].push_back(v);
    std::array<float, N> result {};
    for (std::size_t r = 0; r < N; ++r) {
        auto& in = gathered[static_cast<std::size_t>(listOfRank[r])];
        const auto at = in.begin() + static_cast<std::ptrdiff_t>(rankInBin[r]);
        std::nth_element(in.begin(), at, in.end());
        result[r] = *at;
    }
    return result;
}

// Below this many values, selecting in place is as quick as counting.
constexpr std::size_t radixSelectFrom = 1 << 15;

} // namespace

double percentile(std::vector<float>& values, double p)
{
    if (values.empty())
        return 0;
    return selectFrom(values, 0, nearestRank(values.size(), p));
}

WaitPercentiles waitPercentiles(std::vector<float>& values)
{
    if (values.empty())
        return {};
    const std::size_t n = values.size();
    const std::size_t i50 = nearestRank(n, 50);
    const std::size_t i95 = nearestRank(n, 95);
    const std::size_t i99 = nearestRank(n, 99);
    WaitPercentiles result;
    if (n >= radixSelectFrom) {
        const auto selected = selectRanks<3>(values, {i50, i95, i99});
        result.p50 = selected[0];
        result.p95 = selected[1];
        result.p99 = selected[2];
        return result;
    }
    result.p50 = selectFrom(values, 0, i50);
    result.p95 = selectFrom(values, i50, i95);
    result.p99 = selectFrom(values, i95, i99);
    return result;
}

std::vector<int> topLevelGroups(const Result& result)
{
    std::vector<int> top(result.groups.size());
    for (std::size_t g = 0; g < result.groups.size(); ++g) {
        int t = static_cast<int>(g);
        while (t > 0 && result.groups[static_cast<std::size_t>(t)].parent > 0)
            t = result.groups[static_cast<std::size_t>(t)].parent;
        top[g] = t;
    }
    return top;
}

} // namespace pp
