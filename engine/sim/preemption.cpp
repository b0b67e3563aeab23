// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/preemption.h"

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
    m_slot.setString("State", "Claimed");
    m_slot.setString("Activity", "Busy");
    m_slot.setBoolean("RemoteAutoregroup", false);
    m_job.setBoolean("SubmitterAutoregroup", false);
}

bool PreemptionPolicy::allows(const PreemptionParty& submitter, const PreemptionParty& remote, const Candidate& slot,
    int jobCores, long jobMemoryMb, std::int64_t unixNow, double* rank)
{
    m_slot.setInteger("Cpus", slot.cores);
    m_slot.setInteger("SlotWeight", slot.cores);
    m_slot.setInteger("Memory", slot.memoryMb);
    m_slot.setString("RemoteUser", *remote.name);
    m_slot.setString("RemoteOwner", *remote.name);
    m_slot.setString("AccountingGroup", *remote.name);
    m_slot.setReal("RemoteUserPrio", remote.userPrio);
    m_slot.setReal("RemoteUserResourcesInUse", remote.userResourcesInUse);
    m_slot.setString("RemoteGroup", *remote.group);
    m_slot.setString("RemoteNegotiatingGroup", *remote.group);
    m_slot.setReal("RemoteGroupQuota", remote.groupQuota);
    m_slot.setReal("RemoteGroupResourcesInUse", remote.groupResourcesInUse);
    m_slot.setInteger("TotalJobRunTime", static_cast<std::int64_t>(slot.jobRunTime));
    m_slot.setInteger("CurrentTime", unixNow);

    m_job.setInteger("RequestCpus", jobCores);
    m_job.setInteger("RequestMemory", jobMemoryMb);
    m_job.setString("AccountingGroup", *submitter.name);
    m_job.setReal("SubmitterUserPrio", submitter.userPrio);
    m_job.setReal("SubmitterUserResourcesInUse", submitter.userResourcesInUse);
    m_job.setString("SubmitterGroup", *submitter.group);
    m_job.setString("SubmitterNegotiatingGroup", *submitter.group);
    m_job.setReal("SubmitterGroupQuota", submitter.groupQuota);
    m_job.setReal("SubmitterGroupResourcesInUse", submitter.groupResourcesInUse);

    const classad::EvalContext context {&m_slot, &m_job, unixNow};
    if (!classad::evaluate(m_requirements, context).isTrue())
        return false; // UNDEFINED and ERROR do not preempt
    double r = 0;
    if (!classad::evaluate(m_rank, context).toNumber(r))
        r = -1e300;
    if (rank)
        *rank = r;
    return true;
}

} // namespace pp
