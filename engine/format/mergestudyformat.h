// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/mergestudy.h"

#include <string>

namespace pp {

/// The merge study as the CLI prints it: the summary, then tables per experiment, by job size and of sharing.
std::string mergeStudyTable(const MergeStudy& study);
/// The same figures for `compare --json`.
std::string mergeStudyJson(const MergeStudy& study);

} // namespace pp
