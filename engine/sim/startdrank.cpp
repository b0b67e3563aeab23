// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/startdrank.h"

namespace pp {

using classad::Value;

StartdRank::StartdRank(const Policy& policy)
{
    if (policy.startdRank.empty())
        return;
    auto parsed = classad::Expression::parse(policy.startdRank, "RANK");
    if (!parsed)
        return;
    m_rank = *parsed;
    m_enabled = !m_rank.isLiteral();
}

double StartdRank::rank(
    const Job& job, const std::string& submitter, const std::string& machine, int machineCores, std::int64_t unixNow)
{
    if (!m_enabled) {
        Value constant;
        double r = 0;
        return m_rank.isLiteral(&constant) && constant.toNumber(r) ? r : 0.0;
    }
    static const std::string machineName = "machine", name = "name", cpus = "cpus", totalCpus = "totalcpus",
                             requestCpus = "requestcpus", requestMemory = "requestmemory",
                             accountingGroup = "accountinggroup", acctGroup = "acctgroup",
                             acctGroupUser = "acctgroupuser", owner = "owner", universe = "jobuniverse";
    m_machine.setLower(machineName, Value::string(machine));
    m_machine.setLower(name, Value::string("slot1@" + machine));
    m_machine.setLower(cpus, Value::integer(machineCores));
    m_machine.setLower(totalCpus, Value::integer(machineCores));
    const std::size_t dot = submitter.rfind('.');
    const std::string user = dot == std::string::npos ? submitter : submitter.substr(dot + 1);
    m_job.setLower(requestCpus, Value::integer(job.cores));
    m_job.setLower(requestMemory, Value::integer(job.memoryMb));
    m_job.setLower(accountingGroup, Value::string(submitter));
    m_job.setLower(acctGroup, dot == std::string::npos ? Value::undefined() : Value::string(submitter.substr(0, dot)));
    m_job.setLower(acctGroupUser, Value::string(user));
    m_job.setLower(owner, Value::string(user));
    m_job.setLower(universe, Value::integer(5));
    double r = 0;
    if (!classad::evaluate(m_rank, classad::EvalContext {&m_machine, &m_job, unixNow}).toNumber(r))
        r = 0; // an undefined RANK ranks nothing above anything
    return r;
}

} // namespace pp
