// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `validate`: a pool's own history replayed under its own configuration and machines, against what really ran.
#include "commands.h"
#include "options.h"
#include "resultfile.h"

#include "format/validationformat.h"
#include "io/eventlog.h"
#include "sim/simulator.h"
#include "sweep/validationrun.h"
#include "util/text.h"

#include <cstdio>
#include <optional>

namespace pp::cli {

namespace {

// Unix seconds, or an ISO time "2026-11-26T04:37:52Z" (UTC; a trailing Z or none).
std::optional<std::int64_t> parseTime(const std::string& s)
{
    if (auto n = text::parseInteger(s); n && *n >= 0)
        return *n;
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    char zone = 0;
    const int fields = std::sscanf(
        s.c_str(), "%4d-%2u-%2u%*1[T ]%2d:%2d:%2d%c", &year, &month, &day, &hour, &minute, &second, &zone);
    if (fields < 6 || (fields == 7 && zone != 'Z') || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23
        || minute > 59 || second > 60)
        return std::nullopt;
    return daysFromCivil(year, month, day) * 86400 + std::int64_t {hour} * 3600 + std::int64_t {minute} * 60 + second;
}

} // namespace

int validate(const std::vector<std::string>& args)
{
    const Options options(args,
        {"--history", "--queue", "--events", "--config", "--pool", "--cores", "--machine-cores", "--from", "--to",
            "--ensemble", "--interval", "--margin", "--out", "--tie-seed"},
        {"--json"});
    if (!options.error().empty())
        return usageError(options.error());
    if (!options.has("--history"))
        return usageError("validate needs --history FILE (the pool's condor_history, -long or -json)");
    if (options.has("--pool") == options.has("--cores"))
        return usageError("give the pool's machines: --pool FILE (its slot ads) or --cores N [--machine-cores M]");

    ScenarioInputs inputs;
    for (const auto& path : options.all("--config"))
        inputs.configPaths.push_back(path);
    if (auto error = readMachines(options, inputs))
        return inputError(*error);
    HistoryReplayOptions read;
    for (const char* bound : {"--from", "--to"}) {
        if (!options.has(bound))
            continue;
        const auto t = parseTime(options.get(bound));
        if (!t)
            return inputError(
                {bound, 0, "'" + options.get(bound) + "' is not a time (Unix seconds or 2026-11-26T04:37:52Z)"});
        (std::string(bound) == "--from" ? read.from : read.to) = *t;
    }
    ValidationRunOptions run;
    const auto runs = readEnsembleRuns(options);
    if (!runs)
        return inputError(runs.error());
    run.runs = options.has("--ensemble") ? *runs : 20;
    if (options.has("--interval")) {
        const auto seconds = text::parseDurationSeconds(options.get("--interval"));
        if (!seconds || *seconds < 1)
            return inputError(
                {"--interval", 0, "'" + options.get("--interval") + "' is not a sample interval such as 20s or 1h"});
        run.sampleInterval = static_cast<std::int64_t>(*seconds);
    }
    if (options.has("--margin")) {
        const auto margin = text::parseDouble(options.get("--margin"));
        if (!margin || *margin < 0)
            return inputError(
                {"--margin", 0, "'" + options.get("--margin") + "' is not a number of cores (0 or more)"});
        run.margin = *margin;
    }

    const auto tieSeed = readTieSeed(options, 1); // the ensemble's first run
    if (!tieSeed)
        return inputError(tieSeed.error());

    std::vector<std::string> historyPaths = listValues(options, "--history");
    for (const auto& path : options.all("--queue"))
        historyPaths.push_back(path);
    Warnings warnings;
    auto done = validatePool(inputs, historyPaths, listValues(options, "--events"), read, run, warnings);
    if (!done)
        return inputError(done.error());
    printWarnings(warnings);
    const Validation& validation = done->validation;
    const PoolHistory& history = done->history;
    const long cores = done->poolCores;
    const std::string out = options.has("--json") ? validationJson(validation, history, cores)
                                                  : validationText(validation, history, cores);
    std::fputs(out.c_str(), stdout);
    if (options.has("--out")) {
        // One run of the replay, kept whole with its negotiation cycles, to set beside the pool's own NegotiatorLog.
        SimulationOptions one;
        one.recordCycles = true;
        one.tieSeed = *tieSeed;
        one.sampleInterval
            = run.sampleInterval > 0 ? run.sampleInterval : validationSampleInterval(history.to - history.from);
        const Result replay = simulate(done->replay, one);
        if (!writeResultFile(options.get("--out"), replay, done->replay.workload))
            return inputError({options.get("--out"), 0, "cannot be written"});
    }
    return 0;
}

} // namespace pp::cli
