// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "model/workload.h"

#include <array>
#include <vector>

namespace pp {

/// Notebook sessions over a run, read from the per-job outcomes: how many ran at each sample, and for the
/// sessions asked for in a period, how long they took to start and how many JupyterHub gave up on.
class NotebookActivity
{
public:
    /// Time-to-start buckets, upper bounds in seconds; the last bucket is everything above the previous one.
    static constexpr std::array<double, 7> bucketLimits {15, 30, 60, 120, 300, 900, 1e300};
    static const char* bucketLabel(std::size_t bucket);

    struct Period
    {
        long sessions = 0; ///< asked for in the period
        long started = 0;
        long failures = 0; ///< spawn failures: not running within the start timeout
        double startP50 = 0, startP95 = 0; ///< seconds from the spawn request to a usable notebook
        std::array<long, bucketLimits.size()> histogram {}; ///< started sessions per time-to-start bucket
    };

    /// `startupSeconds`: the policy's NOTEBOOK_STARTUP_TIME, added to the wait as the engine does.
    NotebookActivity(const Result& result, const Workload& workload, double startupSeconds);
    NotebookActivity() = default;

    /// Sessions running at each pool sample.
    const std::vector<int>& runningPerSample() const { return m_running; }
    /// Sessions asked for within pool samples [first, last] (each sample covers the interval ending at it).
    Period period(int firstSample, int lastSample) const;
    bool empty() const { return m_sessions.empty(); }

private:
    struct Session
    {
        std::int64_t requested = 0; ///< seconds since the simulation start
        float startSeconds = -1; ///< time to a usable notebook; -1 = never started
        bool failed = false;
    };
    std::vector<Session> m_sessions; // by request time
    std::vector<int> m_running;
    std::vector<std::int64_t> m_sampleTimes;
    std::int64_t m_sampleInterval = 3600;
};

} // namespace pp
