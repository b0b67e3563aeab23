// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/resultreader.h"

#include "util/memoryfiles.h"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <utility>

namespace pp {

namespace {

namespace dom = simdjson::dom;

/// A result with per-job rows of a year of a large pool is a few hundred megabytes; beyond this it is not one.
constexpr std::uintmax_t maxResultBytes = std::uintmax_t(4) << 30;

double number(dom::object object, const char* key, double fallback = 0)
{
    double value = 0;
    return object[key].get_double().get(value) == simdjson::SUCCESS ? value : fallback;
}

long integer(dom::object object, const char* key)
{
    std::int64_t value = 0;
    if (object[key].get_int64().get(value) == simdjson::SUCCESS)
        return static_cast<long>(value);
    return static_cast<long>(number(object, key));
}

bool boolean(dom::object object, const char* key)
{
    bool value = false;
    return object[key].get_bool().get(value) == simdjson::SUCCESS && value;
}

std::string string(dom::object object, const char* key)
{
    std::string_view value;
    return object[key].get_string().get(value) == simdjson::SUCCESS ? std::string(value) : std::string();
}

/// The checks after the bytes are in: what an empty, an oversized or a binary file is told.
Expected<std::string> checkBytes(const std::string& path, std::string bytes)
{
    if (bytes.empty())
        return Diagnostic {path, 0, "empty file: not a PoolPlanner result"};
    if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
        const long line
            = 1 + static_cast<long>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(nul), '\n'));
        return Diagnostic {path, line, "binary data (a NUL byte) where a JSON result was expected"};
    }
    return bytes;
}

Expected<std::string> readBytes(const std::string& path)
{
    if (const std::string_view* bytes = memoryFile(path)) {
        if (bytes->size() > maxResultBytes)
            return Diagnostic {path, 0, "larger than 4 GiB: not a PoolPlanner result"};
        return checkBytes(path, std::string(*bytes));
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status))
        return Diagnostic {path, 0, "no such file"};
    if (fs::is_directory(status))
        return Diagnostic {path, 0, "is a directory, not a file"};
    if (!fs::is_regular_file(status))
        return Diagnostic {path, 0, "is not a regular file"};
    const auto size = fs::file_size(path, ec);
    if (ec)
        return Diagnostic {path, 0, "cannot be read: " + ec.message()};
    if (size == 0)
        return Diagnostic {path, 0, "empty file: not a PoolPlanner result"};
    if (size > maxResultBytes)
        return Diagnostic {path, 0, "larger than 4 GiB: not a PoolPlanner result"};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Diagnostic {path, 0, std::string("cannot be read: ") + std::strerror(errno)};
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size)
        return Diagnostic {path, 0, "cannot be read in full"};
    return checkBytes(path, std::move(bytes));
}

void readWhyIdle(dom::object g, GroupSummary& s)
{
    dom::object why;
    if (g["why_idle"].get_object().get(why) == simdjson::SUCCESS)
        for (std::size_t r = 0; r < waitReasonCount; ++r)
            s.whyIdleCoreHours[r] = std::max(0.0, number(why, waitReasonCode(static_cast<WaitReason>(r))));
    dom::object detail;
    if (g["why_idle_detail"].get_object().get(detail) != simdjson::SUCCESS)
        return;
    s.whyIdleDetails.capAncestor = string(detail, "ancestor_cap");
    s.whyIdleDetails.shareSubmitter = string(detail, "submitter_share");
    s.whyIdleDetails.earlierGroup = string(detail, "group_order");
    s.whyIdleDetails.claimHolder = string(detail, "claimed_by_others");
    dom::object slot;
    if (detail["no_fitting_slot"].get_object().get(slot) == simdjson::SUCCESS) {
        s.whyIdleDetails.neededCores = static_cast<int>(std::clamp<long>(integer(slot, "cores"), 0, 1 << 20));
        s.whyIdleDetails.largestFreeCores
            = static_cast<int>(std::clamp<long>(integer(slot, "largest_free_cores"), 0, 1 << 20));
        s.whyIdleDetails.poolHeldBy = string(slot, "pool_held_beyond_quota_by");
    }
}

