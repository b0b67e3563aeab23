// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "scenarioloader.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

ScenarioLoader::ScenarioLoader(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<pp::Scenario>("pp::Scenario");
}

ScenarioLoader::~ScenarioLoader()
{
    for (auto& future : m_futures)
        future.waitForFinished();
}

QString ScenarioLoader::describe(const std::vector<pp::OpenedFile>& files)
{
    QStringList parts;
    for (const auto& f : files)
        parts << QStringLiteral("%1 (%2)").arg(
            QFileInfo(QString::fromStdString(f.path)).fileName(), QString::fromUtf8(pp::fileRoleName(f.role)));
    return parts.join(QStringLiteral(", "));
}

void ScenarioLoader::load(const QStringList& paths)
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    Q_EMIT started(paths);
    std::vector<std::string> files;
    for (const auto& p : paths)
        files.push_back(p.toStdString());

    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_futures.removeIf([](const QFuture<Outcome>& f) { return f.isFinished(); });
        if (generation != m_generation)
            return; // cancelled, or another load replaced it
        m_loading = false;
        Outcome outcome = watcher->future().takeResult();
        if (outcome.scenario)
            Q_EMIT loaded(*outcome.scenario, outcome.config, outcome.warnings, outcome.description);
        else
            Q_EMIT failed(outcome.error);
    });
    const QFuture<Outcome> future = QtConcurrent::run([files] {
        Outcome outcome;
        auto classified = pp::classifyFiles(files);
        if (!classified) {
            outcome.error = QString::fromStdString(classified.error().message());
            return outcome;
        }
        outcome.description = describe(*classified);
        pp::Warnings warnings;
        auto scenario = pp::scenarioFromFiles(*classified, warnings);
        if (!scenario) {
            outcome.error = QString::fromStdString(scenario.error().message());
            return outcome;
        }
        pp::Warnings ignored; // the same files again: their warnings are in `warnings` already
        auto config = pp::baseConfigOf(*classified, ignored);
        if (!config) {
            outcome.error = QString::fromStdString(config.error().message());
            return outcome;
        }
        for (const auto& m : warnings.messages())
            outcome.warnings << QString::fromStdString(m);
        outcome.scenario = std::move(scenario).value();
        outcome.config = std::move(config).value();
        return outcome;
    });
    m_futures.append(future);
    watcher->setFuture(future);
}

void ScenarioLoader::cancel()
{
    if (!m_loading)
        return;
    ++m_generation;
    m_loading = false;
    Q_EMIT cancelled();
}
