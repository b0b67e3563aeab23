// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "util/expected.h"

#include <string>

namespace pp {

/// Reads a result that `simulate --json` (resultSummaryJson) or `simulate --out` (resultFullJson) wrote, for
/// `collect` and `compare` of results computed elsewhere: the totals, notes, surplus flows, waits by size and
/// the per-group summary come back; time series, cycles and jobs do not. Errors name the file: missing, not
/// a file, empty, binary, not JSON or cut short, or JSON that is not a PoolPlanner result.
Expected<Result> readResultJson(const std::string& path);

} // namespace pp
