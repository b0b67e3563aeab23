// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "config/config.h"
#include "model/scenario.h"
#include "sweep/quotasuggestion.h"

#include <QFuture>
#include <QObject>

#include <atomic>
#include <memory>

/// Planner → Suggest quotas: searches the baseline's quotas for a setting that meets the targets (the same search as
/// `poolplanner-cli suggest`, candidates made by the planner's what-if) off the GUI thread. A newer start, or
/// stop(), drops an older search; bad input comes back as a message, never thrown.
class SuggestRunner : public QObject
{
    Q_OBJECT
public:
    explicit SuggestRunner(QObject* parent = nullptr);
    ~SuggestRunner() override;

    void start(std::shared_ptr<const pp::Scenario> base, const pp::Config& config, pp::SuggestOptions options);
    void stop();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(std::shared_ptr<const pp::QuotaSuggestion> suggestion);
    void failed(const QString& message);

private:
    quint64 m_generation = 0;
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_stopFlag;
    QList<QFuture<void>> m_futures;
};
