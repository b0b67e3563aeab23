// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "util/expected.h"

#include <cstdint>
#include <functional>
#include <string>

namespace pp {

/// One event of a job event log (docs/HTCONDOR.md §6.6–6.7).
struct JobEvent
{
    int code = 0; ///< 0 submit, 1 execute, 4 evicted, 5 terminated, 9 aborted, 12 held, 13 released, …
    long cluster = 0;
    long proc = 0;
    std::int64_t time = 0; ///< Unix time
    long line = 0; ///< where the event starts
    int cores = 0; ///< execute (001): the dynamic slot's Cpus when the body lists them; 0 = not given
};

struct EventLogOptions
{
    /// Seconds east of UTC of the submit host, for timestamps without `Z` (the user chooses; stored with the data).
    long utcOffsetSeconds = 0;
    /// The year of legacy `MM/DD HH:MM:SS` timestamps, which have none.
    int legacyYear = 1970;
};

/// Reads a text job event log (ISO or legacy timestamps, `...` separators) or a JSON one (pretty objects with
/// EventTypeNumber / EventTime / Cluster / Proc), detected by content. Streams; one event at a time.
Expected<long> readEventLog(const std::string& path, const EventLogOptions& options,
    const std::function<void(const JobEvent&)>& sink, Warnings& warnings);

/// Days since 1970-01-01 of a civil date (proleptic Gregorian), for converting timestamps without a time zone library.
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

} // namespace pp
