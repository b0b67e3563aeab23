// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
#pragma once

#include "analysis/notebookactivity.h"
#include "config/config.h"
#include "model/result.h"
#include "model/scenario.h"
#include "poolwatcher.h"
#include "scenario/scenariofile.h"
#include "workspace.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class FlowTableModel;
class MessageBanner;
class QPushButton;
class ScenarioLoader;
class ValidationDialog;
class WorkspaceSession;
class QLineEdit;
class QMenu;
class GroupTreeModel;
class MachineTableModel;
class NotebookCharts;
class WaitReasonChart;
class ForecastPanel;
class PlannerView;
class CompareView;
class ReportsView;
class PlanningSession;
class PoolSeriesModel;
class QLabel;
class QListWidget;
class QProgressBar;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;
class TimeRangeBar;
class UsageChart;

/// The main window: a navigator (Pool, Groups, Flows, Notebooks, Planner, Compare, Reports) over the loaded
/// pool and what the simulation gave each group.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class View { Pool, Groups, Flows, Notebooks, Planner, Compare, Reports };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Simulates the scenario in the background and shows it when done. `config` is what its policy was read
    /// from: the planner edits knobs over it.
    void openScenario(const pp::Scenario& scenario, const pp::Config& config);
    /// Reads the files in the background (pp::scenarioFromFiles says what a mix of them means) and opens the
    /// scenario; a file that cannot be read leaves the window as it was, with an error banner naming it.
    void openFiles(const QStringList& paths);
    void openDemo();
    /// Polls the pool on an interval and opens each snapshot as it arrives (File → Watch Pool…).
    void watchPool(const PoolWatcher::Settings& settings);
    void stopWatching();

    /// Workspaces (File menu): everything shown, kept in one SQLite file; reopening restores it and the view.
    bool newWorkspace(const QString& path);
    bool openWorkspace(const QString& path);
    bool saveWorkspaceAs(const QString& path);
    const WorkspaceSession* session() const { return m_session; }
    const PlanningSession* planning() const { return m_planning; }
    const PoolWatcher* watcher() const { return m_watcher; }
    const MessageBanner* banner() const { return m_banner; }
    bool isBusy() const;
    void showView(View view);
    /// The view for a name as `--view` takes it ("pool", "groups", …); false when there is none.
    static bool viewFromName(const QString& name, View* view);

Q_SIGNALS:
    void resultShown();
    /// Opening files failed; the window still shows what it had.
    void openFailed(const QString& message);
    /// A live snapshot arrived and was written to `directory`; it is being opened.
    /// A poll came back; `label` names it ("poll 3 of HOST") as messages about it do.
    void snapshotReceived(const QString& label);
    /// What was opened holds nothing to show (a workspace without a pool); the window stays as it was.
    void nothingToShow(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    /// As the user left it, or most of the screen the first time.
    void restoreWindowGeometry();
    void buildMenus();
    void chooseFiles();
    void chooseScenarioFile();
    /// Files are about to be read: what a poll or an earlier plan left pending no longer applies.
    void beginOpening(const QStringList& paths);
    void chooseSaveScenarioFile();
    void chooseWatch();
    /// File → Validate Against History…
    void showValidation();
    void takeSnapshot(const PoolSnapshot& snapshot);
    /// Says why the workspace's pool could not be shown, and offers its snapshot from before snapshot `before`.
    void offerEarlierSnapshot(const QString& why, qint64 before);
    void showWatchState(PoolWatcher::State state);
    void chooseNewWorkspace();
    void chooseWorkspace();
    void chooseSaveAs();
    void save();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void updateTitle();
    void saveViewState();
    void restoreViewState();
    void showWorkspaceError(const QString& message);
    QWidget* buildPoolView();
    QWidget* buildGroupsView();
    QWidget* buildFlowsView();
    QWidget* buildNotebooksView();
    void showResult(const pp::Result& result);
    void showFailure(const QString& reason);
    /// The shared period changed: every view shows samples [first, last].
    void applyRange(int firstSample, int lastSample);
    void showNotebookPeriod(const pp::NotebookActivity::Period& period);
    /// Works the baseline's notebook activity out, once per result, when the Notebooks view needs it.
    void showNotebookActivity();

    GroupTreeModel* m_groups = nullptr;
    MachineTableModel* m_machines = nullptr;
    QLabel* m_machinesMoment = nullptr;
    PoolSeriesModel* m_series = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    FlowTableModel* m_flows = nullptr;
    QListWidget* m_navigator = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_poolFacts = nullptr;
    QLabel* m_notebooks = nullptr;
    QLabel* m_notebookPeriod = nullptr;
    NotebookCharts* m_notebookCharts = nullptr;
    bool m_notebooksStale = false; // the result's notebook activity is not worked out yet
    WaitReasonChart* m_waitChart = nullptr;
    ForecastPanel* m_forecast = nullptr;
    std::int64_t m_runStartUnix = 0; ///< Unix time of the shown run's start; 0 = unknown
    PlannerView* m_planner = nullptr;
    CompareView* m_compare = nullptr;
    ReportsView* m_reports = nullptr;
    QProgressBar* m_progress = nullptr;
    PlanningSession* m_planning = nullptr;
    ScenarioLoader* m_loader = nullptr;
    MessageBanner* m_banner = nullptr;
    QPushButton* m_cancelLoad = nullptr;
    QLabel* m_loadedFrom = nullptr;
    TimeRangeBar* m_range = nullptr;
    UsageChart* m_chart = nullptr;
    // What a period's surplus flows are computed from (the rest of the result lives in the models).
    std::vector<pp::GroupSummary> m_resultGroups;
    std::vector<std::vector<pp::GroupSample>> m_groupSeries;
    std::vector<pp::PoolSample> m_poolSeries;
    std::vector<pp::SurplusFlow> m_wholeRunFlows;
    std::int64_t m_sampleInterval = 3600;
    QStringList m_openWarnings; // from reading the files, shown again with the result
    PoolWatcher* m_watcher = nullptr;
    QLabel* m_watchStatus = nullptr;
    QAction* m_stopWatching = nullptr;
    ValidationDialog* m_validation = nullptr;
    int m_snapshots = 0; // polls taken since watching began
    // The poll being read: it joins the workspace only once it was read, so a poll that cannot be read never
    // becomes what the workspace opens with.
    std::optional<PoolSnapshot> m_pendingSnapshot;
    qint64 m_earlierSnapshotId = 0; // the workspace's earlier snapshot being read instead of one that failed
    WorkspaceSession* m_session = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLineEdit* m_groupFilter = nullptr;
    QStringList m_pendingPaths; // what the loader is reading, recorded in the session once it has read them
    bool m_restoring = false; // reopening a workspace: its data is in it already, its view state comes back
    bool m_liveUpdate = false; // the scenario being opened is a new snapshot of the pool being watched
    // The scenario being opened in a scenario file's terms (the demo, a scenario file's base) and its changes.
    struct PendingPlan
    {
        pp::ScenarioSpec base;
        pp::KnobEdits edits;
        QString name;
    };
    std::optional<PendingPlan> m_pendingPlan;
    std::optional<QList<Workspace::ImportedFile>> m_preparedFiles; // the files being opened, ready for the workspace
};
