// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/jobworkload.h"

#include "io/classadfiles.h"
#include "io/formatdetect.h"
#include "io/jobads.h"
#include "util/numeric.h"
#include "util/text.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <unordered_map>

namespace pp {

namespace {

constexpr std::int64_t maxTime = std::int64_t {1} << 40; // seconds since 1970: far beyond any real date

using classad::ClassAd;
using classad::Value;

struct PendingJob
{
    std::int64_t submit = 0;
    std::int64_t start = -1;
    std::int64_t end = -1;
    int cores = 1;
    long memoryMb = 0;
    std::uint16_t kind = Batch;
    std::string submitter;
};

Workload finish(std::vector<PendingJob>& pending, const std::string& source, const WorkloadReadOptions& options,
    Warnings& warnings, long unfinished)
{
    Workload workload;
    workload.source = source;
    std::int64_t epoch = 0;
    bool first = true;
    for (const auto& p : pending)
        if (p.start >= 0 && p.end >= p.start) {
            epoch = first ? p.submit : std::min(epoch, p.submit);
            first = false;
        }
    workload.epoch = epoch;
    workload.sourceJobs = static_cast<long>(pending.size()) + unfinished;
    if (unfinished > 0)
        workload.skipped.push_back({"not finished, so the runtime is unknown", unfinished, 0});
    std::unordered_map<std::string, std::uint32_t> index;
    for (auto& p : pending) {
        const double coreHours
            = p.end > p.start ? static_cast<double>(p.cores) * static_cast<double>(p.end - p.start) / 3600.0 : 0.0;
        workload.sourceCoreHours += coreHours;
        if (p.start < 0 || p.end < p.start) {
            workload.skip("no valid start and end times", 0);
            continue;
        }
        if (options.swf.largestMachineCores > 0 && p.cores > options.swf.largestMachineCores) {
            workload.skip(
                "wider than every machine (" + std::to_string(options.swf.largestMachineCores) + " cores)", coreHours);
            continue;
        }
        if (options.swf.largestMachineMemoryMb > 0 && p.memoryMb > options.swf.largestMachineMemoryMb) {
            workload.skip("more memory than any machine has", coreHours);
            continue;
        }
        // --map renames groups here too: the group part of the submitter name.
        std::string submitter = p.submitter;
        if (const std::size_t dot = submitter.rfind('.'); dot != std::string::npos)
            if (const auto it = options.swf.groupMap.find(submitter.substr(0, dot)); it != options.swf.groupMap.end())
                submitter = it->second + submitter.substr(dot);
        auto [it, inserted] = index.try_emplace(submitter, static_cast<std::uint32_t>(workload.submitters.size()));
        if (inserted)
            workload.submitters.push_back(submitter);
        Job job;
        job.submit = clampedCast<std::uint32_t>(static_cast<double>(p.submit - epoch), 0);
        job.runtime = clampedCast<std::uint32_t>(static_cast<double>(p.end - p.start));
        job.cores = static_cast<std::uint16_t>(std::clamp(p.cores, 1, 65535));
        job.memoryMb = static_cast<std::uint32_t>(p.memoryMb);
        job.kind = p.kind;
        job.submitter = it->second;
        workload.jobs.push_back(job);
    }
    std::stable_sort(
        workload.jobs.begin(), workload.jobs.end(), [](const Job& a, const Job& b) { return a.submit < b.submit; });
    for (const auto& note : skippedJobNotes(workload))
        warnings.add({source, 0, note});
    return workload;
}

Expected<Workload> fromJobAds(
    const std::string& path, AdFormat format, const WorkloadReadOptions& options, Warnings& warnings)
{
    std::vector<PendingJob> pending;
    long unfinished = 0;
    long others = 0;
    auto read = readClassAds(
        path, format,
        [&](ClassAd&& ad, long) {
            const std::string type = jobAdString(ad, "MyType");
            if (!type.empty() && type != "Job") {
                ++others;
                return true;
            }
            PendingJob job;
            job.submit = clampedCast<std::int64_t>(jobAdNumber(ad, "QDate", 0), 0, maxTime);
            const double completion = jobAdNumber(ad, "CompletionDate", 0);
            const double start = jobAdNumber(ad, "JobCurrentStartDate", "JobStartDate", 0);
            if (completion > 0 && start > 0 && completion >= start) {
                job.start = clampedCast<std::int64_t>(start, 0, maxTime);
                job.end = clampedCast<std::int64_t>(completion, 0, maxTime);
            } else if (const double committed = jobAdNumber(ad, "CommittedTime", 0); completion > 0 && committed > 0) {
                job.end = clampedCast<std::int64_t>(completion, 0, maxTime);
                job.start = job.end - clampedCast<std::int64_t>(committed, 0, maxTime);
            } else {
                ++unfinished;
                return true;
            }
            job.cores = clampedCast<int>(jobAdNumber(ad, "RequestCpus", 1), 1, 65535);
            job.memoryMb = roundedRequestMemory(jobAdNumber(ad, "RequestMemory", "MemoryUsage", 0));
            job.kind = isNotebookJob(ad) ? Notebook : Batch;
            job.submitter = jobAdSubmitter(ad);
            pending.push_back(std::move(job));
            return true;
        },
        warnings, &jobAdAttributes());
    if (!read)
        return read.error();
    if (others > 0)
        warnings.add({path, 0, notJobAdsNote(others)});
    if (pending.empty())
        return Diagnostic {path, 0, "no finished jobs to replay (a workload needs jobs with a start and a completion)"};
    return finish(pending, path, options, warnings, unfinished);
}

Expected<Workload> fromEventLog(const std::string& path, const WorkloadReadOptions& options, Warnings& warnings)
{
    std::map<std::pair<long, long>, PendingJob> jobs;
    const std::string submitter
        = options.eventLogSubmitter.empty() ? std::filesystem::path(path).stem().string() : options.eventLogSubmitter;
    auto read = readEventLog(
        path, options.eventLog,
        [&](const JobEvent& e) {
            if (e.cluster < 0) // the global log's own header events
                return;
            PendingJob& job = jobs[{e.cluster, e.proc}];
            job.submitter = submitter;
            switch (e.code) {
            case 0:
                job.submit = e.time;
                break;
            case 1: // each execute starts a run; the last run is the one that counts
                job.start = e.time;
                job.end = -1;
                if (e.cores > 0)
                    job.cores = e.cores;
                break;
            case 5:
                job.end = e.time;
                break;
            default:
                break;
            }
        },
        warnings);
    if (!read)
        return read.error();
    std::vector<PendingJob> pending;
    long unfinished = 0;
    for (auto& [id, job] : jobs) {
        if (job.start < 0 || job.end < 0) {
            ++unfinished;
            continue;
        }
        if (job.submit == 0 || job.submit > job.start)
            job.submit = job.start; // no submit event (a log that starts mid-way): submitted when it started
        pending.push_back(job);
    }
    if (pending.empty())
        return Diagnostic {path, 0, "no job ran to completion (no 001 followed by 005) in this event log"};
    return finish(pending, path, options, warnings, unfinished);
}

} // namespace

Expected<Workload> readWorkload(const std::string& path, const WorkloadReadOptions& options, Warnings& warnings)
{
    auto format = detectFormat(path);
    if (!format)
        return format.error();
    switch (*format) {
    case FileFormat::Swf:
        return readSwf(path, options.swf, warnings);
    case FileFormat::ClassAdLong:
        return fromJobAds(path, AdFormat::Long, options, warnings);
    case FileFormat::History:
        return fromJobAds(path, AdFormat::History, options, warnings);
    case FileFormat::ClassAdNew:
        return fromJobAds(path, AdFormat::NewClassAd, options, warnings);
    case FileFormat::ClassAdJson:
        return fromJobAds(path, AdFormat::Json, options, warnings);
    case FileFormat::ClassAdJsonLines:
        return fromJobAds(path, AdFormat::JsonLines, options, warnings);
    case FileFormat::AfTable:
        return fromJobAds(path, AdFormat::AfTable, options, warnings);
    case FileFormat::EventLog:
    case FileFormat::EventLogJson:
        return fromEventLog(path, options, warnings);
    case FileFormat::CondorConfig:
    case FileFormat::WorkloadModel:
        break;
    }
    return Diagnostic {path, 0,
        std::string("is a ") + fileFormatName(*format) + " file, not a workload (a trace, job ads or an event log)"};
}

} // namespace pp
