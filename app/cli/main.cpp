// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "commands.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

const char* usage = R"(usage: poolplanner-cli COMMAND [OPTIONS]

  allocate --config CFG --pool-size CORES --demand GROUP=CORES[,GROUP=CORES...] [--json]
      HTCondor's group quotas and one allocation round for a demand (docs/HTCONDOR.md 2.4-2.6).
  simulate --snapshot FILE|DIR[,...] --model MODEL [--config CFG] [--horizon ...]
      Simulates forward from a pool as it is now (condor_status, condor_q, accounting ads, configuration).
  simulate (--demo | --scenario demo | --config CFG (--trace FILE | --model MODEL [--scale G=F,...])
            (--cores N [--machine-cores M] | --pool FILE))
           [--map FILE] [--horizon DAYS|360s|6h|7d] [--seed N] [--out RESULT.json] [--json] [--record-cycles]
           [--utc-offset +HH:MM] [--legacy-year YYYY]   (event logs: the submit host's zone; the year of MM/DD dates)
      Replays a workload through HTCondor's negotiation cycles.
  inspect FILE... [--json]
      Detects each file's format by content, reads it through and summarises it (slots, cores, jobs, events, groups).
  export-config (--config CFG | --scenario demo) --set KNOB=VALUE [--set ...] [--out SNIPPET.config]
      Writes the knobs the edits change as a condor_config snippet for config.d/, saying what changed from what.
  fit --trace FILE [--map FILE] --out MODEL
      Fits a workload model (arrivals by hour of week, users, job shapes per group) for simulate --model.

Not in this version yet: compare, report, sweep, collect.
)";

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        std::fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "allocate")
        return pp::cli::allocate(args);
    if (command == "simulate")
        return pp::cli::simulate(args);
    if (command == "fit")
        return pp::cli::fit(args);
    if (command == "inspect")
        return pp::cli::inspect(args);
    if (command == "export-config")
        return pp::cli::exportConfig(args);
    for (const char* later : {"compare", "report", "sweep", "collect"})
        if (command == later) {
            std::fprintf(stderr, "poolplanner-cli: '%s' is not available in this version yet\n", later);
            return 2;
        }
    std::fprintf(stderr, "poolplanner-cli: unknown command '%s'\n\n%s", command.c_str(), usage);
    return 2;
}
