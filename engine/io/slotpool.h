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
/// A slot's `Experiment` attribute (a STARTD_ATTRS one, docs/FLOCKING.md §5.5) names the machine's owner.
Expected<Pool> poolFromSlotAds(const std::string& path, Warnings& warnings);

/// `--pool FILE`: a pool description (COUNT CORES [MEMORY_MB [PREFIX [OWNER]]] lines) or slot ads, by content.
Expected<Pool> readPool(const std::string& path, Warnings& warnings);

} // namespace pp
