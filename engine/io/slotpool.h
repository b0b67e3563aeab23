// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/pool.h"
#include "util/expected.h"

#include <string>

namespace pp {

/// The machines of a `condor_status` snapshot (long, JSON or JSONL, detected by content): one machine per
/// `Machine` name, with the cores and memory of its partitionable slot (TotalSlotCpus, TotalSlotMemory) or the
/// sum of its static slots. Dynamic slots are part of their p-slot and add nothing. Slots named with `@` but
/// no `Machine` use the host part of `Name`.
/// The slot attributes a pool advertises about its machines (STARTD_ATTRS, docs/FLOCKING.md §5.5), as the
/// configuration names them (POOLPLANNER_OWNER_ATTRIBUTE, POOLPLANNER_HS06_ATTRIBUTE).
struct MachineAttributes
{
    std::string owner = "Experiment"; ///< the experiment that contributed the machine
    std::string hs06PerCore = "HS06PerCore"; ///< its benchmark per core
};

Expected<Pool> poolFromSlotAds(const std::string& path, Warnings& warnings, const MachineAttributes& attributes = {});

/// `--pool FILE`: a pool description (COUNT CORES [MEMORY_MB [PREFIX [OWNER]]] lines) or slot ads, by content.
Expected<Pool> readPool(const std::string& path, Warnings& warnings, const MachineAttributes& attributes = {});

} // namespace pp
