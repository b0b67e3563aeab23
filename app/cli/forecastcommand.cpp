// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `forecast`: when a job submitted now to a group would start, played forward from a snapshot of the pool (issue 15).
#include "commands.h"
#include "options.h"

#include "format/forecastformat.h"
#include "sweep/forecast.h"
#include "util/text.h"

#include <cstdio>

namespace pp::cli {

int forecast(const std::vector<std::string>& args)
{
    const Options options(args,
        {"--snapshot", "--config", "--model", "--group", "--cores", "--memory", "--user", "--ensemble", "--horizon",
            "--threads"},
        {"--notebook", "--json"});
    if (!options.error().empty())
        return usageError(options.error());
    if (!options.has("--snapshot") || !options.has("--group"))
        return usageError("forecast needs --snapshot FILE|DIR[,...] and --group G");
    if (options.has("--notebook") == options.has("--cores") && options.has("--cores"))
        return usageError("a notebook asks for the cores of its profile: give --notebook or --cores N, not both");

    const ScenarioInputs inputs = snapshotInputs(options);

    ForecastRequest request;
    request.group = options.get("--group");
    request.notebook = options.has("--notebook");
    request.user = options.get("--user");
    if (options.has("--cores")) {
        const auto cores = text::parseInteger(options.get("--cores"));
        if (!cores || *cores < 1 || *cores > 65535)
            return inputError({"--cores", 0, "'" + options.get("--cores") + "' is not a number of cores (1 or more)"});
        request.cores = static_cast<int>(*cores);
    }
    if (options.has("--memory")) {
        const auto memory = text::parseInteger(options.get("--memory"));
        if (!memory || *memory < 0)
            return inputError({"--memory", 0, "'" + options.get("--memory") + "' is not a number of MB"});
        request.memoryMb = static_cast<long>(*memory);
    }
    if (options.has("--ensemble")) {
        const auto runs = readEnsembleRuns(options);
        if (!runs)
            return inputError(runs.error());
        request.runs = *runs;
    }
    if (options.has("--horizon")) {
        const auto seconds = text::parseDurationSeconds(options.get("--horizon"));
        if (!seconds || *seconds < 60)
            return inputError({"--horizon", 0,
                "'" + options.get("--horizon") + "' is not a horizon such as 6h or 7d (a minute or more)"});
        request.horizonSeconds = *seconds;
    }
    if (options.has("--threads")) {
        const auto threads = text::parseInteger(options.get("--threads"));
        if (!threads || *threads < 1 || *threads > 1024)
            return inputError({"--threads", 0, "'" + options.get("--threads") + "' is not a number of threads"});
        request.threads = static_cast<unsigned>(*threads);
    }
    Warnings warnings;
    auto forecast = forecastStart(inputs, request, warnings);
    if (!forecast)
        return inputError(forecast.error());
    printWarnings(warnings);
    const std::string out = options.has("--json") ? forecastJson(*forecast) : forecastText(*forecast);
    std::fputs(out.c_str(), stdout);
    return 0;
}

} // namespace pp::cli
