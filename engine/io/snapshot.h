// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/scenario.h"
#include "model/workloadmodel.h"
#include "util/expected.h"

#include <string>
#include <vector>

namespace pp {

/// A pool as it is now, from what standard commands print, ready to simulate forward with a workload model:
/// slot ads (`condor_status`: the machines and the jobs running on them, since when), job ads (`condor_q`:
/// the idle queue), accounting ads (`condor_userprio -long -modular` or the collector's: priorities, factors,
/// accumulated usage) and condor_config files (the policy). Files are told apart by content; a directory
/// stands for the files in it.
///
/// A snapshot does not say how long jobs will run: the running ones get the rest of a runtime drawn from
/// their group's shapes in the model (longer than they have run already), the idle ones a whole one, and
/// the model's arrivals follow from the snapshot's time on for `horizonSeconds`.
Expected<Scenario> loadSnapshot(const std::vector<std::string>& paths, const WorkloadModel& model,
    double horizonSeconds, std::uint64_t seed, Warnings& warnings);

} // namespace pp
