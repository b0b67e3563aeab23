// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "suggestrunner.h"

#include "enginethreads.h"

#include "io/pledgefiles.h"
#include "policy/policyfromconfig.h"
#include "scenario/whatif.h"
#include "sim/simulator.h"

#include <QFutureWatcher>
#include <QtConcurrent>

SuggestRunner::SuggestRunner(QObject* parent)
    : QObject(parent)
{
}

SuggestRunner::~SuggestRunner()
{
    stop();
    for (auto& future : m_futures)
        future.waitForFinished();
}

void SuggestRunner::stop()
{
    if (m_stopFlag)
        m_stopFlag->store(true);
    ++m_generation;
    m_running = false;
}

void SuggestRunner::start(
    std::shared_ptr<const pp::Scenario> base, const pp::Config& config, pp::SuggestOptions options)
{
    stop();
    const quint64 generation = m_generation;
    auto stopFlag = std::make_shared<std::atomic<bool>>(false);
    m_stopFlag = stopFlag;
    m_running = true;
    auto outcome = std::make_shared<pp::QuotaSuggestion>();
    auto sheet = std::make_shared<std::vector<pp::PledgeMonth>>();
    auto failure = std::make_shared<QString>();
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, generation, outcome, sheet, failure] {
        watcher->deleteLater();
        m_futures.removeIf([](const QFuture<void>& f) { return f.isFinished(); });
        if (generation != m_generation)
            return;
        m_running = false;
        if (!failure->isEmpty())
            Q_EMIT failed(*failure);
        else
            Q_EMIT finished(outcome, sheet);
    });
    const QFuture<void> future
        = QtConcurrent::run(engineThreadPool(), [base, config, options, stopFlag, outcome, sheet, failure]() mutable {
              try {
                  options.stop = stopFlag.get();
                  auto policy = pp::policyFromConfig(config);
                  if (!policy) {
                      *failure = QString::fromStdString(policy.error().message());
                      return;
                  }
                  const pp::CandidateScenario candidate
                      = [&](const std::vector<std::pair<std::string, std::string>>& knobs) {
                            pp::KnobEdits edits;
                            for (const auto& [key, value] : knobs)
                                edits.emplace_back(key, value);
                            return pp::whatif::scenarioFor(*base, config, edits);
                        };
                  auto done = pp::suggestQuotas(*base, *policy, base->name, candidate, options);
                  if (!done) {
                      *failure = QString::fromStdString(done.error().message());
                      return;
                  }
                  *outcome = std::move(done).value();
                  // The best setting's months, for the pledge sheet beside the current one.
                  if (auto best = candidate(outcome->best.knobs); best && !stopFlag->load())
                      *sheet = sheetOf(pp::simulate(*best, {}, {}, stopFlag.get()), *best, options.pledges);
              } catch (const std::bad_alloc&) {
                  *failure = SuggestRunner::tr("The search could not be run: out of memory.");
              } catch (const std::exception& e) {
                  *failure = SuggestRunner::tr("The search failed: %1").arg(QString::fromUtf8(e.what()));
              }
          });
    m_futures.append(future);
    watcher->setFuture(future);
}

std::vector<pp::PledgeMonth> SuggestRunner::sheetOf(
    const pp::Result& result, const pp::Scenario& scenario, const std::vector<pp::Pledge>& pledges)
{
    std::vector<std::pair<std::string, double>> pledged;
    pledged.reserve(pledges.size());
    for (const auto& p : pledges)
        pledged.emplace_back(p.experiment, p.cores);
    const auto contributions = pp::contributionsOfPool(scenario.pool);
    std::vector<std::pair<std::string, double>> contributed;
    contributed.reserve(contributions.size());
    for (const auto& c : contributions)
        contributed.emplace_back(c.experiment, static_cast<double>(c.cores()));
    return pp::pledgeSheet(result, pledged, contributed);
}
