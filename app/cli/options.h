// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "io/pledgefiles.h"
#include "scenario/scenariofile.h"
#include "scenario/scenarioinputs.h"
#include "util/diagnostic.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pp::cli {

/// Options of the form `--name value` and flags `--name`; with `positionals`, that many plain arguments too.
/// Anything else is a usage error. A repeated option keeps every value (`--vary a=1 --vary b=2`).
class Options
{
public:
    Options(const std::vector<std::string>& args, const std::set<std::string>& valued,
        const std::set<std::string>& flags, std::size_t positionals = 0);

    const std::string& error() const { return m_error; }
    bool has(const std::string& name) const { return m_values.contains(name); }
    /// The last value given; empty when the option is absent.
    std::string get(const std::string& name) const;
    /// Every value given, in order.
    std::vector<std::string> all(const std::string& name) const;
    const std::vector<std::string>& positional() const { return m_positional; }

private:
    std::map<std::string, std::vector<std::string>> m_values;
    std::vector<std::string> m_positional;
    std::string m_error;
};

/// --horizon and --seed, when given, into the inputs; errors name the option.
std::optional<Diagnostic> readHorizonAndSeed(const Options& options, ScenarioInputs& inputs);
/// `--tie-seed N`, or `otherwise` without the option; the error names the option.
Expected<std::uint64_t> readTieSeed(const Options& options, std::uint64_t otherwise);
/// --pool, --cores and --machine-cores, when given, into the inputs; errors name the option.
std::optional<Diagnostic> readMachines(const Options& options, ScenarioInputs& inputs);
/// Every value of a list option (`--history a,b --history c`), split at its commas, in order.
std::vector<std::string> listValues(const Options& options, const std::string& name);
/// `--snapshot FILE|DIR[,...]`, with `--config` and `--model` when given: a pool as it is now.
ScenarioInputs snapshotInputs(const Options& options);
/// `--pledges P.csv` and `--contributions C.csv` when given (HS06 pledges through the contributions' benchmarks),
/// and both as cores per experiment.
struct PledgeInputs
{
    std::vector<Pledge> pledges;
    std::vector<Contribution> contributions;
    std::vector<std::pair<std::string, double>> pledgedCores() const;
    std::vector<std::pair<std::string, double>> contributedCores() const;
};
/// Without --contributions, what the pool's slot ads say of their owners and benchmarks (contributionsOfPool),
/// the pool built by `poolOfScenario` when pledges need it.
Expected<PledgeInputs> readPledgeInputs(
    const Options& options, const std::function<Expected<Pool>()>& poolOfScenario = {});
/// `--ensemble K`: how many runs (1 without the option), or the error for a K that is no count from 2 to 1000.
Expected<int> readEnsembleRuns(const Options& options);

/// The scenarios named (files or built-in names), each with --horizon and --seed applied.
Expected<std::vector<ScenarioSpec>> scenarioSpecsFor(const std::vector<std::string>& names, const Options& options);

/// Exit code 2 after a usage message on stderr.
int usageError(const std::string& message);
/// Exit code 1 after "error: FILE:LINE: reason" on stderr.
int inputError(const Diagnostic& d);
void printWarnings(const Warnings& warnings);

} // namespace pp::cli
