// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include <QFuture>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QObject;

/// One piece of engine work at a time, off the GUI thread, for the window's runners (suggest, forecast,
/// validation). `work` runs on the engine's thread pool with a stop flag and returns why it failed (empty: it did
/// not); `done` gets that on the GUI thread, and only for the latest start: a newer start, or stop(), drops what an
/// older one would report. The destructor stops the work and waits for it.
class BackgroundWork
{
public:
    using Work = std::function<QString(const std::atomic<bool>& stop)>;
    using Done = std::function<void(const QString& failure)>;

    explicit BackgroundWork(QObject* context);
    ~BackgroundWork();
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;

    void start(Work work, Done done);
    void stop();
    bool isRunning() const { return m_running; }

private:
    QObject* m_context;
    quint64 m_generation = 0;
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_stopFlag;
    QList<QFuture<QString>> m_futures;
};
