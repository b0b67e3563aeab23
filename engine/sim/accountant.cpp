// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sim/accountant.h"

#include <algorithm>
#include <cmath>

namespace pp {

Accountant::Accountant(std::size_t submitters, double halflifeSeconds, std::int64_t start)
    : m_records(submitters)
    , m_halflife(halflifeSeconds)
    , m_lastUpdate(start)
{
    for (auto& r : m_records)
        r.integratedTo = start;
}

void Accountant::restore(std::uint32_t submitter, double realPriority, double accumulated)
{
    Record& r = m_records[submitter];
    r.rup = std::max(minimumPriority, realPriority);
    r.accumulated = accumulated;
    r.restored = accumulated;
    if (r.rup > minimumPriority)
        activate(submitter);
}

void Accountant::activate(std::uint32_t submitter)
{
    if (!m_records[submitter].active) {
        m_records[submitter].active = true;
        m_active.push_back(submitter);
    }
}

void Accountant::changeUsage(std::uint32_t submitter, double delta, std::int64_t now)
{
    Record& r = m_records[submitter];
    if (r.active)
        r.integral += r.usage * static_cast<double>(now - r.integratedTo);
    r.integratedTo = now;
    r.usage += delta;
    if (std::abs(r.usage) < 1e-9)
        r.usage = 0;
    activate(submitter);
}

double Accountant::chargedSinceStart(std::uint32_t submitter, std::int64_t now) const
{
    const Record& r = m_records[submitter];
    const double pending = r.active ? r.usage * static_cast<double>(now - r.integratedTo) : 0.0;
    return r.accumulated - r.restored + r.integral + pending;
}

void Accountant::updatePriorities(std::int64_t now)
{
    const double dt = static_cast<double>(now - m_lastUpdate);
    if (dt <= 0)
        return;
    const double beta = std::pow(0.5, dt / m_halflife);
    std::size_t kept = 0;
    for (std::uint32_t s : m_active) {
        Record& r = m_records[s];
        r.integral += r.usage * static_cast<double>(now - r.integratedTo);
        r.integratedTo = now;
        const double recent = r.integral / dt;
        r.accumulated += r.integral;
        r.integral = 0;
        r.rup = std::max(minimumPriority, beta * r.rup + (1.0 - beta) * recent);
        if (r.usage > 0 || r.rup > minimumPriority)
            m_active[kept++] = s;
        else
            r.active = false;
    }
    m_active.resize(kept);
    m_lastUpdate = now;
}

} // namespace pp
