// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/swfreader.h"

#include "util/linereader.h"
#include "util/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace pp {

Expected<GroupMap> readGroupMap(const std::string& path)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    GroupMap map;
    while (auto line = reader.next()) {
        std::string_view content = *line;
        if (const auto hash = content.find('#'); hash != std::string_view::npos)
            content = content.substr(0, hash);
        content = text::trim(content);
        if (content.empty())
            continue;
        const auto eq = content.find('=');
        const auto from = eq == std::string_view::npos ? std::string_view {} : text::trim(content.substr(0, eq));
        const auto to = eq == std::string_view::npos ? std::string_view {} : text::trim(content.substr(eq + 1));
        if (from.empty() || to.empty() || to.find_first_of(" \t") != std::string_view::npos)
            return Diagnostic {path, reader.lineNumber(),
                "expected 'gN = group.name', found '" + std::string(content.substr(0, 60)) + "'"};
        map[std::string(from)] = std::string(to);
    }
    if (reader.error())
        return *reader.error();
    return map;
}

namespace {

constexpr int swfFields = 18;

// Parses up to 18 whitespace-separated numbers; SWF allows integers and, in some archives, decimals.
int parseFields(std::string_view line, double (&out)[swfFields], std::string& bad)
{
    int n = 0;
    std::size_t pos = 0;
    while (pos < line.size() && n < swfFields) {
        while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t'))
            ++pos;
        if (pos >= line.size())
            break;
        std::size_t end = pos;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t')
            ++end;
        const char* first = line.data() + pos;
        const char* last = line.data() + end;
        double value = 0;
        const auto [ptr, ec] = std::from_chars(first, last, value);
        if (ec != std::errc() || ptr != last || !std::isfinite(value)) {
            bad.assign(first, last);
            return -1 - n;
        }
        out[n++] = value;
        pos = end;
    }
    return n;
}

} // namespace

Expected<Workload> readSwf(const std::string& path, const SwfOptions& options, Warnings& warnings)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);

    Workload workload;
    workload.source = path;
    std::unordered_map<std::string, std::uint32_t> submitterIndex;
    long records = 0;
    double firstSubmit = -1;
    bool sawData = false;
    bool unsorted = false;
    double lastSubmit = 0;

    while (auto line = reader.next()) {
        const std::string_view content = text::trim(*line);
        if (content.empty())
            continue;
        if (content.front() == ';') {
            // Header comments: UnixStartTime gives the epoch.
            const auto colon = content.find(':');
            if (colon != std::string_view::npos
                && text::iequals(text::trim(content.substr(1, colon - 1)), "UnixStartTime"))
                if (const auto t = text::parseInteger(text::trim(content.substr(colon + 1))))
                    workload.epoch = *t;
            continue;
        }
        double f[swfFields] = {};
        std::string bad;
        const int n = parseFields(content, f, bad);
        if (n < 0)
            return Diagnostic {path, reader.lineNumber(),
                "field " + std::to_string(-n) + " ('" + bad.substr(0, 40)
                    + "') is not a number; an SWF line has 18 numeric fields"};
        if (n < swfFields)
            return Diagnostic {path, reader.lineNumber(),
                "only " + std::to_string(n)
                    + " of the 18 SWF fields; the line is truncated or this is not an SWF trace"};
        sawData = true;
        ++records;
        const double submit = f[1];
        const double runtime = f[3];
        const double allocated = f[4];
        const double requested = f[7];
        const double reqMemKb = f[9];
        const double usedMemKb = f[6];
        const double coresValue = allocated > 0 ? allocated : requested;
        // What the job held, where the trace says: the share of the trace a skipped job takes with it.
        const double coreHours
            = coresValue > 0 && runtime > 0 && coresValue * runtime < 1e15 ? coresValue * runtime / 3600.0 : 0.0;
        workload.sourceCoreHours += coreHours;
        // Ids and sizes far outside any real trace (a fuzzer's 1e300) are malformed, not numbers to cast.
        if (std::abs(f[11]) > 1e12 || std::abs(f[12]) > 1e12 || std::abs(f[9]) > 1e15 || std::abs(f[6]) > 1e15) {
            workload.skip("a user, group or memory field far beyond any real trace", coreHours);
            continue;
        }
        const long user = static_cast<long>(f[11]);
        const long group = static_cast<long>(f[12]);
        if (submit < 0 || submit > 4e9) {
            workload.skip("no submit time (-1 in the trace)", coreHours);
            continue;
        }
        if (runtime < 0 || runtime > 4e9) {
            workload.skip("no runtime (-1 in the trace)", coreHours);
            continue;
        }
        if (coresValue <= 0) {
            workload.skip("no processor count (-1 in the trace)", coreHours);
            continue;
        }
        if (coresValue > 65535) {
            workload.skip("wider than 65,535 cores", coreHours);
            continue;
        }
        const auto cores = static_cast<std::uint16_t>(std::lround(coresValue));
        const double perCoreKb = reqMemKb > 0 ? reqMemKb : (usedMemKb > 0 ? usedMemKb : 0);
        double memoryMb = std::ceil(perCoreKb * cores / 1024.0);
        if (memoryMb > 0)
            memoryMb = std::ceil(memoryMb / 128.0) * 128.0;
        if (options.largestMachineCores > 0 && cores > options.largestMachineCores) {
            workload.skip(
                "wider than every machine (" + std::to_string(options.largestMachineCores) + " cores)", coreHours);
            continue;
        }
        if (memoryMb > 4e9
            || (options.largestMachineMemoryMb > 0 && memoryMb > static_cast<double>(options.largestMachineMemoryMb))) {
            workload.skip("more memory than any machine has", coreHours);
            continue;
        }

        std::string groupName = group < 0 ? std::string() : "g" + std::to_string(group);
        if (!groupName.empty())
            if (const auto it = options.groupMap.find(groupName); it != options.groupMap.end())
                groupName = it->second;
        const std::string userName = user < 0 ? std::string("unknown") : "u" + std::to_string(user);
        const std::string submitter = groupName.empty() ? userName : groupName + "." + userName;
        auto [it, inserted]
            = submitterIndex.try_emplace(submitter, static_cast<std::uint32_t>(workload.submitters.size()));
        if (inserted)
            workload.submitters.push_back(submitter);

        if (firstSubmit < 0)
            firstSubmit = submit;
        if (submit < lastSubmit)
            unsorted = true;
        lastSubmit = submit;
        Job job;
        job.submit = static_cast<std::uint32_t>(submit);
        job.runtime = static_cast<std::uint32_t>(runtime);
        job.memoryMb = static_cast<std::uint32_t>(memoryMb);
        job.cores = cores;
        job.submitter = it->second;
        workload.jobs.push_back(job);
    }
    if (reader.error())
        return *reader.error();
    if (!sawData)
        return Diagnostic {path, reader.lineNumber(),
            "no SWF job lines (an SWF trace has 18 numeric fields per line after ';' comments)"};
    if (unsorted)
        std::stable_sort(
            workload.jobs.begin(), workload.jobs.end(), [](const Job& a, const Job& b) { return a.submit < b.submit; });
    workload.sourceJobs = records;
    for (const auto& note : skippedJobNotes(workload))
        warnings.add({path, 0, note});
    if (workload.jobs.empty())
        return Diagnostic {path, 0, "none of the " + std::to_string(records) + " jobs can be replayed on this pool"};
    return workload;
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
