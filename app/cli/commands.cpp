// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "commands.h"

#include "options.h"
#include "resultfile.h"

#include "analysis/ensemble.h"
#include "config/config.h"
#include "io/inspect.h"
#include "io/resultjson.h"
#include "io/swfreader.h"
#include "model/workloadmodel.h"
#include "policy/policyfromconfig.h"
#include "policy/policywriter.h"
#include "policy/quotaallocation.h"
#include "scenario/scenariofile.h"
#include "scenario/scenarioinputs.h"
#include "sim/simulator.h"
#include "sweep/ensemblerun.h"
#include "util/json.h"
#include "util/text.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <system_error>

namespace pp::cli {

int allocate(const std::vector<std::string>& args)
{
    const Options options(args, {"--config", "--pool-size", "--demand"}, {"--json"});
    if (!options.error().empty())
        return usageError(options.error());
    if (!options.has("--config") || !options.has("--pool-size"))
        return usageError("allocate needs --config CFG and --pool-size CORES");

    const auto poolSize = text::parseDouble(options.get("--pool-size"));
    if (!poolSize || *poolSize < 0)
        return inputError(
            {"--pool-size", 0, "'" + options.get("--pool-size") + "' is not a non-negative number of cores"});
    auto config = Config::fromFile(options.get("--config"));
    if (!config)
        return inputError(config.error());
    Warnings warnings;
    auto policy = policyFromConfig(*config, &warnings);
    if (!policy)
        return inputError(policy.error());
    const GroupTree tree(*policy);

    std::vector<double> demand(static_cast<std::size_t>(tree.size()), 0.0);
    const std::string demandText = options.get("--demand");
    for (auto item : text::split(demandText, ",")) {
        const auto eq = item.find('=');
        if (eq == std::string_view::npos)
            return inputError({"--demand", 0, "'" + std::string(item) + "' is not GROUP=CORES"});
        const std::string name(text::trim(item.substr(0, eq)));
        const auto cores = text::parseDouble(item.substr(eq + 1));
        const int group = tree.find(name);
        if (group < 0)
            return inputError({"--demand", 0,
                "unknown group '" + name + "' (not in GROUP_NAMES of " + options.get("--config")
                    + "; the root is <none>)"});
        if (!cores || *cores < 0)
            return inputError({"--demand", 0, "demand of '" + name + "' is not a non-negative number of cores"});
        demand[static_cast<std::size_t>(group)] += *cores;
    }
    printWarnings(warnings);

    const auto rows = allocateOnce(tree, *poolSize, demand, policy->allowQuotaOversubscription, policy->useSlotWeights);
    if (options.has("--json")) {
        JsonWriter w;
        w.beginObject();
        w.key("pool_size").value(*poolSize, 3);
        w.key("allow_quota_oversubscription").value(policy->allowQuotaOversubscription);
        w.key("groups").beginArray();
        for (const auto& r : rows) {
            w.beginObject();
            w.key("name").value(r.name);
            w.key("quota").value(r.quota, 3);
            w.key("subtree_quota").value(r.subtreeQuota, 3);
            w.key("demand").value(r.demand, 3);
            w.key("allocated").value(r.allocated, 3);
            w.endObject();
        }
        w.endArray();
        w.endObject();
        std::fputs(w.str().c_str(), stdout);
        return 0;
    }
    std::printf("pool size %s cores, NEGOTIATOR_ALLOW_QUOTA_OVERSUBSCRIPTION = %s\n\n",
        text::fixed(*poolSize, 2).c_str(), policy->allowQuotaOversubscription ? "True" : "False");
    std::printf("%-28s %12s %12s %12s %12s\n", "group", "quota", "subtree", "demand", "allocated");
    double total = 0;
    for (const auto& r : rows) {
        std::printf("%-28s %12s %12s %12s %12s\n", r.name.c_str(), text::fixed(r.quota, 2).c_str(),
            text::fixed(r.subtreeQuota, 2).c_str(), text::fixed(r.demand, 2).c_str(),
            text::fixed(r.allocated, 2).c_str());
        total += r.allocated;
    }
    std::printf("%-28s %12s %12s %12s %12s\n", "total", "", "", "", text::fixed(total, 2).c_str());
    return 0;
}

namespace {

int runAndReport(const Scenario& scenario, const Options& options);

/// `--scenario FILE|NAME` (or `--demo`): the scenario names its own inputs; --horizon and --seed still apply.
int simulateScenario(const Options& options)
{
    if (options.has("--demo") && options.has("--scenario"))
        return usageError("give either --demo or --scenario, not both");
    for (const char* input : {"--config", "--trace", "--model", "--scale", "--snapshot", "--cores", "--machine-cores",
             "--pool", "--map", "--utc-offset", "--legacy-year"})
        if (options.has(input))
            return usageError(std::string(input) + " does not go with --scenario: a scenario file names its inputs");
    auto spec = scenarioSpecFor(options.has("--demo") ? std::string("demo") : options.get("--scenario"));
    if (!spec)
        return inputError(spec.error());
    if (auto error = readHorizonAndSeed(options, spec->inputs))
        return inputError(*error);
    Warnings warnings;
    auto scenario = buildScenario(*spec, warnings);
    if (!scenario)
        return inputError(scenario.error());
    printWarnings(warnings);
    return runAndReport(*scenario, options);
}

} // namespace

int simulate(const std::vector<std::string>& args)
{
    const Options options(args,
        {"--scenario", "--config", "--trace", "--model", "--scale", "--snapshot", "--utc-offset", "--legacy-year",
            "--cores", "--machine-cores", "--pool", "--map", "--horizon", "--seed", "--tie-seed", "--ensemble",
            "--out"},
        {"--demo", "--json", "--record-cycles"});
    if (!options.error().empty())
        return usageError(options.error());

    if (options.has("--demo") || options.has("--scenario"))
        return simulateScenario(options);

    ScenarioInputs inputs;
    if (options.has("--config"))
        inputs.configPaths.push_back(options.get("--config"));
    inputs.tracePath = options.get("--trace");
    inputs.modelPath = options.get("--model");
    if (options.has("--utc-offset")) {
        const auto offset = text::parseUtcOffset(options.get("--utc-offset"));
        if (!offset)
            return inputError({"--utc-offset", 0,
                "'" + options.get("--utc-offset") + "' is not a UTC offset such as +02:00 or -0500"});
        inputs.eventLog.utcOffsetSeconds = *offset;
    }
    if (options.has("--legacy-year")) {
        const auto year = text::parseInteger(options.get("--legacy-year"));
        if (!year || *year < 1970 || *year > 2200)
            return inputError(
                {"--legacy-year", 0, "'" + options.get("--legacy-year") + "' is not a year between 1970 and 2200"});
        inputs.eventLog.legacyYear = static_cast<int>(*year);
    }
    if (options.has("--snapshot")) {
        const std::string list = options.get("--snapshot");
        for (auto piece : text::split(list, ","))
            inputs.snapshotPaths.emplace_back(piece);
    }
    if (options.has("--scale")) {
        auto scale = parseScale(options.get("--scale"));
        if (!scale)
            return inputError(scale.error());
        inputs.scale = std::move(scale).value();
    }
    inputs.mapPath = options.get("--map");
    if (auto error = readMachines(options, inputs))
        return inputError(*error);
    if (options.has("--pool") && options.has("--cores"))
        return usageError("give either --cores or --pool, not both");
    if (auto error = readHorizonAndSeed(options, inputs))
        return inputError(*error);

    Warnings warnings;
    auto scenario = loadScenario(inputs, warnings);
    if (!scenario)
        return inputError(scenario.error());
    printWarnings(warnings);
    return runAndReport(*scenario, options);
}

namespace {

// A group's figure over an ensemble: "median (low–high)", or the figure alone for one run.
std::string withSpread(const EnsembleResult* e, std::size_t group, const char* key, double value, int digits)
{
    const FigureSpread* s = e ? e->groupSpread(group, key) : nullptr;
    std::string text = text::fixed(value, digits);
    if (s && s->high > s->low)
        text += " (" + text::fixed(s->low, digits) + "-" + text::fixed(s->high, digits) + ")";
    return text;
}

int runAndReport(const Scenario& scenario, const Options& options)
{
    const auto runs = readEnsembleRuns(options);
    if (!runs)
        return inputError(runs.error());
    SimulationOptions simOptions;
    simOptions.recordCycles = options.has("--record-cycles");
    std::optional<EnsembleResult> ensemble;
    Result single;
    if (*runs > 1) {
        EnsembleRunOptions run;
        run.runs = *runs;
        run.firstTieSeed = scenario.tieSeed == 0 ? 1 : scenario.tieSeed;
        run.simulation = simOptions;
        ensemble = summariseEnsemble(runEnsemble(scenario, run));
    } else {
        single = simulate(scenario, simOptions);
    }
    const Result& result = ensemble ? ensemble->median : single;
    const EnsembleResult* spread = ensemble ? &*ensemble : nullptr;

    if (options.has("--out")) {
        if (!writeResultFile(options.get("--out"), result, scenario.workload))
            return inputError({options.get("--out"), 0, "cannot be written"});
    }
    if (options.has("--json")) {
        std::fputs((spread ? ensembleSummaryJson(*spread) : resultSummaryJson(result)).c_str(), stdout);
        return 0;
    }
    if (spread)
        std::printf("median of %d runs, each with its own tie seed (%llu to %llu); in brackets the %s spread\n",
            spread->runs, static_cast<unsigned long long>(spread->tieSeeds.front()),
            static_cast<unsigned long long>(spread->tieSeeds.back()), spread->percentiles ? "p5-p95" : "min-max");
    std::printf("%s: %ld jobs, %ld completed, %s core-hours delivered, utilization %s %%\n",
        result.scenarioName.c_str(), result.jobsTotal, result.jobsCompleted,
        text::fixed(result.coreHoursDelivered, 1).c_str(), text::fixed(result.utilization * 100.0, 1).c_str());
    // An ensemble's wall_seconds is every run's engine time added up: what the ensemble cost, not how long it took.
    std::printf("simulated %s days in %s s%s (%ld negotiation cycles, %ld matches, %ld claim reuses)\n\n",
        text::fixed(static_cast<double>(result.simulatedSeconds) / 86400.0, 2).c_str(),
        text::fixed(result.wallSeconds, 3).c_str(), spread ? " of engine time over all runs" : "",
        result.negotiationCycles, result.matches, result.claimReuses);
    if (!spread) {
        std::printf(
            "%-24s %10s %14s %10s %10s %10s\n", "group", "quota", "core-hours", "jobs done", "wait p50", "wait p95");
        for (const auto& g : result.groups) {
            if (g.jobsTotal == 0 && g.meanQuota == 0)
                continue;
            std::printf("%-24s %10s %14s %10ld %9ss %9ss\n", g.name.c_str(), text::fixed(g.meanQuota, 1).c_str(),
                text::fixed(g.coreHours, 1).c_str(), g.jobsCompleted, text::fixed(g.waitP50, 0).c_str(),
                text::fixed(g.waitP95, 0).c_str());
        }
    } else { // the same table, each figure with where it fell over the runs
        std::printf("%-24s %10s %26s %22s %22s\n", "group", "quota", "core-hours", "wait p50 s", "wait p95 s");
        for (std::size_t gi = 0; gi < result.groups.size(); ++gi) {
            const auto& g = result.groups[gi];
            if (g.jobsTotal == 0 && g.meanQuota == 0)
                continue;
            std::printf("%-24s %10s %26s %22s %22s\n", g.name.c_str(), text::fixed(g.meanQuota, 1).c_str(),
                withSpread(spread, gi, "core_hours", g.coreHours, 1).c_str(),
                withSpread(spread, gi, "wait_p50_s", g.waitP50, 0).c_str(),
                withSpread(spread, gi, "wait_p95_s", g.waitP95, 0).c_str());
        }
    }
    if (!result.exchanges.empty()) { // several pools: who ran whose jobs
        std::printf(
            "\n%-16s %-16s %14s %12s %14s\n", "jobs of pool", "ran in pool", "core-hours", "preemptions", "badput c-h");
        for (const auto& e : result.exchanges)
            std::printf("%-16s %-16s %14s %12ld %14s\n", result.poolNames[static_cast<std::size_t>(e.home)].c_str(),
                result.poolNames[static_cast<std::size_t>(e.execute)].c_str(), text::fixed(e.coreHours, 1).c_str(),
                e.preemptions, text::fixed(e.badputCoreHours, 1).c_str());
    }
    for (const auto& n : result.notes)
        std::printf("note: %s\n", n.c_str());
    return 0;
}

} // namespace

int fit(const std::vector<std::string>& args)
{
    const Options options(args, {"--trace", "--map", "--out", "--seed"}, {});
    if (!options.error().empty())
        return usageError(options.error());
    if (!options.has("--trace") || !options.has("--out"))
        return usageError("fit needs --trace FILE and --out MODEL");
    SwfOptions swf;
    if (options.has("--map")) {
        auto map = readGroupMap(options.get("--map"));
        if (!map)
            return inputError(map.error());
        swf.groupMap = std::move(map).value();
    }
    Warnings warnings;
    auto workload = readSwf(options.get("--trace"), swf, warnings);
    if (!workload)
        return inputError(workload.error());
    printWarnings(warnings);
    const WorkloadModel model = WorkloadModel::fit(*workload);
    std::ofstream out(options.get("--out"), std::ios::binary | std::ios::trunc);
    out << model.write();
    if (!out)
        return inputError({options.get("--out"), 0, "cannot be written"});
    std::printf("%s: %zu groups fitted from %zu jobs\n", options.get("--out").c_str(), model.groups.size(),
        workload->jobs.size());
    for (const auto& g : model.groups)
        std::printf("  %-24s %9.1f jobs/week  %8.2f core-hours/job  %zu users\n",
            g.group.empty() ? "<none>" : g.group.c_str(), g.jobsPerWeek(), g.meanCoreSeconds() / 3600.0,
            g.users.size());
    return 0;
}

int inspect(const std::vector<std::string>& args)
{
    std::vector<std::string> files;
    bool json = false;
    for (const auto& a : args) {
        if (a == "--json")
            json = true;
        else if (a.rfind("--", 0) == 0)
            return usageError("unknown option '" + a + "'");
        else
            files.push_back(a);
    }
    if (files.empty())
        return usageError("inspect needs at least one FILE");
    std::vector<FileSummary> summaries;
    int status = 0;
    for (const auto& f : files) {
        auto summary = inspectFile(f);
        if (!summary) {
            status = inputError(summary.error());
            continue; // the other files are still worth reading
        }
        summaries.push_back(std::move(summary).value());
    }
    if (json) {
        std::fputs(inspectJson(summaries).c_str(), stdout);
        return status;
    }
    for (const auto& s : summaries) {
        std::printf("%s: %s, %ld records\n", s.path.c_str(), s.format.c_str(), s.records);
        if (s.hasSlots)
            std::printf("  slots: %ld partitionable, %ld dynamic, %ld static; %ld cores, %ld claimed\n",
                s.partitionable, s.dynamicSlots, s.staticSlots, s.coresTotal, s.coresClaimed);
        for (const auto& [jobStatus, n] : s.jobsByStatus)
            std::printf("  jobs %s: %ld\n", jobStatus.c_str(), n);
        if (s.widestJobCores > 0)
            std::printf("  widest job: %d core%s\n", s.widestJobCores, s.widestJobCores == 1 ? "" : "s");
        if (s.headerMachines > 0)
            std::printf("  header: %ld machines of %d cores (%ld cores), the pool simulate runs it on without "
                        "--cores or --pool\n",
                s.headerMachines, s.headerMachineCores, s.headerMachines * s.headerMachineCores);
        for (const auto& [code, n] : s.eventsByCode)
            std::printf("  events %s: %ld\n", code.c_str(), n);
        if (!s.groups.empty()) {
            std::printf("  groups:");
            for (const auto& g : s.groups)
                std::printf(" %s", g.c_str());
            std::printf("\n");
        }
        for (const auto& w : s.warnings)
            std::printf("  warning: %s\n", w.c_str());
    }
    return status;
}

int exportConfig(const std::vector<std::string>& args)
{
    const Options options(args, {"--config", "--scenario", "--set", "--out"}, {});
    if (!options.error().empty())
        return usageError(options.error());
    if (options.has("--config") == options.has("--scenario"))
        return usageError("export-config needs --config CFG or --scenario FILE|demo");

    // The snippet says what changes from the base: a configuration as it is, or a scenario's base before its
    // knobs; the scenario's knobs and the --set edits are the change.
    Warnings warnings;
    std::optional<Config> base;
    std::optional<Config> edited;
    std::string baseName;
    if (options.has("--config")) {
        auto config = Config::fromFile(options.get("--config"));
        if (!config)
            return inputError(config.error());
        base = *config;
        edited = *config;
        baseName = options.get("--config");
    } else {
        auto spec = scenarioSpecFor(options.get("--scenario"));
        if (!spec)
            return inputError(spec.error());
        ScenarioSpec bare = *spec;
        bare.knobs.clear();
        auto before = scenarioConfig(bare);
        if (!before)
            return inputError(before.error());
        auto after = scenarioConfig(*spec);
        if (!after)
            return inputError(after.error());
        base = std::move(before).value();
        edited = std::move(after).value();
        baseName
            = spec->inputs.builtin.empty() ? spec->inputs.configPaths.front() : "the built-in " + spec->inputs.builtin;
    }
    auto before = policyFromConfig(*base, &warnings);
    if (!before)
        return inputError(before.error());
    for (const auto& s : options.all("--set")) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0)
            return inputError({"--set", 0, "'" + s + "' is not KNOB=VALUE"});
        edited->set(std::string(text::trim(std::string_view(s).substr(0, eq))),
            std::string(text::trim(std::string_view(s).substr(eq + 1))), "--set");
    }
    auto after = policyFromConfig(*edited, &warnings);
    if (!after)
        return inputError(after.error());
    const std::string snippet = configSnippet(*before, *after, baseName);
    if (!options.has("--out")) {
        std::fputs(snippet.c_str(), stdout);
        return 0;
    }
    std::ofstream file(options.get("--out"), std::ios::binary | std::ios::trunc);
    file << snippet;
    if (!file)
        return inputError({options.get("--out"), 0, "cannot be written"});
    return 0;
}

} // namespace pp::cli
