// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenario/fileset.h"

#include "io/inspect.h"

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

std::string stem(const std::string& path)
{
    return std::filesystem::path(path).filename().string();
}

std::vector<std::string> pathsOf(const std::vector<const OpenedFile*>& files)
{
    std::vector<std::string> paths;
    paths.reserve(files.size());
    for (const auto* f : files)
        paths.push_back(f->path);
    return paths;
}

// The pool as it is now: every file but the model is the snapshot (its configuration files included, in order).
Expected<ScenarioInputs> snapshotInputs(const std::vector<OpenedFile>& files)
{
    const auto models = withRole(files, FileRole::Model);
    if (models.size() > 1)
        return Diagnostic {models[1]->path, 0, "open one workload model at a time"};
    ScenarioInputs inputs;
    if (!models.empty())
        inputs.modelPath = models.front()->path;
    for (const auto& f : files)
        if (f.role != FileRole::Model)
            inputs.snapshotPaths.push_back(f.path);
    return inputs;
}

Expected<ScenarioInputs> traceInputs(const std::vector<OpenedFile>& files)
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
    ScenarioInputs inputs;
    inputs.configPaths = pathsOf(withRole(files, FileRole::Config));
    inputs.tracePath = traces.front()->path;
    if (!slots.empty())
        inputs.poolPath = slots.front()->path;
    return inputs;
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
    std::vector<std::string> configs;
    for (const auto& f : files) {
        if (f.role == FileRole::Config) {
            configs.push_back(f.path);
        } else if (f.role == FileRole::Snapshot) {
            std::error_code ec;
            std::vector<std::string> entries;
            for (const auto& entry : std::filesystem::directory_iterator(f.path, ec))
                if (entry.is_regular_file())
                    entries.push_back(entry.path().string());
            std::sort(entries.begin(), entries.end());
            for (const auto& path : entries)
                if (auto format = detectFormat(path); format && *format == FileFormat::CondorConfig)
                    configs.push_back(path);
        }
    }
    if (configs.empty())
        return Config {};
    return readConfigFiles(configs, warnings);
}

Expected<ScenarioInputs> inputsOfFiles(const std::vector<OpenedFile>& opened, Warnings& warnings)
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
        return traceInputs(files);
    if (haveNow || !withRole(files, FileRole::Slots).empty())
        return snapshotInputs(files);
    if (!withRole(files, FileRole::Model).empty())
        return Diagnostic {withRole(files, FileRole::Model).front()->path, 0,
            "a model needs machines to run on: open the pool's slot ads (condor_status) with it"};
    return Diagnostic {files.front().path, 0,
        "a configuration says how the pool shares, not what runs: open a trace, an event log, a history or the "
        "pool's slot ads with it"};
}

Expected<Scenario> scenarioFromFiles(const std::vector<OpenedFile>& opened, Warnings& warnings)
{
    auto inputs = inputsOfFiles(opened, warnings);
    if (!inputs)
        return inputs.error();
    return loadScenario(*inputs, warnings);
}

} // namespace pp
