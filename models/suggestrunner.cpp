// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "suggestrunner.h"

#include "io/pledgefiles.h"
#include "policy/policyfromconfig.h"
#include "scenario/whatif.h"
#include "sim/simulator.h"

SuggestRunner::SuggestRunner(QObject* parent)
    : QObject(parent)
{
}

SuggestRunner::~SuggestRunner() = default;

void SuggestRunner::stop()
{
    m_work.stop();
}

void SuggestRunner::start(
    std::shared_ptr<const pp::Scenario> base, const pp::Config& config, pp::SuggestOptions options)
{
    auto outcome = std::make_shared<pp::QuotaSuggestion>();
    auto sheet = std::make_shared<std::vector<pp::PledgeMonth>>();
    m_work.start(
        [base, config, options, outcome, sheet](const std::atomic<bool>& stop) mutable -> QString {
            try {
                options.stop = &stop;
                auto policy = pp::policyFromConfig(config);
                if (!policy)
                    return QString::fromStdString(policy.error().message());
                const pp::CandidateScenario candidate
                    = [&](const std::vector<std::pair<std::string, std::string>>& knobs) {
                          pp::KnobEdits edits;
                          for (const auto& [key, value] : knobs)
                              edits.emplace_back(key, value);
                          return pp::whatif::scenarioFor(*base, config, edits);
                      };
                auto done = pp::suggestQuotas(*base, *policy, base->name, candidate, options);
                if (!done)
                    return QString::fromStdString(done.error().message());
                *outcome = std::move(done).value();
                // The best setting's months, for the pledge sheet beside the current one.
                if (auto best = candidate(outcome->best.knobs); best && !stop.load())
                    *sheet = sheetOf(pp::simulate(*best, {}, {}, &stop), *best, options.pledges);
            } catch (const std::bad_alloc&) {
                return SuggestRunner::tr("The search could not be run: out of memory.");
            } catch (const std::exception& e) {
                return SuggestRunner::tr("The search failed: %1").arg(QString::fromUtf8(e.what()));
            }
            return {};
        },
        [this, outcome, sheet](const QString& failure) {
            if (!failure.isEmpty())
                Q_EMIT failed(failure);
            else
                Q_EMIT finished(outcome, sheet);
        });
}

std::vector<pp::PledgeMonth> SuggestRunner::sheetOf(
    const pp::Result& result, const pp::Scenario& scenario, const std::vector<pp::Pledge>& pledges)
{
    std::vector<std::pair<std::string, double>> pledged;
    pledged.reserve(pledges.size());
    for (const auto& p : pledges)
        pledged.emplace_back(p.experiment, p.cores);
    const auto contributions = pp::contributionsOfPool(scenario.pool);
    std::vector<std::pair<std::string, double>> contributed;
    contributed.reserve(contributions.size());
    for (const auto& c : contributions)
        contributed.emplace_back(c.experiment, static_cast<double>(c.cores()));
    return pp::pledgeSheet(result, pledged, contributed);
}
