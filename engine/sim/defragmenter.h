// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "classad/classad.h"
#include "policy/policy.h"
#include "sim/poolstate.h"
#include "util/randomstream.h"

#include <cstdint>
#include <vector>

namespace pp {

/// condor_defrag's poll (docs/HTCONDOR.md §5.3) with every DEFRAG_* knob: the draining rate split into a
/// per-poll integer and hourly and daily remainders (so 0.5 per poll drains nothing until the hour turns,
/// §10.11), the concurrency and whole-machine caps, cancellation of drains that became whole, and candidates
/// shuffled then ranked by DEFRAG_RANK (least expected badput first).
class Defragmenter
{
public:
    Defragmenter(const Policy& policy, std::uint64_t seed, std::int64_t unixStart);

    /// Polls happen every DEFRAG_INTERVAL when it is positive and a draining rate is set.
    bool enabled() const { return m_enabled; }
    std::int64_t interval() const { return m_interval; }
    int perPoll() const { return m_perPoll; }
    int perHour() const { return m_perHour; }
    int perDay() const { return m_perDay; }

    struct Decision
    {
        std::vector<std::uint32_t> cancel; ///< draining machines to put back in service
        std::vector<std::uint32_t> drain; ///< machines to start draining
    };
    /// One poll at `unixNow`. `jobRunTime(claim)` gives the running time of the job on a live claim.
    Decision poll(const PoolState& pool, std::int64_t simNow, std::int64_t unixNow);

private:
    static classad::ClassAd machineAd(
        const PoolState& pool, std::uint32_t machine, double gracefulBadput, double quickBadput);
    static bool evaluate(const classad::Expression& e, const classad::ClassAd& ad, std::int64_t unixNow);
    struct Badput
    {
        const std::vector<double>& graceful;
        const std::vector<double>& quick;
    };
    /// An expression on a machine's p-slot ad, or its built-in value when the knob is HTCondor's default.
    static bool test(const classad::Expression& e, bool native, bool nativeValue, const PoolState& pool,
        std::uint32_t machine, const Badput& badput, std::int64_t unixNow);

    const Policy& m_policy;
    RandomStream m_random;
    bool m_enabled = false;
    std::int64_t m_interval = 600;
    int m_perPoll = 0;
    int m_perHour = 0;
    int m_perDay = 0;
    std::int64_t m_lastPoll = 0; // Unix time
    classad::Expression m_whole;
    classad::Expression m_requirements;
    classad::Expression m_cancel;
    classad::Expression m_rank;
    bool m_nativeWhole = true;
    bool m_nativeCancel = true;
    bool m_nativeRequirements = true;
    bool m_nativeRank = true;
};

} // namespace pp
