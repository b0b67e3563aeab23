// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "classad/classad.h"
#include "model/workload.h"
#include "policy/policy.h"
#include "sim/poolstate.h"

#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

namespace pp {

/// The startd's expressions about a job, evaluated with MY = the machine (Machine, Name, Cpus, TotalCpus,
/// Memory, and `Experiment` when the machine has an owner) and TARGET = the job (Owner, User, AcctGroup,
/// AccountingGroup, RequestCpus, RequestMemory, JobUniverse):
/// - RANK (docs/HTCONDOR.md §4.1): a claimed slot whose RANK for a new job is strictly greater than for its
///   current job (CurrentRank) is preempted whatever the priorities; PREEMPTION_REQUIREMENTS is not consulted.
/// - START: the slot's Requirements; a job it refuses is never matched there (docs/FLOCKING.md §5.1).
/// - MAXJOBRETIREMENTTIME when it is an expression: the retirement a job gets, fixed when it starts (§5.3).
/// `User` is `owner@domain`, the domain being the submitter's home pool when the scenario is several pools,
/// so that `regexp("@atlas$", TARGET.User)` tells an owner's job from a flocked one.
class StartdPolicy
{
public:
    /// `domains`, when given, has one entry per submitter.
    StartdPolicy(const Policy& policy, const PoolState& pool, const std::vector<std::string>& submitters,
        const std::vector<std::string>* domains = nullptr);

    /// False when RANK is a constant (HTCondor's default 0): no slot ever prefers one job to another.
    bool enabled() const { return m_rankEnabled; }
    double rank(const Job& job, std::uint32_t machine, std::int64_t unixNow);
    /// The highest RANK any machine gives the job (infinity when that cannot be known without trying each one):
    /// a job that no machine ranks above the running jobs preempts nothing by RANK.
    double maxRank(const Job& job, std::int64_t unixNow);
    /// False when START is unset or the literal True: every job is welcome everywhere.
    bool startEnabled() const { return m_startEnabled; }
    bool start(const Job& job, std::uint32_t machine, std::int64_t unixNow);
    /// Seconds of retirement the job gets on that machine.
    double retirement(const Job& job, std::uint32_t machine, std::int64_t unixNow);

private:
    /// One expression and, when it depends only on who submitted the job and on the machine (the usual
    /// `regexp("@atlas$", TARGET.User)`), its values per (submitter, machine): the negotiator asks for them for
    /// every claim of a full pool in every cycle.
    struct Cached
    {
        classad::Expression expression;
        bool perSubmitterAndMachine = false;
        std::vector<float> table; // [submitter × machines + machine], NaN = not yet known; when it is small
        std::unordered_map<std::uint64_t, double> values; // otherwise
    };
    double valueOf(Cached& cached, const Job& job, std::uint32_t machine, std::int64_t unixNow, double fallback);
    classad::Value evaluate(const classad::Expression& e, const Job& job, std::uint32_t machine, std::int64_t unixNow);

    const PoolState& m_pool;
    const std::vector<std::string>& m_submitters;
    std::vector<std::string> m_users; // per submitter: owner@domain, empty when no domain is known
    Cached m_rank;
    Cached m_start;
    Cached m_retirement;
    std::vector<float> m_maxRank; // per submitter, NaN = not yet known
    double m_constantRank = 0;
    double m_constantRetirement = 0;
    bool m_rankEnabled = false;
    bool m_startEnabled = false;
    classad::ClassAd m_machine;
    classad::ClassAd m_job;
};

} // namespace pp