// The sparse series of a full result (--out): rows of sample, group, reason and core-hours; a row naming a group or
// reason that is not there, or a sample far beyond the run, is skipped.
void readWhyIdleSeries(dom::object top, Result& r)
{
    const long interval = integer(top, "sample_interval_s");
    if (interval > 0)
        r.sampleInterval = interval;
    dom::object series;
    dom::array rows;
    if (top["why_idle_series"].get_object().get(series) != simdjson::SUCCESS
        || series["rows"].get_array().get(rows) != simdjson::SUCCESS)
        return;
    const long maxSamples = r.simulatedSeconds / std::max<long>(1, r.sampleInterval) + 2;
    for (dom::element row : rows) {
        dom::array cells;
        if (row.get_array().get(cells) != simdjson::SUCCESS || cells.size() != 4)
            continue;
        std::int64_t sample = 0;
        std::int64_t group = 0;
        std::int64_t reason = 0;
        double hours = 0;
        if (cells.at(0).get_int64().get(sample) != simdjson::SUCCESS
            || cells.at(1).get_int64().get(group) != simdjson::SUCCESS
            || cells.at(2).get_int64().get(reason) != simdjson::SUCCESS
            || cells.at(3).get_double().get(hours) != simdjson::SUCCESS)
            continue;
        if (sample < 0 || sample >= maxSamples || group < 0 || group >= static_cast<std::int64_t>(r.groups.size())
            || reason < 0 || reason >= static_cast<std::int64_t>(waitReasonCount) || !(hours >= 0))
            continue;
        if (r.whyIdleSeries.size() <= static_cast<std::size_t>(sample))
            r.whyIdleSeries.resize(static_cast<std::size_t>(sample) + 1);
        r.whyIdleSeries[static_cast<std::size_t>(sample)].push_back(
            {static_cast<std::uint32_t>(group), static_cast<WaitReason>(reason), static_cast<float>(hours)});
    }
}

} // namespace

