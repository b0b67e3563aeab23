// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "ensemblerunner.h"

#include "enginethreads.h"

#include "analysis/ensemble.h"
#include "sweep/ensemblerun.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace {

// What a comparison reads of a run: its groups and totals. The jobs, the series and the cycles stay behind.
void keepFiguresOnly(pp::Result& r)
{
    std::vector<pp::JobOutcome>().swap(r.jobs);
    std::vector<pp::PoolSample>().swap(r.poolSeries);
    std::vector<std::vector<pp::GroupSample>>().swap(r.groupSeries);
    std::vector<std::vector<pp::MachineSample>>().swap(r.machineSeries);
    std::vector<pp::CycleRecord>().swap(r.cycles);
}

} // namespace

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
    start(std::make_shared<const pp::Scenario>(scenario), runs);
}

void EnsembleRunner::start(std::shared_ptr<const pp::Scenario> scenario, int runs)
{
    stop();
    const quint64 generation = ++m_generation;
    auto stopFlag = std::make_shared<std::atomic<bool>>(false);
    m_stopFlag = stopFlag;
    m_running = true;
    auto failure = std::make_shared<QString>();
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation, failure] {
        watcher->deleteLater();
        m_futures.removeIf([](const QFuture<Outcome>& f) { return f.isFinished(); });
        if (generation != m_generation)
            return; // stale: another scenario was opened meanwhile
        m_running = false;
        const Outcome outcome = watcher->future().result();
        if (!failure->isEmpty())
            Q_EMIT failed(*failure);
        else if (outcome.summary && outcome.summary->runs > 1)
            Q_EMIT ensembleReady(outcome.summary, outcome.runs);
    });
    const QFuture<Outcome> future
        = QtConcurrent::run(engineThreadPool(), [scenario = std::move(scenario), runs, stopFlag, failure]() -> Outcome {
              try {
                  pp::EnsembleRunOptions options;
                  options.runs = runs;
                  options.firstTieSeed = scenario->tieSeed == 0 ? 1 : scenario->tieSeed;
                  options.stop = stopFlag.get();
                  pp::EnsembleRuns done = pp::runEnsemble(*scenario, options);
                  if (stopFlag->load() || done.results.empty())
                      return {};
                  // Only the summary and the runs' figures travel to the window: their jobs and series stay here.
                  auto ensemble = std::make_shared<pp::EnsembleResult>(pp::summariseEnsemble(done));
                  std::vector<pp::JobOutcome>().swap(ensemble->median.jobs);
                  for (pp::Result& r : done.results)
                      keepFiguresOnly(r);
                  return {std::move(ensemble), std::make_shared<const pp::EnsembleRuns>(std::move(done))};
              } catch (const std::bad_alloc&) {
                  *failure = EnsembleRunner::tr("The spread of the arbitrary choices could not be run: out of memory.");
              } catch (const std::exception& e) {
                  *failure = EnsembleRunner::tr("The spread of the arbitrary choices failed: %1")
                                 .arg(QString::fromUtf8(e.what()));
              }
              return {};
          });
    m_futures.append(future);
    watcher->setFuture(future);
}
