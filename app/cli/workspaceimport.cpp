// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `collect DIR --workspace W`: an emitted sweep's results into a workspace, one scenario per variant, so that the
// window and `report --workspace` show them. Built with the window's libraries (the workspace reader).
#include "commands.h"
#include "options.h"

#include "workspace.h"

#include "scenario/scenariofile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pp::cli {

int importSweep(
    const std::string& workspacePath, const std::string& sweepName, const std::vector<SweepResultFile>& results)
{
    QString error;
    auto workspace = Workspace::open(QString::fromStdString(workspacePath), &error);
    if (!workspace)
        return inputError({workspacePath, 0, error.toStdString()});
    int stored = 0;
    for (const auto& r : results) {
        QFile file(QString::fromStdString(r.resultPath));
        if (!file.open(QIODevice::ReadOnly))
            return inputError({r.resultPath, 0, "cannot be read: " + file.errorString().toStdString()});
        Workspace::Scenario scenario;
        scenario.name = QString::fromStdString(sweepName + " " + r.name);
        QJsonArray knobs;
        if (!r.scenarioPath.empty()) {
            // The variant's own description and knobs, as the window keeps a proposal's.
            if (auto spec = readScenarioFile(r.scenarioPath)) {
                scenario.description
                    = QString::fromStdString(spec->description.empty() ? spec->name : spec->description);
                for (const auto& [knob, value] : spec->knobs)
                    knobs.append(QJsonArray {QString::fromStdString(knob), QString::fromStdString(value)});
            }
        }
        scenario.source = QString::fromUtf8(QJsonDocument(
            QJsonObject {{QStringLiteral("sweep"), QString::fromStdString(sweepName)},
                {QStringLiteral("knobs"),
                    knobs}}).toJson(QJsonDocument::Compact));
        const auto id = workspace->saveScenario(scenario);
        if (!id || !workspace->saveResult(*id, QString::fromUtf8(file.readAll())))
            return inputError({workspacePath, 0, workspace->lastError().toStdString()});
        ++stored;
    }
    std::fprintf(stderr, "%d results kept in %s\n", stored, workspacePath.c_str());
    return 0;
}

} // namespace pp::cli
