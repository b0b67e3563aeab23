// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/inspect.h"

#include "config/config.h"
#include "io/classadfiles.h"
#include "io/eventlog.h"
#include "io/formatdetect.h"
#include "io/swfreader.h"
#include "model/workloadmodel.h"
#include "policy/policyfromconfig.h"
#include "util/json.h"
#include "util/numeric.h"

#include <algorithm>
#include <cstdio>

namespace pp {

namespace {

using classad::ClassAd;
using classad::Value;

std::string stringAttr(const ClassAd& ad, const char* name)
{
    const Value v = ad.evaluateAttribute(name);
    return v.isString() ? v.asString() : std::string();
}

bool boolAttr(const ClassAd& ad, const char* name)
{
    const Value v = ad.evaluateAttribute(name);
    return v.isBoolean() && v.asBool();
}

long numberAttr(const ClassAd& ad, const char* name, long fallback = 0)
{
    double d = 0;
    // Bounded well inside a long, so that sums over a 100,000-slot file and the census's products cannot overflow.
    constexpr long bound = 1L << 40;
    return ad.evaluateAttribute(name).toNumber(d) ? clampedCast<long>(d, -bound, bound) : fallback;
}

std::string groupOf(const std::string& accountingName)
{
    std::string name = accountingName.substr(0, accountingName.rfind('@'));
    const std::size_t dot = name.rfind('.');
    return dot == std::string::npos ? std::string() : name.substr(0, dot);
}

void span(FileSummary& s, std::int64_t t)
{
    if (!s.hasSpan) {
        s.hasSpan = true;
        s.spanStart = s.spanEnd = t;
    }
    s.spanStart = std::min(s.spanStart, t);
    s.spanEnd = std::max(s.spanEnd, t);
}

void countAd(FileSummary& s, const ClassAd& ad)
{
    const std::string type = stringAttr(ad, "MyType");
    if (type == "Machine" || (type.empty() && ad.contains("SlotType"))) {
        s.hasSlots = true;
        const std::string slotType = stringAttr(ad, "SlotType");
        const bool claimed = stringAttr(ad, "State") == "Claimed";
        const long cpus = numberAttr(ad, "Cpus");
        if (boolAttr(ad, "PartitionableSlot") || slotType == "Partitionable") {
            ++s.partitionable;
            s.coresTotal += numberAttr(ad, "TotalSlotCpus", cpus);
        } else if (boolAttr(ad, "DynamicSlot") || slotType == "Dynamic") {
            ++s.dynamicSlots;
            s.coresClaimed += claimed ? cpus : 0;
        } else {
            ++s.staticSlots;
            s.coresTotal += cpus;
            s.coresClaimed += claimed ? cpus : 0;
        }
        if (const std::string g = groupOf(stringAttr(ad, "AccountingGroup")); !g.empty())
            s.groups.insert(g);
        return;
    }
    if (type.empty() && ad.contains("Count") && ad.contains("TotalSlotCPUs")) { // an -af census of machine types
        s.hasSlots = true;
        const long count = std::clamp(numberAttr(ad, "Count"), 0L, 1L << 20);
        s.partitionable += count;
        s.coresTotal += count * std::clamp(numberAttr(ad, "TotalSlotCPUs"), 0L, 1L << 20);
        return;
    }
    if (type == "Job"
        || (type.empty() && ((ad.contains("ClusterId") && ad.contains("JobStatus")) || ad.contains("QDate")))) {
        s.hasJobs = true;
        static const char* const names[]
            = {"unexpanded", "idle", "running", "removed", "completed", "held", "transferring_output", "suspended"};
        long status = numberAttr(ad, "JobStatus", -1);
        if (status < 0) // -af columns often leave JobStatus out: a completion date or a start tells
            status = numberAttr(ad, "CompletionDate") > 0 ? 4 : (numberAttr(ad, "JobStartDate") > 0 ? 2 : 1);
        ++s.jobsByStatus[status >= 0 && status <= 7 ? names[status] : "unknown"];
        std::string group = stringAttr(ad, "AcctGroup");
        if (group.empty())
            group = groupOf(stringAttr(ad, "AccountingGroup"));
        if (!group.empty())
            s.groups.insert(group);
        if (const long qdate = numberAttr(ad, "QDate"); qdate > 0)
            span(s, qdate);
        return;
    }
    if (const long records = numberAttr(ad, "NumSubmittors", -1); records >= 0) {
        // Legacy `condor_userprio -long`: one ad, records numbered Name1, Priority1, IsAccountingGroup1, …
        for (long i = 1; i <= records && i <= 1000000; ++i) {
            const std::string suffix = std::to_string(i);
            const std::string name = stringAttr(ad, ("Name" + suffix).c_str());
            if (boolAttr(ad, ("IsAccountingGroup" + suffix).c_str())) {
                if (!name.empty() && name != "<none>")
                    s.groups.insert(name);
            } else if (const std::string g = groupOf(name); !g.empty()) {
                s.groups.insert(g);
            }
        }
        return;
    }
    if (type == "Submitter") { // condor_status -submitters
        if (const std::string g = groupOf(stringAttr(ad, "Name")); !g.empty())
            s.groups.insert(g);
        return;
    }
    if (type.empty() && ad.contains("IsAccountingGroup")) { // condor_userprio -long -modular
        const std::string name = stringAttr(ad, "Name");
        if (boolAttr(ad, "IsAccountingGroup")) {
            if (!name.empty() && name != "<none>")
                s.groups.insert(name);
        } else if (const std::string g = groupOf(name); !g.empty()) {
            s.groups.insert(g);
        }
        return;
    }
    if (type == "Accounting" && boolAttr(ad, "IsAccountingGroup")) {
        const std::string name = stringAttr(ad, "Name");
        if (!name.empty() && name != "<none>")
            s.groups.insert(name);
    }
}

// What countAd reads, filtered as AttributeFilter::Mode::AsFullRead: the warnings and errors of a full read, and the
// whole ad where a counted attribute is an expression (it may refer to any attribute). The summary is that of whole
// ads, at the cost of reading a dozen attributes of each.
const AttributeFilter& countedAttributes()
{
    static const AttributeFilter filter(
        {"MyType", "SlotType", "State", "Cpus", "PartitionableSlot", "TotalSlotCpus", "DynamicSlot", "AccountingGroup",
            "Count", "ClusterId", "JobStatus", "CompletionDate", "JobStartDate", "AcctGroup", "QDate", "NumSubmittors",
            "Name", "IsAccountingGroup"},
        AttributeFilter::Mode::AsFullRead, {"Name", "IsAccountingGroup"});
    return filter;
}

std::optional<Diagnostic> inspectAds(FileSummary& s, AdFormat format, Warnings& warnings)
{
    auto read = readClassAds(
        s.path, format,
        [&](ClassAd&& ad, long) {
            countAd(s, ad);
            return true;
        },
        warnings, &countedAttributes());
    if (!read)
        return read.error();
    s.records = *read;
    return std::nullopt;
}

} // namespace

Expected<FileSummary> inspectFile(const std::string& path)
{
    auto format = detectFormat(path);
    if (!format && holdsNothing(path)) {
        FileSummary empty;
        empty.path = path;
        empty.format = "empty";
        empty.warnings.push_back(path + ": empty: no ads in it (what condor prints for an empty queue)");
        return empty;
    }
    if (!format)
        return format.error();
    FileSummary s;
    s.path = path;
    s.format = fileFormatName(*format);
    Warnings warnings;
    std::optional<Diagnostic> error;
    switch (*format) {
    case FileFormat::ClassAdLong:
        error = inspectAds(s, AdFormat::Long, warnings);
        break;
    case FileFormat::History:
        error = inspectAds(s, AdFormat::History, warnings);
        break;
    case FileFormat::ClassAdNew:
        error = inspectAds(s, AdFormat::NewClassAd, warnings);
        break;
    case FileFormat::ClassAdJson:
        error = inspectAds(s, AdFormat::Json, warnings);
        break;
    case FileFormat::ClassAdJsonLines:
        error = inspectAds(s, AdFormat::JsonLines, warnings);
        break;
    case FileFormat::AfTable:
        error = inspectAds(s, AdFormat::AfTable, warnings);
        break;
    case FileFormat::EventLog:
    case FileFormat::EventLogJson: {
        s.hasEvents = true;
        auto read = readEventLog(
            path, {},
            [&](const JobEvent& e) {
                char code[8];
                std::snprintf(code, sizeof code, "%03d", e.code);
                ++s.eventsByCode[code];
                span(s, e.time);
            },
            warnings);
        if (!read)
            error = read.error();
        else
            s.records = *read;
        break;
    }
    case FileFormat::Swf: {
        auto workload = readSwf(path, {}, warnings);
        if (!workload) {
            error = workload.error();
            break;
        }
        s.hasJobs = true;
        s.records = static_cast<long>(workload->jobs.size());
        s.jobsByStatus["completed"] = s.records;
        for (const Job& j : workload->jobs)
            s.widestJobCores = std::max<int>(s.widestJobCores, j.cores);
        if (const auto pool = poolFromSwfHeader(path, std::max(1, s.widestJobCores), warnings)) {
            s.headerMachines = static_cast<long>(pool->machines.size());
            s.headerMachineCores = pool->largestMachineCores();
        }
        for (const auto& name : workload->submitters)
            if (const std::size_t dot = name.rfind('.'); dot != std::string::npos)
                s.groups.insert(name.substr(0, dot));
        if (!workload->jobs.empty()) {
            span(s, workload->epoch + workload->jobs.front().submit);
            span(s, workload->epoch + workload->jobs.back().submit);
        }
        break;
    }
    case FileFormat::CondorConfig: {
        auto config = Config::fromFile(path);
        if (!config) {
            error = config.error();
            break;
        }
        for (const auto& w : config->warnings().items)
            warnings.add(w);
        auto policy = policyFromConfig(*config, &warnings);
        if (!policy) {
            error = policy.error();
            break;
        }
        s.records = static_cast<long>(config->entries().size());
        for (const auto& g : policy->groups)
            s.groups.insert(g.name);
        break;
    }
    case FileFormat::WorkloadModel: {
        auto model = WorkloadModel::read(path);
        if (!model) {
            error = model.error();
            break;
        }
        s.records = static_cast<long>(model->groups.size());
        for (const auto& g : model->groups)
            if (!g.group.empty())
                s.groups.insert(g.group);
        break;
    }
    }
    if (error)
        return *error;
    s.warnings = warnings.messages();
    return s;
}

std::string inspectJson(const std::vector<FileSummary>& files)
{
    JsonWriter w;
    w.beginArray();
    for (const auto& s : files) {
        w.beginObject();
        w.key("path").value(s.path);
        w.key("format").value(s.format);
        w.key("records").value(s.records);
        w.key("warnings").beginArray();
        for (const auto& m : s.warnings)
            w.value(m);
        w.endArray();
        if (s.hasSlots) {
            w.key("slots").beginObject();
            w.key("partitionable").value(s.partitionable);
            w.key("dynamic").value(s.dynamicSlots);
            w.key("static").value(s.staticSlots);
            w.endObject();
            w.key("cores_total").value(s.coresTotal);
            w.key("cores_claimed").value(s.coresClaimed);
        }
        if (s.hasJobs) {
            w.key("jobs_by_status").beginObject();
            for (const auto& [status, n] : s.jobsByStatus)
                w.key(status).value(n);
            w.endObject();
        }
        if (s.widestJobCores > 0)
            w.key("widest_job_cores").value(s.widestJobCores);
        if (s.headerMachines > 0) {
            w.key("header_machines").value(s.headerMachines);
            w.key("header_machine_cores").value(s.headerMachineCores);
        }
        if (s.hasEvents) {
            long total = 0;
            for (const auto& [code, n] : s.eventsByCode)
                total += n;
            w.key("events").value(total);
            w.key("events_by_code").beginObject();
            for (const auto& [code, n] : s.eventsByCode)
                w.key(code).value(n);
            w.endObject();
        }
        w.key("groups").beginArray();
        for (const auto& g : s.groups)
            w.value(g);
        w.endArray();
        if (s.hasSpan) {
            w.key("span_start").value(static_cast<long long>(s.spanStart));
            w.key("span_end").value(static_cast<long long>(s.spanEnd));
        }
        w.endObject();
    }
    w.endArray();
    return w.str();
}

} // namespace pp
