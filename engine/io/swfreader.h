// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/pool.h"
#include "model/workload.h"
#include "util/expected.h"

#include <map>
#include <optional>
#include <string>

namespace pp {

/// `--map FILE`: renames SWF groups, lines `g3 = atlas.prod`, `#` comments.
using GroupMap = std::map<std::string, std::string>;
Expected<GroupMap> readGroupMap(const std::string& path);

struct SwfOptions
{
    GroupMap groupMap;
    int largestMachineCores = 0; ///< jobs asking for more cannot ever run: skipped with a warning (0 = no check)
    long largestMachineMemoryMb = 0;
};

/// Reads a Standard Workload Format trace (Parallel Workloads Archive), plain or gzip.
/// Group N becomes accounting group `gN`, user M becomes `uM`; group -1 means no group (the root).
/// Cores: allocated processors, else requested. Memory: requested per processor, else used, times cores,
/// rounded up to 128 MB as the startd's MODIFY_REQUEST_EXPR_REQUESTMEMORY does; unknown memory is 0.
/// Lines that cannot be replayed (no runtime, too large for every machine) are skipped and counted.
Expected<Workload> readSwf(const std::string& path, const SwfOptions& options, Warnings& warnings);

/// The pool an SWF header describes (`; MaxNodes:` and `; MaxProcs:`), sized so that the largest job fits one
/// machine, since HTCondor runs a job on one machine. nullopt when the header does not say.
std::optional<Pool> poolFromSwfHeader(const std::string& path, int largestJobCores, Warnings& warnings);

} // namespace pp
