// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "forecastrunner.h"

ForecastRunner::ForecastRunner(QObject* parent)
    : QObject(parent)
{
}

ForecastRunner::~ForecastRunner() = default;

void ForecastRunner::start(const std::shared_ptr<const pp::Scenario>& scenario, const pp::ForecastRequest& request)
{
    auto outcome = std::make_shared<pp::StartForecast>();
    m_work.start(
        [scenario, request, outcome](const std::atomic<bool>& stop) -> QString {
            try {
                pp::ForecastRequest r = request;
                r.stop = &stop;
                r.threads = 1; // the engine's pool runs it; the window's other work goes on beside it
                auto done = pp::forecastStart(*scenario, r);
                if (!done)
                    return QString::fromStdString(done.error().message());
                *outcome = std::move(done).value();
            } catch (const std::bad_alloc&) {
                return ForecastRunner::tr("The forecast could not be run: out of memory.");
            } catch (const std::exception& e) {
                return ForecastRunner::tr("The forecast failed: %1").arg(QString::fromUtf8(e.what()));
            }
            return {};
        },
        [this, outcome](const QString& failure) {
            if (!failure.isEmpty())
                Q_EMIT failed(failure);
            else
                Q_EMIT finished(*outcome);
        });
}
