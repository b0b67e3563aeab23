// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "util/expected.h"

#include <string>
#include <utility>
#include <vector>

namespace pp {

/// One execute machine: a startd with a single partitionable slot holding all its resources (§5.1).
struct MachineSpec
{
    std::string name; ///< the host part of `slot1@host`
    int cores = 0;
    long memoryMb = 0;
    /// The experiment that contributed the machine (a STARTD_ATTRS attribute, `Experiment`, in real pools;
    /// docs/FLOCKING.md §5.5); empty when unknown. Accounting charges the job's submitter, never the owner.
    std::string owner {};
    /// The machine's HS06 benchmark per core (a STARTD_ATTRS attribute, POOLPLANNER_HS06_ATTRIBUTE); 0 = unknown.
    double hs06PerCore = 0;
};

/// The machines of a pool. Slot weight is `Cpus` (the default SLOT_WEIGHT), so the pool size is its cores.
struct Pool
{
    std::vector<MachineSpec> machines;

    long totalCores() const;
    int largestMachineCores() const;
    long largestMachineMemoryMb() const;
    /// Cores per owner, in order of first appearance; machines without an owner are not counted.
    std::vector<std::pair<std::string, long>> contributions() const;

    /// `totalCores` split into machines of `machineCores` (the last one smaller if it does not divide),
    /// each with `memoryPerCoreMb` per core, named prefix0001, prefix0002, ...
    static Expected<Pool> uniform(
        long totalCores, int machineCores, long memoryPerCoreMb = 2048, const std::string& prefix = "node");
};

/// Reads a pool description: one line per machine kind, `COUNT CORES [MEMORY_MB [NAME_PREFIX [OWNER]]]`, `#`
/// comments. Example: `70 2 4096 lpc cms` is seventy dual-core machines with 4 GiB each, lpc0001 … lpc0070,
/// contributed by the experiment cms.
Expected<Pool> readPoolFile(const std::string& path);

} // namespace pp
