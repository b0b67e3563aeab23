// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#include "forecastpanel.h"

#include "forecastrunner.h"

#include "format/forecastformat.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

ForecastPanel::ForecastPanel(std::function<std::shared_ptr<const pp::Scenario>()> scenario, QWidget* parent)
    : QWidget(parent)
    , m_scenario(std::move(scenario))
    , m_runner(new ForecastRunner(this))
{
    setObjectName(QStringLiteral("forecastPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Forecast a job of"), this));
    m_cores = new QSpinBox(this);
    m_cores->setObjectName(QStringLiteral("forecastCores"));
    m_cores->setRange(1, 1024);
    m_cores->setSuffix(tr(" core"));
    connect(m_cores, &QSpinBox::valueChanged, this,
        [this](int cores) { m_cores->setSuffix(cores == 1 ? tr(" core") : tr(" cores")); });
    row->addWidget(m_cores);
    m_notebook = new QCheckBox(tr("or a notebook"), this);
    m_notebook->setObjectName(QStringLiteral("forecastNotebook"));
    connect(m_notebook, &QCheckBox::toggled, m_cores, &QWidget::setDisabled);
    row->addWidget(m_notebook);
    m_button = new QPushButton(tr("Forecast its start"), this);
    m_button->setObjectName(QStringLiteral("forecastButton"));
    m_button->setEnabled(false);
    connect(m_button, &QPushButton::clicked, this, &ForecastPanel::forecast);
    row->addWidget(m_button);
    row->addStretch(1);
    layout->addLayout(row);
    m_answer = new QLabel(this);
    m_answer->setObjectName(QStringLiteral("forecastAnswer"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_answer);

    connect(m_runner, &ForecastRunner::finished, this, [this](const pp::StartForecast& f) {
        m_button->setEnabled(m_group >= 0);
        m_answer->setText(QString::fromStdString(pp::forecastText(f)).trimmed());
    });
    connect(m_runner, &ForecastRunner::failed, this, [this](const QString& message) {
        m_button->setEnabled(m_group >= 0);
        m_answer->setText(tr("No forecast: %1").arg(message));
    });
}

void ForecastPanel::setGroup(int group, const QString& name)
{
    m_group = group;
    m_groupName = name;
    m_button->setEnabled(group >= 0 && !m_runner->isRunning());
    m_button->setToolTip(
        group >= 0 ? tr("When a job submitted to %1 %2 would start, over 20 runs").arg(name, m_when) : QString());
}

void ForecastPanel::setSubmitAfter(std::int64_t seconds, const QString& when)
{
    m_submitAfter = seconds;
    m_when = when;
}

void ForecastPanel::forecast()
{
    const auto scenario = m_scenario();
    if (!scenario || m_group < 0)
        return;
    pp::ForecastRequest request;
    request.group = m_groupName.toStdString();
    request.notebook = m_notebook->isChecked();
    request.cores = request.notebook ? 1 : m_cores->value();
    request.submitAfter = m_submitAfter;
    request.when = m_when.toStdString();
    m_button->setEnabled(false);
    m_answer->setText(tr("Forecasting a start in %1 %2 over 20 runs…").arg(m_groupName, m_when));
    m_runner->start(scenario, request);
}
