// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <utility>
#include <vector>

namespace pp {

/// A seeded random stream whose numbers are the same on every platform and standard library
/// (std::*_distribution is not specified bit for bit; splitmix64 and these transforms are).
class RandomStream
{
public:
    explicit RandomStream(std::uint64_t seed)
        : m_state(seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL)
    {
    }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double exponential(double mean) { return -mean * std::log1p(-uniform()); }
    /// Standard normal (Box–Muller, one value per call).
    double normal()
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

private:
    std::uint64_t m_state;
};

/// 0, 1, … n-1 in an order drawn from `seed` (Fisher–Yates); seed 0 leaves them in order.
inline std::vector<std::uint32_t> drawnOrder(std::size_t n, std::uint64_t seed)
{
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = static_cast<std::uint32_t>(i);
    if (seed == 0)
        return order;
    RandomStream random(seed);
    for (std::size_t i = n; i > 1; --i)
        std::swap(order[i - 1], order[random.next() % i]);
    return order;
}

} // namespace pp
