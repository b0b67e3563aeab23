// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <string>

namespace pp {

struct StartForecast;

/// "A job of 8 cores in group_atlas.prod submitted now starts in about 3.2 min (p50), 12 min at worst in 9 runs of
/// 10 (p90). 20 runs; …" — and for a notebook the time to a usable notebook and the chance of the spawn timeout.
std::string forecastText(const StartForecast& forecast);

/// The same as JSON (docs/DESIGN.md's keys): `{group, submitter, cores, memory_mb, notebook, runs,
/// arrivals_modelled, later_jobs, horizon_s, start_p50_s, start_p90_s, not_started, why, waits_s, spawn_timeout_s,
/// spawn_failure_probability}`: seconds from submission to the start (a notebook: to usable); -1 is beyond the
/// horizon.
std::string forecastJson(const StartForecast& forecast);

} // namespace pp
