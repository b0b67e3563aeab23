// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/snapshot.h"

#include "config/config.h"
#include "io/classadfiles.h"
#include "io/formatdetect.h"
#include "io/slotpool.h"
#include "policy/policyfromconfig.h"
#include "util/numeric.h"
#include "util/randomstream.h"
#include "util/text.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace pp {

namespace {

using classad::ClassAd;

// Bounds for numbers read from ads: a file can say anything, the engine's job and machine fields are narrower.
constexpr int maxCores = 65535;
constexpr long maxMemoryMb = 1L << 31;
constexpr std::int64_t maxTime = std::int64_t {1} << 40; // seconds since 1970: far beyond any real date

std::string stringAttr(const ClassAd& ad, const char* name)
{
    const classad::Value v = ad.evaluateAttribute(name);
    return v.isString() ? v.asString() : std::string();
}

double numberAttr(const ClassAd& ad, const char* name, double fallback)
{
    double d = 0;
    return ad.evaluateAttribute(name).toNumber(d) ? d : fallback;
}

std::string withoutDomain(std::string name)
{
    if (const std::size_t at = name.rfind('@'); at != std::string::npos)
        name.resize(at);
    return name;
}

std::string groupOf(const std::string& submitter)
{
    const std::size_t dot = submitter.rfind('.');
    return dot == std::string::npos ? std::string() : submitter.substr(0, dot);
}

struct Claimed
{
    std::string machine;
    std::string submitter;
    int cores = 1;
    long memoryMb = 0;
    std::int64_t since = 0;
};

struct Idle
{
    std::string submitter;
    std::int64_t qdate = 0;
    int cores = 1;
    long memoryMb = 0;
};

// The group's job shapes (or everyone's when the group has none), for drawing runtimes.
const std::vector<GroupWorkloadModel::Shape>* shapesFor(const WorkloadModel& model, const std::string& group)
{
    const GroupWorkloadModel* any = nullptr;
    for (const auto& g : model.groups) {
        if (g.shapes.empty())
            continue;
        if (g.group == group)
            return &g.shapes;
        if (!any || g.shapes.size() > any->shapes.size())
            any = &g;
    }
    return any ? &any->shapes : nullptr;
}

// A machine as its slot ads describe it.
struct SnapshotMachine
{
    int cores = 0;
    long memoryMb = 0;
    std::string owner;
    double hs06PerCore = 0;
};

// What one file of a snapshot holds. A folder of recorded polls holds the same pool several times over: each
// file is kept apart until it is known which of them are earlier polls of a source that a newer file repeats.
struct SnapshotFile
{
    std::string path;
    std::int64_t moment = 0; // the newest time the file's ads state (MyCurrentTime, LastHeardFrom, ServerTime, …)
    bool dropped = false;
    std::map<std::string, SnapshotMachine> machines;
    std::vector<Claimed> claimed;
    std::vector<Idle> idle;
    std::map<std::string, std::pair<double, double>> priorities; // submitter -> effective priority, factor
    std::map<std::string, double> accumulated;
    // Who printed the file: slot names (condor_status), schedd names (condor_q), accountant names (userprio).
    std::set<std::string> slots, schedds, accounts;
};

void readSnapshotAd(const ClassAd& ad, const std::string& path, long line, const MachineAttributes& attributes,
    SnapshotFile& part, Warnings& warnings)
{
    const std::string type = stringAttr(ad, "MyType");
    for (const char* clock : {"MyCurrentTime", "LastHeardFrom", "ServerTime", "LastUpdate"})
        part.moment = std::max(part.moment, clampedCast<std::int64_t>(numberAttr(ad, clock, 0), 0, maxTime));
    if (type == "Machine" || ad.contains("SlotType")) {
        std::string host = stringAttr(ad, "Machine");
        const std::string name = stringAttr(ad, "Name");
        if (host.empty())
            host = name.substr(name.find('@') == std::string::npos ? 0 : name.find('@') + 1);
        if (!name.empty() || !host.empty())
            part.slots.insert(name.empty() ? host : name);
        const std::string slotType = stringAttr(ad, "SlotType");
        const int cpus = clampedCast<int>(numberAttr(ad, "Cpus", 0), 0, maxCores);
        const long memory = clampedCast<long>(numberAttr(ad, "Memory", 0), 0, maxMemoryMb);
        const bool partitionable = ad.evaluateAttribute("PartitionableSlot").isTrue() || slotType == "Partitionable";
        const bool dynamic = ad.evaluateAttribute("DynamicSlot").isTrue() || slotType == "Dynamic";
        auto& m = part.machines[host];
        if (partitionable) {
            m.cores = clampedCast<int>(numberAttr(ad, "TotalSlotCpus", cpus), 0, maxCores);
            m.memoryMb
                = clampedCast<long>(numberAttr(ad, "TotalSlotMemory", static_cast<double>(memory)), 0, maxMemoryMb);
        } else if (!dynamic) {
            m.cores = std::min(maxCores, m.cores + cpus);
            m.memoryMb = std::min(maxMemoryMb, m.memoryMb + memory);
        }
        if (const std::string owner = stringAttr(ad, attributes.owner.c_str()); !owner.empty())
            m.owner = owner;
        if (const double hs06 = numberAttr(ad, attributes.hs06PerCore.c_str(), 0); hs06 > 0 && hs06 < 1e6)
            m.hs06PerCore = hs06;
        if (stringAttr(ad, "State") == "Claimed" && (dynamic || !partitionable)) {
            std::string submitter = withoutDomain(stringAttr(ad, "AccountingGroup"));
            if (submitter.empty())
                submitter = withoutDomain(stringAttr(ad, "RemoteUser"));
            const auto since = clampedCast<std::int64_t>(
                numberAttr(ad, "JobStart", numberAttr(ad, "EnteredCurrentState", 0)), 0, maxTime);
            if (!submitter.empty() && since > 0)
                part.claimed.push_back({host, submitter, std::max(1, cpus), memory, since});
            else
                warnings.add(
                    {path, line, "a claimed slot of " + host + " names no user or start time; it is left idle"});
        }
        return;
    }
    if (type == "Job" || ad.contains("ClusterId")) {
        const std::string globalId = stringAttr(ad, "GlobalJobId");
        if (!globalId.empty())
            part.schedds.insert(globalId.substr(0, globalId.find('#')));
        if (numberAttr(ad, "JobStatus", 0) != 1)
            return; // running jobs are known from their slots; others are not in the queue
        std::string submitter = withoutDomain(stringAttr(ad, "AccountingGroup"));
        if (submitter.empty())
            submitter = withoutDomain(stringAttr(ad, "User"));
        if (submitter.empty())
            submitter = stringAttr(ad, "Owner");
        const double memory = numberAttr(ad, "RequestMemory", 0);
        part.idle.push_back({submitter.empty() ? std::string("unknown") : submitter,
            clampedCast<std::int64_t>(numberAttr(ad, "QDate", 0), 0, maxTime),
            clampedCast<int>(numberAttr(ad, "RequestCpus", 1), 1, maxCores),
            memory > 0 ? clampedCast<long>(std::ceil(memory / 128.0) * 128, 0, maxMemoryMb) : 0});
        return;
    }
    if (type == "Accounting" || ad.contains("IsAccountingGroup")) {
        const std::string name = withoutDomain(stringAttr(ad, "Name"));
        if (name.empty())
            return;
        part.accounts.insert(name);
        if (ad.evaluateAttribute("IsAccountingGroup").isTrue())
            return;
        part.priorities[name] = {numberAttr(ad, "Priority", 500), numberAttr(ad, "PriorityFactor", 1000)};
        part.accumulated[name] = numberAttr(ad, "WeightedAccumulatedUsage", numberAttr(ad, "AccumulatedUsage", 0));
    }
}

bool overlaps(const std::set<std::string>& a, const std::set<std::string>& b)
{
    for (const auto& x : a)
        if (b.contains(x))
            return true;
    return false;
}

// A file that repeats the slots, schedds or accountant of a newer file is an earlier poll of the same source:
// left out, so that a folder of recorded polls reads as its newest moment rather than as every moment at once.
// Files of different sources (two schedds' queues) are all kept.
void dropEarlierPolls(std::vector<SnapshotFile>& parts, Warnings& warnings)
{
    const auto newer = [&](std::size_t a, std::size_t b) { // is b newer than a? ties: the later file
        return parts[b].moment != parts[a].moment ? parts[b].moment > parts[a].moment : b > a;
    };
    long dropped = 0;
    std::size_t newest = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        for (std::size_t j = 0; j < parts.size() && !parts[i].dropped; ++j)
            if (j != i && newer(i, j)
                && (overlaps(parts[i].slots, parts[j].slots) || overlaps(parts[i].schedds, parts[j].schedds)
                    || overlaps(parts[i].accounts, parts[j].accounts))) {
                parts[i].dropped = true;
                ++dropped;
            }
        if (!parts[i].dropped && !parts[i].slots.empty())
            newest = i;
    }
    if (dropped > 0)
        warnings.add({parts[newest].path, 0,
            std::to_string(dropped)
                + " files are earlier polls of the same pool (the same slots, schedds or "
                  "accountant at an earlier time) and were left out: the snapshot starts from the newest poll"});
}

} // namespace

