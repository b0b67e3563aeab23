// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "model/workload.h"

#include <string>

namespace pp::cli {

/// Writes a whole result (its jobs, series and cycles) for `--out`; false when the target cannot be written.
bool writeResultFile(const std::string& target, const Result& result, const Workload& workload);

} // namespace pp::cli
