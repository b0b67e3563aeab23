// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "model/scenario.h"

#include <QWidget>

#include <functional>
#include <memory>

class ForecastRunner;
class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

/// Under the group tree: "a job of N cores (or a notebook) submitted to the chosen group at the start of the shown
/// period starts in about p50 (p90)", played forward over 20 tie seeds off the GUI thread (issue 15).
class ForecastPanel : public QWidget
{
    Q_OBJECT
public:
    /// `scenario` gives the scenario to play forward when asked (copied then, not at every result).
    explicit ForecastPanel(std::function<std::shared_ptr<const pp::Scenario>()> scenario, QWidget* parent = nullptr);

    void setGroup(int group, const QString& name);
    /// When the job is submitted: seconds after the run's start, and how to say it ("now" for a snapshot).
    void setSubmitAfter(std::int64_t seconds, const QString& when);

private:
    void forecast();

    std::function<std::shared_ptr<const pp::Scenario>()> m_scenario;
    ForecastRunner* m_runner = nullptr;
    QSpinBox* m_cores = nullptr;
    QCheckBox* m_notebook = nullptr;
    QPushButton* m_button = nullptr;
    QLabel* m_answer = nullptr;
    int m_group = -1;
    QString m_groupName;
    std::int64_t m_submitAfter = 0;
    QString m_when;
};
