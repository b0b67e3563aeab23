// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "io/jobads.h"

#include "util/numeric.h"

#include <cmath>
#include <string_view>

namespace pp {

using classad::ClassAd;
using classad::Value;

const AttributeFilter& jobAdAttributes()
{
    // What a replay reads, and what RequestMemory / RequestCpus expressions commonly refer to.
    static const AttributeFilter filter {"MyType", "QDate", "CompletionDate", "JobCurrentStartDate", "JobStartDate",
        "CommittedTime", "EnteredCurrentStatus", "ClusterId", "ProcId", "GlobalJobId", "RequestCpus", "RequestMemory",
        "MemoryUsage", "ImageSize", "ResidentSetSize", "RequestDisk", "DiskUsage", "JobUniverse", "JobStatus",
        "AccountingGroup", "AcctGroup", "AcctGroupUser", "Owner", "User", "IsJupyter", "Cmd", "Args", "Arguments",
        "Out", "Environment"};
    return filter;
}

std::string jobAdString(const ClassAd& ad, const char* name)
{
    const Value v = ad.evaluateAttribute(name);
    return v.isString() ? v.asString() : std::string();
}

double jobAdNumber(const ClassAd& ad, const char* name, double fallback)
{
    double d = 0;
    return ad.evaluateAttribute(name).toNumber(d) ? d : fallback;
}

double jobAdNumber(const ClassAd& ad, const char* name, const char* otherName, double fallback)
{
    double d = 0;
    return ad.evaluateAttribute(name).toNumber(d) ? d : jobAdNumber(ad, otherName, fallback);
}

namespace {

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whether a string attribute passes `test`, read in place: Environment and the arguments can be long, and every
// job of a history is tested.
template <class Test> bool stringAttributeIs(const ClassAd& ad, const char* name, Test test)
{
    const Value v = ad.evaluateAttribute(name);
    return test(v.isString() ? std::string_view(v.asString()) : std::string_view());
}

} // namespace

bool isNotebookJob(const ClassAd& ad)
{
    if (ad.evaluateAttribute("IsJupyter").isTrue())
        return true;
    // The arguments matter only for a shell, which most jobs are not.
    if (stringAttributeIs(ad, "Cmd", [](std::string_view cmd) { return endsWith(cmd, "/bin/sh"); })) {
        const std::string args = jobAdString(ad, "Args") + jobAdString(ad, "Arguments");
        if (args.find("batchspawner-singleuser") != std::string::npos
            || args.find("jupyterhub-singleuser") != std::string::npos)
            return true;
    }
    if (stringAttributeIs(ad, "Out", [](std::string_view out) { return endsWith(out, ".jupyterhub.condor.out"); }))
        return true;
    return stringAttributeIs(ad, "Environment", [](std::string_view env) {
        return env.find("JUPYTERHUB_API_TOKEN") != std::string_view::npos
            || env.find("JUPYTERHUB_USER") != std::string_view::npos;
    });
}

std::string jobAdSubmitter(const ClassAd& ad)
{
    std::string name = jobAdString(ad, "AccountingGroup");
    if (name.empty()) {
        const std::string group = jobAdString(ad, "AcctGroup");
        std::string user = jobAdString(ad, "AcctGroupUser");
        if (user.empty())
            user = jobAdString(ad, "Owner");
        name = group.empty() ? user : group + "." + user;
    }
    if (name.empty())
        name = jobAdString(ad, "User");
    if (const std::size_t at = name.rfind('@'); at != std::string::npos)
        name.resize(at);
    return name.empty() ? std::string("unknown") : name;
}

std::string notJobAdsNote(long count)
{
    return std::to_string(count) + " ads are not jobs (MyType is not \"Job\") and were skipped";
}

long roundedRequestMemory(double mb)
{
    return mb > 0 ? clampedCast<long>(std::ceil(mb / 128.0) * 128.0, 0, 1L << 31) : 0;
}

} // namespace pp
