// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "commands.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

const char* usage = R"(usage: poolplanner-cli COMMAND [OPTIONS]
       poolplanner-cli COMMAND --help      (that command's options)   poolplanner-cli --version

  allocate --config CFG --pool-size CORES --demand GROUP=CORES[,GROUP=CORES...] [--json]
      HTCondor's group quotas and one allocation round for a demand (docs/HTCONDOR.md 2.4-2.6).
  simulate --snapshot FILE|DIR[,...] [--model MODEL] [--config CFG] [--horizon ...]
      Simulates forward from a pool as it is now (condor_status, condor_q, accounting ads, configuration); without
      a model, what runs and waits now plays out for a day with no new arrivals. A folder of recorded polls is
      its newest poll.
  simulate (--demo | --scenario FILE|demo | [--config CFG] (--trace FILE | --model MODEL [--scale G=F,...])
            [--cores N [--machine-cores M] | --pool FILE])
           [--map FILE] [--horizon DAYS|360s|6h|7d] [--seed N] [--out RESULT.json] [--json] [--record-cycles]
           [--tie-seed N] [--ensemble K]
           [--utc-offset +HH:MM] [--legacy-year YYYY]   (event logs: the submit host's zone; the year of MM/DD dates)
      Replays a workload through HTCondor's negotiation cycles. Without --config, HTCondor's defaults; without
      --cores or --pool, the machines an SWF trace's header names (MaxNodes, MaxProcs). A scenario file is condor_config syntax:
      POOLPLANNER_BASE (demo or a condor_config), POOLPLANNER_TRACE or _MODEL, _CORES or _POOL, _HORIZON, _SEED ...
      and the HTCondor knobs it changes; relative paths are the file's. --tie-seed N (POOLPLANNER_TIEBREAK_SEED)
      draws HTCondor's arbitrary choices (submitters tied on priority, equally ranked slots and autoclusters, the
      cycle's phase, when the schedd publishes new jobs) from N; 0, the default, keeps one fixed order. --ensemble K
      runs K tie seeds on all cores and gives each figure's median with its min-max (p5-p95 from 20 runs); --out
      then holds the first run's jobs.
  compare (BASE PROPOSAL | --scenario BASE --scenario PROPOSAL | --merge-study --scenario FILE|demo)
          [--horizon ...] [--seed N] [--tie-seed N] [--ensemble K] [--json]
      Simulates two scenarios (files or built-in names) side by side and says what changes for each group.
      With --ensemble K, each side K times: a change whose two spreads overlap is within noise, not a gain.
      The merge study (demo-separate against demo-merged, or --merge-study from any scenario): the experiments
      as separate pools that flock to each other against one pool with quotas by contribution, per experiment
      and for the site, and who gains and who loses.
  sweep --scenario FILE|demo --vary KNOB=V1,V2,... [--vary ...] [--horizon ...] [--seed N] [--ensemble K]
        [--threads N] [--json] [--emit-htcondor DIR]
      Every combination of the values, on all local cores (or N threads); with --emit-htcondor, nothing runs:
      DIR gets one scenario file per variant and sweep.sub, an HTCondor submit description with one job each.
      With --ensemble K, each variant K times with its own tie seeds: every figure the median and its spread.
  collect DIR [--json] [--workspace W]
      Reads the results of an emitted sweep's jobs (DIR/NNN.json) and prints them as sweep does; with --workspace,
      also keeps them there, one scenario per variant (for the window and report --workspace).
  validate --history FILE[,FILE...] [--queue FILE] [--events LOG[,LOG...]] [--config CFG ...] (--pool FILE | --cores N [--machine-cores M])
           [--from TIME] [--to TIME] [--ensemble K] [--interval 20s|5m|1h] [--margin CORES] [--json]
           [--out RESULT.json [--tie-seed N]]
      Replays the jobs of a pool's condor_history (and of condor_q at the end, --queue) under its own configuration
      and machines, K times with their own tie seeds (20 by default), and compares each group's cores in use with
      what its jobs really held (from their start and completion times, or every run in the jobs' event logs,
      --events): each group's real mean, the replay's
      range, the error, the share of samples inside the band, and a verdict. Jobs still running or waiting at the
      end run past it in the replay. TIME: Unix seconds or 2026-11-26T04:37:52Z; default: the history's own span.
      --out keeps one replay (tie seed N, the first run's by default) whole, with its negotiation cycles.
  explain (--scenario FILE|demo | --result RESULT.json | --snapshot FILE|DIR[,...] [--model MODEL]
           | --history FILE[,FILE...] [--queue FILE] [--events LOG,...] [--config CFG] (--pool FILE | --cores N))
          [--group G] [--period FROM..TO] [--horizon ...] [--seed N] [--tie-seed N] [--json]
      Why a group's idle demand stayed idle, in the negotiator's terms, largest reason first: its limit
      (quota_limit), a non-accepting ancestor's cap (ancestor_cap), a fractional limit floored (limit_floored), its
      submitters' share of the pie (submitter_share), earlier groups in the starvation order (group_order), no p-slot
      with enough free cores (no_fitting_slot), the pool held by other groups' claims (claimed_by_others), draining
      machines (draining), no machine that can run it (requirements); and the work its jobs lost (runtime_limit,
      preempted). A run's core-hours, or a period of it (FROM..TO: durations into the run, such as 2d..3d; a result
      needs simulate --out for that); a snapshot is explained now: one negotiation cycle on the pool as it is. Without
      --group, every group that waited.
  forecast --snapshot FILE|DIR[,...] [--config CFG] [--model MODEL] --group G (--cores N [--memory MB] | --notebook)
           [--user NAME] [--ensemble K] [--horizon 7d] [--threads N] [--json]
      When a job submitted now to group G would start: the pool as the snapshot shows it, played forward K times (20
      by default) with HTCondor's arbitrary choices drawn anew, and with new arrivals from the workload model when
      one is given; the median (p50) and p90 of the wait. As a new user of the group (the best priority) unless
      --user names one. --notebook: a BatchSpawner notebook, its time to a usable notebook and the chance that
      JupyterHub's start timeout (NOTEBOOK_START_TIMEOUT) is hit.
  suggest --scenario FILE|demo --targets T.csv [--pledges P.csv] [--contributions C.csv] [--ensemble K]
          [--horizon ...] [--seed N] [--budget 50s] [--threads N] [--out SUGGESTED.config] [--sheet SHEET.csv] [--json]
      Quotas that meet targets: moves quota between sibling groups (cores or fractions, as each is set) and turns
      on GROUP_ACCEPT_SURPLUS, simulating each candidate on all cores (K runs each with --ensemble), until every
      target is met or nothing helps. Targets: group,metric,op,value (a group figure of simulate --json, or
      delivered_over_pledge); pledges: experiment,amount,unit (cores or HS06); contributions:
      experiment,machines,cores_per_machine[,hs06_per_core]. Says which targets are met, the changes, why the rest
      cannot be (pledges beyond the pool, demand below a pledge, what meeting one target costs another), the other
      settings tried, and the config.d snippet (--out writes it to a file). --sheet: the suggested setting's pledge
      sheet, per experiment and month (pledged, contributed, delivered, borrowed, lent core-hours; delivered over
      pledged), as WLCG accounting reports one.
  inspect FILE... [--json]
      Detects each file's format by content, reads it through and summarises it (slots, cores, jobs, events, groups).
  export-config (--config CFG | --scenario FILE|demo) [--set KNOB=VALUE ...] [--out SNIPPET.config]
      Writes the knobs a scenario and the edits change as a condor_config snippet for config.d/, saying what
      changed from what.
  fit --trace FILE [--map FILE] --out MODEL
      Fits a workload model (arrivals by hour of week, users, job shapes per group) for simulate --model.
  report (--scenario FILE|demo [--compare FILE ...] | --result RESULT.json ... | --workspace W [--scenario NAME])
         --out FILE.pdf|.html|.csv|.png|.svg [--title TEXT] [--horizon ...] [--seed N] [--ensemble K]
         [--pledges P.csv [--contributions C.csv]]
      The meeting report: title page, scenarios, the comparison with the first (the baseline), charts, a page
      per experiment. Results read from files or a workspace carry no time series: their report has no chart.
      With --ensemble K (scenarios only), each scenario K times: medians, the runs' ranges, and changes within
      noise said as such. With --pledges, a pledge sheet per scenario (per experiment and month).
  recover DAMAGED.ppw NEW.ppw
      Copies every row that can still be read of a damaged workspace into a new one; the damaged file is only
      read. Says per table how many rows were saved and lost.
)";

// The usage's paragraphs for one command (simulate has two): each starts with the command, two spaces in.
std::string commandUsage(const std::string& command)
{
    std::string out;
    bool inCommand = false;
    const std::string text = usage;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string line = text.substr(at, end - at);
        at = end + 1;
        const bool startsCommand = line.size() > 2 && line.compare(0, 2, "  ") == 0 && line[2] != ' ';
        if (startsCommand)
            inCommand = line.compare(2, command.size() + 1, command + " ") == 0 || line.substr(2) == command;
        if (inCommand)
            out += line + "\n";
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        std::fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (std::strcmp(argv[1], "--version") == 0) {
        std::printf("poolplanner-cli %s\n", PP_VERSION);
        return 0;
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    // `COMMAND --help`: that command's usage, wherever the option stands.
    if (std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; })) {
        const std::string help = commandUsage(command);
        if (help.empty()) {
            std::fprintf(stderr, "poolplanner-cli: unknown command '%s'\n\n%s", command.c_str(), usage);
            return 2;
        }
        std::printf("usage: poolplanner-cli %s [OPTIONS]\n\n%s", command.c_str(), help.c_str());
        return 0;
    }
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
    if (command == "compare")
        return pp::cli::compare(args);
    if (command == "sweep")
        return pp::cli::sweep(args);
    if (command == "collect")
        return pp::cli::collect(args);
    if (command == "validate")
        return pp::cli::validate(args);
    if (command == "explain")
        return pp::cli::explain(args);
    if (command == "forecast")
        return pp::cli::forecast(args);
    if (command == "suggest")
        return pp::cli::suggest(args);
    if (command == "recover") {
#ifdef PP_CLI_REPORTS
        return pp::cli::recover(args);
#else
        std::fprintf(stderr, "poolplanner-cli: recover needs the build with Qt (POOLPLANNER_BUILD_GUI=ON)\n");
        return 2;
#endif
    }
    if (command == "report") {
#ifdef PP_CLI_REPORTS
        return pp::cli::report(args);
#else
        std::fprintf(stderr, "poolplanner-cli: report needs the build with Qt (POOLPLANNER_BUILD_GUI=ON)\n");
        return 2;
#endif
    }
    std::fprintf(stderr, "poolplanner-cli: unknown command '%s'\n\n%s", command.c_str(), usage);
    return 2;
}
