// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <cstdint>
#include <vector>

namespace pp {

/// Submitter priorities as HTCondor's accountant keeps them (docs/HTCONDOR.md §3.1–3.2): a real user
/// priority that decays with PRIORITY_HALFLIFE toward the weighted usage, floored at 0.5, stepped once per
/// negotiation cycle; the effective priority is RUP × PriorityFactor. Usage between two cycles is charged
/// exactly, by integrating the claimed cores over time (what AddMatch's "uncharged time" achieves).
class Accountant
{
public:
    static constexpr double minimumPriority = 0.5;

    Accountant(std::size_t submitters, double halflifeSeconds, std::int64_t start);

    void setPriorityFactor(std::uint32_t submitter, double factor) { m_records[submitter].factor = factor; }
    /// The record as a snapshot found it: real priority and the usage accumulated so far.
    void restore(std::uint32_t submitter, double realPriority, double accumulated);
    double priorityFactor(std::uint32_t submitter) const { return m_records[submitter].factor; }
    double realPriority(std::uint32_t submitter) const { return m_records[submitter].rup; }
    double effectivePriority(std::uint32_t submitter) const
    {
        return m_records[submitter].rup * m_records[submitter].factor;
    }
    /// Cores claimed right now (WeightedResourcesUsed as the last recount plus matches would show it).
    double usage(std::uint32_t submitter) const { return m_records[submitter].usage; }
    /// Core-seconds charged since the start; never decays (WeightedAccumulatedUsage).
    double accumulatedUsage(std::uint32_t submitter) const { return m_records[submitter].accumulated; }
    /// Core-seconds of claims charged to the submitter from the start up to `now`, whatever became of the work
    /// (completed, preempted, drained, cut by the horizon): what a real pool's accounting shows.
    double chargedSinceStart(std::uint32_t submitter, std::int64_t now) const;

    /// Claimed cores of a submitter change at `now` (a claim starts or ends).
    void changeUsage(std::uint32_t submitter, double delta, std::int64_t now);
    /// The per-cycle update (UpdatePriorities): decays every priority over the time since the last cycle.
    void updatePriorities(std::int64_t now);
    /// True when no priority can change any more without new usage (every record at the floor, idle).
    bool settled() const { return m_active.empty(); }

private:
    struct Record
    {
        double rup = minimumPriority;
        double factor = 1000;
        double usage = 0;
        double integral = 0; // core-seconds since the last update
        double accumulated = 0;
        double restored = 0; // accumulated usage a snapshot brought: charged before the start
        std::int64_t integratedTo = 0;
        bool active = false;
    };
    void activate(std::uint32_t submitter);

    std::vector<Record> m_records;
    std::vector<std::uint32_t> m_active; // records whose priority may still move
    double m_halflife;
    std::int64_t m_lastUpdate;
};

} // namespace pp
