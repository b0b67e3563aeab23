// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/ensemble.h"
#include "model/poolhistory.h"
#include "model/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pp {

/// One group of a validation: the cores its jobs really held against the replay's, on average and per sample.
struct GroupValidation
{
    std::string name;
    double realMean = 0; ///< mean cores in use over the samples, from the history's runs
    double simulatedMedian = 0; ///< the median over the runs of each run's mean
    FigureSpread simulated; ///< the spread of the runs' means (min–max, p5–p95 from 20 runs)
    bool inside = false; ///< realMean lies in `simulated`, widened by the margin
    double samplesInside = 0; ///< share of samples whose real cores lie in that sample's band, widened likewise
    std::vector<double> real; ///< per sample
    std::vector<FigureSpread> band; ///< per sample, over the runs
    double error() const { return simulatedMedian - realMean; }
};

/// A pool's history against its replay under its own configuration and machines (issue: validate against your
/// own pool). Samples are the results' own (Result::groupSeries), at `sampleInterval` from the period's start.
struct Validation
{
    std::int64_t from = 0; ///< Unix time
    std::int64_t to = 0;
    std::int64_t sampleInterval = 0;
    int runs = 0;
    bool percentiles = false;
    double margin = 0.5; ///< cores: how far outside the range still counts as inside
    std::vector<std::int64_t> times; ///< sample times, seconds from `from`
    std::vector<GroupValidation> groups; ///< groups with cores in use, really or in a run; the result's order
    bool consistent() const;
    /// The groups whose real mean lies outside the range.
    std::vector<std::string> outside() const;
};

/// Compares `history`'s runs with `runs` (the replay of `history.workload` with different tie seeds; at least
/// one). `reportGroupOfSubmitter`: for each of the history's submitters, the name of the result group it is
/// charged to. Samples at or after the period's end are left out.
Validation validateAgainstHistory(const PoolHistory& history, const std::vector<std::string>& reportGroupOfSubmitter,
    const std::vector<Result>& runs, double margin = 0.5);

} // namespace pp
