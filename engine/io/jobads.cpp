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

namespace {

bool endsWith(const std::string& s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

bool isNotebookJob(const ClassAd& ad)
{
    if (ad.evaluateAttribute("IsJupyter").isTrue())
        return true;
    if (endsWith(jobAdString(ad, "Cmd"), "/bin/sh")) { // the arguments matter only for a shell, which most jobs are not
        const std::string args = jobAdString(ad, "Args") + jobAdString(ad, "Arguments");
        if (args.find("batchspawner-singleuser") != std::string::npos
            || args.find("jupyterhub-singleuser") != std::string::npos)
            return true;
    }
    if (endsWith(jobAdString(ad, "Out"), ".jupyterhub.condor.out"))
        return true;
    const std::string env = jobAdString(ad, "Environment");
    return env.find("JUPYTERHUB_API_TOKEN") != std::string::npos || env.find("JUPYTERHUB_USER") != std::string::npos;
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
