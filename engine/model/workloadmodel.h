// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/workload.h"
#include "util/expected.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pp {

/// What one accounting group submits, as fitted from a trace: arrivals by hour of the week, who submits, and
/// the shapes of its jobs (cores, runtime, memory, batch or notebook) as an empirical sample.
struct GroupWorkloadModel
{
    static constexpr int hoursPerWeek = 168;

    std::string group; ///< accounting group path ("" = no group)
    std::vector<std::string> users; ///< user part of the submitter names
    std::vector<double> userWeights; ///< jobs each user submitted
    double arrivalsPerHour[hoursPerWeek] = {}; ///< mean jobs per hour, hour 0 = Monday 00:00 UTC
    struct Shape
    {
        std::uint32_t runtime = 0;
        std::uint32_t memoryMb = 0;
        std::uint16_t cores = 1;
        std::uint16_t kind = Batch;
    };
    std::vector<Shape> shapes; ///< a uniform sample of the group's jobs (all of them up to the sample size)

    double jobsPerWeek() const;
    double meanCoreSeconds() const;
};

/// A workload model: per group, enough to generate new workloads with the same rhythm and sizes.
struct WorkloadModel
{
    std::vector<GroupWorkloadModel> groups;
    std::string source; ///< the trace it was fitted from

    /// Fits a model to a workload. Every job counts; shapes beyond `maxShapes` per group are sampled uniformly.
    static WorkloadModel fit(const Workload& workload, std::uint64_t seed = 1, std::size_t maxShapes = 50000);

    /// Generates `seconds` of workload from `epoch` (Unix time of second 0). `scale` multiplies a group's
    /// arrival rate ("g3" → 2 means g3 submits twice as much); the same seed gives the same jobs.
    Workload generate(
        double seconds, std::int64_t epoch, std::uint64_t seed, const std::map<std::string, double>& scale = {}) const;

    /// A text form that a person can read and diff; `read` refuses anything else with file and line.
    std::string write() const;
    static Expected<WorkloadModel> read(const std::string& path);
};

/// Parses `--scale g3=2,atlas.prod=0.5`; errors name the option.
Expected<std::map<std::string, double>> parseScale(const std::string& text);

} // namespace pp
