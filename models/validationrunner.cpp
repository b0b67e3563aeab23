// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "validationrunner.h"

#include "enginethreads.h"

#include "sweep/validationrun.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace {

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

ValidationRunner::ValidationRunner(QObject* parent)
    : QObject(parent)
{
}

ValidationRunner::~ValidationRunner()
{
    if (m_stopFlag)
        m_stopFlag->store(true);
    for (auto& future : m_futures)
        future.waitForFinished();
}

void ValidationRunner::start(const Inputs& inputs)
{
    if (m_stopFlag)
        m_stopFlag->store(true);
    const quint64 generation = ++m_generation;
    auto stopFlag = std::make_shared<std::atomic<bool>>(false);
    m_stopFlag = stopFlag;
    m_running = true;
    auto outcome = std::make_shared<Outcome>();
    auto failure = std::make_shared<QString>();
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, generation, outcome, failure] {
        watcher->deleteLater();
        m_futures.removeIf([](const QFuture<void>& f) { return f.isFinished(); });
        if (generation != m_generation)
            return;
        m_running = false;
        if (!failure->isEmpty())
            Q_EMIT failed(*failure);
        else
            Q_EMIT finished(outcome);
    });
    const QFuture<void> future = QtConcurrent::run(engineThreadPool(), [inputs, stopFlag, outcome, failure] {
        try {
            if (inputs.historyPaths.isEmpty()) {
                *failure = ValidationRunner::tr("Choose the pool's condor_history file first.");
                return;
            }
            pp::ScenarioInputs machines;
            machines.configPaths = toStd(inputs.configPaths);
            machines.poolPath = inputs.poolPath.toStdString();
            machines.cores = inputs.poolPath.isEmpty() ? inputs.cores : 0;
            machines.machineCores = inputs.machineCores;
            pp::ValidationRunOptions options;
            options.runs = inputs.runs;
            options.stop = stopFlag.get();
            pp::Warnings warnings;
            auto done = pp::validatePool(
                machines, toStd(inputs.historyPaths), toStd(inputs.eventLogPaths), {}, options, warnings);
            if (!done) {
                *failure = QString::fromStdString(done.error().message());
                return;
            }
            outcome->history = std::move(done->history);
            outcome->validation = std::move(done->validation);
            outcome->poolCores = done->poolCores;
            for (const auto& message : warnings.messages())
                outcome->warnings << QString::fromStdString(message);
        } catch (const std::bad_alloc&) {
            *failure = ValidationRunner::tr("The validation could not be run: out of memory.");
        } catch (const std::exception& e) {
            *failure = ValidationRunner::tr("The validation failed: %1").arg(QString::fromUtf8(e.what()));
        }
    });
    m_futures.append(future);
    watcher->setFuture(future);
}
