// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/startdpolicy.h"

#include <algorithm>
#include <iterator>
#include <limits>

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

// Attributes that are the same for every job of a submitter, or for every slot of a machine.
bool dependsOnSubmitterAndMachineOnly(const classad::Expression& e)
{
    static const char* const fixed[] = {"user", "owner", "acctgroup", "accountinggroup", "acctgroupuser", "jobuniverse",
        "machine", "name", "cpus", "totalcpus", "memory", "experiment"};
    for (const auto& name : e.references())
        if (std::find(std::begin(fixed), std::end(fixed), name) == std::end(fixed))
            return false;
    return true;
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
    , m_constantRetirement(policy.maxJobRetirementTime)
{
    m_rank.expression = parseOrNull(policy.startdRank, "RANK");
    m_start.expression = parseOrNull(policy.startExpr, "START");
    m_retirement.expression = parseOrNull(policy.maxJobRetirementExpr, "MAXJOBRETIREMENTTIME");
    const std::size_t cells = submitters.size() * pool.machineCount();
    for (Cached* c : {&m_rank, &m_start, &m_retirement}) {
        c->perSubmitterAndMachine = !c->expression.isNull() && dependsOnSubmitterAndMachineOnly(c->expression);
        if (c->perSubmitterAndMachine && cells <= 8'000'000)
            c->table.assign(cells, std::nanf(""));
    }
    Value constant;
    if (!m_rank.expression.isNull()) {
        m_rankEnabled = !m_rank.expression.isLiteral(&constant);
        if (!m_rankEnabled && !constant.toNumber(m_constantRank))
            m_constantRank = 0;
    }
    m_startEnabled = !m_start.expression.isNull() && !(m_start.expression.isLiteral(&constant) && constant.isTrue());
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

double StartdPolicy::valueOf(
    Cached& cached, const Job& job, std::uint32_t machine, std::int64_t unixNow, double fallback)
{
    const std::uint64_t key = (static_cast<std::uint64_t>(job.submitter) << 32) | machine;
    const std::size_t cell = static_cast<std::size_t>(job.submitter) * m_pool.machineCount() + machine;
    if (!cached.table.empty() && !std::isnan(cached.table[cell]))
        return cached.table[cell];
    if (cached.perSubmitterAndMachine && cached.table.empty())
        if (const auto it = cached.values.find(key); it != cached.values.end())
            return it->second;
    // Every answer is rounded as a float, first or cached, as the claim's CurrentRank it is compared with.
    const Value v = evaluate(cached.expression, job, machine, unixNow);
    double number = fallback;
    if (v.isBoolean())
        number = v.isTrue() ? 1.0 : 0.0;
    else if (!v.toNumber(number))
        number = fallback;
    number = static_cast<float>(number);
    if (!cached.table.empty())
        cached.table[cell] = static_cast<float>(number);
    else if (cached.perSubmitterAndMachine)
        cached.values.emplace(key, number);
    return number;
}

double StartdPolicy::rank(const Job& job, std::uint32_t machine, std::int64_t unixNow)
{
    if (!m_rankEnabled)
        return m_constantRank;
    return valueOf(m_rank, job, machine, unixNow, 0.0); // an undefined RANK ranks nothing above anything
}

double StartdPolicy::maxRank(const Job& job, std::int64_t unixNow)
{
    if (!m_rankEnabled)
        return m_constantRank;
    if (!m_rank.perSubmitterAndMachine)
        return std::numeric_limits<double>::infinity();
    if (m_maxRank.empty())
        m_maxRank.assign(m_submitters.size(), std::nanf(""));
    float& known = m_maxRank[job.submitter];
    if (std::isnan(known)) {
        double best = -std::numeric_limits<double>::infinity();
        for (std::uint32_t m = 0; m < m_pool.machineCount(); ++m)
            best = std::max(best, rank(job, m, unixNow));
        known = static_cast<float>(best);
    }
    return known;
}

bool StartdPolicy::start(const Job& job, std::uint32_t machine, std::int64_t unixNow)
{
    // Requirements must evaluate to True: undefined or an error refuses the job, as in matchmaking.
    return !m_startEnabled || valueOf(m_start, job, machine, unixNow, 0.0) == 1.0;
}

double StartdPolicy::retirement(const Job& job, std::uint32_t machine, std::int64_t unixNow)
{
    if (m_retirement.expression.isNull())
        return m_constantRetirement;
    return std::max(0.0, valueOf(m_retirement, job, machine, unixNow, 0.0)); // undefined: no retirement
}

} // namespace pp
