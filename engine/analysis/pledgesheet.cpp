// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/pledgesheet.h"

#include "analysis/surplusflows.h"
#include "util/text.h"

#include <algorithm>
#include <ctime>
#include <map>

namespace pp {

namespace {

// "2027-01" for a Unix time.
std::string calendarMonth(std::int64_t unixTime)
{
    const auto t = static_cast<std::time_t>(unixTime);
    std::tm utc {};
    gmtime_r(&t, &utc);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d", utc.tm_year + 1900, utc.tm_mon + 1);
    return text;
}

double lookup(const std::vector<std::pair<std::string, double>>& values, const std::string& name)
{
    for (const auto& [key, value] : values)
        if (key == name)
            return value;
    return 0;
}

} // namespace

std::vector<PledgeMonth> pledgeSheet(const Result& result,
    const std::vector<std::pair<std::string, double>>& pledgedCores,
    std::vector<std::pair<std::string, double>> contributedCores)
{
    if (contributedCores.empty())
        for (const auto& [owner, cores] : result.contributions)
            contributedCores.emplace_back(owner, static_cast<double>(cores));
    const std::vector<int> top = topLevelGroups(result);
    const double hours = static_cast<double>(result.sampleInterval) / 3600.0;
    // The samples of each month, in order (sample k holds the interval before it; the first holds nothing).
    std::vector<std::pair<std::string, std::vector<std::size_t>>> months;
    for (std::size_t k = 1; k < result.groupSeries.size(); ++k) {
        const std::int64_t middle = (static_cast<std::int64_t>(k) * 2 - 1) * result.sampleInterval / 2;
        const std::string month = result.epoch > 0
            ? calendarMonth(result.epoch + result.startTime + middle)
            : "month " + std::to_string(middle / (std::int64_t {30} * 86400) + 1);
        if (months.empty() || months.back().first != month)
            months.push_back({month, {}});
        months.back().second.push_back(k);
    }
    std::vector<PledgeMonth> sheet;
    for (const auto& [month, samples] : months) {
        std::vector<std::vector<GroupSample>> slice;
        for (std::size_t k : samples)
            slice.push_back(result.groupSeries[k]);
        const auto flows = computeSurplusFlows(result.groups, slice, static_cast<double>(result.sampleInterval));
        for (std::size_t e = 1; e < result.groups.size(); ++e) {
            if (result.groups[e].parent != 0)
                continue; // experiments: the top-level groups
            PledgeMonth row;
            row.experiment = result.groups[e].name;
            row.month = month;
            const double span = hours * static_cast<double>(samples.size());
            row.pledgedCoreHours = lookup(pledgedCores, row.experiment) * span;
            row.contributedCoreHours = lookup(contributedCores, row.experiment) * span;
            for (std::size_t k : samples)
                for (std::size_t g = 0; g < top.size() && g < result.groupSeries[k].size(); ++g)
                    if (top[g] == static_cast<int>(e))
                        row.deliveredCoreHours += result.groupSeries[k][g].usage * hours;
            for (const SurplusFlow& f : flows) {
                const bool from = top[static_cast<std::size_t>(f.from)] == static_cast<int>(e);
                const bool to = top[static_cast<std::size_t>(f.to)] == static_cast<int>(e);
                if (from && !to)
                    row.lentCoreHours += f.coreHours;
                if (to && !from)
                    row.borrowedCoreHours += f.coreHours;
            }
            if (row.pledgedCoreHours > 0 || row.contributedCoreHours > 0 || row.deliveredCoreHours > 0)
                sheet.push_back(row);
        }
    }
    return sheet;
}

std::string pledgeSheetCsv(const std::vector<PledgeMonth>& sheet, const std::string& site)
{
    const auto field = [](const std::string& s) {
        if (s.find_first_of(",\"\n") == std::string::npos)
            return s;
        std::string quoted = "\"";
        for (char c : s)
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        return quoted + "\"";
    };
    std::string out = "site,experiment,month,pledged_core_hours,contributed_core_hours,delivered_core_hours,"
                      "borrowed_core_hours,lent_core_hours,delivered_over_pledged\n";
    for (const PledgeMonth& r : sheet)
        out += field(site) + "," + field(r.experiment) + "," + r.month + "," + text::fixed(r.pledgedCoreHours, 1) + ","
            + text::fixed(r.contributedCoreHours, 1) + "," + text::fixed(r.deliveredCoreHours, 1) + ","
            + text::fixed(r.borrowedCoreHours, 1) + "," + text::fixed(r.lentCoreHours, 1) + ","
            + (r.pledgedCoreHours > 0 ? text::fixed(r.ratio(), 4) : std::string()) + "\n";
    return out;
}

} // namespace pp
