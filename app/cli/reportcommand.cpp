// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `report`: the meeting report of the window's Reports view, from the command line. It needs QtGui (PDF, fonts,
// charts painted with QPainter) and the workspace reader, so it is built with the window (POOLPLANNER_BUILD_GUI).
#include "commands.h"
#include "options.h"

#include "report.h"
#include "workspace.h"

#include "analysis/ensemble.h"
#include "io/pledgefiles.h"
#include "io/resultreader.h"
#include "scenario/scenariofile.h"
#include "sweep/ensemblerun.h"
#include "sweep/parallelrun.h"

#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>

namespace pp::cli {

namespace {

// A result summary held as text (a workspace's), read through the same reader as a file.
Expected<Result> resultFromText(const QString& json, const QString& what)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("result.json"));
    QFile file(path);
    const QByteArray bytes = json.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return Diagnostic {what.toStdString(), 0, "cannot be staged for reading"};
    file.close();
    auto result = readResultJson(path.toStdString());
    if (!result)
        return Diagnostic {what.toStdString(), 0, result.error().reason};
    return result;
}

std::string knobLines(const ScenarioSpec& spec)
{
    std::string lines;
    for (const auto& [knob, value] : spec.knobs)
        lines += knob + " = " + value + "\n";
    return lines;
}

} // namespace