Expected<Scenario> loadSnapshot(const std::vector<std::string>& paths, const WorkloadModel& model,
    double horizonSeconds, std::uint64_t seed, Warnings& warnings)
{
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) {
            std::vector<std::string> inDir;
            for (const auto& entry : std::filesystem::directory_iterator(p, ec))
                if (entry.is_regular_file())
                    inDir.push_back(entry.path().string());
            std::sort(inDir.begin(), inDir.end());
            files.insert(files.end(), inDir.begin(), inDir.end());
        } else {
            files.push_back(p);
        }
    }
    if (files.empty())
        return Diagnostic {paths.empty() ? std::string("--snapshot") : paths.front(), 0,
            "no files in the snapshot (an empty folder, or not a folder of condor_status, condor_q and "
            "condor_userprio output)"};

    // The configuration first: it names the slot attributes that say who contributed each machine.
    Config config;
    bool haveConfig = false;
    std::vector<std::pair<std::string, FileFormat>> adFiles;
    for (const auto& path : files) {
        auto format = detectFormat(path);
        if (!format && holdsNothing(path)) {
            warnings.add({path, 0, "empty: no ads in it (what condor prints for an empty queue)"});
            continue;
        }
        if (!format)
            return format.error();
        if (*format == FileFormat::CondorConfig) {
            auto read = Config::fromFile(path);
            if (!read)
                return read.error();
            if (!haveConfig)
                config = std::move(read).value();
            else // later files override earlier ones, as config.d does
                for (const auto* e : read->entries())
                    config.set(e->name, e->value, e->file);
            haveConfig = true;
            continue;
        }
        if (*format == FileFormat::Swf || *format == FileFormat::EventLog || *format == FileFormat::EventLogJson
            || *format == FileFormat::WorkloadModel)
            return Diagnostic {path, 0,
                std::string("a snapshot holds ClassAds and configuration; this is a ") + fileFormatName(*format)
                    + " file"};
        adFiles.emplace_back(path, *format);
    }
    MachineAttributes attributes;
    if (const auto owner = config.value("POOLPLANNER_OWNER_ATTRIBUTE"))
        attributes.owner = std::string(text::trim(*owner));
    if (const auto hs06 = config.value("POOLPLANNER_HS06_ATTRIBUTE"))
        attributes.hs06PerCore = std::string(text::trim(*hs06));
    std::vector<SnapshotFile> parts;
    for (const auto& file : adFiles) {
        const std::string& path = file.first;
        SnapshotFile& part = parts.emplace_back();
        part.path = path;
        auto read = readClassAds(
            path, adFormatOf(file.second).value_or(AdFormat::Long),
            [&](ClassAd&& ad, long line) {
                readSnapshotAd(ad, path, line, attributes, part, warnings);
                return true;
            },
            warnings);
        if (!read)
            return read.error();
    }
    dropEarlierPolls(parts, warnings);

    std::map<std::string, SnapshotMachine> machines;
    std::vector<Claimed> claimed;
    std::vector<Idle> idle;
    std::map<std::string, std::pair<double, double>> priorities; // submitter -> effective priority, factor
    std::map<std::string, double> accumulated;
    std::int64_t now = 0;
    for (auto& part : parts) {
        if (part.dropped)
            continue;
        now = std::max(now, part.moment);
        for (const auto& [name, m] : part.machines)
            machines[name] = m;
        claimed.insert(claimed.end(), part.claimed.begin(), part.claimed.end());
        idle.insert(idle.end(), part.idle.begin(), part.idle.end());
        for (const auto& [name, p] : part.priorities)
            priorities[name] = p;
        for (const auto& [name, a] : part.accumulated)
            accumulated[name] = a;
    }
    if (machines.empty())
        return Diagnostic {
            files.front(), 0, "the snapshot has no slot ads (condor_status output): there is no pool to simulate"};

    Scenario scenario;
    scenario.name = "snapshot";
    scenario.seed = seed;
    if (haveConfig) {
        auto policy = policyFromConfig(config, &warnings);
        if (!policy)
            return policy.error();
        scenario.policy = std::move(policy).value();
    }
    std::map<std::string, std::uint32_t> machineIndex;
    for (const auto& [name, m] : machines)
        if (m.cores > 0) {
            machineIndex[name] = static_cast<std::uint32_t>(scenario.pool.machines.size());
            scenario.pool.machines.push_back({name, m.cores, m.memoryMb, m.owner, m.hs06PerCore});
        }
    for (const auto& c : claimed)
        now = std::max(now, c.since);
    for (const auto& i : idle)
        now = std::max(now, i.qdate);

    // Workload seconds count from the earliest moment anything in the snapshot began.
    std::int64_t epoch = now;
    for (const auto& c : claimed)
        epoch = std::min(epoch, c.since);
    for (const auto& i : idle)
        if (i.qdate > 0)
            epoch = std::min(epoch, i.qdate);
    Workload& w = scenario.workload;
    w.epoch = epoch;
    w.source = "snapshot";
    RandomStream random(seed);
    long unknownShape = 0;
    const auto draw = [&](const std::string& submitter, double atLeast) -> double {
        const auto* shapes = shapesFor(model, groupOf(submitter));
        if (!shapes) {
            ++unknownShape;
            return atLeast + 3600;
        }
        // A runtime longer than what the job has run already, when the model has one.
        for (int attempt = 0; attempt < 64; ++attempt) {
            const double r = (*shapes)[static_cast<std::size_t>(random.next() % shapes->size())].runtime;
            if (r > atLeast)
                return r;
        }
        return atLeast + (*shapes)[static_cast<std::size_t>(random.next() % shapes->size())].runtime;
    };
    for (const auto& c : claimed) {
        const auto m = machineIndex.find(c.machine);
        if (m == machineIndex.end())
            continue;
        Job job;
        job.submit = static_cast<std::uint32_t>(c.since - epoch);
        job.cores = static_cast<std::uint16_t>(std::clamp(c.cores, 1, 65535));
        job.memoryMb = static_cast<std::uint32_t>(std::max(0L, c.memoryMb));
        job.runtime = static_cast<std::uint32_t>(std::min(4e9, draw(c.submitter, static_cast<double>(now - c.since))));
        job.submitter = w.submitterIndex(c.submitter);
        scenario.running.push_back({static_cast<std::uint32_t>(w.jobs.size()), m->second, c.since - epoch});
        w.jobs.push_back(job);
    }
    for (const auto& i : idle) {
        Job job;
        job.submit = static_cast<std::uint32_t>(std::max<std::int64_t>(0, (i.qdate > 0 ? i.qdate : now) - epoch));
        job.cores = static_cast<std::uint16_t>(std::clamp(i.cores, 1, 65535));
        job.memoryMb = static_cast<std::uint32_t>(i.memoryMb);
        job.runtime = static_cast<std::uint32_t>(std::min(4e9, draw(i.submitter, 0)));
        job.submitter = w.submitterIndex(i.submitter);
        w.jobs.push_back(job);
    }
    // The future, from the model, after the snapshot's moment.
    const Workload future = model.generate(horizonSeconds, now, seed);
    for (const Job& f : future.jobs) {
        Job job = f;
        job.submit = static_cast<std::uint32_t>(f.submit + (now - epoch));
        job.submitter = w.submitterIndex(future.submitters[f.submitter]);
        w.jobs.push_back(job);
    }
    // Running jobs keep their indices: sort the rest by submit time behind them, then fix the running list.
    std::vector<std::uint32_t> order(w.jobs.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
        [&](std::uint32_t a, std::uint32_t b) { return w.jobs[a].submit < w.jobs[b].submit; });
    std::vector<Job> sorted;
    std::vector<std::uint32_t> newIndex(order.size());
    sorted.reserve(order.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        newIndex[order[i]] = i;
        sorted.push_back(w.jobs[order[i]]);
    }
    w.jobs.swap(sorted);
    for (auto& r : scenario.running)
        r.job = newIndex[r.job];
    for (const auto& [name, p] : priorities) {
        const double factor = std::max(1.0, p.second);
        scenario.priorities.push_back({w.submitterIndex(name), p.first / factor, factor, accumulated[name]});
    }
    scenario.startTime = now - epoch;
    scenario.horizonSeconds = horizonSeconds;
    if (unknownShape > 0)
        warnings.add({"--model", 0,
            std::to_string(unknownShape) + " jobs got a runtime of an hour: the model has no job shapes"});
    return scenario;
}

} // namespace pp
