// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "model/workload.h"

#include <algorithm>
#include <cstdio>

namespace pp {

std::uint32_t Workload::submitterIndex(const std::string& name)
{
    if (submitterLookup.size() != submitters.size()) {
        submitterLookup.clear();
        for (std::uint32_t i = 0; i < submitters.size(); ++i)
            submitterLookup.try_emplace(submitters[i], i); // the first of a repeated name, as a search finds
    }
    const auto [it, added] = submitterLookup.try_emplace(name, static_cast<std::uint32_t>(submitters.size()));
    if (added)
        submitters.push_back(name);
    return it->second;
}

void Workload::skip(const std::string& reason, double coreHours)
{
    auto it = std::find_if(skipped.begin(), skipped.end(), [&](const SkippedJobs& s) { return s.reason == reason; });
    if (it == skipped.end())
        it = skipped.insert(skipped.end(), SkippedJobs {reason, 0, 0});
    ++it->jobs;
    it->coreHours += coreHours;
}

std::vector<std::string> skippedJobNotes(const Workload& workload)
{
    std::vector<std::string> notes;
    const auto percent = [](double part, double whole) {
        char text[32];
        std::snprintf(text, sizeof text, whole > 0 ? "%.1f %%" : "?", whole > 0 ? 100.0 * part / whole : 0.0);
        return std::string(text);
    };
    for (const auto& s : workload.skipped) {
        std::string note = std::to_string(s.jobs) + " jobs of " + std::to_string(workload.sourceJobs) + " ("
            + percent(static_cast<double>(s.jobs), static_cast<double>(workload.sourceJobs))
            + ") were not replayed: " + s.reason;
        if (s.coreHours > 0)
            note += "; they hold " + percent(s.coreHours, workload.sourceCoreHours) + " of the trace's core-hours";
        notes.push_back(std::move(note));
    }
    return notes;
}

} // namespace pp
