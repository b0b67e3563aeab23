// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "sim/result.h"
#include "sim/scenario.h"

#include <QMainWindow>

class FlowTableModel;
class GroupTableModel;
class PoolSeriesModel;
class QLabel;
class QListWidget;
class QProgressBar;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;
class SimulationRunner;

/// The main window: a navigator (Pool, Groups, Flows, Notebooks, Planner, Compare, Reports) over the loaded
/// pool and what the simulation gave each group.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class View { Pool, Groups, Flows, Notebooks, Planner, Compare, Reports };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Simulates the scenario in the background and shows it when done.
    void openScenario(const pp::Scenario& scenario);
    bool isBusy() const;
    void showView(View view);
    /// The view for a name as `--view` takes it ("pool", "groups", …); false when there is none.
    static bool viewFromName(const QString& name, View* view);

Q_SIGNALS:
    void resultShown();

private:
    QWidget* buildPoolView();
    QWidget* buildGroupsView();
    QWidget* buildFlowsView();
    QWidget* buildNotebooksView();
    QWidget* buildComingView(const QString& title, const QString& what);
    void showResult(const pp::Result& result);
    void showFailure(const QString& reason);

    pp::Scenario m_scenario;
    GroupTableModel* m_groups = nullptr;
    PoolSeriesModel* m_series = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    FlowTableModel* m_flows = nullptr;
    QListWidget* m_navigator = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_poolFacts = nullptr;
    QLabel* m_notebooks = nullptr;
    QProgressBar* m_progress = nullptr;
    SimulationRunner* m_runner = nullptr;
};
