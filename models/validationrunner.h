// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/validation.h"
#include "model/poolhistory.h"

#include "backgroundwork.h"

#include <QObject>
#include <QStringList>

#include <memory>

/// File → Validate Against History…: reads a pool's history, configuration and machines and replays it with
/// several tie seeds off the GUI thread (the same steps as `poolplanner-cli validate`). A newer start drops an
/// older one's outcome; bad input is reported as the message naming the file and line, never thrown.
class ValidationRunner : public QObject
{
    Q_OBJECT
public:
    struct Inputs
    {
        QStringList historyPaths; ///< condor_history and condor_q files (job ads, any format)
        QStringList eventLogPaths; ///< the jobs' event logs: every run, not only each ad's last
        QStringList configPaths;
        QString poolPath; ///< slot ads; empty: `cores` in machines of `machineCores`
        long cores = 0;
        int machineCores = 8;
        int runs = 20;
    };
    struct Outcome
    {
        pp::PoolHistory history;
        pp::Validation validation;
        long poolCores = 0;
        QStringList warnings;
    };

    explicit ValidationRunner(QObject* parent = nullptr);
    ~ValidationRunner() override;

    void start(const Inputs& inputs);
    bool isRunning() const { return m_work.isRunning(); }

Q_SIGNALS:
    void finished(std::shared_ptr<const ValidationRunner::Outcome> outcome);
    void failed(const QString& message);

private:
    BackgroundWork m_work {this};
};