Expected<Result> readResultJson(const std::string& path)
{
    auto bytes = readBytes(path);
    if (!bytes)
        return bytes.error();
    dom::parser parser;
    dom::element document;
    if (const auto error = parser.parse(*bytes).get(document))
        return Diagnostic {path, 0,
            std::string("not valid JSON (cut short while it was written?): ") + simdjson::error_message(error)};
    dom::object top;
    if (document.get_object().get(top) != simdjson::SUCCESS)
        return Diagnostic {path, 0, "not a PoolPlanner result: the JSON is not an object"};
    dom::array groups;
    if (top["groups"].get_array().get(groups) != simdjson::SUCCESS || top["jobs_total"].error() != simdjson::SUCCESS)
        return Diagnostic {
            path, 0, "not a PoolPlanner result: no 'groups' and 'jobs_total' (simulate --json or --out)"};

    Result r;
    r.scenarioName = string(top, "scenario");
    r.jobsTotal = integer(top, "jobs_total");
    r.jobsStarted = integer(top, "jobs_started");
    r.jobsCompleted = integer(top, "jobs_completed");
    r.coreHoursDelivered = number(top, "core_hours_delivered");
    r.coreHoursDemanded = number(top, "core_hours_demanded");
    r.claimedCoreHours = number(top, "claimed_core_hours");
    r.utilization = number(top, "utilization");
    r.poolCores = integer(top, "pool_cores");
    r.simulatedSeconds = integer(top, "simulated_seconds");
    r.wallSeconds = number(top, "wall_seconds");
    r.negotiationCycles = integer(top, "negotiation_cycles");
    r.matches = integer(top, "matches");
    r.claimReuses = integer(top, "claim_reuses");
    r.drainsStarted = integer(top, "drains_started");
    r.stoppedEarly = boolean(top, "stopped_early");
    r.startTime = integer(top, "start_time");
    r.epoch = integer(top, "epoch");
    dom::array notes;
    if (top["notes"].get_array().get(notes) == simdjson::SUCCESS)
        for (dom::element note : notes) {
            std::string_view text;
            if (note.get_string().get(text) == simdjson::SUCCESS)
                r.notes.emplace_back(text);
        }

    std::map<std::string, int> index;
    std::vector<std::string> parents;
    for (dom::element element : groups) {
        dom::object g;
        if (element.get_object().get(g) != simdjson::SUCCESS || g["name"].get_string().error() != simdjson::SUCCESS)
            return Diagnostic {path, 0, "not a PoolPlanner result: a group without a name"};
        GroupSummary s;
        s.name = string(g, "name");
        parents.push_back(string(g, "parent"));
        s.configQuota = number(g, "config_quota");
        s.staticQuota = boolean(g, "static_quota");
        s.acceptSurplus = boolean(g, "accept_surplus");
        s.meanQuota = number(g, "quota");
        s.coreHours = number(g, "core_hours");
        s.claimedCoreHours = number(g, "claimed_core_hours");
        s.jobsTotal = integer(g, "jobs_total");
        s.jobsCompleted = integer(g, "jobs_completed");
        s.jobsNeverStarted = integer(g, "jobs_never_started");
        s.waitP50 = number(g, "wait_p50_s");
        s.waitP95 = number(g, "wait_p95_s");
        s.waitP99 = number(g, "wait_p99_s");
        s.preemptions = integer(g, "preemptions");
        s.drainEvictions = integer(g, "drain_evictions");
        s.limitEvictions = integer(g, "limit_evictions");
        s.badputCoreHours = number(g, "badput_core_hours");
        s.preemptionBadputCoreHours = number(g, "badput_preemption_core_hours");
        s.drainBadputCoreHours = number(g, "badput_drain_core_hours");
        s.limitBadputCoreHours = number(g, "badput_limit_core_hours");
        s.jobsRemoved = integer(g, "jobs_removed");
        s.jobsHeld = integer(g, "jobs_held");
        s.notebookSessions = integer(g, "notebook_sessions");
        s.notebookFailures = integer(g, "notebook_failures");
        s.notebookStartP50 = number(g, "notebook_start_p50_s");
        s.notebookStartP95 = number(g, "notebook_start_p95_s");
        readWhyIdle(g, s);
        index.emplace(s.name, static_cast<int>(r.groups.size()));
        r.groups.push_back(std::move(s));
    }
    for (std::size_t i = 0; i < r.groups.size(); ++i) {
        const auto it = index.find(parents[i]);
        r.groups[i].parent = parents[i].empty() || it == index.end() ? -1 : it->second;
    }

    dom::array flows;
    if (top["surplus_flows"].get_array().get(flows) == simdjson::SUCCESS)
        for (dom::element element : flows) {
            dom::object f;
            if (element.get_object().get(f) != simdjson::SUCCESS)
                continue;
            const auto from = index.find(string(f, "from"));
            const auto to = index.find(string(f, "to"));
            if (from != index.end() && to != index.end())
                r.flows.push_back({from->second, to->second, number(f, "core_hours")});
        }
    dom::array contributions;
    if (top["contributions"].get_array().get(contributions) == simdjson::SUCCESS)
        for (dom::element element : contributions) {
            dom::object c;
            if (element.get_object().get(c) == simdjson::SUCCESS && !string(c, "owner").empty())
                r.contributions.emplace_back(string(c, "owner"), integer(c, "cores"));
        }
    dom::array pools;
    if (top["pools"].get_array().get(pools) == simdjson::SUCCESS)
        for (dom::element element : pools) {
            dom::object p;
            if (element.get_object().get(p) != simdjson::SUCCESS)
                continue;
            r.poolNames.push_back(string(p, "name"));
            r.poolMachineCount.push_back(integer(p, "machines"));
        }
    dom::array exchanges;
    if (top["exchanges"].get_array().get(exchanges) == simdjson::SUCCESS)
        for (dom::element element : exchanges) {
            dom::object e;
            if (element.get_object().get(e) != simdjson::SUCCESS)
                continue;
            const auto at = [&](const std::string& name) {
                const auto it = std::find(r.poolNames.begin(), r.poolNames.end(), name);
                return it == r.poolNames.end() ? -1 : static_cast<int>(it - r.poolNames.begin());
            };
            const int home = at(string(e, "home"));
            const int execute = at(string(e, "execute"));
            if (home >= 0 && execute >= 0)
                r.exchanges.push_back({home, execute, number(e, "core_hours"), integer(e, "preemptions"),
                    number(e, "badput_core_hours")});
        }
    readWhyIdleSeries(top, r);
    dom::array sizes;
    if (top["waits_by_size"].get_array().get(sizes) == simdjson::SUCCESS)
        for (dom::element element : sizes) {
            dom::object c;
            if (element.get_object().get(c) != simdjson::SUCCESS)
                continue;
            r.waitsBySize.push_back({string(c, "size"), integer(c, "jobs_started"), number(c, "wait_p50_s"),
                number(c, "wait_p95_s"), number(c, "wait_p99_s")});
        }
    return r;
}

} // namespace pp
