// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pp {

/// Where a figure fell over an ensemble's runs: between min and max below 20 runs, p5 and p95 from 20 on.
struct FigureSpread
{
    double low = 0;
    double high = 0;
    bool contains(double value, double margin = 0) const { return value >= low - margin && value <= high + margin; }
    bool overlaps(const FigureSpread& o) const { return low <= o.high && o.low <= high; }
};

/// The runs of one scenario with different tie seeds, in seed order: the first whole, the others without their
/// per-job outcomes and machine samples (their summaries and time series are what an ensemble reads).
struct EnsembleRuns
{
    std::vector<Result> results;
    std::vector<std::uint64_t> tieSeeds;
};

/// The runs of one scenario whose only difference is HTCondor's arbitrary choices (Scenario::tieSeed): each
/// figure's median in `median`, and its spread by the figure's JSON key.
struct EnsembleResult
{
    Result median; ///< the first run, with every figure below replaced by its median over the runs
    int runs = 0;
    bool percentiles = false; ///< spreads are p5–p95 (true) or min–max
    std::vector<std::uint64_t> tieSeeds;
    std::map<std::string, FigureSpread> pool; ///< "core_hours_delivered", "utilization", …
    std::vector<std::map<std::string, FigureSpread>> groups; ///< by group, in the result's order
    /// Cores claimed at each pool sample (Result::poolSeries of the first run gives the times), over the runs: the
    /// band a usage chart draws.
    std::vector<FigureSpread> claimedCores;

    const FigureSpread* poolSpread(const std::string& key) const
    {
        const auto it = pool.find(key);
        return it == pool.end() ? nullptr : &it->second;
    }
    const FigureSpread* groupSpread(std::size_t group, const std::string& key) const
    {
        if (group >= groups.size())
            return nullptr;
        const auto it = groups[group].find(key);
        return it == groups[group].end() ? nullptr : &it->second;
    }
    /// "min"/"max" or "p5"/"p95": the suffixes of the JSON keys beside each figure.
    const char* lowName() const { return percentiles ? "p5" : "min"; }
    const char* highName() const { return percentiles ? "p95" : "max"; }
};

} // namespace pp
