// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/startdpolicy.h"

namespace pp {

using classad::Value;

namespace {
classad::Expression parseOrNull(const std::string& text, const char* knob)
{
    if (text.empty())
        return {};
    auto parsed = classad::Expression::parse(text, knob);
    return parsed ? *parsed : classad::Expression {};
}

std::string userPart(const std::string& submitter)
{
    const std::size_t dot = submitter.rfind('.');
    return dot == std::string::npos ? submitter : submitter.substr(dot + 1);
}
} // namespace

StartdPolicy::StartdPolicy(const Policy& policy, const PoolState& pool, const std::vector<std::string>& submitters,
    const std::vector<std::string>* domains)
    : m_pool(pool)
    , m_submitters(submitters)
    , m_rank(parseOrNull(policy.startdRank, "RANK"))
    , m_start(parseOrNull(policy.startExpr, "START"))
    , m_retirement(parseOrNull(policy.maxJobRetirementExpr, "MAXJOBRETIREMENTTIME"))
    , m_constantRetirement(policy.maxJobRetirementTime)
{
    Value constant;
    if (!m_rank.isNull()) {
        m_rankEnabled = !m_rank.isLiteral(&constant);
        if (!m_rankEnabled && !constant.toNumber(m_constantRank))
            m_constantRank = 0;
    }
    m_startEnabled = !m_start.isNull() && !(m_start.isLiteral(&constant) && constant.isTrue());
    m_users.resize(submitters.size());
    if (domains)
        for (std::size_t s = 0; s < submitters.size() && s < domains->size(); ++s)
            if (!(*domains)[s].empty())
                m_users[s] = userPart(submitters[s]) + "@" + (*domains)[s];
}

Value StartdPolicy::evaluate(const classad::Expression& e, const Job& job, std::uint32_t machine, std::int64_t unixNow)
{
    static const std::string machineName = "machine", name = "name", cpus = "cpus", totalCpus = "totalcpus",
                             memory = "memory", experiment = "experiment", requestCpus = "requestcpus",
                             requestMemory = "requestmemory", accountingGroup = "accountinggroup",
                             acctGroup = "acctgroup", acctGroupUser = "acctgroupuser", owner = "owner", user = "user",
                             universe = "jobuniverse";
    const std::string& host = m_pool.machineName(machine);
    m_machine.setLower(machineName, Value::string(host));
    m_machine.setLower(name, Value::string("slot1@" + host));
    m_machine.setLower(cpus, Value::integer(m_pool.machineCores(machine)));
    m_machine.setLower(totalCpus, Value::integer(m_pool.machineCores(machine)));
    m_machine.setLower(memory, Value::integer(m_pool.machineMemory(machine)));
    const std::string& machineOwner = m_pool.machineOwner(machine);
    m_machine.setLower(experiment, machineOwner.empty() ? Value::undefined() : Value::string(machineOwner));
    const std::string& submitter = m_submitters[job.submitter];
    const std::size_t dot = submitter.rfind('.');
    m_job.setLower(requestCpus, Value::integer(job.cores));
    m_job.setLower(requestMemory, Value::integer(job.memoryMb));
    m_job.setLower(accountingGroup, Value::string(submitter));
    m_job.setLower(acctGroup, dot == std::string::npos ? Value::undefined() : Value::string(submitter.substr(0, dot)));
    m_job.setLower(acctGroupUser, Value::string(userPart(submitter)));
    m_job.setLower(owner, Value::string(userPart(submitter)));
    const std::string& fullUser = m_users[job.submitter];
    m_job.setLower(user, fullUser.empty() ? Value::undefined() : Value::string(fullUser));
    m_job.setLower(universe, Value::integer(5));
    return classad::evaluate(e, classad::EvalContext {&m_machine, &m_job, unixNow});
}

double StartdPolicy::rank(const Job& job, std::uint32_t machine, std::int64_t unixNow)
{
    if (!m_rankEnabled)
        return m_constantRank;
    double r = 0;
    if (!evaluate(m_rank, job, machine, unixNow).toNumber(r))
        r = 0; // an undefined RANK ranks nothing above anything
    return r;
}

bool StartdPolicy::start(const Job& job, std::uint32_t machine, std::int64_t unixNow)
{
    // Requirements must evaluate to True: undefined or an error refuses the job, as in matchmaking.
    return !m_startEnabled || evaluate(m_start, job, machine, unixNow).isTrue();
}

double StartdPolicy::retirement(const Job& job, std::uint32_t machine, std::int64_t unixNow)
{
    if (m_retirement.isNull())
        return m_constantRetirement;
    double seconds = 0;
    if (!evaluate(m_retirement, job, machine, unixNow).toNumber(seconds) || seconds < 0)
        seconds = 0; // undefined retirement is none, as in the startd
    return seconds;
}

} // namespace pp
