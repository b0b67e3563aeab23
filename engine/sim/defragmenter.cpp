// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/defragmenter.h"

#include <algorithm>
#include <cmath>

namespace pp {

using classad::Expression;

namespace {

Expression parseOr(const std::string& text, const char* fallback)
{
    auto parsed = Expression::parse(text.empty() ? std::string(fallback) : text);
    return parsed ? *parsed : *Expression::parse(fallback);
}

// How much of an hourly or daily allowance a poll gets when the period turns: the part of the period
// still ahead plus one polling interval, as a fraction of the period (at most the whole allowance).
int prorate(int allowance, std::int64_t elapsedInPeriod, std::int64_t period, std::int64_t interval)
{
    const double fraction
        = std::min(1.0, static_cast<double>(period - elapsedInPeriod + interval) / static_cast<double>(period));
    return static_cast<int>(std::floor(allowance * fraction));
}

} // namespace

Defragmenter::Defragmenter(const Policy& policy, std::uint64_t seed, std::int64_t unixStart)
    : m_policy(policy)
    , m_random(seed ^ 0xDEF7A6ULL)
    , m_lastPoll(unixStart)
{
    m_interval = static_cast<std::int64_t>(policy.defragInterval);
    m_enabled = m_interval > 0 && policy.defragDrainingMachinesPerHour > 0;
    if (m_enabled) {
        // Defrag::config: the rate per poll, then what is left per hour, then per day.
        const double perPoll = policy.defragDrainingMachinesPerHour * static_cast<double>(m_interval) / 3600.0;
        m_perPoll = static_cast<int>(std::floor(perPoll));
        double hourly = (perPoll - m_perPoll) * 3600.0 / static_cast<double>(m_interval);
        if (m_interval > 3600)
            hourly = 0; // the quirk of §5.2: an interval over an hour zeroes the hourly rate
        m_perHour = static_cast<int>(std::floor(hourly));
        m_perDay = static_cast<int>(std::lround((hourly - m_perHour) * 24.0));
    }
    m_whole = parseOr(policy.defragWholeMachineExpr, "Cpus == TotalSlotCpus");
    m_requirements = parseOr(policy.defragRequirements, "true");
    m_cancel = parseOr(
        policy.defragCancelRequirements.empty() ? policy.defragWholeMachineExpr : policy.defragCancelRequirements,
        "Cpus == TotalSlotCpus");
    m_rank = parseOr(policy.defragRank, "-ExpectedMachineGracefulDrainingBadput");
    // The stock expressions are computed directly: a poll over thousands of machines every few minutes should
    // not build an ad per machine just to compare two numbers. Anything else is evaluated as written.
    const auto isDefaultWhole = [](const std::string& t) { return t.empty() || t == "Cpus == TotalSlotCpus"; };
    m_nativeWhole = isDefaultWhole(m_whole.text());
    m_nativeCancel = isDefaultWhole(m_cancel.text());
    m_nativeRequirements = policy.defragRequirements.empty();
    m_nativeRank = m_rank.text() == "-ExpectedMachineGracefulDrainingBadput";
}

bool Defragmenter::test(const Expression& e, bool native, bool nativeValue, const PoolState& pool,
    std::uint32_t machine, const Badput& badput, std::int64_t unixNow)
{
    if (native)
        return nativeValue;
    const classad::ClassAd ad = machineAd(pool, machine, badput.graceful[machine], badput.quick[machine]);
    return evaluate(e, ad, unixNow);
}

classad::ClassAd Defragmenter::machineAd(
    const PoolState& pool, std::uint32_t machine, double gracefulBadput, double quickBadput)
{
    classad::ClassAd ad;
    ad.setBoolean("PartitionableSlot", true);
    ad.setInteger("Cpus", pool.freeCores(machine));
    ad.setInteger("TotalSlotCpus", pool.machineCores(machine));
    ad.setInteger("TotalCpus", pool.machineCores(machine));
    ad.setInteger("Memory", pool.freeMemory(machine));
    ad.setInteger("SlotWeight", pool.freeCores(machine));
    ad.setBoolean("Draining", pool.isDraining(machine));
    ad.setReal("ExpectedMachineGracefulDrainingBadput", gracefulBadput);
    ad.setReal("ExpectedMachineQuickDrainingBadput", quickBadput);
    return ad;
}

bool Defragmenter::evaluate(const Expression& e, const classad::ClassAd& ad, std::int64_t unixNow)
{
    return classad::evaluate(e, classad::EvalContext {&ad, nullptr, unixNow}).isTrue();
}

Defragmenter::Decision Defragmenter::poll(const PoolState& pool, std::int64_t simNow, std::int64_t unixNow)
{
    Decision decision;
    if (!m_enabled)
        return decision;
    int toDrain = m_perPoll;
    if (unixNow / 3600 != m_lastPoll / 3600)
        toDrain += prorate(m_perHour, unixNow % 3600, 3600, m_interval);
    if (unixNow / 86400 != m_lastPoll / 86400)
        toDrain += prorate(m_perDay, unixNow % 86400, 86400, m_interval);
    m_lastPoll = unixNow;

    // Expected badput of draining each machine now (ResMgr::compute_draining_attrs), in core-seconds.
    const std::size_t machines = pool.machineCount();
    std::vector<double> graceful(machines, 0.0);
    std::vector<double> quick(machines, 0.0);
    for (const auto& c : pool.claims()) {
        if (!c.live || c.job < 0)
            continue;
        const double runTime = static_cast<double>(simNow - c.jobStartedAt);
        const double retirementLeft = std::max(0.0, static_cast<double>(c.retirement) - runTime);
        graceful[c.machine] += c.cores * (runTime + std::max(retirementLeft, m_policy.machineMaxVacateTime));
        quick[c.machine] += c.cores * (runTime + m_policy.machineMaxVacateTime);
    }

    const Badput badput {graceful, quick};
    long draining = 0;
    long whole = 0;
    for (std::uint32_t m = 0; m < machines; ++m) {
        const bool isWhole = pool.isWhole(m);
        if (pool.isDraining(m)) {
            ++draining;
            if (test(m_cancel, m_nativeCancel, isWhole, pool, m, badput, unixNow))
                decision.cancel.push_back(m);
        }
        if (test(m_whole, m_nativeWhole, isWhole, pool, m, badput, unixNow))
            ++whole;
    }
    draining -= static_cast<long>(decision.cancel.size());

    const long maxConcurrent = m_policy.defragMaxConcurrentDraining;
    const long maxWhole = m_policy.defragMaxWholeMachines;
    if (toDrain <= 0 || maxConcurrent == 0 || maxWhole == 0 || (maxConcurrent >= 0 && draining >= maxConcurrent)
        || (maxWhole >= 0 && whole >= maxWhole))
        return decision;

    struct Candidate
    {
        std::uint32_t machine;
        double rank;
    };
    std::vector<Candidate> candidates;
    for (std::uint32_t m = 0; m < machines; ++m) {
        if (pool.isDraining(m) || !test(m_requirements, m_nativeRequirements, true, pool, m, badput, unixNow)
            || test(m_whole, m_nativeWhole, pool.isWhole(m), pool, m, badput, unixNow))
            continue;
        double rank = -graceful[m];
        if (!m_nativeRank) {
            const classad::ClassAd ad = machineAd(pool, m, graceful[m], quick[m]);
            if (!classad::evaluate(m_rank, classad::EvalContext {&ad, nullptr, unixNow}).toNumber(rank))
                rank = -1e300;
        }
        candidates.push_back({m, rank});
    }
    // Shuffled for random tie-breaking, then the highest rank first (a stable sort keeps the shuffle in ties).
    for (std::size_t i = candidates.size(); i > 1; --i)
        std::swap(candidates[i - 1], candidates[static_cast<std::size_t>(m_random.next() % i)]);
    std::stable_sort(
        candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.rank > b.rank; });
    for (const auto& c : candidates) {
        if (static_cast<int>(decision.drain.size()) >= toDrain)
            break;
        if (maxConcurrent >= 0 && draining + static_cast<long>(decision.drain.size()) >= maxConcurrent)
            break;
        decision.drain.push_back(c.machine);
    }
    return decision;
}

} // namespace pp
