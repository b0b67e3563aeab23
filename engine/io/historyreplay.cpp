// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/historyreplay.h"

#include "io/classadfiles.h"
#include "io/eventlog.h"
#include "io/formatdetect.h"
#include "io/jobads.h"
#include "util/numeric.h"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

namespace pp {

namespace {

constexpr std::int64_t maxTime = std::int64_t {1} << 40; // seconds since 1970: far beyond any real date

// JobStatus values (job-classad-attributes.rst).
enum Status { Idle = 1, Running = 2, Removed = 3, Completed = 4, Held = 5 };

struct AdJob
{
    std::string submitter;
    std::int64_t submit = 0;
    std::int64_t start = 0; ///< JobCurrentStartDate, 0 = never started
    std::int64_t end = 0; ///< CompletionDate, or when a started job was removed; 0 = still going
    std::int64_t lastChange = 0; ///< the latest time the ad records
    int cores = 1;
    long memoryMb = 0;
    std::uint16_t kind = Batch;
    int status = 0;
    long cluster = -1;
    long proc = -1;
    // How much the ad says: a finished job's ad wins over a running one's, which wins over an idle one's.
    int weight() const { return end > 0 ? 2 : (start > 0 ? 1 : 0); }
};

std::int64_t timeAttr(const classad::ClassAd& ad, const char* name)
{
    return clampedCast<std::int64_t>(jobAdNumber(ad, name, 0), 0, maxTime);
}

// A job is its schedd (GlobalJobId's first part) and its cluster and proc; an ad without them is its own job.
std::string jobKey(const classad::ClassAd& ad, const std::string& path, long line)
{
    const double cluster = jobAdNumber(ad, "ClusterId", -1);
    const double proc = jobAdNumber(ad, "ProcId", -1);
    if (cluster < 0 || proc < 0)
        return path + ":" + std::to_string(line);
    const std::string global = jobAdString(ad, "GlobalJobId");
    return std::to_string(static_cast<long long>(cluster)) + "." + std::to_string(static_cast<long long>(proc)) + "@"
        + global.substr(0, global.find('#'));
}

std::optional<Diagnostic> readAds(const std::string& path, std::unordered_map<std::string, AdJob>& jobs,
    std::vector<std::string>& order, Warnings& warnings)
{
    auto format = detectFormat(path);
    if (!format) {
        if (holdsNothing(path)) // condor_q -json on an empty queue
            return std::nullopt;
        return format.error();
    }
    const std::optional<AdFormat> adFormat = adFormatOf(*format);
    if (!adFormat)
        return Diagnostic {path, 0,
            std::string("is a ") + fileFormatName(*format)
                + " file, not job ads (condor_history or condor_q output, -long, -json or -jsonl)"};
    long others = 0;
    auto read = readClassAds(
        path, *adFormat,
        [&](classad::ClassAd&& ad, long line) {
            const std::string type = jobAdString(ad, "MyType");
            // Without MyType (condor_userprio -long, some -af dumps), a job ad is known by its QDate or ClusterId.
            if ((!type.empty() && type != "Job")
                || (type.empty() && jobAdNumber(ad, "QDate", -1) < 0 && jobAdNumber(ad, "ClusterId", -1) < 0)) {
                ++others;
                return true;
            }
            AdJob job;
            job.submitter = jobAdSubmitter(ad);
            job.submit = timeAttr(ad, "QDate");
            job.status = static_cast<int>(jobAdNumber(ad, "JobStatus", 0));
            job.start = timeAttr(ad, "JobCurrentStartDate");
            const std::int64_t completion = timeAttr(ad, "CompletionDate");
            const std::int64_t changed = timeAttr(ad, "EnteredCurrentStatus");
            if (job.start == 0 && completion > 0) // an old history without start dates: the committed time
                job.start = std::max<std::int64_t>(0, completion - timeAttr(ad, "CommittedTime"));
            if (completion > 0 && completion >= job.start)
                job.end = completion;
            else if (job.status == Removed && job.start > 0 && changed >= job.start)
                job.end = changed; // removed while running: the run ended then
            else if (job.status != Running)
                job.start = 0; // idle or held now: its earlier run is not the one that counts
            job.lastChange = std::max({job.submit, job.start, job.end, changed});
            job.cores = clampedCast<int>(jobAdNumber(ad, "RequestCpus", 1), 1, 65535);
            job.memoryMb = roundedRequestMemory(jobAdNumber(ad, "RequestMemory", "MemoryUsage", 0));
            job.kind = isNotebookJob(ad) ? Notebook : Batch;
            job.cluster = static_cast<long>(jobAdNumber(ad, "ClusterId", -1));
            job.proc = static_cast<long>(jobAdNumber(ad, "ProcId", -1));
            const std::string key = jobKey(ad, path, line);
            auto [it, inserted] = jobs.try_emplace(key, job);
            if (inserted)
                order.push_back(key);
            else if (job.weight() >= it->second.weight())
                it->second = job;
            return true;
        },
        warnings, &jobAdAttributes());
    if (!read)
        return read.error();
    if (others > 0)
        warnings.add({path, 0, notJobAdsNote(others)});
    return std::nullopt;
}

// Every run of every job in the event logs, by (cluster, proc): an execute (001) starts one; an eviction (004),
// termination (005), abort (009) or hold (012) ends it. A run still going when the log ends lasts to `to`.
struct LoggedRun
{
    std::int64_t start = 0;
    std::int64_t end = -1; ///< -1 while it runs
    int cores = 0; ///< the dynamic slot's Cpus from the execute event (what the job held); 0 = not given
};
using EventRuns = std::map<std::pair<long, long>, std::vector<LoggedRun>>;

std::optional<Diagnostic> readRuns(const std::string& path, EventRuns& runs, Warnings& warnings)
{
    constexpr std::int64_t open = -1;
    auto read = readEventLog(
        path, EventLogOptions {},
        [&](const JobEvent& e) {
            if (e.cluster < 0)
                return;
            auto& list = runs[{e.cluster, e.proc}];
            const bool running = !list.empty() && list.back().end == open;
            if (e.code == 1 && !running)
                list.push_back({e.time, open, e.cores});
            else if (running && (e.code == 4 || e.code == 5 || e.code == 9 || e.code == 12))
                list.back().end = e.time;
        },
        warnings);
    if (!read)
        return read.error();
    return std::nullopt;
}

} // namespace

Expected<PoolHistory> readPoolHistory(const std::vector<std::string>& paths, const HistoryReplayOptions& options,
    Warnings& warnings, const std::vector<std::string>& eventLogPaths)
{
    std::unordered_map<std::string, AdJob> jobs;
    std::vector<std::string> order;
    for (const auto& path : paths)
        if (auto error = readAds(path, jobs, order, warnings))
            return *error;
    EventRuns eventRuns;
    for (const auto& path : eventLogPaths)
        if (auto error = readRuns(path, eventRuns, warnings))
            return *error;
    const std::string source = paths.empty() ? std::string("--history") : paths.front();
    if (jobs.empty())
        return Diagnostic {source, 0, "no job ads to replay"};

    PoolHistory history;
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = 0;
    for (const auto& [key, job] : jobs) {
        if (job.submit > 0)
            first = std::min(first, job.submit);
        last = std::max(last, job.lastChange);
    }
    history.from = options.from.value_or(first == std::numeric_limits<std::int64_t>::max() ? 0 : first);
    history.to = options.to.value_or(last);
    if (history.to <= history.from && (options.from || options.to))
        return Diagnostic {options.to ? std::string("--to") : std::string("--from"), 0,
            "the period is empty: it must end after it starts (" + std::to_string(history.from) + " to "
                + std::to_string(history.to) + ")"};
    if (history.to <= history.from)
        return Diagnostic {source, 0,
            "the jobs' ads span no time (every submission, start and change at " + std::to_string(history.from)
                + "): give the period with --from and --to, or a history that covers one"};

    Workload& w = history.workload;
    w.epoch = history.from;
    w.source = source;
    std::unordered_map<std::string, std::uint32_t> index;
    std::vector<std::pair<std::size_t, Job>> replay; // (order, job) for a stable sort by submit time
    for (std::size_t n = 0; n < order.size(); ++n) {
        const AdJob& a = jobs.at(order[n]);
        const double heldCoreHours
            = a.start > 0 ? a.cores * static_cast<double>((a.end > 0 ? a.end : history.to) - a.start) / 3600.0 : 0.0;
        ++w.sourceJobs;
        w.sourceCoreHours += heldCoreHours;
        if (a.submit >= history.to || (a.end > 0 && a.end <= history.from)) {
            w.skip("outside the period", heldCoreHours);
            continue;
        }
        if (a.status == Removed && a.end == 0) {
            w.skip("removed before it started", 0);
            continue;
        }
        if (options.largestMachineCores > 0 && a.cores > options.largestMachineCores) {
            w.skip(
                "wider than every machine (" + std::to_string(options.largestMachineCores) + " cores)", heldCoreHours);
            continue;
        }
        if (options.largestMachineMemoryMb > 0 && a.memoryMb > options.largestMachineMemoryMb) {
            w.skip("more memory than any machine has", heldCoreHours);
            continue;
        }
        auto [it, inserted] = index.try_emplace(a.submitter, static_cast<std::uint32_t>(w.submitters.size()));
        if (inserted)
            w.submitters.push_back(a.submitter);
        const std::uint32_t submitter = it->second;
        Job job;
        const std::int64_t submit = std::max(a.submit, history.from);
        job.submit = clampedCast<std::uint32_t>(static_cast<double>(submit - history.from), 0);
        // A job still running or waiting at the end runs past it in the replay (one second beyond is enough); one
        // already running when the period starts runs what was left of it then.
        const bool finished = a.end > 0 && a.end <= history.to;
        job.runtime = clampedCast<std::uint32_t>(
            static_cast<double>(finished ? a.end - std::max(a.start, history.from) : history.to - submit + 1), 1);
        job.cores = static_cast<std::uint16_t>(a.cores);
        job.memoryMb = static_cast<std::uint32_t>(a.memoryMb);
        job.kind = a.kind;
        job.submitter = submitter;
        replay.emplace_back(n, job);
        if (finished)
            ++history.finished;
        else if (a.start > 0)
            ++history.runningAtEnd;
        else
            ++history.waitingAtEnd;
        const auto clipped = [&](std::int64_t start, std::int64_t end, int cores) {
            start = std::max(start, history.from);
            end = std::min(end < 0 ? history.to : end, history.to);
            if (end > start)
                history.runs.push_back({submitter, cores, start, end});
        };
        if (const auto logged = eventRuns.find({a.cluster, a.proc}); logged != eventRuns.end()) {
            for (const LoggedRun& run : logged->second) // the slot's cores: a 1-core job may hold a 4-core slot
                clipped(run.start, run.end, run.cores > 0 ? run.cores : a.cores);
            ++history.jobsWithEveryRun;
        } else if (a.start > 0) {
            clipped(a.start, finished ? a.end : -1, a.cores);
        }
    }
    if (replay.empty())
        return Diagnostic {source, 0, "no job of these ads falls inside the period"};
    std::stable_sort(
        replay.begin(), replay.end(), [](const auto& a, const auto& b) { return a.second.submit < b.second.submit; });
    w.jobs.reserve(replay.size());
    for (const auto& [n, job] : replay)
        w.jobs.push_back(job);
    for (const auto& note : skippedJobNotes(w))
        warnings.add({source, 0, note});
    return history;
}

} // namespace pp
