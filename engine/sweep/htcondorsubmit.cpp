// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweep/htcondorsubmit.h"

#include "config/config.h"
#include "scenario/builtinscenarios.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace pp {

namespace {

namespace fs = std::filesystem;

std::optional<Diagnostic> writeText(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out)
        return Diagnostic {path.string(), 0, "cannot be written"};
    return std::nullopt;
}

/// transfer_input_files is a comma-separated list and arguments split on spaces: such names cannot go through.
bool submitSafe(const std::string& path)
{
    return path.find_first_of(", \t\"'\n") == std::string::npos;
}

} // namespace

Expected<std::vector<std::string>> scenarioInputFiles(const ScenarioSpec& spec)
{
    std::vector<std::string> files;
    const ScenarioInputs& in = spec.inputs;
    for (const std::string& configPath : in.configPaths) {
        files.push_back(configPath);
        // Files the base includes are read on the execute node too, from beside it.
        auto config = Config::fromFile(configPath);
        if (!config)
            return config.error();
        const fs::path home = fs::path(configPath).lexically_normal().parent_path();
        for (const Config::Entry* e : config->entries()) {
            if (std::find(files.begin(), files.end(), e->file) != files.end())
                continue;
            // The transfer puts every file in one directory: an include from elsewhere would not be found.
            if (fs::path(e->file).lexically_normal().parent_path() != home)
                return Diagnostic {configPath, 0,
                    "includes " + e->file
                        + " from another directory; HTCondor's file transfer puts every input in one directory, so "
                          "an emitted sweep needs the included files beside the configuration"};
            files.push_back(e->file);
        }
    }
    for (const std::string* path : {&in.tracePath, &in.modelPath, &in.poolPath, &in.mapPath})
        if (!path->empty())
            files.push_back(*path);
    std::error_code ec;
    for (auto& f : files)
        f = fs::absolute(f, ec).lexically_normal().string();
    return files;
}

long estimateMemoryMb(const Scenario& scenario)
{
    // Measured on the demo (500,000 jobs, 430 machines, a week): 64 MiB peak for `simulate --out` in a release
    // build. Twice that per job, the machine series and a base for the process leave room for sanitizer builds
    // and for workloads whose queues grow longer.
    const double jobs = static_cast<double>(scenario.workload.jobs.size());
    const double machines = static_cast<double>(scenario.pool.machines.size());
    const double bytes = 128.0 * 1024 * 1024 + jobs * 256.0 + machines * 64.0 * 1024;
    const long mb = static_cast<long>(std::ceil(bytes / (1024.0 * 1024.0)));
    return (mb + 63) / 64 * 64;
}

std::optional<Diagnostic> writeHtcondorSweep(const std::vector<SweepVariant>& variants, const HtcondorSweep& sweep)
{
    std::error_code ec;
    const fs::path dir = fs::absolute(sweep.directory, ec).lexically_normal();
    if (!submitSafe(dir.string()))
        return Diagnostic {dir.string(), 0,
            "a sweep directory must not contain commas, spaces or quotes (submit-file lists split on them)"};
    if (!submitSafe(sweep.executable))
        return Diagnostic {sweep.executable, 0, "the path of poolplanner-cli contains commas, spaces or quotes"};

    // Every input of every variant, once; HTCondor puts them all in one scratch directory, so names must differ.
    std::vector<std::string> inputs;
    std::map<std::string, std::string> byName;
    for (const auto& v : variants) {
        auto files = scenarioInputFiles(v.spec);
        if (!files)
            return files.error();
        for (const auto& f : *files) {
            if (std::find(inputs.begin(), inputs.end(), f) != inputs.end())
                continue;
            if (!submitSafe(f))
                return Diagnostic {f, 0, "an input whose path contains commas, spaces or quotes cannot be transferred"};
            const std::string name = fs::path(f).filename().string();
            const auto [it, added] = byName.emplace(name, f);
            if (!added)
                return Diagnostic {f, 0,
                    "has the same name as " + it->second
                        + ": HTCondor's file transfer puts every input in one directory; rename one"};
            if (name.size() > 9 && name.compare(name.size() - 9, 9, ".scenario") == 0)
                return Diagnostic {f, 0, "an input named *.scenario would collide with the sweep's own files"};
            inputs.push_back(f);
        }
    }

    for (const char* sub : {"scenarios", "logs"}) {
        fs::create_directories(dir / sub, ec);
        if (ec)
            return Diagnostic {(dir / sub).string(), 0, "cannot be created: " + ec.message()};
    }
    std::string list;
    for (const auto& v : variants) {
        const std::string file = v.name + ".scenario";
        if (auto error = writeText(dir / "scenarios" / file, writeScenarioFile(v.spec)))
            return error;
        list += v.name + ", " + file + "\n";
    }
    if (auto error = writeText(dir / "variants.txt", list))
        return error;

    std::string transfer = "scenarios/$(scenario)";
    for (const auto& f : inputs)
        transfer += ", " + f;
    std::string sub;
    sub += "# PoolPlanner sweep: " + std::to_string(variants.size()) + " scenarios, one job each.\n";
    sub += "# Submit from this directory:  cd " + dir.string() + " && condor_submit sweep.sub\n";
    sub += "# Then read the results:       poolplanner-cli collect " + dir.string() + "\n";
    sub += "universe                = vanilla\n";
    sub += "executable              = " + sweep.executable + "\n";
    sub += "arguments               = simulate --scenario $(scenario) --out $(name).json\n";
    sub += "initialdir              = " + dir.string() + "\n";
    sub += "should_transfer_files   = YES\n";
    sub += "when_to_transfer_output = ON_EXIT\n";
    sub += "# The scenario and every file it reads; the scenario finds them beside itself in the scratch directory.\n";
    sub += "transfer_input_files    = " + transfer + "\n";
    sub += "output                  = logs/$(name).out\n";
    sub += "error                   = logs/$(name).err\n";
    sub += "log                     = sweep.log\n";
    sub += "request_cpus            = 1\n";
    sub += "# MiB, estimated from the largest scenario's jobs and machines.\n";
    sub += "request_memory          = " + std::to_string(sweep.requestMemoryMb) + "\n";
    sub += "batch_name              = poolplanner-sweep\n";
    sub += "queue name, scenario from variants.txt\n";
    return writeText(dir / "sweep.sub", sub);
}

} // namespace pp
