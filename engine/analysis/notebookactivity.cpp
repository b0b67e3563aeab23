// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "analysis/notebookactivity.h"

#include <algorithm>
#include <cstdint>

namespace pp {

const char* NotebookActivity::bucketLabel(std::size_t bucket)
{
    static const char* const labels[] = {"0–15 s", "15–30 s", "30–60 s", "1–2 min", "2–5 min", "5–15 min", "15+ min"};
    return bucket < std::size(labels) ? labels[bucket] : "";
}

NotebookActivity::NotebookActivity(const Result& result, const Workload& workload, double startupSeconds)
{
    m_sampleInterval = result.sampleInterval;
    m_sampleTimes.reserve(result.poolSeries.size());
    for (const auto& p : result.poolSeries)
        m_sampleTimes.push_back(p.time);
    // Running sessions: +1 at the first start, -1 at the end (or never, when the run ended first).
    std::vector<int> delta(m_sampleTimes.size() + 1, 0);
    const auto sampleAtOrAfter = [&](std::int64_t t) {
        return static_cast<std::size_t>(
            std::lower_bound(m_sampleTimes.begin(), m_sampleTimes.end(), t) - m_sampleTimes.begin());
    };
    for (std::size_t j = 0; j < workload.jobs.size() && j < result.jobs.size(); ++j) {
        const Job& job = workload.jobs[j];
        if (job.kind != Notebook)
            continue;
        const JobOutcome& outcome = result.jobs[j];
        Session session;
        session.requested = static_cast<std::int64_t>(job.submit) - result.startTime;
        session.failed = outcome.fate == SpawnFailed;
        if (outcome.firstStart >= 0) {
            session.startSeconds
                = static_cast<float>(static_cast<double>(outcome.firstStart - session.requested) + startupSeconds);
            // A session counts at a sample when it had started by then and not yet ended.
            ++delta[sampleAtOrAfter(outcome.firstStart)];
            if (outcome.end >= 0)
                --delta[sampleAtOrAfter(outcome.end)];
        }
        m_sessions.push_back(session);
    }
    std::sort(m_sessions.begin(), m_sessions.end(),
        [](const Session& a, const Session& b) { return a.requested < b.requested; });
    m_running.resize(m_sampleTimes.size());
    int running = 0;
    for (std::size_t s = 0; s < m_sampleTimes.size(); ++s) {
        running += delta[s];
        m_running[s] = running;
    }
}

NotebookActivity::Period NotebookActivity::period(int firstSample, int lastSample) const
{
    Period p;
    if (m_sampleTimes.empty() || lastSample < firstSample)
        return p;
    const auto clampSample = [&](int s) {
        return static_cast<std::size_t>(std::clamp<int>(s, 0, static_cast<int>(m_sampleTimes.size()) - 1));
    };
    // The first sample stands for the interval that ends at it; a period from the first sample starts at 0 or
    // before (sessions of a snapshot's queue were asked for before the simulation began).
    const std::int64_t from = firstSample <= 0 ? INT64_MIN : m_sampleTimes[clampSample(firstSample)] - m_sampleInterval;
    const std::int64_t to = m_sampleTimes[clampSample(lastSample)];
    std::vector<float> starts;
    for (const Session& s : m_sessions) {
        if (s.requested <= from || s.requested > to)
            continue;
        ++p.sessions;
        p.failures += s.failed ? 1 : 0;
        if (s.startSeconds < 0)
            continue;
        ++p.started;
        starts.push_back(s.startSeconds);
        std::size_t bucket = 0;
        while (s.startSeconds > bucketLimits[bucket])
            ++bucket;
        ++p.histogram[bucket];
    }
    p.startP50 = percentile(starts, 50);
    p.startP95 = percentile(starts, 95);
    return p;
}

} // namespace pp
