// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "options.h"

#include "util/text.h"

#include <cstdio>

namespace pp::cli {

Options::Options(const std::vector<std::string>& args, const std::set<std::string>& valued,
    const std::set<std::string>& flags, std::size_t positionals)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (valued.contains(a)) {
            if (i + 1 >= args.size()) {
                m_error = a + " needs a value";
                return;
            }
            m_values[a].push_back(args[++i]);
        } else if (flags.contains(a)) {
            m_values[a].emplace_back();
        } else if (a.rfind("--", 0) != 0 && m_positional.size() < positionals) {
            m_positional.push_back(a);
        } else {
            m_error = a.rfind("--", 0) == 0 ? "unknown option '" + a + "'" : "unexpected argument '" + a + "'";
            return;
        }
    }
}

std::string Options::get(const std::string& name) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? std::string() : it->second.back();
}

std::vector<std::string> Options::all(const std::string& name) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>() : it->second;
}

std::optional<Diagnostic> readHorizonAndSeed(const Options& options, ScenarioInputs& inputs)
{
    if (options.has("--horizon")) {
        const auto h = text::parseDurationSeconds(options.get("--horizon"));
        if (!h)
            return Diagnostic {"--horizon", 0,
                "'" + options.get("--horizon") + "' is not a duration (days, or a number with s, m, h or d)"};
        inputs.horizonSeconds = *h;
    }
    if (options.has("--seed")) {
        const auto seed = text::parseInteger(options.get("--seed"));
        if (!seed || *seed < 0)
            return Diagnostic {"--seed", 0, "'" + options.get("--seed") + "' is not a non-negative whole number"};
        inputs.seed = static_cast<std::uint64_t>(*seed);
    }
    if (options.has("--tie-seed")) {
        const auto seed = readTieSeed(options, 0);
        if (!seed)
            return seed.error();
        inputs.tieSeed = *seed;
    }
    return std::nullopt;
}

Expected<std::uint64_t> readTieSeed(const Options& options, std::uint64_t otherwise)
{
    if (!options.has("--tie-seed"))
        return otherwise;
    const auto seed = text::parseInteger(options.get("--tie-seed"));
    if (!seed || *seed < 0)
        return Diagnostic {"--tie-seed", 0,
            "'" + options.get("--tie-seed") + "' is not a non-negative whole number (0: the engine's fixed order)"};
    return static_cast<std::uint64_t>(*seed);
}

std::vector<std::string> listValues(const Options& options, const std::string& name)
{
    std::vector<std::string> values;
    for (const auto& list : options.all(name))
        for (auto piece : text::split(list, ","))
            values.emplace_back(piece);
    return values;
}

ScenarioInputs snapshotInputs(const Options& options)
{
    ScenarioInputs inputs;
    inputs.snapshotPaths = listValues(options, "--snapshot");
    for (const auto& path : options.all("--config"))
        inputs.configPaths.push_back(path);
    inputs.modelPath = options.get("--model");
    return inputs;
}

std::vector<std::pair<std::string, double>> PledgeInputs::pledgedCores() const
{
    std::vector<std::pair<std::string, double>> out;
    out.reserve(pledges.size());
    for (const auto& p : pledges)
        out.emplace_back(p.experiment, p.cores);
    return out;
}

std::vector<std::pair<std::string, double>> PledgeInputs::contributedCores() const
{
    std::vector<std::pair<std::string, double>> out;
    out.reserve(contributions.size());
    for (const auto& c : contributions)
        out.emplace_back(c.experiment, static_cast<double>(c.cores()));
    return out;
}

Expected<PledgeInputs> readPledgeInputs(const Options& options, const std::function<Expected<Pool>()>& poolOfScenario)
{
    PledgeInputs out;
    if (options.has("--contributions")) {
        auto read = readContributions(options.get("--contributions"));
        if (!read)
            return read.error();
        out.contributions = std::move(read).value();
    } else if (options.has("--pledges") && poolOfScenario) {
        auto pool = poolOfScenario();
        if (!pool)
            return pool.error();
        out.contributions = contributionsOfPool(*pool);
    }
    if (options.has("--pledges")) {
        auto read = readPledges(options.get("--pledges"), out.contributions);
        if (!read)
            return read.error();
        out.pledges = std::move(read).value();
    }
    return out;
}

std::optional<Diagnostic> readMachines(const Options& options, ScenarioInputs& inputs)
{
    inputs.poolPath = options.get("--pool");
    if (options.has("--cores")) {
        const auto cores = text::parseInteger(options.get("--cores"));
        if (!cores || *cores <= 0)
            return Diagnostic {"--cores", 0, "'" + options.get("--cores") + "' is not a positive number of cores"};
        inputs.cores = static_cast<long>(*cores);
    }
    if (options.has("--machine-cores")) {
        const auto m = text::parseInteger(options.get("--machine-cores"));
        if (!m || *m <= 0 || *m > 65535)
            return Diagnostic {"--machine-cores", 0,
                "'" + options.get("--machine-cores") + "' is not a number of cores between 1 and 65535"};
        inputs.machineCores = static_cast<int>(*m);
    }
    return std::nullopt;
}

Expected<int> readEnsembleRuns(const Options& options)
{
    if (!options.has("--ensemble"))
        return 1;
    const auto runs = text::parseInteger(options.get("--ensemble"));
    if (!runs || *runs < 2 || *runs > 1000)
        return Diagnostic {
            "--ensemble", 0, "'" + options.get("--ensemble") + "' is not a number of runs from 2 to 1000"};
    return static_cast<int>(*runs);
}

int usageError(const std::string& message)
{
    std::fprintf(stderr, "poolplanner-cli: %s (see poolplanner-cli --help)\n", message.c_str());
    return 2;
}

Expected<std::vector<ScenarioSpec>> scenarioSpecsFor(const std::vector<std::string>& names, const Options& options)
{
    std::vector<ScenarioSpec> specs;
    for (const auto& name : names) {
        auto spec = scenarioSpecFor(name);
        if (!spec)
            return spec.error();
        if (auto error = readHorizonAndSeed(options, spec->inputs))
            return *error;
        specs.push_back(std::move(spec).value());
    }
    return specs;
}

int inputError(const Diagnostic& d)
{
    std::fprintf(stderr, "error: %s\n", d.message().c_str());
    return 1;
}

void printWarnings(const Warnings& warnings)
{
    for (const auto& m : warnings.messages())
        std::fprintf(stderr, "warning: %s\n", m.c_str());
}

} // namespace pp::cli
