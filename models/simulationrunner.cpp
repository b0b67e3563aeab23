// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "simulationrunner.h"

#include "enginethreads.h"

#include "sim/simulator.h"

#include <QFutureWatcher>
#include <QMetaObject>
#include <QtConcurrent>

SimulationRunner::SimulationRunner(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<pp::Result>("pp::Result");
}

SimulationRunner::~SimulationRunner()
{
    // The worker posts progress to this object: it must be gone before we are.
    stop();
    for (auto& future : m_futures)
        future.waitForFinished();
}

void SimulationRunner::stop()
{
    if (m_stopFlag)
        m_stopFlag->store(true);
    // A run asked to stop may still finish with a whole result (the flag is read between progress steps): its
    // generation is over, so whatever it brings is dropped.
    if (m_running) {
        ++m_generation;
        m_running = false;
    }
}

void SimulationRunner::start(const pp::Scenario& scenario)
{
    stop();
    const quint64 generation = ++m_generation;
    auto stopFlag = std::make_shared<std::atomic<bool>>(false);
    m_stopFlag = stopFlag;
    m_running = true;
    Q_EMIT started();
    // Set by the worker when the engine threw (memory ran out, a bug): reported, never rethrown into the window.
    auto failure = std::make_shared<QString>();
    auto* watcher = new QFutureWatcher<pp::Result>(this);
    connect(watcher, &QFutureWatcher<pp::Result>::finished, this, [this, watcher, generation, failure] {
        watcher->deleteLater();
        m_futures.removeIf([](const QFuture<pp::Result>& f) { return f.isFinished(); });
        if (generation != m_generation)
            return; // stale: a newer run was started
        m_running = false;
        // Moved out: a result holds every job.
        auto result = std::make_shared<const pp::Result>(watcher->future().takeResult());
        if (!failure->isEmpty())
            Q_EMIT failed(*failure);
        else if (result->stoppedEarly)
            Q_EMIT failed(tr("The simulation was stopped."));
        else
            Q_EMIT resultAvailable(std::move(result));
    });
    const QFuture<pp::Result> future
        = QtConcurrent::run(engineThreadPool(), [this, scenario, stopFlag, generation, failure]() {
              const auto onProgress = [&](double fraction) {
                  // Throttled by the engine to steps of 1 %; delivered on the GUI thread.
                  QMetaObject::invokeMethod(
                      this,
                      [this, fraction, generation] {
                          if (generation == m_generation)
                              Q_EMIT progress(fraction);
                      },
                      Qt::QueuedConnection);
              };
              try {
                  return pp::simulate(scenario, {}, onProgress, stopFlag.get());
              } catch (const std::bad_alloc&) {
                  *failure = tr("The simulation ran out of memory.");
              } catch (const std::exception& e) {
                  *failure = tr("The simulation failed: %1").arg(QString::fromUtf8(e.what()));
              } catch (...) {
                  *failure = tr("The simulation failed unexpectedly.");
              }
              return pp::Result {};
          });
    m_futures.append(future);
    watcher->setFuture(future);
}
