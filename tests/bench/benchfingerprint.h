// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// A hash of what a simulation decided (every job's starts and end, every group sample, every wait sample), printed
// by the benchmarks so that a speed-up can be shown to leave the results exactly as they were.
#pragma once

#include "model/result.h"

#include <cstdint>
#include <cstring>

inline std::uint64_t resultFingerprint(const pp::Result& result)
{
    std::uint64_t hash = 1469598103934665603ULL; // FNV-1a
    const auto mix = [&hash](const auto& value) {
        unsigned char bytes[sizeof(value)];
        std::memcpy(bytes, &value, sizeof(value));
        for (const unsigned char b : bytes) {
            hash ^= b;
            hash *= 1099511628211ULL;
        }
    };
    for (const auto& job : result.jobs) {
        mix(job.firstStart);
        mix(job.end);
        mix(job.starts);
        mix(job.fate);
    }
    for (const auto& sample : result.groupSeries)
        for (const auto& group : sample) {
            mix(group.usage);
            mix(group.quota);
            mix(group.allocated);
            mix(group.demand);
            mix(group.subtreeQuota);
        }
    for (const auto& sample : result.whyIdleSeries)
        for (const auto& wait : sample) {
            mix(wait.group);
            mix(wait.reason);
            mix(wait.coreHours);
        }
    mix(result.matches);
    mix(result.negotiationCycles);
    return hash;
}
