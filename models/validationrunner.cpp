// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "validationrunner.h"

#include "sweep/validationrun.h"

namespace {

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

ValidationRunner::ValidationRunner(QObject* parent)
    : QObject(parent)
{
}

ValidationRunner::~ValidationRunner() = default;

void ValidationRunner::start(const Inputs& inputs)
{
    auto outcome = std::make_shared<Outcome>();
    m_work.start(
        [inputs, outcome](const std::atomic<bool>& stop) -> QString {
            try {
                if (inputs.historyPaths.isEmpty())
                    return ValidationRunner::tr("Choose the pool's condor_history file first.");
                pp::ScenarioInputs machines;
                machines.configPaths = toStd(inputs.configPaths);
                machines.poolPath = inputs.poolPath.toStdString();
                machines.cores = inputs.poolPath.isEmpty() ? inputs.cores : 0;
                machines.machineCores = inputs.machineCores;
                pp::ValidationRunOptions options;
                options.runs = inputs.runs;
                options.stop = &stop;
                pp::Warnings warnings;
                auto done = pp::validatePool(
                    machines, toStd(inputs.historyPaths), toStd(inputs.eventLogPaths), {}, options, warnings);
                if (!done)
                    return QString::fromStdString(done.error().message());
                outcome->history = std::move(done->history);
                outcome->validation = std::move(done->validation);
                outcome->poolCores = done->poolCores;
                for (const auto& message : warnings.messages())
                    outcome->warnings << QString::fromStdString(message);
            } catch (const std::bad_alloc&) {
                return ValidationRunner::tr("The validation could not be run: out of memory.");
            } catch (const std::exception& e) {
                return ValidationRunner::tr("The validation failed: %1").arg(QString::fromUtf8(e.what()));
            }
            return {};
        },
        [this, outcome](const QString& failure) {
            if (!failure.isEmpty())
                Q_EMIT failed(failure);
            else
                Q_EMIT finished(outcome);
        });
}
