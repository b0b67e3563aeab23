// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// Wall time of a piece of work, for the benchmarks that compare runs in the same process.
#pragma once

#include <chrono>

inline double secondsOf(const auto& work)
{
    const auto t0 = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
