// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "classad/classad.h"
#include "policy/policy.h"
#include "sim/workload.h"

#include <string>

namespace pp {

/// The startd's RANK (docs/HTCONDOR.md §4.1): how much a machine prefers a job. A claimed slot whose RANK for
/// a new job is strictly greater than for its current job (CurrentRank) is preempted whatever the priorities,
/// and PREEMPTION_REQUIREMENTS is not consulted. One RANK for the whole pool, evaluated with MY = the machine
/// (Cpus, Memory, Machine) and TARGET = the job (Owner, AcctGroup, AccountingGroup, RequestCpus, …).
class StartdRank
{
public:
    explicit StartdRank(const Policy& policy);

    /// False when RANK is a constant (HTCondor's default 0): no slot ever prefers one job to another.
    bool enabled() const { return m_enabled; }
    double rank(const Job& job, const std::string& submitter, const std::string& machine, int machineCores,
        std::int64_t unixNow);

private:
    classad::Expression m_rank;
    bool m_enabled = false;
    classad::ClassAd m_machine;
    classad::ClassAd m_job;
};

} // namespace pp
