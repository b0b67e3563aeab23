// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "sweeppanel.h"

#include "groupcolours.h"
#include "planningsession.h"
#include "policydraft.h"
#include "simulationrunner.h"
#include "sweepchart.h"

#include "analysis/groupfigures.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

enum Metric { CoreHours, WaitP95, Preemptions };

double metricOf(const pp::GroupFigures& f, int metric)
{
    switch (metric) {
    case WaitP95:
        return f.waitP95 / 60.0;
    case Preemptions:
        return static_cast<double>(f.preemptions);
    default:
        return f.coreHours;
    }
}

} // namespace

SweepPanel::SweepPanel(PlanningSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_runner(new SimulationRunner(this))
{
    setObjectName(QStringLiteral("sweepPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    m_knob = new QLineEdit(QStringLiteral("GROUP_QUOTA_DYNAMIC_atlas.analysis"), this);
    m_knob->setPlaceholderText(tr("an HTCondor knob"));
    m_values = new QLineEdit(QStringLiteral("0.15, 0.25, 0.35, 0.45"), this);
    m_values->setPlaceholderText(tr("values, separated by commas"));
    m_metric = new QComboBox(this);
    m_metric->addItems({tr("Core-hours"), tr("Wait p95 (minutes)"), tr("Preemptions")});
    connect(m_metric, &QComboBox::activated, this, &SweepPanel::plot);
    m_run = new QPushButton(tr("Sweep"), this);
    connect(m_run, &QPushButton::clicked, this, &SweepPanel::chooseAndStart);
    bar->addWidget(new QLabel(tr("Knob:"), this));
    bar->addWidget(m_knob, 2);
    bar->addWidget(new QLabel(tr("Values:"), this));
    bar->addWidget(m_values, 2);
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_metric);
    bar->addWidget(m_run);
    layout->addLayout(bar);
    m_status = new QLabel(tr("Each value is applied over the planner's current proposal and simulated in turn."), this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_chart = new SweepChart(this);
    layout->addWidget(m_chart, 1);
    connect(m_runner, &SimulationRunner::resultAvailable, this, [this](std::shared_ptr<const pp::Result> result) {
        m_results.push_back(std::move(result));
        plot();
        runNext();
    });
    connect(m_runner, &SimulationRunner::failed, this, &SweepPanel::finish);
}

bool SweepPanel::isRunning() const
{
    return m_runner->isRunning();
}

void SweepPanel::chooseAndStart()
{
    if (isRunning()) {
        m_runner->stop(); // keeps the values already done
        finish(tr("Stopped after %1 of %2 values.").arg(m_results.size()).arg(m_sweptValues.size()));
        return;
    }
    QString error;
    if (!start(m_knob->text().trimmed(), m_values->text().split(QLatin1Char(','), Qt::SkipEmptyParts), &error))
        m_status->setText(error);
}

bool SweepPanel::start(const QString& knob, const QStringList& values, QString* error)
{
    if (knob.isEmpty() || values.isEmpty()) {
        *error = tr("Name a knob and give it some values.");
        return false;
    }
    // Every value must make a policy HTCondor accepts before anything runs.
    for (const QString& v : values) {
        auto edits = m_session->draft()->edits();
        edits.emplace_back(knob.toStdString(), v.trimmed().toStdString());
        auto policy = PolicyDraft::policyFor(m_session->baseConfig(), edits);
        if (!policy) {
            *error = tr("%1 = %2: %3").arg(knob, v.trimmed(), QString::fromStdString(policy.error().reason));
            return false;
        }
    }
    m_base = m_session->baseScenario();
    m_baseConfig = m_session->baseConfig();
    m_baseEdits = m_session->draft()->edits();
    m_sweptKnob = knob;
    m_sweptValues.clear();
    for (const QString& v : values)
        m_sweptValues << v.trimmed();
    m_results.clear();
    m_run->setText(tr("Stop"));
    runNext();
    return true;
}

void SweepPanel::runNext()
{
    const auto next = m_results.size();
    if (next >= static_cast<std::size_t>(m_sweptValues.size())) {
        finish(tr("%1 swept over %2 values.").arg(m_sweptKnob).arg(m_sweptValues.size()));
        return;
    }
    auto edits = m_baseEdits;
    edits.emplace_back(m_sweptKnob.toStdString(), m_sweptValues[static_cast<int>(next)].toStdString());
    auto scenario = PolicyDraft::scenarioFor(m_base, m_baseConfig, edits);
    if (!scenario) {
        finish(QString::fromStdString(scenario.error().message()));
        return;
    }
    m_status->setText(tr("Simulating %1 = %2 (%3 of %4)…")
                          .arg(m_sweptKnob, m_sweptValues[static_cast<int>(next)])
                          .arg(next + 1)
                          .arg(m_sweptValues.size()));
    m_runner->start(*scenario);
}

void SweepPanel::finish(const QString& message)
{
    m_status->setText(message);
    m_run->setText(tr("Sweep"));
    Q_EMIT finished();
}

void SweepPanel::plot()
{
    const QString title = tr("%1 by %2").arg(m_metric->currentText(), m_sweptKnob);
    std::vector<SweepChart::Line> lines;
    if (!m_results.empty()) {
        QStringList names;
        for (const auto& g : m_results.front()->groups)
            names << QString::fromStdString(g.name);
        const int metric = m_metric->currentIndex();
        for (std::size_t g = 0; g < m_results.front()->groups.size(); ++g) {
            if (m_results.front()->groups[g].parent != 0)
                continue; // experiments only
            SweepChart::Line line {names[static_cast<int>(g)], groupColour(names[static_cast<int>(g)], names), {}};
            for (const auto& result : m_results) {
                const auto figures = pp::groupFigures(*result);
                if (g < figures.size())
                    line.values.push_back(metricOf(figures[g], metric));
            }
            lines.push_back(std::move(line));
        }
    }
    m_chart->show(title, m_sweptKnob, m_sweptValues, m_metric->currentText(), lines);
}
