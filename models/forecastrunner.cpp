// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "forecastrunner.h"

#include "enginethreads.h"

#include <QFutureWatcher>
#include <QtConcurrent>

ForecastRunner::ForecastRunner(QObject* parent)
    : QObject(parent)
{
}

ForecastRunner::~ForecastRunner()
{
    if (m_stopFlag)
        m_stopFlag->store(true);
    for (auto& future : m_futures)
        future.waitForFinished();
}

void ForecastRunner::start(const std::shared_ptr<const pp::Scenario>& scenario, const pp::ForecastRequest& request)
{
    if (m_stopFlag)
        m_stopFlag->store(true);
    const quint64 generation = ++m_generation;
    auto stopFlag = std::make_shared<std::atomic<bool>>(false);
    m_stopFlag = stopFlag;
    m_running = true;
    auto outcome = std::make_shared<pp::StartForecast>();
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
            Q_EMIT finished(*outcome);
    });
    const QFuture<void> future = QtConcurrent::run(engineThreadPool(), [scenario, request, stopFlag, outcome, failure] {
        try {
            pp::ForecastRequest r = request;
            r.stop = stopFlag.get();
            r.threads = 1; // the engine's pool runs it; the window's other work goes on beside it
            auto done = pp::forecastStart(*scenario, r);
            if (!done) {
                *failure = QString::fromStdString(done.error().message());
                return;
            }
            *outcome = std::move(done).value();
        } catch (const std::bad_alloc&) {
            *failure = ForecastRunner::tr("The forecast could not be run: out of memory.");
        } catch (const std::exception& e) {
            *failure = ForecastRunner::tr("The forecast failed: %1").arg(QString::fromUtf8(e.what()));
        }
    });
    m_futures.append(future);
    watcher->setFuture(future);
}
