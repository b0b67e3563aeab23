// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/startforecast.h"
#include "model/scenario.h"
#include "sweep/forecast.h"

#include "backgroundwork.h"

#include <QObject>

#include <memory>

/// Groups → Forecast: when a job submitted to the chosen group at the start of the shown period would start, the
/// scenario played forward over several tie seeds off the GUI thread (the same as `poolplanner-cli forecast`). A newer
/// start drops an older one's outcome; bad input comes back as a message, never thrown.
class ForecastRunner : public QObject
{
    Q_OBJECT
public:
    explicit ForecastRunner(QObject* parent = nullptr);
    ~ForecastRunner() override;

    void start(const std::shared_ptr<const pp::Scenario>& scenario, const pp::ForecastRequest& request);
    bool isRunning() const { return m_work.isRunning(); }

Q_SIGNALS:
    void finished(const pp::StartForecast& forecast);
    void failed(const QString& message);

private:
    BackgroundWork m_work {this};
};
