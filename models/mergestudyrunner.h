// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/mergestudy.h"
#include "config/config.h"
#include "model/scenario.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

/// Runs a merge study off the GUI thread: applies each variant's knobs over a scenario, derives the separate
/// pools and the merged pool (scenario/mergevariants.h), simulates both one after the other and compares them. A study
/// stopped or replaced by a newer one emits nothing.
class MergeStudyRunner : public QObject
{
    Q_OBJECT
public:
    using Knobs = std::vector<std::pair<std::string, std::optional<std::string>>>;

    explicit MergeStudyRunner(QObject* parent = nullptr);
    ~MergeStudyRunner() override;

    /// Knobs are edits over `config`, the base configuration of `scenario` (as the planner's draft holds them).
    void start(pp::Scenario scenario, pp::Config config, Knobs separate, Knobs merged);
    void stop();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void studyAvailable(const pp::MergeStudy& study);
    void failed(const QString& reason);

private:
    struct Outcome
    {
        std::optional<pp::MergeStudy> study;
        QString error;
    };

    quint64 m_generation = 0;
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_stopFlag;
    QList<QFuture<Outcome>> m_futures; // unfinished ones: the destructor waits for them
};
