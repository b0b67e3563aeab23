// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/ensemble.h"
#include "model/scenario.h"

#include <QFuture>
#include <QList>
#include <QObject>

#include <atomic>
#include <memory>

/// Runs a small ensemble of a scenario off the GUI thread (pp::runEnsemble: tie seeds drawn anew, on all
/// cores) so that the window can show how far HTCondor's arbitrary choices move its figures. As with
/// SimulationRunner, a result of an older start is dropped, and a failure is reported, never thrown.
class EnsembleRunner : public QObject
{
    Q_OBJECT
public:
    explicit EnsembleRunner(QObject* parent = nullptr);
    ~EnsembleRunner() override;

    void start(const pp::Scenario& scenario, int runs);
    /// The same for a scenario already shared: nothing is copied on the calling (GUI) thread.
    void start(std::shared_ptr<const pp::Scenario> scenario, int runs);
    /// Asks the runs to stop; nothing more is emitted for them.
    void stop();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// The summary, and the runs' own figures (their groups and pool totals, no jobs or series) for
    /// pp::compareEnsembles.
    void ensembleReady(
        std::shared_ptr<const pp::EnsembleResult> ensemble, std::shared_ptr<const pp::EnsembleRuns> runs);
    void failed(const QString& reason);

private:
    quint64 m_generation = 0;
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_stopFlag;
    struct Outcome
    {
        std::shared_ptr<const pp::EnsembleResult> summary;
        std::shared_ptr<const pp::EnsembleRuns> runs;
    };
    QList<QFuture<Outcome>> m_futures;
};
