// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <string>
#include <vector>

namespace pp::cli {

/// Each command takes its arguments (after the command name) and returns the process exit code:
/// 0 success, 1 bad input (the message names the file and line, or the option), 2 usage error.
int allocate(const std::vector<std::string>& args);
int simulate(const std::vector<std::string>& args);
int fit(const std::vector<std::string>& args);
int inspect(const std::vector<std::string>& args);
int exportConfig(const std::vector<std::string>& args);
/// compare, sweep and collect run several scenarios (plancommands.cpp).
int compare(const std::vector<std::string>& args);
int sweep(const std::vector<std::string>& args);
int collect(const std::vector<std::string>& args);
/// A pool's history against its replay (validatecommand.cpp).
int validate(const std::vector<std::string>& args);
/// Why groups' idle demand waited (explaincommand.cpp).
int explain(const std::vector<std::string>& args);
/// When a job submitted now would start (forecastcommand.cpp).
int forecast(const std::vector<std::string>& args);
/// Quotas that meet targets (suggestcommand.cpp).
int suggest(const std::vector<std::string>& args);
/// One result file of an emitted sweep, with the scenario file that made it (empty when unknown).
struct SweepResultFile
{
    std::string name;
    std::string resultPath;
    std::string scenarioPath;
};
/// Keeps a sweep's results in a workspace, one scenario per variant (workspaceimport.cpp; built with the window's
/// libraries). Returns the exit code.
int importSweep(
    const std::string& workspacePath, const std::string& sweepName, const std::vector<SweepResultFile>& results);
/// The meeting report (reportcommand.cpp; built with the window's libraries).
int report(const std::vector<std::string>& args);
/// What can be read of a damaged workspace, into a new one (recovercommand.cpp; built with the window's libraries).
int recover(const std::vector<std::string>& args);

} // namespace pp::cli
