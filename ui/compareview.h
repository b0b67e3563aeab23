// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/comparison.h"

#include <QWidget>

#include <optional>
#include <string>
#include <utility>
#include <vector>

class ComparisonCharts;
class ComparisonModel;
class PlanningSession;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class ScenarioSet;
class SimulationRunner;

/// Two scenarios side by side: what changes for each group (tinted better or worse), usage over time on shared
/// axes, waits by job size, the surplus flows of both, and a written summary. A kept scenario without a result
/// is simulated on request.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    explicit CompareView(PlanningSession* session, QWidget* parent = nullptr);

    /// Compares two rows of the scenario set.
    void compare(int first, int second);
    int firstRow() const;
    int secondRow() const;
    const pp::Comparison& comparison() const;
    ComparisonCharts* charts() const { return m_charts; }
    QString summaryText() const;

Q_SIGNALS:
    void compared();

private:
    void refresh();
    void simulateMissing();

    ScenarioSet* m_scenarios;
    PlanningSession* m_session;
    ComparisonModel* m_model = nullptr;
    ComparisonCharts* m_charts = nullptr;
    SimulationRunner* m_runner = nullptr;
    QComboBox* m_first = nullptr;
    QComboBox* m_second = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_simulate = nullptr;
    QTreeWidget* m_flows = nullptr;
    int m_simulatingRow = -1;
    // Which scenario that run is for: its result is attached only if the scenario is still the same.
    QString m_simulatingName;
    std::vector<std::pair<std::string, std::optional<std::string>>> m_simulatingKnobs;
};
