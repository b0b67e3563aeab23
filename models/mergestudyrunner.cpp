// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "mergestudyrunner.h"

#include "enginethreads.h"

#include "policydraft.h"

#include "scenario/mergevariants.h"
#include "sim/simulator.h"

#include <QFutureWatcher>
#include <QtConcurrent>

MergeStudyRunner::MergeStudyRunner(QObject* parent)
    : QObject(parent)
{
}

MergeStudyRunner::~MergeStudyRunner()
{
    stop();
    for (auto& future : m_futures)
        future.waitForFinished();
}

void MergeStudyRunner::stop()
{
    if (m_stopFlag)
        m_stopFlag->store(true);
    if (m_running) {
        ++m_generation; // whatever the stopped study still brings is dropped
        m_running = false;
    }
}

void MergeStudyRunner::start(pp::Scenario scenario, pp::Config config, Knobs separate, Knobs merged)
{
    stop();
    const quint64 generation = ++m_generation;
    auto stopFlag = std::make_shared<std::atomic<bool>>(false);
    m_stopFlag = stopFlag;
    m_running = true;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_futures.removeIf([](const QFuture<Outcome>& f) { return f.isFinished(); });
        if (generation != m_generation)
            return;
        m_running = false;
        Outcome outcome = watcher->future().takeResult();
        if (outcome.study)
            Q_EMIT studyAvailable(*outcome.study);
        else
            Q_EMIT failed(outcome.error);
    });
    const QFuture<Outcome> future = QtConcurrent::run(engineThreadPool(),
        [scenario = std::move(scenario), config = std::move(config), separate = std::move(separate),
            merged = std::move(merged), stopFlag]() -> Outcome {
            // Anything thrown (memory running out, a bug) is a failed study, never an exception in the window.
            try {
                std::vector<pp::Scenario> variants;
                std::vector<pp::Result> results;
                for (const auto& [edits, isSeparate] : {std::pair {&separate, true}, std::pair {&merged, false}}) {
                    auto edited = PolicyDraft::scenarioFor(scenario, config, *edits);
                    if (!edited)
                        return {std::nullopt, QString::fromStdString(edited.error().message())};
                    auto variant = isSeparate ? pp::separatePoolsVariant(*edited) : pp::mergedPoolVariant(*edited);
                    if (!variant)
                        return {std::nullopt, QString::fromStdString(variant.error().message())};
                    results.push_back(pp::simulate(*variant, {}, {}, stopFlag.get()));
                    if (results.back().stoppedEarly)
                        return {std::nullopt, QObject::tr("The merge study was stopped.")};
                    variants.push_back(std::move(variant).value());
                }
                // Each variant's own jobs: a workload knob may have been set for one of them only.
                return {pp::mergeStudy(results[0], variants[0].workload, results[1], variants[1].workload), {}};
            } catch (const std::bad_alloc&) {
                return {std::nullopt, QObject::tr("The merge study ran out of memory.")};
            } catch (const std::exception& e) {
                return {std::nullopt, QObject::tr("The merge study failed: %1").arg(QString::fromUtf8(e.what()))};
            } catch (...) {
                return {std::nullopt, QObject::tr("The merge study failed unexpectedly.")};
            }
        });
    m_futures.append(future);
    watcher->setFuture(future);
}
