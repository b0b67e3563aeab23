// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `suggest`: quotas that meet the experiments' targets (issue 16), searched by simulating candidates on all cores.
#include "commands.h"
#include "options.h"

#include "analysis/pledgesheet.h"
#include "io/pledgefiles.h"
#include "sim/simulator.h"
#include "sweep/quotasuggestion.h"
#include "sweep/suggestionformat.h"
#include "util/text.h"

#include <cstdio>
#include <fstream>

namespace pp::cli {

int suggest(const std::vector<std::string>& args)
{
    const Options options(args,
        {"--scenario", "--pledges", "--contributions", "--targets", "--ensemble", "--out", "--horizon", "--seed",
            "--threads", "--budget", "--sheet"},
        {"--json"});
    if (!options.error().empty())
        return usageError(options.error());
    if (!options.has("--scenario") || !options.has("--targets"))
        return usageError("suggest needs --scenario FILE|demo and --targets T.csv");
    auto spec = scenarioSpecFor(options.get("--scenario"));
    if (!spec)
        return inputError(spec.error());
    if (auto error = readHorizonAndSeed(options, spec->inputs))
        return inputError(*error);

    SuggestOptions suggest;
    const auto pledges = readPledgeInputs(options, [&]() -> Expected<Pool> {
        Warnings ignored; // said again when the search builds it
        auto scenario = buildScenario(*spec, ignored);
        if (!scenario)
            return scenario.error();
        return std::move(scenario->pool);
    });
    if (!pledges)
        return inputError(pledges.error());
    suggest.pledges = pledges->pledges;
    auto targets = readQuotaTargets(options.get("--targets"));
    if (!targets)
        return inputError(targets.error());
    suggest.targets = std::move(targets).value();
    if (options.has("--ensemble")) {
        const auto runs = readEnsembleRuns(options);
        if (!runs)
            return inputError(runs.error());
        suggest.runs = *runs;
    }
    if (options.has("--threads")) {
        const auto threads = text::parseInteger(options.get("--threads"));
        if (!threads || *threads < 1 || *threads > 1024)
            return inputError({"--threads", 0, "'" + options.get("--threads") + "' is not a number of threads"});
        suggest.threads = static_cast<unsigned>(*threads);
    }
    if (options.has("--budget")) {
        const auto seconds = text::parseDurationSeconds(options.get("--budget"));
        if (!seconds)
            return inputError({"--budget", 0, "'" + options.get("--budget") + "' is not a time such as 50s or 5m"});
        suggest.maxSeconds = *seconds;
        suggest.maxEvaluations = 100000;
    }
    auto suggestion = suggestQuotas(*spec, suggest);
    if (!suggestion)
        return inputError(suggestion.error());
    if (options.has("--out")) {
        std::ofstream out(options.get("--out"), std::ios::binary | std::ios::trunc);
        out << suggestion->snippet;
        if (!out)
            return inputError({options.get("--out"), 0, "cannot be written"});
        std::fprintf(stderr, "wrote %s\n", options.get("--out").c_str());
    }
    const std::string text
        = options.has("--json") ? suggestionJson(*suggestion) : suggestionText(*suggestion, !options.has("--out"));
    if (options.has("--sheet")) {
        // The pledge sheet of the suggested setting: simulated once more, with its time series.
        ScenarioSpec chosen = *spec;
        for (const auto& [key, value] : suggestion->best.knobs)
            (void)setScenarioValue(chosen, key, value, KnobOrigin {"suggest", 0});
        Warnings warnings;
        auto scenario = buildScenario(chosen, warnings);
        if (!scenario)
            return inputError(scenario.error());
        const Result result = simulate(*scenario);
        std::ofstream sheet(options.get("--sheet"), std::ios::binary | std::ios::trunc);
        sheet << pledgeSheetCsv(
            pledgeSheet(result, pledges->pledgedCores(), pledges->contributedCores()), scenario->name);
        if (!sheet)
            return inputError({options.get("--sheet"), 0, "cannot be written"});
        std::fprintf(stderr, "wrote %s\n", options.get("--sheet").c_str());
    }
    std::fputs(text.c_str(), stdout);
    return 0;
}

} // namespace pp::cli
