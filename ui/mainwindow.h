// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "sim/result.h"
#include "sim/scenario.h"

#include <QMainWindow>

class GroupTableModel;
class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QTreeView;
class SimulationRunner;

/// The main window: the loaded pool's groups with what the simulation gave each of them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Simulates the scenario in the background and shows it when done.
    void openScenario(const pp::Scenario& scenario);
    bool isBusy() const;

Q_SIGNALS:
    void resultShown();

private:
    void showResult(const pp::Result& result);
    void showFailure(const QString& reason);

    pp::Scenario m_scenario;
    GroupTableModel* m_groups = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_summary = nullptr;
    QProgressBar* m_progress = nullptr;
    SimulationRunner* m_runner = nullptr;
};
