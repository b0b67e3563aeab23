// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/validation.h"

#include "analysis/ensemble.h"

#include <algorithm>
#include <map>

namespace pp {

bool Validation::consistent() const
{
    return std::all_of(groups.begin(), groups.end(), [](const GroupValidation& g) { return g.inside; });
}

std::vector<std::string> Validation::outside() const
{
    std::vector<std::string> names;
    for (const auto& g : groups)
        if (!g.inside)
            names.push_back(g.name);
    return names;
}

Validation validateAgainstHistory(const PoolHistory& history, const std::vector<std::string>& reportGroupOfSubmitter,
    const std::vector<Result>& runs, double margin)
{
    Validation v;
    v.from = history.from;
    v.to = history.to;
    v.margin = margin;
    v.runs = static_cast<int>(runs.size());
    v.percentiles = v.runs >= percentileSpreadRuns;
    if (runs.empty())
        return v;
    const Result& first = runs.front();
    v.sampleInterval = first.sampleInterval;
    // The samples inside the period (every run samples at the same times: they share the scenario).
    std::size_t samples = 0;
    for (const auto& s : first.poolSeries) {
        if (s.time >= history.to - history.from)
            break;
        v.times.push_back(s.time);
        ++samples;
    }
    for (const auto& r : runs)
        samples = std::min(samples, r.groupSeries.size());
    v.times.resize(samples);
    if (samples == 0)
        return v;

    // Real cores per group at each sample instant: the runs that had started and not yet ended.
    std::map<std::string, std::vector<double>> real;
    for (const RealRun& run : history.runs) {
        if (run.submitter >= reportGroupOfSubmitter.size())
            continue;
        auto& series = real[reportGroupOfSubmitter[run.submitter]];
        series.resize(samples, 0.0);
        for (std::size_t k = 0; k < samples; ++k) {
            const std::int64_t t = history.from + v.times[k];
            if (run.start <= t && t < run.end)
                series[k] += run.cores;
        }
    }

    const auto mean = [](const auto& values, auto get) {
        double sum = 0;
        for (const auto& x : values)
            sum += get(x);
        return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
    };
    std::vector<double> values(runs.size());
    for (std::size_t g = 0; g < first.groups.size(); ++g) {
        GroupValidation gv;
        gv.name = first.groups[g].name;
        const auto it = real.find(gv.name);
        gv.real = it != real.end() ? it->second : std::vector<double>(samples, 0.0);
        gv.realMean = mean(gv.real, [](double x) { return x; });
        bool anyUse = gv.realMean > 0;
        for (std::size_t k = 0; k < runs.size(); ++k) {
            double sum = 0;
            for (std::size_t s = 0; s < samples; ++s)
                sum += g < runs[k].groupSeries[s].size() ? runs[k].groupSeries[s][g].usage : 0.0F;
            values[k] = sum / static_cast<double>(samples);
            anyUse = anyUse || values[k] > 0;
        }
        if (!anyUse)
            continue; // a group nobody used, really or in any run, says nothing
        gv.simulated = spreadOf(values, &gv.simulatedMedian);
        gv.inside = gv.simulated.contains(gv.realMean, margin);
        gv.band.resize(samples);
        long inside = 0;
        for (std::size_t s = 0; s < samples; ++s) {
            for (std::size_t k = 0; k < runs.size(); ++k)
                values[k] = g < runs[k].groupSeries[s].size() ? runs[k].groupSeries[s][g].usage : 0.0F;
            gv.band[s] = spreadOf(values);
            inside += gv.band[s].contains(gv.real[s], margin) ? 1 : 0;
        }
        gv.samplesInside = static_cast<double>(inside) / static_cast<double>(samples);
        v.groups.push_back(std::move(gv));
    }
    return v;
}

} // namespace pp
