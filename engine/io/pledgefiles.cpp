// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/pledgefiles.h"

#include "util/linereader.h"
#include "util/text.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace pp {

namespace {

// Calls `row` with the fields of each data line (the first line too unless it is a header: a line whose number
// field does not read as one). Returns the first error, a reader's or a row's.
std::optional<Diagnostic> readCsv(const std::string& path, std::size_t numberField, std::size_t minFields,
    std::size_t maxFields, const std::function<std::optional<std::string>(const std::vector<std::string>&)>& row)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    bool any = false; // a line seen (the first may be a header)
    bool rows = false;
    while (auto line = reader.next()) {
        const std::string_view text = text::trim(*line);
        if (text.empty() || text.front() == '#')
            continue;
        std::vector<std::string> fields;
        for (auto field : text::split(text, ","))
            fields.emplace_back(text::trim(field));
        if (!any && fields.size() > numberField && !text::parseDouble(fields[numberField])) {
            any = true; // a header
            continue;
        }
        any = true;
        rows = true;
        if (fields.size() < minFields || fields.size() > maxFields)
            return Diagnostic {path, reader.lineNumber(),
                "expected " + std::to_string(minFields)
                    + (minFields == maxFields ? "" : " to " + std::to_string(maxFields))
                    + " comma-separated fields, found " + std::to_string(fields.size())};
        if (auto problem = row(fields))
            return Diagnostic {path, reader.lineNumber(), *problem};
    }
    if (reader.error())
        return *reader.error();
    if (!rows)
        return Diagnostic {path, 0, "no rows"};
    return std::nullopt;
}

std::optional<double> positive(const std::string& s)
{
    const auto v = text::parseDouble(s);
    return v && std::isfinite(*v) && *v > 0 ? v : std::nullopt;
}

} // namespace

std::string QuotaTarget::text() const
{
    return group + " " + metric + (atLeast ? " >= " : " <= ") + text::fixed(value, value == std::floor(value) ? 0 : 3);
}

const std::vector<std::string>& quotaTargetMetrics()
{
    static const std::vector<std::string> metrics {"delivered_over_pledge", "core_hours", "claimed_core_hours", "share",
        "jobs_completed", "wait_p50_s", "wait_p95_s", "wait_p99_s", "preemptions", "badput_core_hours",
        "notebook_start_p50_s", "notebook_start_p95_s", "notebook_failures"};
    return metrics;
}

Expected<std::vector<Contribution>> readContributions(const std::string& path)
{
    std::vector<Contribution> out;
    auto error = readCsv(path, 1, 3, 4, [&](const std::vector<std::string>& f) -> std::optional<std::string> {
        Contribution c;
        c.experiment = f[0];
        const auto machines = text::parseInteger(f[1]);
        const auto cores = text::parseInteger(f[2]);
        if (c.experiment.empty())
            return "no experiment named";
        if (!machines || *machines < 0 || *machines > 10'000'000)
            return "machines: '" + f[1] + "' is not a count of machines";
        if (!cores || *cores < 1 || *cores > 65535)
            return "cores_per_machine: '" + f[2] + "' is not a number of cores";
        c.machines = static_cast<long>(*machines);
        c.coresPerMachine = static_cast<int>(*cores);
        if (f.size() == 4) {
            const auto hs06 = positive(f[3]);
            if (!hs06 || *hs06 > 1e6)
                return "hs06_per_core: '" + f[3] + "' is not a benchmark factor";
            c.hs06PerCore = *hs06;
        }
        out.push_back(c);
        return std::nullopt;
    });
    if (error)
        return *error;
    return out;
}

