// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/result.h"
#include "model/scenario.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

/// Runs a simulation off the GUI thread. Results carry the generation they were started with; a result of
/// an older generation (the user started another run meanwhile) is dropped, never shown.
class SimulationRunner : public QObject
{
    Q_OBJECT
public:
    explicit SimulationRunner(QObject* parent = nullptr);
    ~SimulationRunner() override;

    /// Starts simulating a copy of the scenario; a run still going is asked to stop.
    void start(const pp::Scenario& scenario);
    /// Asks the run to stop; nothing more is emitted for it (neither its result nor a failure).
    void stop();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void started();
    void progress(double fraction);
    /// Shared, not copied: a result holds every job's outcome (tens of MB for a big pool), and the GUI thread
    /// receives it.
    void resultAvailable(std::shared_ptr<const pp::Result> result);
    void failed(const QString& reason);

private:
    quint64 m_generation = 0;
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_stopFlag;
    // Every run not yet finished, stale ones included: their workers post to this object, so the destructor
    // waits for all of them.
    QList<QFuture<pp::Result>> m_futures;
};
