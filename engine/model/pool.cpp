// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "model/pool.h"

#include "util/linereader.h"
#include "util/text.h"

#include <algorithm>
#include <cstdio>

namespace pp {

namespace {
constexpr long maxMachines = 10'000'000;
constexpr int maxCoresPerMachine = 65535;

std::string machineName(const std::string& prefix, long index)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04ld", index);
    return prefix + buffer;
}
} // namespace

long Pool::totalCores() const
{
    long total = 0;
    for (const auto& m : machines)
        total += m.cores;
    return total;
}

int Pool::largestMachineCores() const
{
    int most = 0;
    for (const auto& m : machines)
        most = std::max(most, m.cores);
    return most;
}

long Pool::largestMachineMemoryMb() const
{
    long most = 0;
    for (const auto& m : machines)
        most = std::max(most, m.memoryMb);
    return most;
}

std::vector<std::pair<std::string, long>> Pool::contributions() const
{
    std::vector<std::pair<std::string, long>> out;
    for (const auto& m : machines) {
        if (m.owner.empty())
            continue;
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& c) { return c.first == m.owner; });
        if (it == out.end())
            out.emplace_back(m.owner, m.cores);
        else
            it->second += m.cores;
    }
    return out;
}

Expected<Pool> Pool::uniform(long totalCores, int machineCores, long memoryPerCoreMb, const std::string& prefix)
{
    if (totalCores <= 0)
        return Diagnostic {"--cores", 0, "the pool needs at least one core (got " + std::to_string(totalCores) + ")"};
    if (machineCores <= 0 || machineCores > maxCoresPerMachine)
        return Diagnostic {"--machine-cores", 0,
            "cores per machine must be between 1 and 65535 (got " + std::to_string(machineCores) + ")"};
    if (totalCores / machineCores > maxMachines)
        return Diagnostic {"--cores", 0, "more than ten million machines; that is not a pool this tool can hold"};
    Pool pool;
    long left = totalCores;
    long index = 1;
    while (left > 0) {
        const int cores = static_cast<int>(std::min<long>(left, machineCores));
        pool.machines.push_back({machineName(prefix, index++), cores, cores * memoryPerCoreMb, {}});
        left -= cores;
    }
    return pool;
}

Expected<Pool> readPoolFile(const std::string& path)
{
    auto opened = LineReader::open(path);
    if (auto* error = std::get_if<Diagnostic>(&opened))
        return *error;
    auto& reader = std::get<LineReader>(opened);
    Pool pool;
    while (auto line = reader.next()) {
        std::string_view content = *line;
        if (const auto hash = content.find('#'); hash != std::string_view::npos)
            content = content.substr(0, hash);
        const auto fields = text::split(content, " \t");
        if (fields.empty())
            continue;
        const long lineNo = reader.lineNumber();
        if (fields.size() > 5)
            return Diagnostic {path, lineNo,
                "expected 'COUNT CORES [MEMORY_MB [NAME_PREFIX [OWNER]]]', found " + std::to_string(fields.size())
                    + " fields"};
        if (fields.size() < 2)
            return Diagnostic {
                path, lineNo, "missing the number of cores: expected 'COUNT CORES [MEMORY_MB [NAME_PREFIX [OWNER]]]'"};
        const auto count = text::parseInteger(fields[0]);
        const auto cores = text::parseInteger(fields[1]);
        if (!count || *count <= 0 || *count > maxMachines)
            return Diagnostic {path, lineNo,
                "machine count '" + std::string(fields[0]) + "' is not a whole number between 1 and 10000000"};
        if (!cores || *cores <= 0 || *cores > maxCoresPerMachine)
            return Diagnostic {
                path, lineNo, "cores '" + std::string(fields[1]) + "' is not a whole number between 1 and 65535"};
        long memory = *cores * 2048;
        if (fields.size() >= 3) {
            const auto m = text::parseInteger(fields[2]);
            if (!m || *m <= 0 || *m > (1LL << 40))
                return Diagnostic {
                    path, lineNo, "memory '" + std::string(fields[2]) + "' is not a positive number of MB"};
            memory = static_cast<long>(*m);
        }
        const std::string prefix = fields.size() >= 4 ? std::string(fields[3]) : "node";
        const std::string owner = fields.size() >= 5 ? std::string(fields[4]) : std::string();
        if (static_cast<long>(pool.machines.size()) + *count > maxMachines)
            return Diagnostic {path, lineNo, "more than ten million machines in all"};
        for (long long i = 0; i < *count; ++i)
            pool.machines.push_back({machineName(prefix, static_cast<long>(pool.machines.size()) + 1),
                static_cast<int>(*cores), memory, owner});
    }
    if (reader.error())
        return *reader.error();
    if (pool.machines.empty())
        return Diagnostic {
            path, 0, "describes no machines (expected lines 'COUNT CORES [MEMORY_MB [NAME_PREFIX [OWNER]]]')"};
    return pool;
}

} // namespace pp