Expected<std::vector<Pledge>> readPledges(const std::string& path, const std::vector<Contribution>& contributions)
{
    double hs06 = 0;
    double benchmarked = 0;
    for (const auto& c : contributions)
        if (c.hs06PerCore > 0) {
            hs06 += c.hs06PerCore * static_cast<double>(c.cores());
            benchmarked += static_cast<double>(c.cores());
        }
    const double poolFactor = benchmarked > 0 ? hs06 / benchmarked : 0;
    std::vector<Pledge> out;
    auto error = readCsv(path, 1, 3, 3, [&](const std::vector<std::string>& f) -> std::optional<std::string> {
        Pledge p;
        p.experiment = f[0];
        const auto amount = text::parseDouble(f[1]);
        if (p.experiment.empty())
            return "no experiment named";
        if (!amount || !std::isfinite(*amount) || *amount < 0 || *amount > 1e12)
            return "amount: '" + f[1] + "' is not a pledge";
        std::string unit = f[2];
        std::transform(unit.begin(), unit.end(), unit.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (unit != "cores" && unit != "hs06")
            return "unit: '" + f[2] + "' is neither cores nor HS06";
        p.amount = *amount;
        p.hs06 = unit == "hs06";
        p.cores = p.amount;
        if (p.hs06) {
            double factor = poolFactor;
            for (const auto& c : contributions)
                if (c.experiment == p.experiment && c.hs06PerCore > 0)
                    factor = c.hs06PerCore;
            if (factor <= 0)
                return "a pledge in HS06 needs the machines' benchmark: give --contributions with hs06_per_core, "
                       "or slot ads with the attribute POOLPLANNER_HS06_ATTRIBUTE names (HS06PerCore)";
            p.cores = p.amount / factor;
        }
        out.push_back(p);
        return std::nullopt;
    });
    if (error)
        return *error;
    return out;
}

Expected<std::vector<QuotaTarget>> readQuotaTargets(const std::string& path)
{
    std::vector<QuotaTarget> out;
    auto error = readCsv(path, 3, 4, 4, [&](const std::vector<std::string>& f) -> std::optional<std::string> {
        QuotaTarget t;
        t.group = f[0];
        t.metric = f[1];
        const auto& metrics = quotaTargetMetrics();
        if (t.group.empty())
            return "no group named";
        if (std::find(metrics.begin(), metrics.end(), t.metric) == metrics.end()) {
            std::string known;
            for (const auto& m : metrics)
                known += (known.empty() ? "" : ", ") + m;
            return "metric: '" + t.metric + "' is not one of " + known;
        }
        if (f[2] == ">=" || f[2] == ">")
            t.atLeast = true;
        else if (f[2] == "<=" || f[2] == "<")
            t.atLeast = false;
        else
            return "op: '" + f[2] + "' is not >=, <=, > or <";
        const auto value = text::parseDouble(f[3]);
        if (!value || !std::isfinite(*value) || *value < 0)
            return "value: '" + f[3] + "' is not a number (0 or more)";
        t.value = *value;
        out.push_back(t);
        return std::nullopt;
    });
    if (error)
        return *error;
    return out;
}

std::vector<Contribution> contributionsOfPool(const Pool& pool)
{
    std::vector<Contribution> out;
    std::vector<double> benchmarkedCores;
    std::vector<double> hs06;
    for (const auto& m : pool.machines) {
        if (m.owner.empty())
            continue;
        auto it = std::find_if(out.begin(), out.end(), [&](const Contribution& c) { return c.experiment == m.owner; });
        if (it == out.end()) {
            out.push_back({m.owner, 0, 0, 0, 0});
            benchmarkedCores.push_back(0);
            hs06.push_back(0);
            it = out.end() - 1;
        }
        const auto k = static_cast<std::size_t>(it - out.begin());
        ++it->machines;
        it->totalCores += m.cores;
        if (m.hs06PerCore > 0) {
            benchmarkedCores[k] += m.cores;
            hs06[k] += m.hs06PerCore * m.cores;
        }
    }
    for (std::size_t k = 0; k < out.size(); ++k) {
        out[k].coresPerMachine = static_cast<int>(out[k].totalCores / std::max(1L, out[k].machines));
        if (benchmarkedCores[k] > 0)
            out[k].hs06PerCore = hs06[k] / benchmarkedCores[k];
    }
    return out;
}

} // namespace pp
