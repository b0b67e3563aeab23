// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/scenario.h"
#include "sweep/variants.h"
#include "util/expected.h"

#include <optional>
#include <string>
#include <vector>

namespace pp {

/// Every file a scenario reads (base configuration and the files it includes, trace, model, pool, map), as
/// absolute paths, for HTCondor's file transfer. Errors name the file that cannot be read.
Expected<std::vector<std::string>> scenarioInputFiles(const ScenarioSpec& spec);

/// Memory for one `simulate` job of this scenario, in MiB, with room to spare: the engine's per-job and
/// per-machine state, the result and its JSON, and a fixed base.
long estimateMemoryMb(const Scenario& scenario);

struct HtcondorSweep
{
    std::string directory; ///< where to write; created when missing
    std::string executable; ///< absolute path of poolplanner-cli
    long requestMemoryMb = 1024;
};

/// Writes an HTCondor sweep: DIR/scenarios/NNN.scenario (each a complete scenario with absolute input paths),
/// DIR/variants.txt (one `name, scenario` line per job), DIR/logs/ and DIR/sweep.sub, a submit description that
/// runs `simulate --scenario NNN.scenario --out NNN.json` once per line (`queue name, scenario from variants.txt`)
/// with the scenario and its inputs transferred. `collect DIR` reads the results back.
std::optional<Diagnostic> writeHtcondorSweep(const std::vector<SweepVariant>& variants, const HtcondorSweep& sweep);

} // namespace pp
