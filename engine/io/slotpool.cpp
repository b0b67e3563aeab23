// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/slotpool.h"

#include "io/classadfiles.h"
#include "io/formatdetect.h"
#include "util/numeric.h"

#include <map>
#include <optional>

namespace pp {

namespace {

constexpr long maxCensusMachines = 1000000; // a 50,000-machine pool twenty times over

std::string stringAttr(const classad::ClassAd& ad, const char* name)
{
    const classad::Value v = ad.evaluateAttribute(name);
    return v.isString() ? v.asString() : std::string();
}

double numberAttr(const classad::ClassAd& ad, const char* name, double fallback)
{
    double d = 0;
    return ad.evaluateAttribute(name).toNumber(d) ? d : fallback;
}

} // namespace

Expected<Pool> poolFromSlotAds(const std::string& path, Warnings& warnings, const MachineAttributes& attributes)
{
    auto format = detectFormat(path);
    if (!format)
        return format.error();
    const std::optional<AdFormat> adFormat = *format == FileFormat::History ? std::nullopt : adFormatOf(*format);
    if (!adFormat)
        return Diagnostic {
            path, 0, std::string("is a ") + fileFormatName(*format) + " file, not slot ads (condor_status output)"};
    struct Machine
    {
        double cores = 0;
        double memory = 0;
        bool partitionable = false;
        std::string owner; // when the pool advertises who contributed the machine
        double hs06PerCore = 0;
    };
    std::map<std::string, Machine> machines; // sorted by name: the same pool whatever the ad order
    long skipped = 0;
    std::optional<Diagnostic> census; // a census row that cannot be a pool
    auto read = readClassAds(
        path, *adFormat,
        [&](classad::ClassAd&& ad, long line) {
            const std::string type = stringAttr(ad, "MyType");
            if (!type.empty() && type != "Machine") {
                ++skipped;
                return true;
            }
            if (type.empty() && ad.contains("Count") && ad.contains("TotalSlotCPUs")) {
                // An -af census: Count machines of TotalSlotCPUs cores and TotalSlotMemory MB.
                const auto count = clampedCast<long>(numberAttr(ad, "Count", 0), 0, maxCensusMachines + 1);
                if (count > maxCensusMachines) {
                    census = Diagnostic {
                        path, line, "a census row counts more than " + std::to_string(maxCensusMachines) + " machines"};
                    return false;
                }
                for (long i = 0; i < count; ++i) {
                    Machine& m = machines["census" + std::to_string(line) + "-" + std::to_string(i + 1)];
                    m.partitionable = true;
                    m.cores = numberAttr(ad, "TotalSlotCPUs", 0);
                    m.memory = numberAttr(ad, "TotalSlotMemory", 0);
                }
                return true;
            }
            std::string host = stringAttr(ad, "Machine");
            if (host.empty()) {
                const std::string name = stringAttr(ad, "Name");
                host = name.substr(name.find('@') == std::string::npos ? 0 : name.find('@') + 1);
            }
            if (host.empty()) {
                warnings.add({path, line, "a slot ad without Machine or Name was skipped"});
                return true;
            }
            Machine& m = machines[host];
            if (const std::string owner = stringAttr(ad, attributes.owner.c_str()); !owner.empty())
                m.owner = owner;
            if (const double hs06 = numberAttr(ad, attributes.hs06PerCore.c_str(), 0); hs06 > 0 && hs06 < 1e6)
                m.hs06PerCore = hs06;
            const std::string slotType = stringAttr(ad, "SlotType");
            const double cpus = numberAttr(ad, "Cpus", -1);
            const double memory = numberAttr(ad, "Memory", 0);
            if (ad.evaluateAttribute("PartitionableSlot").isTrue() || slotType == "Partitionable") {
                m.partitionable = true;
                m.cores = numberAttr(ad, "TotalSlotCpus", cpus);
                m.memory = numberAttr(ad, "TotalSlotMemory", memory);
            } else if (ad.evaluateAttribute("DynamicSlot").isTrue() || slotType == "Dynamic") {
                // part of its partitionable slot
            } else if (!m.partitionable) {
                if (cpus < 0) {
                    warnings.add({path, line, "slot of " + host + " has no numeric Cpus; skipped"});
                    return true;
                }
                m.cores += cpus;
                m.memory += memory;
            }
            return true;
        },
        warnings);
    if (!read)
        return read.error();
    if (census)
        return *census;
    Pool pool;
    for (const auto& [host, m] : machines)
        if (m.cores >= 1)
            pool.machines.push_back(
                {host, clampedCast<int>(m.cores, 0, 65535), clampedCast<long>(m.memory, 0), m.owner, m.hs06PerCore});
    if (skipped > 0)
        warnings.add(
            {path, 0, std::to_string(skipped) + " ads are not slots (MyType is not \"Machine\") and were skipped"});
    if (pool.machines.empty())
        return Diagnostic {path, 0, "no machine with cores in these slot ads"};
    return pool;
}

Expected<Pool> readPool(const std::string& path, Warnings& warnings, const MachineAttributes& attributes)
{
    auto format = detectFormat(path);
    if (format
        && (*format == FileFormat::ClassAdLong || *format == FileFormat::ClassAdJson
            || *format == FileFormat::ClassAdJsonLines || *format == FileFormat::ClassAdNew
            || *format == FileFormat::AfTable))
        return poolFromSlotAds(path, warnings, attributes);
    return readPoolFile(path);
}

} // namespace pp
