// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/waitreasons.h"
#include "model/result.h"

#include <optional>
#include <string>

namespace pp {

/// A few plain sentences, largest reason first, with the figures: "atlas.prod waited 2,140 core-hours; 71 % of it
/// because no p-slot had 8 free cores — the largest had 6; 20 % because atlas (not accepting surplus) capped the
/// subtree at 9,200." and the work its jobs lost. `period`, when given, is said.
std::string waitExplanationText(const Result& result, const GroupWaits& waits, std::optional<RunPeriod> period = {});

/// The same as JSON: `{group, subtree, from_s, to_s, waited_core_hours, lost_core_hours, reasons: [{reason,
/// core_hours, share, detail}], text}`.
std::string waitExplanationJson(const Result& result, const GroupWaits& waits, std::optional<RunPeriod> period = {});

/// The first sentence only, for a tooltip: the group's (or its subtree's) run, or a period of it; empty when it
/// did not wait.
std::string waitSentence(const Result& result, int group, std::optional<RunPeriod> period = {});

/// What waits now, after one negotiation cycle on a pool as it is (a snapshot): `waits` holds idle cores by reason,
/// not core-hours. "Now atlas.prod has 32 idle cores the negotiator could not match; 24 (75 %) because no p-slot
/// has 8 free cores — the largest has 4; …".
std::string waitNowText(const Result& result, const GroupWaits& waits);
std::string waitNowJson(const Result& result, const GroupWaits& waits);

} // namespace pp
