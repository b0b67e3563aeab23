// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "ensemblerunner.h"

#include "enginethreads.h"

#include "analysis/ensemble.h"
#include "sweep/ensemblerun.h"

#include <QFutureWatcher>
#include <QtConcurrent>

using EnsemblePtr = std::shared_ptr<const pp::EnsembleResult>;

EnsembleRunner::EnsembleRunner(QObject* parent)
    : QObject(parent)
{
}

EnsembleRunner::~EnsembleRunner()
{
    stop();
    for (auto& future : m_futures)
        future.waitForFinished();
}

void EnsembleRunner::stop()
{
    if (m_stopFlag)
        m_stopFlag->store(true);
    if (m_running) {
        ++m_generation;
        m_running = false;
    }
}

void EnsembleRunner::start(const pp::Scenario& scenario, int runs)
{
    stop();
    const quint64 generation = ++m_generation;
    auto stopFlag = std::make_shared<std::atomic<bool>>(false);
    m_stopFlag = stopFlag;
    m_running = true;
    auto failure = std::make_shared<QString>();
    auto* watcher = new QFutureWatcher<EnsemblePtr>(this);
    connect(watcher, &QFutureWatcher<EnsemblePtr>::finished, this, [this, watcher, generation, failure] {
        watcher->deleteLater();
        m_futures.removeIf([](const QFuture<EnsemblePtr>& f) { return f.isFinished(); });
        if (generation != m_generation)
            return; // stale: another scenario was opened meanwhile
        m_running = false;
        const EnsemblePtr ensemble = watcher->future().result();
        if (!failure->isEmpty())
            Q_EMIT failed(*failure);
        else if (ensemble && ensemble->runs > 1)
            Q_EMIT ensembleReady(ensemble);
    });
    const QFuture<EnsemblePtr> future
        = QtConcurrent::run(engineThreadPool(), [scenario, runs, stopFlag, failure]() -> EnsemblePtr {
              try {
                  pp::EnsembleRunOptions options;
                  options.runs = runs;
                  options.firstTieSeed = scenario.tieSeed == 0 ? 1 : scenario.tieSeed;
                  options.stop = stopFlag.get();
                  pp::EnsembleRuns done = pp::runEnsemble(scenario, options);
                  if (stopFlag->load() || done.results.empty())
                      return nullptr;
                  // Only the summary travels to the window: the runs' jobs and series stay here.
                  auto ensemble = std::make_shared<pp::EnsembleResult>(pp::summariseEnsemble(done));
                  std::vector<pp::JobOutcome>().swap(ensemble->median.jobs);
                  return ensemble;
              } catch (const std::bad_alloc&) {
                  *failure = EnsembleRunner::tr("The spread of the arbitrary choices could not be run: out of memory.");
              } catch (const std::exception& e) {
                  *failure = EnsembleRunner::tr("The spread of the arbitrary choices failed: %1")
                                 .arg(QString::fromUtf8(e.what()));
              }
              return nullptr;
          });
    m_futures.append(future);
    watcher->setFuture(future);
}