int report(const std::vector<std::string>& args)
{
    const Options options(args,
        {"--result", "--scenario", "--compare", "--workspace", "--out", "--title", "--horizon", "--seed", "--tie-seed",
            "--ensemble", "--pledges", "--contributions"},
        {});
    if (!options.error().empty())
        return usageError(options.error());
    if (!options.has("--out"))
        return usageError("report needs --out FILE.pdf|.html|.csv|.png|.svg");
    const int sources = (options.has("--result") ? 1 : 0) + (options.has("--workspace") ? 1 : 0)
        + (options.has("--scenario") && !options.has("--workspace") ? 1 : 0);
    if (sources != 1)
        return usageError("report takes one source: --result FILE..., --workspace W [--scenario NAME], or --scenario "
                          "FILE|demo [--compare FILE...]");

    // QPdfWriter and the fonts need a GUI application object; no window system is used.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char programName[] = "poolplanner-cli";
    static char* argv[] = {programName, nullptr};
    QGuiApplication app(argc, argv);

    std::vector<Report::Scenario> scenarios;
    QString title = QString::fromStdString(options.get("--title"));
    if (options.has("--result")) {
        for (const auto& path : options.all("--result")) {
            auto result = readResultJson(path);
            if (!result)
                return inputError(result.error());
            const QString name = QString::fromStdString(result->scenarioName.empty() ? path : result->scenarioName);
            scenarios.push_back({name, QStringLiteral("From %1").arg(QString::fromStdString(path)), {},
                std::make_shared<const Result>(std::move(result).value())});
        }
    } else if (options.has("--workspace")) {
        const QString path = QString::fromStdString(options.get("--workspace"));
        // A report only reads: it never creates a workspace where none was.
        if (!QFileInfo::exists(path))
            return inputError({options.get("--workspace"), 0, "no such workspace"});
        QString error;
        auto workspace = Workspace::open(path, &error);
        if (!workspace)
            return inputError({options.get("--workspace"), 0, error.toStdString()});
        const QString only = QString::fromStdString(options.get("--scenario"));
        for (const auto& s : workspace->scenarios()) {
            if (!s.isBaseline && !only.isEmpty() && s.name != only)
                continue;
            const auto stored = workspace->latestResult(s.id);
            if (!stored)
                continue; // never simulated: nothing to report
            auto result = resultFromText(stored->summaryJson, path + QStringLiteral(": scenario ") + s.name);
            if (!result)
                return inputError(result.error());
            Report::Scenario entry {s.isBaseline ? QStringLiteral("Baseline") : s.name, s.description, {},
                std::make_shared<const Result>(std::move(result).value())};
            if (s.isBaseline)
                scenarios.insert(scenarios.begin(), entry);
            else
                scenarios.push_back(entry);
        }
        if (!only.isEmpty() && scenarios.size() < 2)
            return inputError(
                {options.get("--workspace"), 0, "holds no simulated scenario named '" + only.toStdString() + "'"});
        if (scenarios.empty())
            return inputError({options.get("--workspace"), 0, "holds no simulated scenario"});
    } else {
        std::vector<std::string> names {options.get("--scenario")};
        for (const auto& c : options.all("--compare"))
            names.push_back(c);
        const auto loaded = scenarioSpecsFor(names, options);
        if (!loaded)
            return inputError(loaded.error());
        const std::vector<ScenarioSpec>& specs = *loaded;
        const auto runs = readEnsembleRuns(options);
        if (!runs)
            return inputError(runs.error());
        if (*runs > 1) {
            // Each scenario K times with its own tie seeds: the report gives medians and says what is noise.
            for (std::size_t i = 0; i < specs.size(); ++i) {
                Warnings warnings;
                auto scenario = buildScenario(specs[i], warnings);
                printWarnings(warnings);
                if (!scenario)
                    return inputError(scenario.error());
                EnsembleRunOptions ensemble;
                ensemble.runs = *runs;
                ensemble.firstTieSeed = scenario->tieSeed == 0 ? 1 : scenario->tieSeed;
                auto done = std::make_shared<EnsembleRuns>(runEnsemble(*scenario, ensemble));
                auto median = std::make_shared<const Result>(summariseEnsemble(*done).median);
                const QString name = QString::fromStdString(specs[i].name.empty() ? names[i] : specs[i].name);
                scenarios.push_back({name, QString::fromStdString(specs[i].description),
                    QString::fromStdString(knobLines(specs[i])), std::move(median),
                    std::make_shared<const Workload>(std::move(scenario->workload)), std::move(done)});
            }
        }
        ParallelRunOptions run;
        run.threads = 2;
        run.keepWorkloads = true; // the merge study's waits by job size read the jobs
        auto outcomes = *runs > 1 ? std::vector<RunOutcome> {} : runScenarios(specs, run);
        for (std::size_t i = 0; i < outcomes.size(); ++i) {
            printWarnings(outcomes[i].warnings);
            if (outcomes[i].error)
                return inputError(*outcomes[i].error);
            const QString name = QString::fromStdString(specs[i].name.empty() ? names[i] : specs[i].name);
            scenarios.push_back(
                {name, QString::fromStdString(specs[i].description), QString::fromStdString(knobLines(specs[i])),
                    std::make_shared<const Result>(std::move(*outcomes[i].result)),
                    std::make_shared<const Workload>(std::move(outcomes[i].workload))});
        }
    }
    if (title.isEmpty())
        title = scenarios.front().name == QStringLiteral("Baseline") || !scenarios.front().result
            ? QStringLiteral("PoolPlanner report")
            : QStringLiteral("PoolPlanner report: %1")
                  .arg(QString::fromStdString(scenarios.front().result->scenarioName));
    Report report(title, std::move(scenarios));
    if (options.has("--pledges")) {
        const auto pledges = readPledgeInputs(options, [&]() -> Expected<Pool> {
            if (!options.has("--scenario") || options.has("--workspace"))
                return Pool {}; // a workspace keeps results, not machines: the results' owners count then
            const auto specs = scenarioSpecsFor({options.get("--scenario")}, options);
            if (!specs)
                return specs.error();
            Warnings ignored; // said when the scenario ran
            auto scenario = buildScenario(specs->front(), ignored);
            if (!scenario)
                return scenario.error();
            return std::move(scenario->pool);
        });
        if (!pledges)
            return inputError(pledges.error());
        report.setPledges(pledges->pledgedCores(), pledges->contributedCores());
    }
    QString error;
    if (!report.write(QString::fromStdString(options.get("--out")), &error))
        return inputError({options.get("--out"), 0, error.toStdString()});
    std::printf("wrote %s\n", options.get("--out").c_str());
    return 0;
}

} // namespace pp::cli
