// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/preemption.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace pp {

using classad::Expression;
using classad::Value;

PreemptionPolicy::PreemptionPolicy(const Policy& policy)
{
    // policyFromConfig has parsed both already; a Policy built in code falls back to the defaults.
    auto requirements = Expression::parse(policy.preemptionRequirements, "PREEMPTION_REQUIREMENTS");
    m_requirements = requirements ? *requirements : Expression::literal(Value::boolean(false));
    auto rank = Expression::parse(policy.preemptionRank, "PREEMPTION_RANK");
    m_rank = rank ? *rank : *Expression::parse(Policy::defaultPreemptionRank);
    Value constant;
    m_enabled = !(m_requirements.isLiteral(&constant) && !constant.isTrue());
    static const char* const partyAttributes[] = {"accountinggroup", "activity", "owner", "remoteautoregroup",
        "remotegroup", "remotegroupquota", "remotegroupresourcesinuse", "remotenegotiatinggroup", "remoteowner",
        "remoteuser", "remoteuserprio", "remoteuserresourcesinuse", "requestcpus", "requestmemory", "state",
        "submitterautoregroup", "submittergroup", "submittergroupquota", "submittergroupresourcesinuse",
        "submitternegotiatinggroup", "submitteruserprio", "submitteruserresourcesinuse"};
    m_slotDependent = false;
    for (const auto& name : m_requirements.references())
        if (std::find(std::begin(partyAttributes), std::end(partyAttributes), name) == std::end(partyAttributes))
            m_slotDependent = true;
    m_defaultRank = m_rank.text() == Policy::defaultPreemptionRank;
    m_slot.setString("State", "Claimed");
    m_slot.setString("Activity", "Busy");
    m_slot.setBoolean("RemoteAutoregroup", false);
    m_job.setBoolean("SubmitterAutoregroup", false);
}

bool PreemptionPolicy::allows(const PreemptionParty& submitter, const PreemptionParty& remote, const Candidate& slot,
    int jobCores, long jobMemoryMb, std::int64_t unixNow)
{
    fill(submitter, remote, slot, jobCores, jobMemoryMb, unixNow);
    return classad::evaluate(m_requirements, classad::EvalContext {&m_slot, &m_job, unixNow})
        .isTrue(); // UNDEFINED/ERROR: no
}

void PreemptionPolicy::fill(const PreemptionParty& submitter, const PreemptionParty& remote, const Candidate& slot,
    int jobCores, long jobMemoryMb, std::int64_t unixNow)
{
    // Lower-case keys built once: these ads are refilled for every candidate slot.
    static const std::string cpus
        = "cpus",
        slotWeight = "slotweight", memory = "memory", remoteUser = "remoteuser", remoteOwner = "remoteowner",
        accountingGroup = "accountinggroup", remoteUserPrio = "remoteuserprio",
        remoteUserInUse = "remoteuserresourcesinuse", remoteGroup = "remotegroup",
        remoteNegotiatingGroup = "remotenegotiatinggroup", remoteGroupQuota = "remotegroupquota",
        remoteGroupInUse = "remotegroupresourcesinuse", totalJobRunTime = "totaljobruntime",
        currentTime = "currenttime", requestCpus = "requestcpus", requestMemory = "requestmemory",
        submitterUserPrio = "submitteruserprio", submitterUserInUse = "submitteruserresourcesinuse",
        submitterGroup = "submittergroup", submitterNegotiatingGroup = "submitternegotiatinggroup",
        submitterGroupQuota = "submittergroupquota", submitterGroupInUse = "submittergroupresourcesinuse";
    m_slot.setLower(cpus, Value::integer(slot.cores));
    m_slot.setLower(slotWeight, Value::integer(slot.cores));
    m_slot.setLower(memory, Value::integer(slot.memoryMb));
    m_slot.setLower(remoteUser, remote.name);
    m_slot.setLower(remoteOwner, remote.name);
    m_slot.setLower(accountingGroup, remote.name);
    m_slot.setLower(remoteUserPrio, Value::real(remote.userPrio));
    m_slot.setLower(remoteUserInUse, Value::real(remote.userResourcesInUse));
    m_slot.setLower(remoteGroup, remote.group);
    m_slot.setLower(remoteNegotiatingGroup, remote.group);
    m_slot.setLower(remoteGroupQuota, Value::real(remote.groupQuota));
    m_slot.setLower(remoteGroupInUse, Value::real(remote.groupResourcesInUse));
    m_slot.setLower(totalJobRunTime, Value::integer(static_cast<std::int64_t>(slot.jobRunTime)));
    m_slot.setLower(currentTime, Value::integer(unixNow));

    m_job.setLower(requestCpus, Value::integer(jobCores));
    m_job.setLower(requestMemory, Value::integer(jobMemoryMb));
    m_job.setLower(accountingGroup, submitter.name);
    m_job.setLower(submitterUserPrio, Value::real(submitter.userPrio));
    m_job.setLower(submitterUserInUse, Value::real(submitter.userResourcesInUse));
    m_job.setLower(submitterGroup, submitter.group);
    m_job.setLower(submitterNegotiatingGroup, submitter.group);
    m_job.setLower(submitterGroupQuota, Value::real(submitter.groupQuota));
    m_job.setLower(submitterGroupInUse, Value::real(submitter.groupResourcesInUse));
}

double PreemptionPolicy::rank(const PreemptionParty& submitter, const PreemptionParty& remote, const Candidate& slot,
    int jobCores, long jobMemoryMb, std::int64_t unixNow)
{
    if (m_defaultRank) // (RemoteUserPrio * 1000000) - TotalJobRunTime: worst priority, then newest job
        return remote.userPrio * 1000000.0 - std::floor(slot.jobRunTime);
    fill(submitter, remote, slot, jobCores, jobMemoryMb, unixNow);
    double r = 0;
    if (!classad::evaluate(m_rank, classad::EvalContext {&m_slot, &m_job, unixNow}).toNumber(r))
        r = -1e300;
    return r;
}

} // namespace pp
