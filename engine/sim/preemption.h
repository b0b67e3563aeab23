// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "classad/classad.h"
#include "policy/policy.h"

#include <cstdint>
#include <string>

namespace pp {

/// One side of a possible preemption: the idle job's submitter, or the slot's current user (§4.1).
struct PreemptionParty
{
    classad::Value name; ///< submitter name, `group.user` (a shared string: no copy per evaluation)
    classad::Value group; ///< its accounting group node, "<none>" for the root
    double userPrio = 0; ///< effective priority
    double userResourcesInUse = 0;
    double groupQuota = 0; ///< the computed quota (§2.4), not the allocation
    double groupResourcesInUse = 0; ///< node-level weighted usage at this moment
};

/// PREEMPTION_REQUIREMENTS and PREEMPTION_RANK evaluated as written, with the ephemeral Submitter* and
/// Remote* attributes the negotiator inserts (docs/HTCONDOR.md §4.1): MY is the claimed slot, TARGET the job.
class PreemptionPolicy
{
public:
    explicit PreemptionPolicy(const Policy& policy);

    /// False when PREEMPTION_REQUIREMENTS is the literal False (HTCondor's default): nothing is ever preempted
    /// by priority, and the negotiator need not look at claimed slots at all.
    bool enabled() const { return m_enabled; }

    struct Candidate
    {
        int cores = 0;
        long memoryMb = 0;
        double jobRunTime = 0; ///< TotalJobRunTime of the running job
    };
    /// Whether `submitter`'s job of `jobCores` may preempt `remote` on the slot.
    bool allows(const PreemptionParty& submitter, const PreemptionParty& remote, const Candidate& slot, int jobCores,
        long jobMemoryMb, std::int64_t unixNow);
    /// PREEMPTION_RANK of a candidate slot: the highest is the victim.
    double rank(const PreemptionParty& submitter, const PreemptionParty& remote, const Candidate& slot, int jobCores,
        long jobMemoryMb, std::int64_t unixNow);
    /// False when PREEMPTION_REQUIREMENTS refers only to the two parties (users, groups, the job's request):
    /// then its verdict is the same on every slot of one remote user, and the negotiator evaluates it once.
    bool requirementsDependOnSlot() const { return m_slotDependent; }

private:
    classad::Expression m_requirements;
    classad::Expression m_rank;
    bool m_enabled = false;
    bool m_slotDependent = true;
    bool m_defaultRank = false; // the stock PREEMPTION_RANK, computed directly
    /// Refills the slot (MY) and job (TARGET) ads for one candidate.
    void fill(const PreemptionParty& submitter, const PreemptionParty& remote, const Candidate& slot, int jobCores,
        long jobMemoryMb, std::int64_t unixNow);
    classad::ClassAd m_slot; // reused between evaluations: only values change
    classad::ClassAd m_job;
};

} // namespace pp
