// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "backgroundwork.h"

#include "enginethreads.h"

#include <QFutureWatcher>
#include <QtConcurrent>

BackgroundWork::BackgroundWork(QObject* context)
    : m_context(context)
{
}

BackgroundWork::~BackgroundWork()
{
    stop();
    for (auto& future : m_futures)
        future.waitForFinished();
}

void BackgroundWork::stop()
{
    if (m_stopFlag)
        m_stopFlag->store(true);
    ++m_generation;
    m_running = false;
}

void BackgroundWork::start(Work work, Done done)
{
    stop();
    const quint64 generation = m_generation;
    auto stopFlag = std::make_shared<std::atomic<bool>>(false);
    m_stopFlag = stopFlag;
    m_running = true;
    auto* watcher = new QFutureWatcher<QString>(m_context);
    QObject::connect(
        watcher, &QFutureWatcher<QString>::finished, m_context, [this, watcher, generation, done = std::move(done)] {
            watcher->deleteLater();
            m_futures.removeIf([](const QFuture<QString>& f) { return f.isFinished(); });
            if (generation != m_generation)
                return; // stale: started again or stopped meanwhile
            m_running = false;
            done(watcher->future().result());
        });
    const QFuture<QString> future
        = QtConcurrent::run(engineThreadPool(), [work = std::move(work), stopFlag] { return work(*stopFlag); });
    m_futures.append(future);
    watcher->setFuture(future);
}
