// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// compare, sweep and collect: several scenarios at once, on local threads or as an HTCondor sweep.
#include "commands.h"

#include "options.h"

#include "analysis/comparison.h"
#include "analysis/mergestudy.h"
#include "format/comparisonformat.h"
#include "format/mergestudyformat.h"
#include "format/sweeptable.h"
#include "io/resultreader.h"
#include "policy/policyfromconfig.h"
#include "scenario/scenariofile.h"
#include "sweep/ensemblerun.h"
#include "sweep/htcondorsubmit.h"
#include "sweep/parallelrun.h"
#include "sweep/variants.h"
#include "util/text.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include <unistd.h>

namespace pp::cli {

namespace {

namespace fs = std::filesystem;

/// Warnings of several scenarios that share a base say the same thing: each is printed once.
void printWarningsOnce(const Warnings& warnings, std::set<std::string>& printed)
{
    for (const auto& m : warnings.messages())
        if (printed.insert(m).second)
            std::fprintf(stderr, "warning: %s\n", m.c_str());
}

/// Progress on a terminal only: a log or a test reading stderr gets the result and the errors, not a counter.
std::function<void(std::size_t, std::size_t)> terminalProgress(const char* what)
{
    if (!isatty(fileno(stderr)))
        return {};
    return [what](std::size_t done, std::size_t total) {
        std::fprintf(stderr, "\r%s: %zu of %zu done", what, done, total);
        if (done == total)
            std::fputs("\n", stderr);
    };
}

/// The executable jobs of an emitted sweep run: this very poolplanner-cli.
std::optional<std::string> thisExecutable()
{
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec || self.empty())
        return std::nullopt;
    return self.string();
}

/// The request_memory of an emitted sweep: the largest of the distinct inputs among the variants (variants that
/// only change knobs share one), building at most a few of them.
Expected<long> sweepMemoryMb(const std::vector<SweepVariant>& variants)
{
    constexpr std::size_t maxBuilt = 8;
    std::set<std::string> seen;
    long largest = 0;
    for (const auto& v : variants) {
        ScenarioSpec inputsOnly = v.spec;
        inputsOnly.knobs.clear();
        inputsOnly.name.clear();
        inputsOnly.description.clear();
        if (!seen.insert(writeScenarioFile(inputsOnly)).second)
            continue;
        Warnings ignored;
        auto scenario = buildScenario(v.spec, ignored);
        if (!scenario)
            return scenario.error();
        largest = std::max(largest, estimateMemoryMb(*scenario));
        if (seen.size() >= maxBuilt)
            break;
    }
    return largest;
}

int emitHtcondor(const std::vector<SweepVariant>& variants, const std::string& dir)
{
    const auto executable = thisExecutable();
    if (!executable)
        return inputError({"--emit-htcondor", 0, "cannot tell where this poolplanner-cli is (no /proc/self/exe)"});
    auto memory = sweepMemoryMb(variants);
    if (!memory)
        return inputError(memory.error());
    HtcondorSweep sweep;
    sweep.directory = dir;
    sweep.executable = *executable;
    sweep.requestMemoryMb = *memory;
    if (auto error = writeHtcondorSweep(variants, sweep))
        return inputError(*error);
    std::error_code ec;
    const std::string where = fs::absolute(dir, ec).lexically_normal().string();
    std::printf("%zu jobs written to %s/sweep.sub (request_memory %ld MiB)\n", variants.size(), where.c_str(), *memory);
    std::printf("submit:  cd %s && condor_submit sweep.sub\nresults: poolplanner-cli collect %s\n", where.c_str(),
        where.c_str());
    return 0;
}

/// The names a collect expects: the first field of each line of variants.txt, or every *.json without it.
std::vector<std::string> expectedResults(const fs::path& dir)
{
    std::vector<std::string> names;
    std::ifstream list(dir / "variants.txt");
    if (list) {
        std::string line;
        while (std::getline(list, line)) {
            const auto fields = text::split(line, ", \t\r");
            if (!fields.empty())
                names.emplace_back(fields.front());
        }
        return names;
    }
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(dir, ec))
        if (item.path().extension() == ".json")
            names.push_back(item.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Both scenarios `runs` times each, every run with its own tie seed, one scenario after the other on all cores.
int compareEnsembles(const std::vector<ScenarioSpec>& specs, int runs, bool json)
{
    EnsembleRuns sides[2];
    std::set<std::string> printed;
    for (std::size_t k = 0; k < 2; ++k) {
        Warnings warnings;
        auto scenario = buildScenario(specs[k], warnings);
        printWarningsOnce(warnings, printed);
        if (!scenario)
            return inputError(scenario.error());
        EnsembleRunOptions options;
        options.runs = runs;
        options.firstTieSeed = scenario->tieSeed == 0 ? 1 : scenario->tieSeed;
        sides[k] = runEnsemble(*scenario, options);
    }
    const Comparison comparison = pp::compareEnsembles(sides[0], sides[1]);
    std::fputs((json ? comparisonJson(comparison) : comparisonTable(comparison)).c_str(), stdout);
    return 0;
}

} // namespace

int compare(const std::vector<std::string>& args)
{
    const Options options(
        args, {"--horizon", "--seed", "--tie-seed", "--ensemble", "--scenario"}, {"--json", "--merge-study"}, 2);
    if (!options.error().empty())
        return usageError(options.error());
    // BASE and PROPOSAL as arguments or as two --scenario; --merge-study derives both from one scenario.
    std::vector<std::string> names = options.positional();
    for (const auto& name : options.all("--scenario"))
        names.push_back(name);
    const bool study = options.has("--merge-study");
    if (study && names.size() != 1)
        return usageError(
            "compare --merge-study needs one scenario (file or built-in), whose two variants it compares");
    if (!study && names.size() != 2)
        return usageError("compare needs BASE and PROPOSAL: scenario files or built-in names");
    const auto runs = readEnsembleRuns(options);
    if (!runs)
        return inputError(runs.error());
    if (study && *runs > 1)
        return usageError("--ensemble does not go with --merge-study yet: compare the two variants' scenario files");
    auto specs = scenarioSpecsFor(study ? std::vector<std::string> {names[0], names[0]} : names, options);
    if (!specs)
        return inputError(specs.error());
    if (*runs > 1)
        return compareEnsembles(*specs, *runs, options.has("--json"));
    if (study) {
        for (auto [spec, variant] : {std::pair {specs->data(), "separate"}, std::pair {specs->data() + 1, "merged"}}) {
            spec->inputs.mergeVariant = variant;
            spec->name += std::string("-") + variant;
        }
    }
    ParallelRunOptions run;
    run.threads = 2;
    run.keepWorkloads = true; // the merge study reads each job's size and wait
    const auto outcomes = runScenarios(*specs, run);
    int status = 0;
    std::set<std::string> printed;
    for (const auto& o : outcomes) {
        printWarningsOnce(o.warnings, printed);
        if (o.error)
            status = inputError(*o.error);
    }
    if (status != 0)
        return status;
    const Result& base = *outcomes[0].result;
    const Result& proposal = *outcomes[1].result;
    const Comparison comparison = compareResults(base, proposal);
    if (!isMergeStudy(base, proposal)) {
        std::fputs((options.has("--json") ? comparisonJson(comparison) : comparisonTable(comparison)).c_str(), stdout);
        return 0;
    }
    const MergeStudy merge = mergeStudy(base, outcomes[0].workload, proposal, outcomes[1].workload);
    if (options.has("--json"))
        std::printf("{\"comparison\": %s, \"merge_study\": %s}\n", comparisonJson(comparison).c_str(),
            mergeStudyJson(merge).c_str());
    else
        std::printf("%s\n%s", comparisonTable(comparison).c_str(), mergeStudyTable(merge).c_str());
    return 0;
}

int sweep(const std::vector<std::string>& args)
{
    const Options options(args,
        {"--scenario", "--vary", "--threads", "--emit-htcondor", "--horizon", "--seed", "--tie-seed", "--ensemble"},
        {"--json"});
    if (!options.error().empty())
        return usageError(options.error());
    if (!options.has("--scenario") || !options.has("--vary"))
        return usageError("sweep needs --scenario FILE and at least one --vary KNOB=V1,V2,...");
    if (options.has("--emit-htcondor")
        && (options.has("--threads") || options.has("--json") || options.has("--ensemble")))
        return usageError("--emit-htcondor runs nothing: --threads, --ensemble and --json do not go with it");
    const auto ensembleRuns = readEnsembleRuns(options);
    if (!ensembleRuns)
        return inputError(ensembleRuns.error());
    unsigned threads = 0;
    if (options.has("--threads")) {
        const auto n = text::parseInteger(options.get("--threads"));
        if (!n || *n <= 0 || *n > 4096)
            return inputError(
                {"--threads", 0, "'" + options.get("--threads") + "' is not a number of threads between 1 and 4096"});
        threads = static_cast<unsigned>(*n);
    }
    auto base = scenarioSpecFor(options.get("--scenario"));
    if (!base)
        return inputError(base.error());
    if (auto error = readHorizonAndSeed(options, base->inputs))
        return inputError(*error);
    std::vector<SweepAxis> axes;
    for (const auto& text : options.all("--vary")) {
        auto axis = parseSweepAxis(text);
        if (!axis)
            return inputError(axis.error());
        axes.push_back(std::move(axis).value());
    }
    auto variants = sweepVariants(*base, axes);
    if (!variants)
        return inputError(variants.error());
    // Every variant's policy before anything runs: a typo in the last value must not cost the runs before it.
    for (const auto& v : *variants) {
        auto config = scenarioConfig(v.spec);
        if (!config)
            return inputError(config.error());
        if (auto policy = policyFromConfig(*config); !policy)
            return inputError(policy.error());
    }
    if (options.has("--emit-htcondor"))
        return emitHtcondor(*variants, options.get("--emit-htcondor"));

    std::vector<SweepRow> rows;
    std::vector<std::pair<std::string, Diagnostic>> failed;
    std::set<std::string> printed;
    int status = 0;
    const auto started = std::chrono::steady_clock::now();
    if (*ensembleRuns > 1) {
        // Each variant K times with its own tie seeds, the runs of one variant on all cores at once.
        const auto progress = terminalProgress("sweep");
        for (std::size_t i = 0; i < variants->size(); ++i) {
            const SweepVariant& v = (*variants)[i];
            Warnings warnings;
            auto scenario = buildScenario(v.spec, warnings);
            printWarningsOnce(warnings, printed);
            if (!scenario) {
                status = inputError(scenario.error());
                failed.emplace_back(v.name, scenario.error());
                continue;
            }
            EnsembleRunOptions ensemble;
            ensemble.runs = *ensembleRuns;
            ensemble.threads = threads;
            ensemble.firstTieSeed = scenario->tieSeed == 0 ? 1 : scenario->tieSeed;
            const EnsembleRuns done = runEnsemble(*scenario, ensemble);
            SweepRow row = sweepRow(v.name, done.results);
            row.settings = v.settings;
            rows.push_back(std::move(row));
            if (progress)
                progress(i + 1, variants->size());
        }
    } else {
        std::vector<ScenarioSpec> specs;
        for (const auto& v : *variants)
            specs.push_back(v.spec);
        ParallelRunOptions run;
        run.threads = threads;
        run.summariesOnly = true;
        run.onProgress = terminalProgress("sweep");
        const auto outcomes = runScenarios(specs, run);
        for (std::size_t i = 0; i < outcomes.size(); ++i) {
            printWarningsOnce(outcomes[i].warnings, printed);
            if (outcomes[i].error) {
                status = inputError(*outcomes[i].error);
                failed.emplace_back((*variants)[i].name, *outcomes[i].error);
                continue;
            }
            SweepRow row = sweepRow((*variants)[i].name, *outcomes[i].result);
            row.settings = (*variants)[i].settings;
            rows.push_back(std::move(row));
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (options.has("--json")) {
        std::fputs(sweepTableJson(rows, failed).c_str(), stdout);
        return status;
    }
    const unsigned used = threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
    const unsigned parallel = *ensembleRuns > 1 ? std::min<unsigned>(used, static_cast<unsigned>(*ensembleRuns))
                                                : std::min<unsigned>(used, static_cast<unsigned>(variants->size()));
    std::printf("%zu variants of %s%s on %u thread%s in %s s\n\n", variants->size(), base->name.c_str(),
        *ensembleRuns > 1 ? (", " + std::to_string(*ensembleRuns) + " runs each").c_str() : "", parallel,
        parallel == 1 ? "" : "s", text::fixed(seconds, 2).c_str());
    std::fputs(sweepTableText(rows).c_str(), stdout);
    return status;
}

int collect(const std::vector<std::string>& args)
{
    const Options options(args, {"--workspace"}, {"--json"}, 1);
    if (!options.error().empty())
        return usageError(options.error());
#ifndef PP_CLI_REPORTS
    if (options.has("--workspace"))
        return usageError("collect --workspace needs the build with Qt (POOLPLANNER_BUILD_GUI=ON); without it, "
                          "collect prints the results");
#endif
    if (options.positional().size() != 1)
        return usageError("collect needs the DIR of an emitted sweep (sweep --emit-htcondor DIR)");
    const fs::path dir(options.positional().front());
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return inputError({dir.string(), 0, fs::exists(dir, ec) ? "is not a directory" : "no such directory"});

    std::vector<SweepRow> rows;
    std::vector<std::pair<std::string, Diagnostic>> failed;
    std::vector<SweepResultFile> good;
    int status = 0;
    const auto names = expectedResults(dir);
    for (const auto& name : names) {
        const fs::path file = dir / (name + ".json");
        const fs::path scenario = dir / "scenarios" / (name + ".scenario");
        auto result = readResultJson(file.string());
        if (!result) {
            Diagnostic error = result.error();
            if (error.reason == "no such file")
                error.reason
                    += " (its job has not finished, or failed: see " + (dir / "logs" / (name + ".err")).string() + ")";
            status = inputError(error);
            failed.emplace_back(name, error);
            continue;
        }
        rows.push_back(sweepRow(name, *result));
        good.push_back({name, file.string(), fs::exists(scenario, ec) ? scenario.string() : std::string()});
    }
    if (names.empty())
        status = inputError({dir.string(), 0, "no results: neither variants.txt nor any *.json"});
#ifdef PP_CLI_REPORTS
    if (options.has("--workspace") && !good.empty()) {
        const int stored = importSweep(options.get("--workspace"),
            dir.filename().empty() ? dir.parent_path().filename().string() : dir.filename().string(), good);
        if (stored != 0)
            status = stored;
    }
#endif
    if (options.has("--json"))
        std::fputs(sweepTableJson(rows, failed).c_str(), stdout);
    else if (!rows.empty())
        std::fputs(sweepTableText(rows).c_str(), stdout);
    return status;
}

} // namespace pp::cli
