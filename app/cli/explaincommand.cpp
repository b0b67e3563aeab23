// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `explain`: why a group's idle demand stayed idle, in HTCondor's terms (issue 15), over a run, a period of it, or
// now (one negotiation cycle on a snapshot of the pool).
#include "commands.h"
#include "options.h"

#include "format/waitexplanation.h"
#include "io/resultreader.h"
#include "sim/simulator.h"
#include "sweep/validationrun.h"
#include "util/text.h"

#include <cmath>
#include <cstdio>
#include <optional>

namespace pp::cli {

namespace {

// FROM..TO as durations into the run: "2d..3d", "0..6h", "3600..7200".
Expected<RunPeriod> parsePeriod(const std::string& text)
{
    const auto dots = text.find("..");
    const Diagnostic bad {"--period", 0, "'" + text + "' is not FROM..TO, durations into the run such as 2d..3d"};
    if (dots == std::string::npos)
        return bad;
    // The run's start is 0 ("0..6h"), which is no duration of its own.
    const std::string start(text::trim(std::string_view(text).substr(0, dots)));
    std::string_view number(start);
    if (!number.empty() && std::string_view("smhd").find(number.back()) != std::string_view::npos)
        number.remove_suffix(1);
    const auto zero = text::parseDouble(number);
    const bool atStart = zero && *zero == 0.0;
    const auto from = atStart ? std::optional<double>(0.0) : text::parseDurationSeconds(start);
    const auto to = text::parseDurationSeconds(text.substr(dots + 2));
    if (!from || !to || *from < 0 || *to <= *from)
        return bad;
    return RunPeriod {static_cast<std::int64_t>(*from), static_cast<std::int64_t>(*to)};
}

// The group as the result names it; `atlas.prod` finds `group_atlas.prod` too.
Expected<int> findGroup(const Result& result, const std::string& name)
{
    for (const std::string& candidate : {name, "group_" + name})
        for (std::size_t g = 0; g < result.groups.size(); ++g)
            if (result.groups[g].name == candidate)
                return static_cast<int>(g);
    std::string known;
    for (const auto& g : result.groups)
        known += (known.empty() ? "" : ", ") + g.name;
    return Diagnostic {"--group", 0, "no group '" + name + "' in this pool (its groups: " + known + ")"};
}

// What the run (or the snapshot's one cycle) says, for one group or for every group that waited.
int printExplanations(const Result& result, const Options& options, std::optional<RunPeriod> period, double nowScale)
{
    std::vector<int> groups;
    if (options.has("--group")) {
        const auto group = findGroup(result, options.get("--group"));
        if (!group)
            return inputError(group.error());
        groups.push_back(*group);
    } else {
        for (std::size_t g = 0; g < result.groups.size(); ++g) {
            const GroupWaits w = groupWaits(result, static_cast<int>(g), false, period);
            if (w.waited() > 0 || w.lost() > 0)
                groups.push_back(static_cast<int>(g));
        }
    }
    const bool json = options.has("--json");
    if (json && groups.size() != 1)
        std::fputs("[\n", stdout);
    if (!json && groups.empty())
        std::printf("No group left idle cores waiting after a negotiation cycle%s.\n",
            nowScale > 0 ? " now" : (period ? " in that period" : ""));
    for (std::size_t i = 0; i < groups.size(); ++i) {
        GroupWaits waits = options.has("--group") ? groupOrSubtreeWaits(result, groups[i], period)
                                                  : groupWaits(result, groups[i], false, period);
        std::string out;
        if (nowScale > 0) {
            for (double& h : waits.hours)
                h *= nowScale; // core-hours over one cycle's interval: the cores waiting
            out = json ? waitNowJson(result, waits) : waitNowText(result, waits);
        } else {
            out = json ? waitExplanationJson(result, waits, period) : waitExplanationText(result, waits, period);
        }
        if (json && groups.size() != 1 && i + 1 < groups.size())
            out.insert(out.size() - 1, ",");
        std::fputs(out.c_str(), stdout);
    }
    if (json && groups.size() != 1)
        std::fputs("]\n", stdout);
    return 0;
}

} // namespace

int explain(const std::vector<std::string>& args)
{
    const Options options(args,
        {"--scenario", "--snapshot", "--model", "--result", "--history", "--queue", "--events", "--config", "--pool",
            "--cores", "--machine-cores", "--group", "--period", "--horizon", "--seed", "--tie-seed"},
        {"--json"});
    if (!options.error().empty())
        return usageError(options.error());
    const int sources = (options.has("--scenario") ? 1 : 0) + (options.has("--snapshot") ? 1 : 0)
        + (options.has("--result") ? 1 : 0) + (options.has("--history") ? 1 : 0);
    if (sources != 1)
        return usageError("explain needs one of --scenario S, --snapshot DIR, --result R.json or --history H");
    std::optional<RunPeriod> period;
    if (options.has("--snapshot") && options.has("--tie-seed"))
        return usageError(
            "--tie-seed does not go with --snapshot: its one cycle runs at once, in the collector's order");
    if (options.has("--period")) {
        if (options.has("--snapshot"))
            return usageError("--period does not go with --snapshot: a snapshot is explained as it is now");
        auto parsed = parsePeriod(options.get("--period"));
        if (!parsed)
            return inputError(parsed.error());
        period = *parsed;
    }

    if (options.has("--result")) {
        auto result = readResultJson(options.get("--result"));
        if (!result)
            return inputError(result.error());
        if (period && result->whyIdleSeries.empty())
            return inputError({options.get("--result"), 0,
                "this result has no why_idle_series for --period (write it with simulate --out)"});
        return printExplanations(*result, options, period, 0);
    }

    Warnings warnings;
    Scenario scenario;
    SimulationOptions simulation;
    double nowScale = 0;
    if (options.has("--scenario")) {
        auto spec = scenarioSpecFor(options.get("--scenario"));
        if (!spec)
            return inputError(spec.error());
        if (auto error = readHorizonAndSeed(options, spec->inputs))
            return inputError(*error);
        auto built = buildScenario(*spec, warnings);
        if (!built)
            return inputError(built.error());
        scenario = std::move(built).value();
    } else if (options.has("--history")) {
        if (options.has("--pool") == options.has("--cores"))
            return usageError("give the pool's machines: --pool FILE (its slot ads) or --cores N [--machine-cores M]");
        ScenarioInputs machines;
        for (const auto& path : options.all("--config"))
            machines.configPaths.push_back(path);
        if (auto error = readMachines(options, machines))
            return inputError(*error);
        std::vector<std::string> historyPaths = listValues(options, "--history");
        for (const auto& path : options.all("--queue"))
            historyPaths.push_back(path);
        auto inputs = readHistoryReplay(machines, historyPaths, listValues(options, "--events"), {}, warnings);
        if (!inputs)
            return inputError(inputs.error());
        scenario = historyReplayScenario(inputs->history, std::move(inputs->scenario));
    } else { // --snapshot: one negotiation cycle on the pool as it is
        auto loaded = loadScenario(snapshotInputs(options), warnings);
        if (!loaded)
            return inputError(loaded.error());
        scenario = std::move(loaded).value();
        const double interval = std::max(1.0, std::round(scenario.policy.negotiatorInterval));
        scenario.horizonSeconds = interval; // the first cycle's explanation holds until the next one
        nowScale = 3600.0 / interval;
    }
    const auto tieSeed = readTieSeed(options, 0);
    if (!tieSeed)
        return inputError(tieSeed.error());
    simulation.tieSeed = *tieSeed;
    printWarnings(warnings);
    const Result result = simulate(scenario, simulation);
    return printExplanations(result, options, period, nowScale);
}

} // namespace pp::cli
