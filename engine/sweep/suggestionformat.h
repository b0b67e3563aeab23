// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "sweep/quotasuggestion.h"

#include <string>

namespace pp {

/// The suggestion as a terminal reads it: the verdict, each target now and with the suggestion, the changes, the
/// conflicts, the alternatives tried (the trade-off), and the config.d snippet unless it went to a file.
std::string suggestionText(const QuotaSuggestion& s, bool withSnippet);

/// The same as JSON: `{feasible, conflicts, evaluations, runs, seconds, current: {targets}, suggested: {changes,
/// knobs, targets}, alternatives: [{changes, shortfall, knobs, targets}], snippet}`; each target `{target, group,
/// metric, op, value, figure, low, high, met}`.
std::string suggestionJson(const QuotaSuggestion& s);

} // namespace pp
