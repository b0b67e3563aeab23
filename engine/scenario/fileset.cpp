// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenario/fileset.h"

#include "config/config.h"
#include "io/inspect.h"
#include "io/jobworkload.h"
#include "io/slotpool.h"
#include "io/snapshot.h"
#include "model/workloadmodel.h"
#include "policy/policyfromconfig.h"
#include "util/linereader.h"
#include "util/text.h"

#include <algorithm>
#include <filesystem>

namespace pp {

const char* fileRoleName(FileRole role)
{
    switch (role) {
    case FileRole::Config:
        return "configuration";
    case FileRole::Model:
        return "workload model";
    case FileRole::Trace:
        return "trace";
    case FileRole::Slots:
        return "slot ads";
    case FileRole::Queue:
        return "job queue";
    case FileRole::Accounting:
        return "accounting ads";
    case FileRole::Snapshot:
        return "snapshot directory";
    case FileRole::Empty:
        return "empty output";
    }
    return "file";
}

namespace {

// Job ads are a queue when any job is still idle or running, a history when all of them have finished.
FileRole roleOfAds(const FileSummary& summary)
{
    if (summary.hasSlots)
        return FileRole::Slots;
    if (summary.hasJobs) {
        for (const char* live : {"idle", "running", "held"})
            if (const auto it = summary.jobsByStatus.find(live); it != summary.jobsByStatus.end() && it->second > 0)
                return FileRole::Queue;
        return FileRole::Trace;
    }
    return FileRole::Accounting;
}

Expected<OpenedFile> classify(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return OpenedFile {path, FileRole::Snapshot, "directory"};
    auto format = detectFormat(path);
    if (!format) {
        if (holdsNothing(path))
            return OpenedFile {path, FileRole::Empty, "empty"};
        return format.error();
    }
    OpenedFile file {path, FileRole::Trace, fileFormatName(*format)};
    switch (*format) {
    case FileFormat::CondorConfig:
        file.role = FileRole::Config;
        return file;
    case FileFormat::WorkloadModel:
        file.role = FileRole::Model;
        return file;
    case FileFormat::Swf:
    case FileFormat::EventLog:
    case FileFormat::EventLogJson:
    case FileFormat::History:
        return file;
    case FileFormat::ClassAdLong:
    case FileFormat::ClassAdNew:
    case FileFormat::ClassAdJson:
    case FileFormat::ClassAdJsonLines:
    case FileFormat::AfTable: {
        auto summary = inspectFile(path);
        if (!summary)
            return summary.error();
        file.role = roleOfAds(*summary);
        return file;
    }
    }
    return file;
}

std::vector<const OpenedFile*> withRole(const std::vector<OpenedFile>& files, FileRole role)
{
    std::vector<const OpenedFile*> found;
    for (const auto& f : files)
        if (f.role == role)
            found.push_back(&f);
    return found;
}

Expected<Config> configOf(const std::vector<const OpenedFile*>& configs, Warnings& warnings)
{
    Config config;
    for (const auto* file : configs) { // later files override earlier ones, as config.d does
        auto read = Config::fromFile(file->path);
        if (!read)
            return read.error();
        for (const auto& w : read->warnings().items)
            warnings.add(w);
        for (const auto* e : read->entries())
            config.set(e->name, e->value, e->file);
    }
    return config;
}

std::string stem(const std::string& path)
{
    return std::filesystem::path(path).filename().string();
}

Expected<Scenario> snapshotScenario(const std::vector<OpenedFile>& files, Warnings& warnings)
{
    const auto models = withRole(files, FileRole::Model);
    if (models.size() > 1)
        return Diagnostic {models[1]->path, 0, "open one workload model at a time"};
    WorkloadModel model;
    double horizon = 86400.0;
    if (models.empty()) {
        warnings.add({files.front().path, 0,
            "no workload model: what runs and waits now plays out for a day with no new arrivals "
            "(open a model from poolplanner-cli fit to add them)"});
    } else {
        auto read = WorkloadModel::read(models.front()->path);
        if (!read)
            return read.error();
        model = std::move(read).value();
        horizon = 7 * 86400.0;
    }
    std::vector<std::string> paths;
    for (const auto& f : files)
        if (f.role != FileRole::Model)
            paths.push_back(f.path);
    auto scenario = loadSnapshot(paths, model, horizon, 1, warnings);
    if (!scenario)
        return scenario.error();
    if (scenario->pool.totalCores() <= 0)
        return Diagnostic {files.front().path, 0,
            "no machine with cores in these files: a snapshot needs the pool's slot ads (condor_status)"};
    scenario->name = "snapshot of " + stem(files.front().path);
    return scenario;
}

Expected<Scenario> traceScenario(const std::vector<OpenedFile>& files, Warnings& warnings)
{
    const auto traces = withRole(files, FileRole::Trace);
    if (traces.size() > 1)
        return Diagnostic {traces[1]->path, 0,
            "open one workload at a time: " + stem(traces[0]->path) + " is already the trace to replay"};
    if (const auto models = withRole(files, FileRole::Model); !models.empty())
        return Diagnostic {
            models[0]->path, 0, "a trace replays what ran and a model generates new work: open one or the other"};
    const auto slots = withRole(files, FileRole::Slots);
    if (slots.size() > 1)
        return Diagnostic {
            slots[1]->path, 0, "the pool comes from one slot-ad file; " + stem(slots[0]->path) + " already gives it"};

    Scenario scenario;
    auto config = configOf(withRole(files, FileRole::Config), warnings);
    if (!config)
        return config.error();
    auto policy = policyFromConfig(*config, &warnings);
    if (!policy)
        return policy.error();
    scenario.policy = std::move(policy).value();

    const std::string& tracePath = traces.front()->path;
    WorkloadReadOptions read;
    if (!slots.empty()) {
        auto pool = poolFromSlotAds(slots.front()->path, warnings);
        if (!pool)
            return pool.error();
        scenario.pool = std::move(pool).value();
        read.swf.largestMachineCores = scenario.pool.largestMachineCores();
        read.swf.largestMachineMemoryMb = scenario.pool.largestMachineMemoryMb();
    }
    auto workload = readWorkload(tracePath, read, warnings);
    if (!workload)
        return workload.error();
    scenario.workload = std::move(workload).value();
    scenario.name = stem(tracePath);

    if (slots.empty()) {
        int largest = 1;
        for (const Job& j : scenario.workload.jobs)
            largest = std::max<int>(largest, j.cores);
        auto pool = poolFromSwfHeader(tracePath, largest, warnings);
        if (!pool)
            return Diagnostic {tracePath, 0,
                "the trace does not say which machines ran it: open the pool's slot ads (condor_status -long "
                "or -json) with it"};
        scenario.pool = std::move(*pool);
    }
    return scenario;
}

} // namespace

Expected<std::vector<OpenedFile>> classifyFiles(const std::vector<std::string>& paths)
{
    std::vector<OpenedFile> files;
    for (const auto& path : paths) {
        auto file = classify(path);
        if (!file)
            return file.error();
        files.push_back(std::move(file).value());
    }
    return files;
}

Expected<Config> baseConfigOf(const std::vector<OpenedFile>& files, Warnings& warnings)
{
    // In the order the files were given, a snapshot directory's configuration files where the directory stands:
    // the order loadSnapshot reads them in, so that the planner edits over the same configuration.
    std::vector<OpenedFile> configs;
    for (const auto& f : files) {
        if (f.role == FileRole::Config) {
            configs.push_back(f);
        } else if (f.role == FileRole::Snapshot) {
            std::error_code ec;
            std::vector<std::string> entries;
            for (const auto& entry : std::filesystem::directory_iterator(f.path, ec))
                if (entry.is_regular_file())
                    entries.push_back(entry.path().string());
            std::sort(entries.begin(), entries.end());
            for (const auto& path : entries)
                if (auto format = detectFormat(path); format && *format == FileFormat::CondorConfig)
                    configs.push_back({path, FileRole::Config, fileFormatName(*format)});
        }
    }
    std::vector<const OpenedFile*> pointers;
    pointers.reserve(configs.size());
    for (const auto& c : configs)
        pointers.push_back(&c);
    return configOf(pointers, warnings);
}

Expected<Scenario> scenarioFromFiles(const std::vector<OpenedFile>& opened, Warnings& warnings)
{
    if (opened.empty())
        return Diagnostic {"", 0, "no files to open"};
    // Empty outputs (an empty queue, no submitters yet) are polls with no ads: said, then left aside.
    std::vector<OpenedFile> files;
    for (const auto& f : opened) {
        if (f.role == FileRole::Empty)
            warnings.add({f.path, 0, "empty: no ads in it (what condor prints for an empty queue)"});
        else
            files.push_back(f);
    }
    if (files.empty())
        return Diagnostic {opened.front().path, 0, "empty file: nothing to read"};
    const bool haveTrace = !withRole(files, FileRole::Trace).empty();
    const bool haveNow = !withRole(files, FileRole::Queue).empty() || !withRole(files, FileRole::Accounting).empty()
        || !withRole(files, FileRole::Snapshot).empty();
    if (haveTrace && haveNow) {
        const auto* now = !withRole(files, FileRole::Queue).empty() ? withRole(files, FileRole::Queue).front()
            : !withRole(files, FileRole::Accounting).empty()        ? withRole(files, FileRole::Accounting).front()
                                                                    : withRole(files, FileRole::Snapshot).front();
        return Diagnostic {now->path, 0,
            "this is the pool as it is now, and " + stem(withRole(files, FileRole::Trace).front()->path)
                + " is a trace to replay: open one or the other"};
    }
    if (haveTrace)
        return traceScenario(files, warnings);
    if (haveNow || !withRole(files, FileRole::Slots).empty())
        return snapshotScenario(files, warnings);
    if (!withRole(files, FileRole::Model).empty())
        return Diagnostic {withRole(files, FileRole::Model).front()->path, 0,
            "a model needs machines to run on: open the pool's slot ads (condor_status) with it"};
    return Diagnostic {files.front().path, 0,
        "a configuration says how the pool shares, not what runs: open a trace, an event log, a history or the "
        "pool's slot ads with it"};
}

std::optional<Pool> poolFromSwfHeader(const std::string& path, int largestJobCores, Warnings& warnings)
{
    auto opened = LineReader::open(path);
    if (auto* reader = std::get_if<LineReader>(&opened)) {
        long nodes = 0, procs = 0;
        while (const auto line = reader->next()) {
            if (line->empty())
                continue;
            if (line->front() != ';')
                break; // the header is over
            const auto colon = line->find(':');
            if (colon == std::string_view::npos)
                continue;
            const std::string key(text::trim(line->substr(1, colon - 1)));
            std::string value(text::trim(line->substr(colon + 1)));
            value = value.substr(0, value.find_first_of(" \t("));
            const auto number = text::parseInteger(value);
            if (key == "MaxNodes" && number && *number > 0)
                nodes = static_cast<long>(*number);
            else if (key == "MaxProcs" && number && *number > 0)
                procs = static_cast<long>(*number);
        }
        if (procs <= 0)
            return std::nullopt;
        int perMachine = nodes > 0 ? static_cast<int>(std::max<long>(1, procs / nodes)) : largestJobCores;
        if (largestJobCores > perMachine) {
            warnings.add({path, 0,
                "the header names " + std::to_string(nodes) + " nodes of " + std::to_string(perMachine)
                    + " processors, but jobs of up to " + std::to_string(largestJobCores)
                    + " ran: HTCondor runs a job on one machine, so the pool is modelled as machines of "
                    + std::to_string(largestJobCores) + " cores"});
            perMachine = largestJobCores;
        }
        auto pool = Pool::uniform(procs, perMachine);
        if (pool)
            return std::move(pool).value();
    }
    return std::nullopt;
}

} // namespace pp
