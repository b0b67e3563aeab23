// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/pledgesheet.h"
#include "config/config.h"
#include "model/scenario.h"
#include "sweep/quotasuggestion.h"

#include "backgroundwork.h"

#include <QObject>

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
    bool isRunning() const { return m_work.isRunning(); }

    /// The scenario's experiments as a pledge sheet would read them: the pledges the options give (in cores), the
    /// contributions the pool's slot ads state (empty: the result's machine owners).
    static std::vector<pp::PledgeMonth> sheetOf(
        const pp::Result& result, const pp::Scenario& scenario, const std::vector<pp::Pledge>& pledges);

Q_SIGNALS:
    /// The answer, and the pledge sheet of its best setting (simulated once more for its time series).
    void finished(std::shared_ptr<const pp::QuotaSuggestion> suggestion,
        std::shared_ptr<const std::vector<pp::PledgeMonth>> sheet);
    void failed(const QString& message);

private:
    BackgroundWork m_work {this};
};
